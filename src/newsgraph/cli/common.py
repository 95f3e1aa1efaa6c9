"""What every ``newsgraph`` command shares: the consoles, the ``--db`` and ``--published`` options, and how
a command loads its settings, opens the store, loads the analyzer and fails (a message, an exit code).

Exit codes: 0 success (or something ingested), 1 when every input failed or a lookup found nothing,
2 for usage errors (Typer's own, and bad option values).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.core.errors import NewsgraphError
from newsgraph.core.settings import Settings, normalize_db_url

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (env NEWSGRAPH_DB; default sqlite:///newsgraph.db)."),
]


def _published(value: str | None) -> str | None:
    """``--published`` checked like the API's ``published``: a real date, not in the future (else exit 2)."""
    from newsgraph.store.filters import check_published

    try:
        return check_published(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r}: {exc}") from None


PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for pages that carry none.", callback=_published),
]


def load_settings(db: str | None = None, **overrides: Any) -> Settings:
    """The settings (environment, then these overrides); a bad value ends the command with exit code 2."""
    try:
        return Settings.load(db=normalize_db_url(db) if db else None, **overrides)
    except NewsgraphError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


def fail(exc: NewsgraphError, code: int = 1) -> typer.Exit:
    """Print the error and return the exit to raise."""
    err_console.print(f"[red]error:[/red] {escape(str(exc))}")
    return typer.Exit(code)


def open_store(settings: Settings) -> Any:
    """The store of ``settings.db`` (migrated); an unreachable or too new database ends the command."""
    from newsgraph.store.db import Store

    try:
        return Store(settings.db)
    except NewsgraphError as exc:
        raise fail(exc) from exc


def make_analyzer(settings: Settings, enabled: bool) -> Any:
    """The NLP model and extractors, or None when extraction is off."""
    if not enabled:
        return None
    from newsgraph.extract.runner import Analyzer

    try:
        return Analyzer(settings)
    except NewsgraphError as exc:
        raise fail(exc) from exc


__all__ = [
    "DbOption",
    "PublishedOption",
    "console",
    "err_console",
    "fail",
    "load_settings",
    "make_analyzer",
    "open_store",
]
