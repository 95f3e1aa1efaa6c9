"""``newsgraph ingest``, ``extract``, ``reprocess`` and ``batch``: reading pages into the database, into
records, or on a Dask cluster into Parquet shards, and extracting stored documents again."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

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
from newsgraph.cli.sources import (
    AllowPrivateOption,
    ContactOption,
    DelayOption,
    UserAgentOption,
    fetch_settings,
    make_web,
    print_fetch_counts,
)
from newsgraph.core.errors import NewsgraphError


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, WARC archives, http(s) URLs, or - for standard input."),
    ] = None,
    published: PublishedOption = None,
    db: DbOption = None,
    urls: Annotated[
        list[str] | None, typer.Option("--urls", help="A file of URLs to fetch, one per line (# comments).")
    ] = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Glob of files to read in directories.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Glob of files to skip in directories.")
    ] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this.")] = None,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract facts while ingesting.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    allow_private: AllowPrivateOption = None,
    delay: DelayOption = None,
    user_agent: UserAgentOption = None,
    contact: ContactOption = None,
) -> None:
    """Read pages (files, folders, WARC archives, URLs), split them into articles and teasers, extract facts
    and store them."""
    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.sources.inputs import iter_inputs, plan_inputs

    settings = load_settings(
        db, include=tuple(include or ()) or None, exclude=tuple(exclude or ()) or None, max_bytes=max_bytes
    )
    fetching = fetch_settings(
        allow_private=allow_private, delay=delay, user_agent=user_agent, contact=contact, max_bytes=max_bytes
    )
    plan = plan_inputs(paths or [], url_lists=urls or [], include=settings.include, exclude=settings.exclude)
    if not plan:
        err_console.print("[red]error:[/red] no input files or URLs found under the given arguments")
        raise typer.Exit(2)
    store = open_store(settings)
    pipeline = Pipeline(settings, store=store, analyzer=make_analyzer(settings, extract))
    total = plan.total
    webs: list[Any] = []

    def web() -> Any:
        if not webs:
            webs.append(make_web(store, fetching))
        return webs[0]

    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[docs]} docs · {task.fields[rate]:.1f} docs/s · {task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
        transient=False,
    ) as bar:
        task = bar.add_task("ingest", total=total, docs=0, rate=0.0, errors=0)

        def on_progress(n: int, summary: Any) -> None:
            elapsed = bar.tasks[task].elapsed or 0.0
            bar.update(
                task,
                advance=n,
                docs=summary.documents,
                rate=summary.documents / elapsed if elapsed else 0.0,
                errors=len(summary.errors),
            )

        pages = iter_inputs(plan, max_bytes=settings.max_bytes, published=published, web=web)
        summary = pipeline.ingest_pages(pages, inputs=[*(paths or []), *(urls or [])], progress=on_progress)
        bar.update(task, completed=total)
    _print_summary(summary, store.safe_url)
    if webs:
        print_fetch_counts(webs[0].counts)
        webs[0].close()
    if extract:
        found = store.fact_counts()
        console.print("In the database: " + ", ".join(f"{n} {kind}" for kind, n in found.items()))
        console.print("Next: newsgraph list, newsgraph show ID, newsgraph stances, newsgraph serve", style="dim")
    raise typer.Exit(summary.exit_code)


def _print_summary(summary: Any, where: str) -> None:
    table = Table(title=f"Ingest summary → {where}", show_header=False)
    table.add_row("pages stored", str(summary.pages_new))
    table.add_row("pages already stored (unchanged)", str(summary.pages_unchanged))
    table.add_row("documents stored", str(summary.documents))
    table.add_row("  of which teasers", str(summary.teasers))
    table.add_row("documents already stored, linked", str(summary.linked))
    table.add_row("near-duplicates linked to their original", str(summary.duplicates))
    table.add_row("stored documents extracted again (facts missing or older)", str(summary.reprocessed))
    table.add_row("errors", str(len(summary.errors)))
    table.add_row("warnings", str(len(summary.warnings)))
    table.add_row("documents/s", f"{summary.docs_per_second:.1f}")
    console.print(table)
    if summary.pages_new == 0 and summary.pages_unchanged and not summary.errors and not summary.reprocessed:
        console.print("Nothing changed: every page was already stored.")
    for err in summary.errors:
        console.print(f"[red]✗[/red] {err.code} {escape(err.message)}")
    for warn in summary.warnings:
        console.print(f"[yellow]![/yellow] {escape(warn.message)}")


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for standard input.")],
    published: PublishedOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record (one per page).")] = False,
    facts: Annotated[bool, typer.Option("--facts/--no-facts", help="Run the extractors (needs the model).")] = True,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes")] = None,
) -> None:
    """Print the extraction record of each page without touching any database."""
    from newsgraph.ingest.record import iter_records

    settings = load_settings(max_bytes=max_bytes)
    analyzer = make_analyzer(settings, facts)
    failed = ok = 0
    records: list[dict[str, Any]] = []
    for item in iter_records(paths, max_bytes=settings.max_bytes, published=published, analyzer=analyzer):
        if isinstance(item, NewsgraphError):
            failed += 1
            err_console.print(f"[red]✗[/red] {item.code} {escape(item.message)}")
            continue
        ok += 1
        records.append(item)
        for why in getattr(analyzer, "failures", {}).values():  # over its budget: the record lacks its facts
            err_console.print(f"[yellow]![/yellow] {why.code} {escape(why.message)}")
    if as_json:
        text = json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2)
        sys.stdout.write(text + "\n")
    else:
        for rec in records:
            _print_record(rec)
    raise typer.Exit(0 if ok or not failed else 1)


def _print_record(rec: dict[str, Any]) -> None:
    console.rule(escape(rec["source"]))
    for doc in rec["documents"]:
        console.print(
            f"[bold]{doc['role']}[/bold] {doc['id']} {escape(doc['title'])} "
            f"({len(doc['body'])} chars, {doc['occurrences_in_page']}×)"
        )
    for key in ("persons", "organizations", "places", "events", "quotes", "amounts", "stances", "voices"):
        if rec.get(key):
            console.print(f"{key}: {len(rec[key])}")


def reprocess(
    db: DbOption = None,
    all_: Annotated[bool, typer.Option("--all", help="Every stored document.")] = False,
    since: Annotated[
        str | None, typer.Option("--since", help="Documents stored on or after this day (YYYY-MM-DD).")
    ] = None,
    failed: Annotated[bool, typer.Option("--failed", help="Documents whose extraction failed.")] = False,
    version_below: Annotated[
        int | None, typer.Option("--version-below", help="Documents extracted by an extractor older than this.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract facts again from stored documents (default: those with missing or older facts), then resolve.

    Resumable: a run that was stopped goes on where it was; running it twice changes nothing more.
    """
    from newsgraph.core.version import EXTRACTOR_VERSION
    from newsgraph.ingest.reprocess import Reprocessor
    from newsgraph.store.reextract import Selection

    settings = load_settings(db)
    store = open_store(settings)
    selection = Selection(all_=all_, since=since, failed=failed, version_below=version_below)
    try:
        selection.check()
        reprocessor = Reprocessor(store, make_analyzer(settings, True), batch=settings.batch_size)
        total = reprocessor.queue(selection)
    except NewsgraphError as exc:
        raise fail(exc, 2) from exc
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]reprocess[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
    ) as bar:
        task = bar.add_task("reprocess", total=total, failed=0)
        summary = reprocessor.run(lambda n, s: bar.update(task, advance=n, failed=len(s.failed)))
    kb = "knowledge base rebuilt" if summary.rebuilt else f"{summary.resolved} documents resolved"
    console.print(
        f"{summary.documents} documents extracted again (extractor version {EXTRACTOR_VERSION}) · "
        f"{summary.pages} page records rebuilt · {len(summary.failed)} failed · {kb} · {summary.elapsed:.1f} s"
    )
    for doc_id, why in summary.failed:
        console.print(f"[red]✗[/red] {doc_id}: {escape(why)}")
    raise typer.Exit(1 if summary.failed and not summary.documents else 0)


def batch(
    paths: Annotated[list[str], typer.Argument(help="Files or directories.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet shards.")],
    db: DbOption = None,
    published: PublishedOption = None,
    workers: Annotated[int, typer.Option("--workers", help="Local Dask worker processes.")] = 2,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler.")] = None,
    pages_per_task: Annotated[int, typer.Option("--pages-per-task", help="About this many pages per task.")] = 200,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract facts.")] = True,
) -> None:
    """Ingest a large collection on a Dask cluster (local by default), writing Parquet shards of the records."""
    from newsgraph.ingest.batch import run_batch

    settings = load_settings(db, extract=extract)
    with Progress(
        TextColumn("[bold]batch[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console
    ) as bar:
        from newsgraph.ingest.batch import plan_tasks

        try:
            total = len(plan_tasks(paths, settings, pages_per_task))
        except NewsgraphError as exc:
            raise fail(exc, 2) from exc
        task = bar.add_task("tasks", total=total)
        summary = run_batch(
            paths,
            out,
            settings,
            workers=workers,
            pages_per_task=pages_per_task,
            scheduler=scheduler,
            published=published,
            on_task=lambda _r: bar.advance(task),
        )
    rate = summary.documents / summary.elapsed if summary.elapsed else 0.0
    console.print(
        f"{len(summary.tasks)} tasks · {summary.pages_new} pages stored · {summary.pages_unchanged} unchanged · "
        f"{summary.documents} documents ({rate:.1f}/s) · {summary.errors} errors · "
        f"{len(summary.failed)} failed tasks · shards *-{summary.run}-*.parquet in {out}"
    )
    for failed in summary.failed:
        console.print(f"[red]✗[/red] task {failed.part} ({len(failed.files)} files): {escape(failed.error)}")
    raise typer.Exit(0 if summary.pages_new or summary.pages_unchanged or not summary.errors else 1)


__all__ = ["batch", "extract", "ingest", "reprocess"]
