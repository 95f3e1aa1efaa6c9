"""``newsgraph export``: the database as files for other tools (formats in :mod:`newsgraph.export`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.common import (
    DbOption,
    console,
    fail,
    load_settings,
    open_store,
)
from newsgraph.core.errors import NewsgraphError


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, gdelt, gkg, plover or graphml.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into (created if missing).")],
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Documents published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Documents published on or before (same forms).")] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="ISO alpha-3: documents about it, events with it as actor or target."),
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--event-type", help="PLOVER type: documents with such a factual event, its events.")
    ] = None,
    all_nodes: Annotated[
        bool, typer.Option("--all-nodes", help="graphml: also the entities no event links (left out by default).")
    ] = False,
) -> None:
    """Write the database as files for other tools: JSON Lines, CSV, Parquet, GDELT event and GKG tables,
    PLOVER JSON, GraphML."""
    from newsgraph.export import ExportError, UnknownFormat, export
    from newsgraph.store.filters import BadFilter, Filters

    if all_nodes and fmt.lower() != "graphml":
        raise fail(ExportError(f"--all-nodes is an option of -f graphml, not of -f {fmt}; leave it out"), 2)
    options = {"all_nodes": True} if all_nodes else {}
    store = open_store(load_settings(db))
    try:
        f = Filters.make(since=since, until=until, country=country, event_type=event_type)
        paths = export(store, fmt, out, f, **options)
    except NewsgraphError as exc:
        raise fail(exc, 2 if isinstance(exc, UnknownFormat | BadFilter) else 1) from exc
    finally:
        store.close()
    for path in paths:
        console.print(f"{path}  [dim]{path.stat().st_size:,} bytes[/dim]")
    console.print(f"{Path(out) / 'manifest.json'}  [dim]tables, row counts, source database, time[/dim]")


__all__ = ["export_cmd"]
