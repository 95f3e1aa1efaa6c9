"""The ``newsgraph`` command (Typer + Rich).

Exit codes: 0 success (or something ingested), 1 when every input failed or a
lookup found nothing, 2 for usage errors (Typer's own).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsgraph.core.errors import NewsgraphError
from newsgraph.core.settings import Settings, normalize_db_url
from newsgraph.core.version import __version__

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
    from newsgraph.extract.runner import Analyzer

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
    from newsgraph.ingest.pipeline import Pipeline

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
        from newsgraph.cli.views import print_facts
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
    from newsgraph.ingest.record import iter_records

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
    gold_path: Annotated[
        Path, typer.Argument(help="A gold file (format of ../shared/seed/gold.json) or a folder of them.")
    ],
    page: Annotated[
        Path | None, typer.Argument(help="The page it annotates (default: the one the gold names).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List misses and extras.")] = False,
) -> None:
    """Score newsgraph's record of a page against a gold annotation (precision / recall / F1).

    With a folder, every *.json in it is scored and the micro-averaged totals are printed last.
    """
    from newsgraph.evaluate.run import aggregate, evaluate_gold

    settings = _settings()
    analyzer = _analyzer(settings, True)
    golds = sorted(gold_path.glob("*.json")) if gold_path.is_dir() else [gold_path]
    if not golds:
        err_console.print(f"[red]error:[/red] no gold files in {gold_path}")
        raise typer.Exit(2)
    reports = []
    for gold in golds:
        try:
            reports.append((gold.name, evaluate_gold(gold, analyzer, settings.max_bytes, page)))
        except NewsgraphError as exc:
            raise _fail(exc) from exc
    if len(reports) > 1:
        reports.append((f"all {len(golds)} files (micro-average)", aggregate([r for _, r in reports])))
    if as_json:
        payload = {name: report.to_dict() for name, report in reports}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    for name, report in reports[-1:] if len(reports) > 1 and not details else reports:
        _print_report(name, report, details)


def _print_report(name: str, report: Any, details: bool) -> None:
    table = Table(title=name)
    for col in ("category", "precision", "recall", "F1", "tp", "fp", "fn", "attributes"):
        table.add_column(col, overflow="fold")
    for cat_name, cat in report.categories.items():
        notes = " ".join(f"{k.removesuffix('_accuracy')}={v:.2f}" for k, v in cat.extra.items())
        row = (f"{cat.precision:.2f}", f"{cat.recall:.2f}", f"{cat.f1:.2f}", str(cat.tp), str(cat.fp), str(cat.fn))
        table.add_row(cat_name, *row, notes)
    console.print(table)
    console.print(f"not_events violated: {report.not_events_violated}")
    if report.not_persons_reported:
        console.print(f"not_persons reported as persons: {', '.join(report.not_persons_reported)}")
    if details:
        for key, lines in report.details.items():
            for line in lines:
                console.print(f"  {key}: {escape(line)}")


@app.command()
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

    settings = _settings(db, extract=extract)
    with Progress(
        TextColumn("[bold]batch[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console
    ) as bar:
        from newsgraph.ingest.batch import plan_tasks

        try:
            total = len(plan_tasks(paths, settings, pages_per_task))
        except NewsgraphError as exc:
            raise _fail(exc, 2) from exc
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
        f"{summary.documents} documents ({rate:.1f}/s) · {summary.errors} errors · shards in {out}"
    )
    raise typer.Exit(0 if summary.pages_new or summary.pages_unchanged or not summary.errors else 1)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find; OR between words for either.")],
    db: DbOption = None,
    country: Annotated[str | None, typer.Option("--country", help="Documents with facts about this country.")] = None,
    person: Annotated[str | None, typer.Option("--person", help="Documents mentioning this person.")] = None,
    event_type: Annotated[str | None, typer.Option("--event-type", help="Documents with this event type.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many hits.")] = 20,
) -> None:
    """Full-text search over stored documents, ranked, with highlighted snippets."""
    from newsgraph.store.filters import Filters

    store = _open_store(_settings(db))
    try:
        filters = Filters.make(since=since, until=until, country=country, person=person, event_type=event_type)
        hits = store.search(query, filters, limit=limit)
    except NewsgraphError as exc:
        raise _fail(exc, 2) from exc
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


@app.command("related")
def related_cmd(
    doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", help="How many documents.")] = 10,
    method: Annotated[
        str, typer.Option("--method", help="auto (embeddings when the extra is installed), text or embeddings.")
    ] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Documents related to one document (shared wording and entities), and its near-duplicates."""
    from newsgraph.analysis.related import duplicates, related

    store = _open_store(_settings(db))
    try:
        with store.connect() as conn:
            found, copies = related(conn, doc_id, limit=limit, method=method), duplicates(conn, doc_id)
    except NewsgraphError as exc:
        raise _fail(exc) from exc
    if as_json:
        console.print_json(json.dumps({"related": found, "duplicates": copies}, ensure_ascii=False))
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


@app.command("popular")
def popular_cmd(
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after (YYYY, YYYY-MM, YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before (inclusive prefix).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="person, organization, place or country.")] = None,
    events: Annotated[bool, typer.Option("--events", help="Most-reported events instead of entities.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="How many rows.")] = 20,
) -> None:
    """Most-mentioned entities (or most-reported events) in a time window."""
    from newsgraph.analysis.popular import popular, top_events
    from newsgraph.store.filters import Filters

    store = _open_store(_settings(db))
    try:
        filters = Filters.make(since=since, until=until)
        with store.connect() as conn:
            rows = top_events(conn, filters, limit=limit) if events else popular(conn, filters, kind=kind, limit=limit)
    except NewsgraphError as exc:
        raise _fail(exc, 2) from exc
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


@app.command("export")
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
) -> None:
    """Write the database as files for other tools: JSON Lines, CSV, Parquet, GDELT event and GKG tables,
    PLOVER JSON, GraphML."""
    from newsgraph.export import UnknownFormat, export
    from newsgraph.store.filters import BadFilter, Filters

    store = _open_store(_settings(db))
    try:
        paths = export(store, fmt, out, Filters.make(since=since, until=until, country=country, event_type=event_type))
    except NewsgraphError as exc:
        raise _fail(exc, 2 if isinstance(exc, UnknownFormat | BadFilter) else 1) from exc
    finally:
        store.close()
    for path in paths:
        console.print(f"{path}  [dim]{path.stat().st_size:,} bytes[/dim]")


@app.command()
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

    settings = _settings(db, host=host, port=port)
    try:
        run(settings, workers=workers)
    except NewsgraphError as exc:
        raise _fail(exc, 2) from exc


@app.command()
def resolve(
    db: DbOption = None,
    all_: Annotated[bool, typer.Option("--all", help="Rebuild every merge from scratch (deterministic).")] = False,
) -> None:
    """Merge entities and events across articles (ingest does this per batch; this catches up or rebuilds)."""
    from newsgraph.kb.resolve import resolve_all, resolve_new

    store = _open_store(_settings(db))
    with store.engine.begin() as conn:
        summary = resolve_all(conn) if all_ else resolve_new(conn)
    console.print(
        f"{summary.documents} documents resolved · {summary.members} entity links · {summary.relinked} relinked · "
        f"{summary.events} event reports merged"
    )


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name, surname or alias (e.g. Putin).")],
    db: DbOption = None,
    why: Annotated[bool, typer.Option("--why", help="Explain every merge behind this entity.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
) -> None:
    """One entity across all articles: names, roles over time, quotes, events as actor and target."""
    from newsgraph.analysis.entities import entity_profile, explain

    store = _open_store(_settings(db))
    try:
        with store.connect() as conn:
            profile = entity_profile(conn, name)
            merges = explain(conn, name) if why else []
    except NewsgraphError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps({"entity": profile, "merges": merges}, ensure_ascii=False, default=str) + "\n")
        return
    console.rule(
        f"[bold]{escape(profile['name'])}[/bold] ({profile['kind']}, {profile.get('country') or 'no country'})"
    )
    console.print(
        f"{profile['mentions']} mentions in {profile['documents']} documents · first seen "
        f"{profile.get('first_seen') or '?'} · last seen {profile.get('last_seen') or '?'}"
    )
    console.print("Names: " + escape(", ".join(profile.get("names", []))))
    for role in profile.get("roles", []):
        console.print(
            f"Role: {escape(role['as_written'] or role['role'])} ({role.get('first_seen') or '?'} → "
            f"{role.get('last_seen') or '?'}, {len(role['documents'])} documents)"
        )
    for side in ("events_as_actor", "events_as_target"):
        rows = profile.get(side, [])
        if rows:
            table = Table(title=side.replace("_", " "))
            for col in ("type", "actor", "target", "day", "sources"):
                table.add_column(col, overflow="fold")
            for ev in rows:
                table.add_row(
                    ev["type"],
                    escape(ev["actor"] or ""),
                    escape(ev["target"] or ""),
                    ev["day"] or "",
                    str(ev["sources"]),
                )
            console.print(table)
    for quote in profile.get("quotes", [])[:10]:
        console.print(f"“{escape(quote.get('text', ''))}”", style="italic")
    if why:
        table = Table(title="Why these names are one entity")
        for col in ("member", "level", "rule", "score", "evidence"):
            table.add_column(col, overflow="fold")
        for m in merges:
            table.add_row(
                escape(m["member"]),
                m["level"],
                m["rule"],
                f"{m['score']:.2f}" if m["score"] is not None else "",
                escape(str(m.get("evidence") or "")),
            )
        console.print(table)


@app.command()
def events(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. PROTEST.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Actor or target country (ISO alpha-3).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many events.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Events merged across articles (same type, actor, target, ±1 day), with how many sources report each."""
    from newsgraph.analysis.events import list_merged_events
    from newsgraph.store.filters import Filters

    store = _open_store(_settings(db))
    try:
        filters = Filters.make(since=since, until=until, country=country, event_type=type_)
        with store.connect() as conn:
            rows = list_merged_events(conn, filters, limit=limit)
    except NewsgraphError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
        return
    if not rows:
        console.print("No events match.")
        raise typer.Exit(1)
    table = Table(title=f"Events ({len(rows)})")
    for col in ("day", "type", "mode", "actor", "actor country", "target", "target country", "sources"):
        table.add_column(col, overflow="fold")
    for ev in rows:
        table.add_row(
            ev.get("day") or "",
            ev["type"],
            ev.get("mode") or "",
            escape(ev.get("actor") or ""),
            ev.get("actor_country") or "",
            escape(ev.get("target") or ""),
            ev.get("target_country") or "",
            str(ev["sources"]),
        )
    console.print(table)


@app.command("stances")
def stances_board(
    db: DbOption = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Only issues whose label has these words.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Board as it stood on this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="One country (ISO alpha-3).")] = None,
    history: Annotated[bool, typer.Option("--history", help="Also list the earlier evidence of each cell.")] = False,
) -> None:
    """The country-by-issue stance board: latest position per country and issue, with its evidence."""
    from newsgraph.analysis.stances import board
    from newsgraph.store.filters import Filters

    store = _open_store(_settings(db))
    try:
        filters = Filters.make(until=as_of, country=country)
    except NewsgraphError as exc:
        raise _fail(exc, 2) from exc
    with store.connect() as conn:
        cells = board(conn, filters, issue=issue)
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
            cell.evidence.document_id,
        )
        if history:
            for ev in cell.history[:-1] if cell.history[-1] is cell.evidence else cell.history:
                if ev is not cell.evidence:
                    table.add_row(
                        "", "", f"(earlier) {ev.position}", ev.date or "", escape(ev.sentence), ev.document_id
                    )
    console.print(table)


def run() -> None:  # pragma: no cover - console entry point wrapper
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
