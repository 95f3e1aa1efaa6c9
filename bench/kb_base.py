"""The knowledge-base bench's database: real extraction records, replicated to N documents.

Used by ``bench/query.py``, meant to replace ``bench/serve.py``'s SQLite-only ``make_base``. SQLite and PostgreSQL:

1. **ingest**: the seed page (published 2022-02-27) and the Wikinews 2019-2020 corpus go
   through the real pipeline with extraction, so every fact is what newsgraph extracts;
2. **replicate**: the ingested rows are snapshotted into ``bench_src_*`` tables, then copied
   ``k = 1 … copies`` times with ``INSERT … SELECT``: ids suffixed ``-kkkkk``, dates shifted by
   ``k`` days (only values starting ``YYYY-MM-DD``; NULL stays NULL), the SQLite full-text
   rows copied (PostgreSQL's ``documents.tsv`` is a generated column). In a share of the
   copies the person and organization entities are cloned under a perturbed name
   ("Vladimir Putin" → "Vladimir Putinqb", id suffixed) with their aliases, and the copied
   mentions, quotes and events point to the clones, so the entity table grows as in a real
   base instead of a few hundred names gathering every mention;
   then the summary tables (counts per entity and per day) and ``events.day`` are rebuilt
   from the copied facts, since the copies bypass ingest, which keeps them;
3. **resolve**: when the knowledge-base module is present, its tables are created and
   ``resolve_new`` links every document (canonical entities, merged events);
4. **analyze**: ``ANALYZE`` (PostgreSQL: ``VACUUM ANALYZE``) so the planners see the sizes.

Not copied: ``page_records`` (the per-page JSON record), ``documents.minhash`` (only
ingest's near-duplicate check reads it), the related-articles caches.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.engine import Connection, Engine

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_f91c6608d9f9b579.txt"
SEED_PUBLISHED = "2022-02-27"
WIKINEWS = SHARED / "corpus" / "wikinews-2019-2020" / "data"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_SCHEMA = "bench_kb"
SRC = "bench_src_"  # prefix of the snapshot tables the copies read from

# Tables copied per k, in foreign-key order. Integer-id tables get new ids.
PAGE_TABLES = ("pages", "documents", "page_documents")
FACT_TABLES = ("mentions", "quotes", "amounts", "dates", "themes", "events", "stances", "tones")
SNAPSHOT = (*PAGE_TABLES, "entities", "entity_aliases", *FACT_TABLES)
# String columns that hold an id of a copied row: suffixed with ``-kkkkk``.
ID_COLUMNS = {
    "pages": ("id", "source"),
    "documents": ("id", "duplicate_of", "first_page_id", "content_hash"),
    "page_documents": ("page_id", "document_id"),
}
# Date columns (``YYYY-MM-DD…``) shifted by k days.
DATE_COLUMNS = {
    "pages": ("published",),
    "documents": ("published",),
    "events": ("date",),
    "stances": ("date",),
    "dates": ("value",),
}
# Entity references redirected to the perturbed clone in a renamed copy.
ENTITY_COLUMNS = {
    "mentions": ("entity_id",),
    "quotes": ("speaker_entity_id",),
    "events": ("actor_entity_id", "target_entity_id"),
}
RENAMED_KINDS = ("person", "organization")
# Columns left NULL in copies (see the module docstring).
DROPPED = {"documents": ("minhash",)}

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestFigures:
    backend: str
    extract: bool
    documents: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class BuildFigures:
    url: str
    ingest: IngestFigures | None = None
    base_documents: int = 0
    copies: int = 0
    renamed_copies: int = 0
    replicate_seconds: float = 0.0
    resolve_seconds: float | None = None
    analyze_seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        parts = (self.ingest.seconds if self.ingest else 0.0, self.replicate_seconds, self.resolve_seconds or 0.0)
        return sum(parts) + self.analyze_seconds


# -- URLs ----------------------------------------------------------------------------------------


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def schema_url(base: str, schema: str) -> str:
    """``base`` with its search_path set to ``schema`` (PostgreSQL)."""
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def backend_of(url: str) -> str:
    return make_url(url).get_backend_name()


def reset_pg_schema(base: str, schema: str, *, drop: bool = True) -> str:
    """Create ``schema`` (dropping it first when ``drop``); returns a URL that works inside it."""
    engine = create_engine(base)
    try:
        with engine.begin() as conn:
            if drop:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        engine.dispose()
    return schema_url(base, schema)


def drop_pg_schema(base: str, schema: str) -> None:
    engine = create_engine(base)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        engine.dispose()


# -- SQL pieces (pure) -------------------------------------------------------------------------


def suffix(k: int) -> str:
    """The id suffix of copy ``k``."""
    return f"-{k:05d}"


def name_suffix(k: int) -> str:
    """Lower-case letters appended to the last word of a renamed entity in copy ``k`` (1 → "ab")."""
    letters = ""
    n = k
    while True:
        n, r = divmod(n, 26)
        letters = chr(ord("a") + r) + letters
        if n == 0:
            break
    return letters if len(letters) > 1 else "a" + letters


def renamed(k: int, share: float) -> bool:
    """Whether copy ``k`` renames its persons and organizations: ``share`` of the copies, evenly spread."""
    return int(k * share) != int((k - 1) * share)


def copies_needed(base_documents: int, target: int) -> int:
    """Copies of the base so that base × (copies + 1) reaches ``target`` documents."""
    if base_documents <= 0:
        return 0
    return max(0, -(-target // base_documents) - 1)


def shift_date(dialect: str, column: str) -> str:
    """SQL for ``column`` moved ``:days`` days forward when it starts with an ISO day; else unchanged."""
    if dialect == "postgresql":
        return (
            f"CASE WHEN {column} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' "
            f"THEN to_char(to_date(substr({column}, 1, 10), 'YYYY-MM-DD') + CAST(:days AS integer), 'YYYY-MM-DD') "
            f"ELSE {column} END"
        )
    return (
        f"CASE WHEN {column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
        f"THEN coalesce(date(substr({column}, 1, 10), :sqlite_days), {column}) ELSE {column} END"
    )


def column_expression(table: str, column: str, dialect: str, *, rename: bool) -> str:
    """What copy k writes into ``table.column`` (parameters ``:s``, ``:days``, ``:sqlite_days``)."""
    quoted = f'"{column}"'
    if column in DROPPED.get(table, ()):
        return "NULL"
    if column == "document_id" or column in ID_COLUMNS.get(table, ()):
        return f"{quoted} || :s"
    if column in DATE_COLUMNS.get(table, ()):
        return shift_date(dialect, quoted)
    if rename and column in ENTITY_COLUMNS.get(table, ()):
        return f"CASE WHEN {quoted} IN (SELECT id FROM {SRC}renamed) THEN {quoted} || :s ELSE {quoted} END"
    return quoted


def copy_statement(table: str, columns: list[str], dialect: str, *, rename: bool) -> str:
    """``INSERT … SELECT`` of one copy of ``table`` from its snapshot."""
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(column_expression(table, c, dialect, rename=rename) for c in columns)
    return f"INSERT INTO {table} ({names}) SELECT {values} FROM {SRC}{table}"


def copy_params(k: int) -> dict[str, Any]:
    return {"s": suffix(k), "days": k, "sqlite_days": f"+{k} days", "n": name_suffix(k)}


# -- the steps ---------------------------------------------------------------------------------


def _print(message: str) -> None:
    print(message, flush=True)


def ingest_corpus(url: str, *, extract: bool = True, seed: bool = True) -> IngestFigures:
    """Ingest the seed (not timed) and the Wikinews corpus (timed) into ``url`` with the real pipeline."""
    from newsgraph.core.settings import Settings
    from newsgraph.ingest.pipeline import Pipeline

    settings = Settings.load(env={}, db=url, extract=extract)
    analyzer = None
    if extract:
        from newsgraph.extract.runner import Analyzer

        analyzer = Analyzer(settings)  # a fresh one: its fact cache must not carry over from another base
        analyzer.analyze([])  # the model loads here, outside the timing
    pipe = Pipeline(settings, analyzer=analyzer)
    try:
        if seed and SEED.exists():
            pipe.ingest([str(SEED)], published=SEED_PUBLISHED)
        started = time.perf_counter()
        summary = pipe.ingest([str(WIKINEWS)])
        elapsed = time.perf_counter() - started
    finally:
        pipe.store.close()
    return IngestFigures(backend_of(url), extract, summary.documents, elapsed)


def table_columns(conn: Connection, table: str) -> list[str]:
    """The columns a copy writes: all but generated ones and integer surrogate ids."""
    out = []
    for col in inspect(conn).get_columns(table):
        if col.get("computed") is not None:
            continue
        if col["name"] == "id" and table in FACT_TABLES:
            continue
        out.append(col["name"])
    return out


def snapshot(conn: Connection) -> dict[str, list[str]]:
    """Copy the ingested rows into ``bench_src_*`` tables; returns the columns copied per table."""
    columns: dict[str, list[str]] = {}
    for table in SNAPSHOT:
        cols = table_columns(conn, table)
        columns[table] = cols
        conn.execute(text(f"DROP TABLE IF EXISTS {SRC}{table}"))
        names = ", ".join(f'"{c}"' for c in cols)
        conn.execute(text(f"CREATE TABLE {SRC}{table} AS SELECT {names} FROM {table}"))
    _null_bad_days(conn)
    kinds = ", ".join(f"'{k}'" for k in RENAMED_KINDS)
    conn.execute(text(f"DROP TABLE IF EXISTS {SRC}renamed"))
    conn.execute(text(f"CREATE TABLE {SRC}renamed AS SELECT id FROM entities WHERE kind IN ({kinds})"))
    conn.execute(text(f"CREATE INDEX ix_{SRC}renamed ON {SRC}renamed (id)"))
    return columns


def bad_day(value: str | None) -> bool:
    """True for a value that starts like an ISO day but is no date ("2019-02-30"): PostgreSQL's to_date refuses it."""
    if not value or len(value) < 10 or not value[:4].isdigit() or value[4] != "-":
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return value[5:7].isdigit() and value[7] == "-" and value[8:10].isdigit()
    return False


def _null_bad_days(conn: Connection) -> None:
    """Snapshot values that look like a day but are none become NULL, so shifting them cannot fail."""
    for table, cols in DATE_COLUMNS.items():
        for col in cols:
            values = conn.execute(text(f'SELECT DISTINCT "{col}" FROM {SRC}{table}')).scalars()
            for value in [v for v in values if bad_day(v)]:
                conn.execute(text(f'UPDATE {SRC}{table} SET "{col}" = NULL WHERE "{col}" = :v'), {"v": value})


def drop_snapshot(conn: Connection) -> None:
    for table in (*SNAPSHOT, "renamed"):
        conn.execute(text(f"DROP TABLE IF EXISTS {SRC}{table}"))


def copy_once(conn: Connection, k: int, columns: dict[str, list[str]], *, rename: bool) -> None:
    """One copy of the base, in the caller's transaction."""
    dialect = conn.dialect.name
    params = copy_params(k)
    for table in PAGE_TABLES:
        conn.execute(text(copy_statement(table, columns[table], dialect, rename=rename)), params)
    if dialect == "sqlite":
        conn.execute(
            text(
                "INSERT INTO documents_fts (document_id, title, body) "
                f"SELECT id || :s, title, body FROM {SRC}documents WHERE duplicate_of IS NULL"
            ),
            params,
        )
    if rename:
        ent = [c for c in columns["entities"] if c not in ("id", "name")]
        keep = ", ".join(f'e."{c}"' for c in ent)
        names = ", ".join(f'"{c}"' for c in ent)
        conn.execute(
            text(
                f"INSERT INTO entities (id, name, {names}) SELECT e.id || :s, e.name || :n, {keep} "
                f"FROM {SRC}entities e JOIN {SRC}renamed r ON r.id = e.id"
            ),
            params,
        )
        conn.execute(
            text(
                "INSERT INTO entity_aliases (entity_id, alias) SELECT a.entity_id || :s, a.alias || :n "
                f"FROM {SRC}entity_aliases a JOIN {SRC}renamed r ON r.id = a.entity_id"
            ),
            params,
        )
    for table in FACT_TABLES:
        conn.execute(text(copy_statement(table, columns[table], dialect, rename=rename)), params)


def count_documents(conn: Connection) -> int:
    return int(conn.execute(text("SELECT COUNT(*) FROM documents")).scalar_one())


def replicate(engine: Engine, target: int, *, share: float = 0.5, progress: Progress = _print) -> tuple[int, int]:
    """Copy the stored base until ``target`` documents; returns (copies, renamed copies). One transaction per copy."""
    with engine.begin() as conn:
        base = count_documents(conn)
        columns = snapshot(conn)
    copies = copies_needed(base, target)
    started, n_renamed = time.perf_counter(), 0
    for k in range(1, copies + 1):
        rename = renamed(k, share)
        n_renamed += rename
        with engine.begin() as conn:
            copy_once(conn, k, columns, rename=rename)
        if k % 25 == 0 or k == copies:
            spent = time.perf_counter() - started
            progress(f"  copy {k}/{copies}: {base * (k + 1)} documents, {spent:.0f} s ({k / spent:.1f} copies/s)")
    with engine.begin() as conn:
        drop_snapshot(conn)
    return copies, n_renamed


def summarize(engine: Engine, *, progress: Progress = _print) -> None:
    """Fill the summary tables and ``events.day`` from the copied facts (when this newsgraph has them)."""
    try:
        from newsgraph.store.summaries import rebuild
    except ImportError:
        return
    started = time.perf_counter()
    with engine.begin() as conn:
        rebuild(conn)
    progress(f"  summary tables rebuilt in {time.perf_counter() - started:.0f} s")


def resolve_kb(engine: Engine, *, progress: Progress = _print) -> float | None:
    """Create the knowledge-base tables and link every document; None when the module is absent."""
    try:
        from newsgraph.kb.members import unresolved
        from newsgraph.kb.resolve import resolve_documents
        from newsgraph.store.schema_kb import create_kb_tables
        from newsgraph.store.sql import chunked
    except ImportError:
        progress("  knowledge base: newsgraph.kb.resolve is absent, skipped")
        return None
    started = time.perf_counter()
    with engine.begin() as conn:
        create_kb_tables(conn)
        todo = unresolved(conn)
    done = 0
    for part in chunked(todo, 500):  # one transaction per batch, as resolve_new does in one
        with engine.begin() as conn:
            resolve_documents(conn, part)
        done += len(part)
        if done % 10000 < 500 or done == len(todo):
            spent = time.perf_counter() - started
            progress(f"  resolved {done}/{len(todo)} documents, {spent:.0f} s")
    return time.perf_counter() - started


def analyze(engine: Engine) -> float:
    """Planner statistics (PostgreSQL also vacuums, so index-only scans see all-visible pages)."""
    started = time.perf_counter()
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in inspect(conn).get_table_names():  # this schema's tables, not the whole database's
                conn.execute(text(f'VACUUM ANALYZE "{table}"'))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return time.perf_counter() - started


def table_counts(conn: Connection) -> dict[str, int]:
    have = set(inspect(conn).get_table_names())
    names = ("documents", "entities", "entity_aliases", *FACT_TABLES, "canonical_entities", "merged_events")
    return {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in names if t in have}


@contextlib.contextmanager
def opened(url: str) -> Iterator[Engine]:
    """The migrated store's engine (every migration applied), disposed afterwards."""
    from newsgraph.store.db import Store

    store = Store(url)
    try:
        yield store.engine
    finally:
        store.close()


def build_base(
    url: str, target: int, *, share: float = 0.5, resolve: bool = True, progress: Progress = _print
) -> BuildFigures:
    """Ingest, replicate to ``target`` documents, resolve and analyze an empty database at ``url``."""
    figures = BuildFigures(url=url)
    progress(f"ingesting the seed and the Wikinews corpus with extraction ({backend_of(url)})")
    figures.ingest = ingest_corpus(url, extract=True)
    progress(f"  {figures.ingest.documents} documents in {figures.ingest.seconds:.1f} s")
    with opened(url) as engine:
        with engine.connect() as conn:
            figures.base_documents = count_documents(conn)
        started = time.perf_counter()
        figures.copies, figures.renamed_copies = replicate(engine, target, share=share, progress=progress)
        summarize(engine, progress=progress)  # the copies bypassed ingest, which keeps the summaries
        figures.replicate_seconds = time.perf_counter() - started
        if resolve:
            figures.resolve_seconds = resolve_kb(engine, progress=progress)
        figures.analyze_seconds = analyze(engine)
        with engine.connect() as conn:
            figures.counts = table_counts(conn)
    return figures


# -- build figures kept in the base (so --reuse can print them) --------------------------------------

FIGURES_TABLE = "bench_kb_build"
INGEST_SCHEMA = "bench_kb_ingest"


def save_figures(engine: Engine, figures: BuildFigures) -> None:
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE IF NOT EXISTS {FIGURES_TABLE} (figures TEXT NOT NULL)"))
        conn.execute(text(f"DELETE FROM {FIGURES_TABLE}"))
        conn.execute(text(f"INSERT INTO {FIGURES_TABLE} (figures) VALUES (:f)"), {"f": json.dumps(asdict(figures))})


def load_figures(engine: Engine) -> dict[str, Any] | None:
    with engine.connect() as conn:
        if FIGURES_TABLE not in set(inspect(conn).get_table_names()):
            return None
        value = conn.execute(text(f"SELECT figures FROM {FIGURES_TABLE}")).scalar()
    return json.loads(value) if value else None


def describe(meta: dict[str, Any] | None, *, reused: bool) -> list[str]:
    """Lines on a build: sizes, step times, the ingest rate with extraction, row counts."""
    if meta is None:
        return ["build: reused base without build figures"]
    ing = meta.get("ingest") or {}
    rate = ing.get("documents", 0) / ing["seconds"] if ing.get("seconds") else 0.0
    counts = ", ".join(f"{k} {v:,}" for k, v in meta.get("counts", {}).items())
    resolve = meta.get("resolve_seconds")
    steps = (ing.get("seconds"), meta.get("replicate_seconds"), resolve, meta.get("analyze_seconds"))
    total = sum(x or 0.0 for x in steps)
    return [
        f"build{' (reused)' if reused else ''}: {meta['base_documents']} documents ingested, "
        f"{meta['copies']} copies ({meta['renamed_copies']} with renamed persons/organizations)",
        f"  times: ingest {ing.get('seconds', 0):.0f} s, replicate {meta['replicate_seconds']:.0f} s, "
        f"resolve {'-' if resolve is None else f'{resolve:.0f} s'}, analyze {meta['analyze_seconds']:.0f} s; "
        f"total {total:.0f} s",
        f"  ingest with extraction (Wikinews, build step): {ing.get('documents', 0)} documents, {rate:.1f} documents/s",
        f"  rows: {counts}",
    ]


def ingest_rate_without_extraction(backend: str, pg_url: str, repeat: int = 3) -> IngestFigures:
    """Best of ``repeat`` fresh-database runs of the pipeline without extraction over the Wikinews corpus."""
    best: IngestFigures | None = None
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            if backend == "postgresql":
                url = reset_pg_schema(pg_url, INGEST_SCHEMA)
            else:
                url = sqlite_url(Path(tmp) / "ingest.db")
            try:
                figures = ingest_corpus(url, extract=False, seed=False)
            finally:
                if backend == "postgresql":
                    drop_pg_schema(pg_url, INGEST_SCHEMA)
        if best is None or figures.rate > best.rate:
            best = figures
    assert best is not None
    return best


__all__ = [
    "DEFAULT_PG",
    "PG_SCHEMA",
    "BuildFigures",
    "IngestFigures",
    "analyze",
    "backend_of",
    "build_base",
    "column_expression",
    "copies_needed",
    "copy_once",
    "copy_statement",
    "describe",
    "drop_pg_schema",
    "ingest_corpus",
    "ingest_rate_without_extraction",
    "load_figures",
    "name_suffix",
    "renamed",
    "replicate",
    "reset_pg_schema",
    "resolve_kb",
    "save_figures",
    "schema_url",
    "shift_date",
    "sqlite_url",
    "suffix",
    "summarize",
    "table_counts",
]
