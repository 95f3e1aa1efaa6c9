"""The knowledge base from the command line: ``newsgraph resolve``, ``entity`` and ``events`` (merged events)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsgraph.cli.common import (
    DbOption,
    console,
    fail,
    load_settings,
    open_store,
)
from newsgraph.core.errors import NewsgraphError


def resolve(
    db: DbOption = None,
    all_: Annotated[bool, typer.Option("--all", help="Rebuild every merge from scratch (deterministic).")] = False,
) -> None:
    """Merge entities and events across articles (ingest does this per batch; this catches up or rebuilds)."""
    from newsgraph.kb.pending import catch_up, rebuild

    store = open_store(load_settings(db))
    with store.engine.begin() as conn:
        summary = rebuild(conn) if all_ else catch_up(conn)
    console.print(
        f"{summary.documents} documents resolved · {summary.members} entity links · {summary.relinked} relinked · "
        f"{summary.events} event reports merged"
    )


def entity(
    name: Annotated[str, typer.Argument(help="A name, surname or alias (e.g. Putin).")],
    db: DbOption = None,
    why: Annotated[bool, typer.Option("--why", help="Explain every merge behind this entity.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
) -> None:
    """One entity across all articles: names, roles over time, quotes, events as actor and target."""
    from newsgraph.analysis.entities import entity_profile, explain
    from newsgraph.analysis.provenance import country_provenance, role_provenance

    store = open_store(load_settings(db))
    provenance: dict[str, Any] = {}
    try:
        with store.connect() as conn:
            profile = entity_profile(conn, name)
            merges = explain(conn, name) if why else []
            if why:
                countries = country_provenance(conn, profile["id"], profile["name"], profile["kind"])
                provenance = {"countries": countries, "roles": role_provenance(conn, profile["id"])}
    except NewsgraphError as exc:
        raise fail(exc) from exc
    if as_json:
        out = {"entity": profile, "merges": merges} | ({"provenance": provenance} if why else {})
        sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
        return
    console.rule(
        f"[bold]{escape(profile['name'])}[/bold] ({profile['kind']}, {profile.get('country') or 'no country'})"
    )
    console.print(
        f"{profile['mentions']} mentions in {profile['documents']} documents · first seen "
        f"{profile.get('first_seen') or '?'} · last seen {profile.get('last_seen') or '?'}"
    )
    console.print("Names: " + escape(", ".join(profile.get("names", []))))
    for role in profile.get("roles", []):
        console.print(
            f"Role: {escape(role['as_written'] or role['role'])} ({role.get('first_seen') or '?'} → "
            f"{role.get('last_seen') or '?'}, {len(role['documents'])} documents)"
        )
    for side in ("events_as_actor", "events_as_target"):
        rows = profile.get(side, [])
        if rows:
            table = Table(title=side.replace("_", " "))
            for col in ("type", "actor", "target", "day", "sources"):
                table.add_column(col, overflow="fold")
            for ev in rows:
                table.add_row(
                    ev["type"],
                    escape(ev["actor"] or ""),
                    escape(ev["target"] or ""),
                    ev["day"] or "",
                    str(ev["sources"]),
                )
            console.print(table)
    for quote in profile.get("quotes", [])[:10]:
        console.print(f"“{escape(quote.get('text', ''))}”", style="italic")
    if why:
        _print_provenance(provenance)
        for office in profile.get("offices", []):
            when = (
                ""
                if office["during"] is None
                else (
                    " — in office when the articles name them"
                    if office["during"]
                    else " — not in office when the articles name them"
                )
            )
            console.print(f"Office: {escape(str(office['why']))}{when}")
        table = Table(title="Why these names are one entity")
        for col in ("member", "level", "rule", "score", "evidence"):
            table.add_column(col, overflow="fold")
        for m in merges:
            table.add_row(
                escape(m["member"]),
                m["level"],
                m["rule"],
                f"{m['score']:.2f}" if m["score"] is not None else "",
                escape(str(m.get("evidence") or "")),
            )
        console.print(table)


def _print_provenance(provenance: dict[str, Any], examples: int = 5) -> None:
    """Where each country and role came from (``entity --why``)."""
    for c in provenance.get("countries", []):
        sources = ", ".join(f"{source} in {n}" for source, n in c["sources"].items())
        console.print(f"Country {c['country']}: {c['documents']} documents ({escape(sources)})")
        for e in c["evidence"][:examples]:
            what = f"role '{e['role']}'" if e["role"] else e["source"]
            console.print(f"  {e['published'] or '?'} {e['document_id']}: {escape(what)}")
    for r in provenance.get("roles", []):
        forms = "; ".join(f"'{f['as_written']}' in {len(f['documents'])}" for f in r["forms"])
        console.print(f"Role {escape(r['role'])}: {r['documents']} documents, written {escape(forms)}")


def events(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. PROTEST.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Actor or target country (ISO alpha-3).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many events.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Events merged across articles (same type, actor, target, ±1 day), with how many sources report each."""
    from newsgraph.analysis.events import list_merged_events
    from newsgraph.store.filters import Filters

    store = open_store(load_settings(db))
    try:
        filters = Filters.make(since=since, until=until, country=country, event_type=type_)
        with store.connect() as conn:
            rows = list_merged_events(conn, filters, limit=limit)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
        return
    if not rows:
        console.print("No events match.")
        raise typer.Exit(1)
    table = Table(title=f"Events ({len(rows)})")
    for col in ("day", "type", "mode", "actor", "actor country", "target", "target country", "sources"):
        table.add_column(col, overflow="fold")
    for ev in rows:
        table.add_row(
            ev.get("day") or "",
            ev["type"],
            ev.get("mode") or "",
            escape(ev.get("actor") or ""),
            ev.get("actor_country") or "",
            escape(ev.get("target") or ""),
            ev.get("target_country") or "",
            str(ev["sources"]),
        )
    console.print(table)


__all__ = ["entity", "events", "resolve"]
