"""``newsgraph voices``: who said what on an issue without speaking for a country (shown apart from the
stance board, ``newsgraph stances``)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from newsgraph.cli.browse import JsonOption, emit_json
from newsgraph.cli.common import DbOption, console, fail, load_settings, open_store
from newsgraph.core.errors import NewsgraphError

__all__ = ["voices_cmd"]


def voices_cmd(
    db: DbOption = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Only issues whose label has these words.")] = None,
    person: Annotated[str | None, typer.Option("--person", help="Part of the speaker's name, or an entity id.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="The speaker's country (ISO alpha-3).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after (YYYY, YYYY-MM, YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before (inclusive prefix).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many rows.")] = 50,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many rows.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Voices: positions of governors, legislators, party leaders, candidates and commentators (persons
    who hold no office that speaks for a country), newest first, with their evidence."""
    from newsgraph.analysis.voices import list_voices
    from newsgraph.store.filters import Filters

    store = open_store(load_settings(db))
    try:
        filters = Filters.make(since=since, until=until, country=country)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc
    with store.connect() as conn:
        rows, total = list_voices(conn, filters, issue=issue, person=person, limit=limit, offset=offset)
    if as_json:
        emit_json({"data": rows, "count": total})
        raise typer.Exit(0 if rows else 1)
    if not rows:
        console.print("No voices stored" + (f" for issue {issue!r}" if issue else "") + ".")
        raise typer.Exit(1)
    table = Table(title="Voices" + (f" — {issue}" if issue else "") + f" ({total} in all, newest first)")
    for col in ("speaker", "country", "issue", "position", "date"):
        table.add_column(col, overflow="fold", no_wrap=col in ("country", "position", "date"))
    table.add_column("evidence", ratio=1, min_width=30, overflow="fold")
    table.add_column("document", no_wrap=True)
    for r in rows:
        speaker = r["speaker"] + (f" ({r['speaker_role']})" if r["speaker_role"] else "")
        table.add_row(
            escape(speaker),
            r["country"] or "",
            escape(r["issue_label"] or r["issue"]),
            r["position"],
            r["date"] or "",
            escape(r["sentence"]),
            r["document_id"],
        )
    console.print(table)
