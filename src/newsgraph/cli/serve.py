"""``newsgraph serve``: the REST API and the web pages (:mod:`newsgraph.api.server`); ``newsgraph token``: a
strong API token for a server reachable from other machines."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.common import (
    DbOption,
    fail,
    load_settings,
)
from newsgraph.core.errors import NewsgraphError


def serve(
    host: Annotated[
        str | None,
        typer.Option("--host", help="Address (default 127.0.0.1); beyond loopback set NEWSGRAPH_API_TOKEN."),
    ] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port (env NEWSGRAPH_PORT; default 8000).")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Server processes.")] = 1,
    db: DbOption = None,
) -> None:
    """Serve the REST API (/api, /docs) and the web pages from the database."""
    from newsgraph.api.server import run

    settings = load_settings(db, host=host, port=port)
    try:
        run(settings, workers=workers)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc


def token() -> None:
    """Print a strong random API token (for NEWSGRAPH_API_TOKEN): export NEWSGRAPH_API_TOKEN=$(newsgraph token)."""
    from newsgraph.api.server import new_token

    typer.echo(new_token())


__all__ = ["serve", "token"]
