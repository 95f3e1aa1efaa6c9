"""``newsgraph follow`` and ``newsgraph sources``, and the fetch options ``ingest`` shares with them.

The fetch options (``--allow-private``, ``--delay``, ``--user-agent``, ``--contact``) override the
``NEWSGRAPH_*`` environment variables of :class:`~newsgraph.sources.settings.FetchSettings`.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from newsgraph.cli.common import console, fail
from newsgraph.core.errors import NewsgraphError

AllowPrivateOption = Annotated[
    bool | None,
    typer.Option(
        "--allow-private/--no-allow-private",
        help="Fetch from loopback and private addresses (intranets, tests; env NEWSGRAPH_ALLOW_PRIVATE=1). "
        "Link-local and cloud-metadata addresses stay refused.",
        show_default=False,
    ),
]
DelayOption = Annotated[
    float | None, typer.Option("--delay", help="Seconds between two requests to one host (env NEWSGRAPH_FETCH_DELAY).")
]
UserAgentOption = Annotated[
    str | None, typer.Option("--user-agent", help="User-Agent header (env NEWSGRAPH_USER_AGENT).")
]
ContactOption = Annotated[
    str | None,
    typer.Option("--contact", help="E-mail or URL put in the User-Agent for site owners (env NEWSGRAPH_CONTACT)."),
]


def fetch_settings(**options: Any) -> Any:
    """The fetch settings from the environment and these options; a bad value ends the command (exit 2)."""
    from newsgraph.sources.settings import FetchSettings

    try:
        return FetchSettings.load(**options)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc


def make_web(store: Any, settings: Any) -> Any:
    """A web reader on the store's database: fetches recorded, validators kept."""
    from newsgraph.sources.fetch import Fetcher
    from newsgraph.sources.ledger import Ledger
    from newsgraph.sources.web import WebReader

    return WebReader(Fetcher(settings), Ledger(store.engine))


def print_fetch_counts(counts: Any) -> None:
    console.print(f"Web: {counts.line()}.")


__all__ = [
    "AllowPrivateOption",
    "ContactOption",
    "DelayOption",
    "UserAgentOption",
    "fetch_settings",
    "make_web",
    "print_fetch_counts",
]
