"""Terminal views of stored facts (used by ``newsgraph show``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.store.facts import document_facts


def print_facts(console: Console, store: Any, doc_id: str) -> None:
    with store.connect() as conn:
        facts = document_facts(conn, doc_id)
    if not any(facts.values()):
        console.print("No facts stored for this document (ingested with --no-extract, or a near-duplicate).")
        return
    entities: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in facts["mentions"]:
        entities.setdefault((m["kind"], m["name"]), []).append(m)
    if entities:
        table = Table(title="Entities", show_lines=False)
        for col in ("kind", "name", "role", "country", "mentions"):
            table.add_column(col, overflow="fold")
        for (kind, name), rows in sorted(entities.items()):
            role = next((r["role"] for r in rows if r.get("role")), "")
            country = next((r["country"] for r in rows if r.get("country")), "")
            table.add_row(kind, escape(name), escape(role or ""), country or "", str(len(rows)))
        console.print(table)
    _table(
        console,
        "Events",
        facts["events"],
        (
            "type",
            "mode",
            "actor",
            "actor_country",
            "target",
            "target_country",
            "date",
            "negated",
            "hypothetical",
            "sentence",
        ),
    )
    _table(console, "Quotes", facts["quotes"], ("speaker", "cue", "text"))
    _table(
        console, "Amounts", facts["amounts"], ("value", "unit", "about", "per", "approximate", "lower_bound", "text")
    )
    _table(console, "Dates", facts["dates"], ("text", "value", "granularity"))
    _table(console, "Stances", facts["stances"], ("country", "issue", "position", "sentence"))
    codes = sorted({t["code"] for t in facts["themes"]})
    if codes:
        console.print(f"[bold]Themes:[/bold] {', '.join(codes)}")
    if facts["tone"]:
        t = facts["tone"][0]
        console.print(
            f"[bold]Tone:[/bold] positive {t['positive']:.2f} · negative {t['negative']:.2f} · "
            f"polarity {t['polarity']:+.2f}"
        )


def _table(console: Console, title: str, rows: list[dict[str, Any]], cols: tuple[str, ...]) -> None:
    if not rows:
        return
    table = Table(title=f"{title} ({len(rows)})")
    for col in cols:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(escape("" if r.get(c) is None else str(r.get(c))) for c in cols))
    console.print(table)
