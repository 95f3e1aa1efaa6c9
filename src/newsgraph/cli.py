"""The ``newsgraph`` command (Typer + Rich).

Exit codes: 0 success (or something ingested), 1 when every input failed or a
lookup found nothing, 2 for usage errors (Typer's own).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.settings import Settings, normalize_db_url

app = typer.Typer(
    name="newsgraph",
    help="Turn news pages into an evidence-backed record of who did what to whom, who said what, "
    "and which governments took which position.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (env NEWSGRAPH_DB; default sqlite:///newsgraph.db)."),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for pages that carry none."),
]


def _settings(db: str | None = None, **overrides: Any) -> Settings:
    try:
        return Settings.load(db=normalize_db_url(db) if db else None, **overrides)
    except NewsgraphError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


def _fail(exc: NewsgraphError, code: int = 1) -> typer.Exit:
    err_console.print(f"[red]error:[/red] {escape(str(exc))}")
    return typer.Exit(code)


def _open_store(settings: Settings) -> Any:
    from newsgraph.store.db import Store

    try:
        return Store(settings.db)
    except NewsgraphError as exc:
        raise _fail(exc) from exc


def _analyzer(settings: Settings, enabled: bool) -> Any:
    if not enabled:
        return None
    try:
        from newsgraph.analyze import Analyzer
    except ImportError:  # extraction not installed in this build
        return None
    try:
        return Analyzer(settings)
    except NewsgraphError as exc:
        raise _fail(exc) from exc


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        console.print(f"newsgraph {__version__}")
        raise typer.Exit(0)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for standard input.")],
    published: PublishedOption = None,
    db: DbOption = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Glob of files to read in directories.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Glob of files to skip in directories.")
    ] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this.")] = None,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract facts while ingesting.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read pages, split them into articles and teasers, extract facts and store them."""
    from newsgraph.pipeline import Pipeline

    settings = _settings(
        db, include=tuple(include or ()) or None, exclude=tuple(exclude or ()) or None, max_bytes=max_bytes
    )
    store = _open_store(settings)
    pipeline = Pipeline(settings, store=store, analyzer=_analyzer(settings, extract))
    items, total = pipeline.plan(paths)
    if not items:
        err_console.print("[red]error:[/red] no input files found under the given paths")
        raise typer.Exit(2)
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

        summary = pipeline.ingest(paths, published=published, progress=on_progress, items=items)
        bar.update(task, completed=total)
    _print_summary(summary, store.safe_url)
    raise typer.Exit(summary.exit_code)


def _print_summary(summary: Any, where: str) -> None:
    table = Table(title=f"Ingest summary → {where}", show_header=False)
    table.add_row("pages stored", str(summary.pages_new))
    table.add_row("pages already stored (unchanged)", str(summary.pages_unchanged))
    table.add_row("documents stored", str(summary.documents))
    table.add_row("  of which teasers", str(summary.teasers))
    table.add_row("documents already stored, linked", str(summary.linked))
    table.add_row("near-duplicates linked to their original", str(summary.duplicates))
    table.add_row("errors", str(len(summary.errors)))
    table.add_row("warnings", str(len(summary.warnings)))
    table.add_row("documents/s", f"{summary.docs_per_second:.1f}")
    console.print(table)
    if summary.pages_new == 0 and summary.pages_unchanged and not summary.errors:
        console.print("Nothing changed: every page was already stored.")
    for err in summary.errors:
        console.print(f"[red]✗[/red] {err.code} {escape(err.message)}")
    for warn in summary.warnings:
        console.print(f"[yellow]![/yellow] {escape(warn.message)}")


@app.command("list")
def list_documents(
    db: DbOption = None,
    role: Annotated[str | None, typer.Option(help="main or teaser")] = None,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows.")] = 0,
) -> None:
    """List stored documents."""
    store = _open_store(_settings(db))
    rows = store.list_documents(role=role, limit=limit, offset=offset)
    table = Table(title=f"Documents ({store.counts()['documents']} in all)")
    for col in ("id", "role", "published", "section", "title", "chars", "duplicate of"):
        table.add_column(col, overflow="fold", no_wrap=col in {"id", "duplicate of", "published"})
    for r in rows:
        table.add_row(
            r["id"],
            r["role"],
            r["published"] or "",
            r["section"] or "",
            escape(r["title"]),
            str(r["chars"]),
            r["duplicate_of"] or "",
        )
    console.print(table)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
    db: DbOption = None,
) -> None:
    """Show one document, readable, with the facts found in it."""
    store = _open_store(_settings(db))
    try:
        doc = store.document(doc_id)
    except NewsgraphError as exc:
        raise _fail(exc) from exc
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
        from newsgraph.views import print_facts
    except ImportError:
        return
    print_facts(console, store, doc["id"])


@app.command()
def errors(
    db: DbOption = None,
    last: Annotated[bool, typer.Option("--last", help="Only the last run's errors.")] = False,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 200,
) -> None:
    """List the inputs that could not be ingested (and warnings), with the reason."""
    store = _open_store(_settings(db))
    rows = store.errors(run_id=store.last_run_id() if last else None, limit=limit)
    if not rows:
        console.print("No ingest errors recorded.")
        return
    console.print(f"[bold]{len(rows)} ingest errors and warnings[/bold] (newest first)")
    for r in rows:
        when = r["created_at"].strftime("%Y-%m-%d %H:%M") if r["created_at"] else ""
        mark = "[red]✗[/red]" if r["severity"] == "error" else "[yellow]![/yellow]"
        console.print(f"{mark} {when} {r['code']} {r['reason']}: {escape(r['message'])}", soft_wrap=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for standard input.")],
    published: PublishedOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON record (one per page).")] = False,
    facts: Annotated[bool, typer.Option("--facts/--no-facts", help="Run the extractors (needs the model).")] = True,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes")] = None,
) -> None:
    """Print the extraction record of each page without touching any database."""
    from newsgraph.record import iter_records

    settings = _settings(max_bytes=max_bytes)
    analyzer = _analyzer(settings, facts)
    failed = ok = 0
    records: list[dict[str, Any]] = []
    for item in iter_records(paths, max_bytes=settings.max_bytes, published=published, analyzer=analyzer):
        if isinstance(item, NewsgraphError):
            failed += 1
            err_console.print(f"[red]✗[/red] {item.code} {escape(item.message)}")
            continue
        ok += 1
        records.append(item)
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
    for key in ("persons", "organizations", "places", "events", "quotes", "amounts", "stances"):
        if rec.get(key):
            console.print(f"{key}: {len(rec[key])}")


@app.command("eval")
def eval_(
    gold_path: Annotated[Path, typer.Argument(help="A gold file (format of ../shared/seed/gold.json).")],
    page: Annotated[
        Path | None, typer.Argument(help="The page it annotates (default: the one the gold names).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List misses and extras.")] = False,
) -> None:
    """Score newsgraph's record of a page against a gold annotation (precision / recall / F1)."""
    from newsgraph.evalrun import locate_page, record_for
    from newsgraph.evaluate import load_gold, score

    settings = _settings()
    try:
        gold = load_gold(gold_path)
        page_path, url = (page, None) if page else locate_page(gold, gold_path)
        record = record_for(
            page_path, url, gold.get("assumed_published"), _analyzer(settings, True), settings.max_bytes
        )
    except NewsgraphError as exc:
        raise _fail(exc) from exc
    report = score(record, gold)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{gold_path.name} vs {page_path.name}")
    for col in ("category", "precision", "recall", "F1", "tp", "fp", "fn", "notes"):
        table.add_column(col)
    for name, cat in report.categories.items():
        notes = " ".join(f"{k}={v:.2f}" for k, v in cat.extra.items())
        table.add_row(
            name,
            f"{cat.precision:.2f}",
            f"{cat.recall:.2f}",
            f"{cat.f1:.2f}",
            str(cat.tp),
            str(cat.fp),
            str(cat.fn),
            notes,
        )
    console.print(table)
    console.print(f"not_events violated: {report.not_events_violated}")
    if report.not_persons_reported:
        console.print(f"not_persons reported as persons: {', '.join(report.not_persons_reported)}")
    if details:
        for key, lines in report.details.items():
            for line in lines:
                console.print(f"  {key}: {escape(line)}")


def run() -> None:  # pragma: no cover - console entry point wrapper
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
