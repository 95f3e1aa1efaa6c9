"""Looking at what is stored: ``newsgraph list``, ``show``, ``errors``, ``search``, ``related``, ``popular``
and ``stances``."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsgraph.cli.common import (
    DbOption,
    console,
    fail,
    load_settings,
    open_store,
)
from newsgraph.core.errors import NewsgraphError

JsonOption = Annotated[bool, typer.Option("--json", help="JSON instead of a table.")]


def emit_json(data: Any) -> None:
    """``data`` as JSON on stdout, unwrapped whatever the terminal width (dates as ISO strings)."""
    typer.echo(json.dumps(data, ensure_ascii=False, default=str, indent=2))


def list_documents(
    db: DbOption = None,
    role: Annotated[str | None, typer.Option(help="main or teaser")] = None,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, newest first (undated last)."""
    from newsgraph.store.queries import list_articles

    store = open_store(load_settings(db))
    with store.connect() as conn:
        rows, total = list_articles(conn, role=role, include_duplicates=True, limit=limit, offset=offset)
    if as_json:
        emit_json({"data": rows, "count": total})
        return
    table = Table(title=f"Documents ({total} in all, newest first)", expand=False)
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("role", no_wrap=True)
    table.add_column("title", ratio=1, min_width=24, overflow="fold")  # wraps between words; folds only a long word
    extra = [c for c in ("section", "duplicate_of") if any(r[c] for r in rows)]
    for col in extra:
        table.add_column(col.replace("_", " "), max_width=16, overflow="fold")
    for r in rows:
        cells = (escape(r[c] or "") for c in extra)
        table.add_row(r["id"], (r["date"] or "")[:10], r["role"], escape(r["title"]), *cells)
    console.print(table)


def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
    db: DbOption = None,
) -> None:
    """Show one document, readable, with the facts found in it."""
    store = open_store(load_settings(db))
    try:
        doc = store.document(doc_id)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    console.rule(f"[bold]{escape(doc['title'])}")
    meta = [f"id {doc['id']}", f"role {doc['role']}"]
    for key in ("section", "published", "url"):
        if doc.get(key):
            meta.append(f"{key} {doc[key]}")
    if doc.get("duplicate_of"):
        meta.append(f"near-duplicate of {doc['duplicate_of']} (similarity {doc.get('similarity')})")
    console.print(" · ".join(meta), style="dim")
    if doc["sources"]:
        console.print(f"Sources: {escape(', '.join(doc['sources']))}")
    if doc.get("picture_caption"):
        credit = f" ({doc['picture_credit']})" if doc.get("picture_credit") else ""
        console.print(f"Picture: {escape(doc['picture_caption'] + credit)}")
    console.print()
    console.print(escape(doc["body"]))
    console.print()
    for page in doc["pages"]:
        console.print(f"on page {page['id']} ({escape(page['source'])}), {page['occurrences']}×", style="dim")
    try:
        from newsgraph.cli.views import print_facts
    except ImportError:
        return
    print_facts(console, store, doc["id"])


def errors(
    db: DbOption = None,
    last: Annotated[bool, typer.Option("--last", help="Only the last run's errors.")] = False,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """List the inputs that could not be ingested (and warnings), with the reason."""
    store = open_store(load_settings(db))
    rows = store.errors(run_id=store.last_run_id() if last else None, limit=limit)
    if as_json:
        emit_json({"data": rows, "count": len(rows)})
        return
    if not rows:
        console.print("No ingest errors recorded.")
        return
    console.print(f"[bold]{len(rows)} ingest errors and warnings[/bold] (newest first)")
    for r in rows:
        when = r["created_at"].strftime("%Y-%m-%d %H:%M") if r["created_at"] else ""
        mark = "[red]✗[/red]" if r["severity"] == "error" else "[yellow]![/yellow]"
        console.print(f"{mark} {when} {r['code']} {r['reason']}: {escape(r['message'])}", soft_wrap=True)


def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find; OR between words for either.")],
    db: DbOption = None,
    country: Annotated[str | None, typer.Option("--country", help="Documents with facts about this country.")] = None,
    person: Annotated[str | None, typer.Option("--person", help="Documents mentioning this person.")] = None,
    event_type: Annotated[str | None, typer.Option("--event-type", help="Documents with this event type.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many hits.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored documents, ranked, with highlighted snippets."""
    from newsgraph.store.filters import Filters

    store = open_store(load_settings(db))
    try:
        filters = Filters.make(since=since, until=until, country=country, person=person, event_type=event_type)
        hits = store.search(query, filters, limit=limit)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc
    if as_json:
        emit_json({"data": [asdict(h) for h in hits], "count": len(hits)})
        raise typer.Exit(0 if hits else 1)
    if not hits:
        console.print("No documents match.")
        raise typer.Exit(1)
    for rank, hit in enumerate(hits, 1):
        console.print(
            f"[bold]{rank}. {escape(hit.title)}[/bold] [dim]{hit.document_id} · {hit.published or 'undated'} · "
            f"{hit.role} · score {hit.score:.2f}[/dim]"
        )
        console.print(_highlighted("   " + " ".join(hit.snippet.split())), soft_wrap=True)


def _highlighted(snippet: str) -> Text:
    """A snippet whose [marked] words are shown highlighted (no markup parsing of the text)."""
    out = Text()
    for part in re.split(r"(\[[^\[\]]*\])", snippet):
        if part.startswith("[") and part.endswith("]"):
            out.append(part[1:-1], style="bold yellow")
        else:
            out.append(part)
    return out


def related_cmd(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", help="How many documents.")] = 10,
    method: Annotated[
        str, typer.Option("--method", help="auto (embeddings when the extra is installed), text or embeddings.")
    ] = "auto",
    as_json: JsonOption = False,
) -> None:
    """Documents related to one document (shared wording and entities), and its near-duplicates."""
    from newsgraph.analysis.related import duplicates, related

    store = open_store(load_settings(db))
    try:
        with store.connect() as conn:
            found, copies = related(conn, doc_id, limit=limit, method=method), duplicates(conn, doc_id)
    except NewsgraphError as exc:
        raise fail(exc) from exc
    if as_json:
        emit_json({"related": found, "duplicates": copies})
        return
    for rank, item in enumerate(found, 1):
        console.print(
            f"[bold]{rank}. {escape(item['title'])}[/bold] [dim]{item['id']} · {item['published'] or 'undated'} · "
            f"score {item['score']:.2f}[/dim]"
        )
        console.print(f"   {escape(item['reason'])}", style="dim")
    for copy in copies:
        what = "original" if copy["original"] else f"near-duplicate (similarity {copy['similarity']})"
        console.print(f"{what}: {copy['id']} {escape(copy['title'])}", style="dim")
    if not found and not copies:
        console.print("No related documents.")
        raise typer.Exit(1)


def popular_cmd(
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after (YYYY, YYYY-MM, YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (inclusive prefix).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="person, organization, place or country.")] = None,
    events: Annotated[bool, typer.Option("--events", help="Most-reported events instead of entities.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="How many rows.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Most-mentioned entities (or most-reported events) in a time window."""
    from newsgraph.analysis.popular import popular, top_events
    from newsgraph.store.filters import Filters

    store = open_store(load_settings(db))
    try:
        filters = Filters.make(since=since, until=until)
        with store.connect() as conn:
            rows = top_events(conn, filters, limit=limit) if events else popular(conn, filters, kind=kind, limit=limit)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc
    if as_json:
        emit_json({"data": rows, "count": len(rows)})
        raise typer.Exit(0 if rows else 1)
    if not rows:
        console.print("Nothing in that window.")
        raise typer.Exit(1)
    columns = (
        ["type", "actor_country", "target_country", "documents", "events", "first", "last"]
        if events
        else ["name", "kind", "country", "documents", "mentions"]
    )
    table = Table(title="Most-reported events" if events else "Most-mentioned entities")
    for col in columns:
        table.add_column(col.replace("_", " "))
    for row in rows:
        table.add_row(*(escape(str(row[c])) if row[c] is not None else "" for c in columns))
    console.print(table)


def stances_board(
    db: DbOption = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Only issues whose label has these words.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Board as it stood on this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="One country (ISO alpha-3).")] = None,
    history: Annotated[bool, typer.Option("--history", help="Also list the earlier evidence of each cell.")] = False,
    as_json: JsonOption = False,
) -> None:
    """The country-by-issue stance board: latest position per country and issue, with its evidence.

    An issue is one across articles (its cluster's label); a statement whose document named it otherwise
    shows that name under its document."""
    from newsgraph.analysis.stances import board
    from newsgraph.store.filters import Filters

    store = open_store(load_settings(db))
    try:
        filters = Filters.make(until=as_of, country=country)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc
    with store.connect() as conn:
        cells = board(conn, filters, issue=issue)
    if as_json:
        emit_json({"data": [c.to_dict() for c in cells], "count": len(cells)})
        raise typer.Exit(0 if cells else 1)
    if not cells:
        console.print("No stances stored" + (f" for issue {issue!r}" if issue else "") + ".")
        raise typer.Exit(1)
    title = "Stance board" + (f" — {issue}" if issue else "") + (f" as of {as_of}" if as_of else "")
    table = Table(title=title)
    for col in ("country", "issue", "position", "date", "evidence", "document"):
        table.add_column(col, overflow="fold")
    for cell in cells:
        style = "bold yellow" if cell.position == "no official statement" else None
        table.add_row(
            cell.country,
            escape(cell.issue),
            f"[{style}]{cell.position}[/]" if style else cell.position,
            cell.date or "",
            escape(cell.evidence.sentence),
            _document(cell.evidence, cell.issue),
        )
        if history:
            for ev in cell.history[:-1] if cell.history[-1] is cell.evidence else cell.history:
                if ev is not cell.evidence:
                    table.add_row(
                        "",
                        "",
                        f"(earlier) {ev.position}",
                        ev.date or "",
                        escape(ev.sentence),
                        _document(ev, cell.issue),
                    )
    console.print(table)


def _document(ev: Any, issue: str) -> str:
    """A statement's document, with the issue as the document named it when the column's label differs."""
    return ev.document_id + (f"\n(on {escape(ev.issue)})" if ev.issue and ev.issue != issue else "")


__all__ = ["emit_json", "errors", "list_documents", "popular_cmd", "related_cmd", "search_cmd", "show", "stances_board"]
