"""The ``newsgraph`` command (Typer + Rich): :data:`app` and its commands, one module per group.

Commands are registered here in the order ``newsgraph --help`` lists them; each lives in its group's
module: :mod:`~newsgraph.cli.ingest` (ingest, extract, reprocess, batch), :mod:`~newsgraph.cli.browse` (list,
show, errors, search, related, popular, stances), :mod:`~newsgraph.cli.kb` (resolve, entity, events),
:mod:`~newsgraph.cli.voices`, :mod:`~newsgraph.cli.export`, :mod:`~newsgraph.cli.serve`,
:mod:`~newsgraph.cli.evaluate` (eval).

Exit codes: 0 success (or something ingested), 1 when every input failed or a
lookup found nothing, 2 for usage errors (Typer's own).
"""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli import browse, evaluate, export, ingest, kb, serve, sources, voices
from newsgraph.cli.common import console
from newsgraph.core.version import __version__

app = typer.Typer(
    name="newsgraph",
    help="Turn news pages into an evidence-backed record of who did what to whom, who said what, "
    "and which governments took which position.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        console.print(f"newsgraph {__version__}")
        raise typer.Exit(0)


app.command()(ingest.ingest)
app.command("list")(browse.list_documents)
app.command()(browse.show)
app.command()(browse.errors)
app.command()(ingest.extract)
app.command()(ingest.reprocess)
app.command("eval")(evaluate.eval_)
app.command()(ingest.batch)
app.command("search")(browse.search_cmd)
app.command("related")(browse.related_cmd)
app.command("popular")(browse.popular_cmd)
app.command("export")(export.export_cmd)
app.command()(serve.serve)
app.command()(serve.token)
app.command()(kb.resolve)
app.command()(kb.entity)
app.command()(kb.events)
app.command("stances")(browse.stances_board)
app.command("voices")(voices.voices_cmd)
app.command()(sources.follow)
app.command("sources")(sources.list_sources)


def run() -> None:  # pragma: no cover - console entry point wrapper
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
