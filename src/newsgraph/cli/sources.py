"""``newsgraph follow`` and ``newsgraph sources``, and the fetch options ``ingest`` shares with them.

The fetch options (``--allow-private``, ``--delay``, ``--user-agent``, ``--contact``) override the
``NEWSGRAPH_*`` environment variables of :class:`~newsgraph.sources.settings.FetchSettings`.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from newsgraph.cli.common import (
    DbOption,
    PublishedOption,
    console,
    err_console,
    fail,
    load_settings,
    make_analyzer,
    open_store,
)
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


def follow(
    urls: Annotated[list[str], typer.Argument(help="Feeds, sitemaps or site pages (their feeds are discovered).")],
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 30s, 15m, 1h.")] = "15m",
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract facts while ingesting.")] = True,
    published: PublishedOption = None,
    allow_private: AllowPrivateOption = None,
    delay: DelayOption = None,
    user_agent: UserAgentOption = None,
    contact: ContactOption = None,
) -> None:
    """Follow feeds, sitemaps and sites: fetch and ingest only entries not seen before, every --every."""
    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.sources.follow import Follower, parse_every
    from newsgraph.sources.ledger import Ledger

    try:
        seconds = parse_every(every)
    except ValueError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    settings = load_settings(db)
    fetching = fetch_settings(allow_private=allow_private, delay=delay, user_agent=user_agent, contact=contact)
    store = open_store(settings)
    web = make_web(store, fetching)
    follower = Follower(
        Pipeline(settings, store=store, analyzer=make_analyzer(settings, extract)),
        web,
        Ledger(store.engine),
        published=published,
    )
    rounds: list[Any] = []

    def report(outcome: Any) -> None:
        rounds.append(outcome)
        for source in outcome.reports:
            state = (
                f"error: {source.error}"
                if source.error
                else (
                    "not modified since the last round"
                    if source.not_modified
                    else f"{source.entries} entries, {source.new} new"
                )
            )
            console.print(f"{escape(source.url)} ({source.kind}): {escape(state)}")
        summary = outcome.summary
        console.print(
            f"Round: fetched {outcome.fetched} new page{'s' if outcome.fetched != 1 else ''}, "
            f"{summary.pages_new} pages stored, {summary.documents} documents, {len(summary.errors)} errors."
        )

    try:
        follower.run(urls, every=seconds, rounds=1 if once else None, on_round=report)
    except KeyboardInterrupt:
        console.print("Stopped.")
    finally:
        web.close()
    failed = bool(rounds) and all(s.error for s in rounds[-1].reports)
    raise typer.Exit(1 if failed else 0)


def list_sources(
    db: DbOption = None,
    fetches: Annotated[
        int, typer.Option("--fetches", help="Also list the last N fetches (URL, status, bytes, time).")
    ] = 0,
) -> None:
    """The followed sources: kind, last success, last error, failures in a row, entries and pages."""
    from rich.table import Table

    from newsgraph.sources.ledger import Ledger

    store = open_store(load_settings(db))
    ledger = Ledger(store.engine)
    if fetches > 0:
        _print_fetches(ledger.fetch_log(limit=fetches))
    rows = ledger.list_sources()
    if not rows:
        console.print("No followed sources yet: newsgraph follow FEED_OR_SITE --once")
        return
    table = Table("id", "source", "kind", "last success", "last error", "failures", "entries", "pages")
    for row in rows:
        table.add_row(
            str(row.id),
            escape(row.url),
            row.kind,
            _when(row.last_success_at),
            escape(f"{_when(row.last_error_at)} {row.last_error or ''}".strip()),
            str(row.failures),
            str(row.entries_seen),
            str(row.pages_fetched),
        )
    console.print(table)


def _print_fetches(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("when", "url", "final url", "status", "bytes", "ms", "outcome", title="Last fetches")
    for row in rows:
        final = row["final_url"] if row["final_url"] and row["final_url"] != row["url"] else ""
        outcome = row["outcome"] + (f": {row['error']}" if row["error"] else "")
        table.add_row(
            _when(row["fetched_at"]),
            escape(row["url"]),
            escape(final),
            str(row["status"] or ""),
            str(row["bytes"]),
            f"{row['elapsed_ms']:.0f}" if row["elapsed_ms"] is not None else "",
            escape(outcome),
        )
    console.print(table)


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "–"


__all__ = [
    "AllowPrivateOption",
    "ContactOption",
    "DelayOption",
    "UserAgentOption",
    "fetch_settings",
    "follow",
    "list_sources",
    "make_web",
    "print_fetch_counts",
]
