"""Knowledge-base query bench: p50/p95 of search, the stance board, entity pages and event listings.

Usage:
  python bench/query.py [--docs 100000] [--backend sqlite|postgresql|both] [--queries 200]
                        [--keep PATH] [--pg-url URL] [--pg-schema NAME] [--reuse] [--only TEXT]
                        [--no-ingest-rate] [--explain] [--fixes]

Builds (``bench/kb_base.py``) a base of ``--docs`` documents on each backend: the seed and
the Wikinews corpus ingested with extraction, replicated with perturbed ids, names and dates,
resolved into the knowledge base. SQLite goes to ``--keep`` (default
/tmp/newsgraph-bench-kb.db); PostgreSQL to the schema ``--pg-schema`` (default ``bench_kb``) of
``--pg-url``, dropped and rebuilt unless ``--reuse`` (which also keeps an existing SQLite file).

Prints, per backend: the build's figures; the ingest rate of the real pipeline over the
Wikinews corpus with extraction (the build's ingest step) and without (a fresh database,
best of three); then, per query, p50 and p95 over ``--queries`` warm calls, each on a fresh
random choice (seeded), against the goal p95 < 50 ms, and the search queries' ratio to the bare
full-text floor measured in the same run (:func:`bare_fts`). ``--only`` measures only the queries
whose name contains its text (the floor always). With ``--explain``, the slowest SQL
statement of each query over the goal is shown with its plan (EXPLAIN QUERY PLAN on SQLite,
EXPLAIN ANALYZE on PostgreSQL). With ``--fixes``, the entity and event queries are measured
again with the proposed indexes (:data:`FIX_INDEXES`, dropped afterwards) and PostgreSQL
settings (:data:`FIX_SETTINGS`), beside the proposed query variants (rows marked ``[fix]``).
Never asserts.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kb_base  # a sibling script, not a package
from search_floor import FLOOR, bare_fts, floor_ratios  # sibling too

GOAL_P95_MS = 50.0
WARMUP = 3
SEED = 20240227
DEFAULT_KEEP = "/tmp/newsgraph-bench-kb.db"
# Words a reader of a news archive types; common enough that most match thousands of documents.
WORDS = (
    "president", "protest", "election", "minister", "police", "government", "court", "war", "economy",
    "health", "vote", "talks", "sanctions", "storm", "border", "military", "parliament", "trade",
    "climate", "coronavirus",
)  # fmt: skip


# -- figures -------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100) of ``values``; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


@dataclass(slots=True)
class Timing:
    name: str
    ms: list[float] = field(default_factory=list)
    worst: Any = None  # the choice of the slowest call
    skipped: str | None = None  # why the query was not measured

    @property
    def p50(self) -> float:
        return percentile(self.ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.ms, 95)

    @property
    def verdict(self) -> str:
        if self.skipped:
            return f"skipped: {self.skipped}"
        if self.p95 < GOAL_P95_MS:
            return "yes"
        return f"NO ({self.p95 / GOAL_P95_MS:.1f}x the goal)"


@dataclass(slots=True)
class Query:
    name: str
    run: Callable[[Any], Any]
    choose: Callable[[random.Random], Any]


def time_query(query: Query, n: int, seed: int = SEED) -> Timing:
    """``n`` timed calls, each on a fresh choice, after :data:`WARMUP` untimed ones."""
    rng = random.Random(seed + zlib.crc32(query.name.encode()))
    for _ in range(WARMUP):
        query.run(query.choose(rng))
    timing, slowest = Timing(query.name), -1.0
    for _ in range(n):
        choice = query.choose(rng)
        started = time.perf_counter()
        query.run(choice)
        ms = (time.perf_counter() - started) * 1000
        timing.ms.append(ms)
        if ms > slowest:
            slowest, timing.worst = ms, choice
    return timing


def table(rows: list[Timing]) -> str:
    width = max(len(r.name) for r in rows)
    lines = [f"  {'query':{width}s}  {'p50 ms':>8s}  {'p95 ms':>8s}  goal p95 < {GOAL_P95_MS:.0f} ms met?"]
    for r in rows:
        if r.skipped:
            lines.append(f"  {r.name:{width}s}  {'-':>8s}  {'-':>8s}  {r.verdict}")
        else:
            lines.append(f"  {r.name:{width}s}  {r.p50:8.1f}  {r.p95:8.1f}  {r.verdict}")
    return "\n".join(lines)


# -- what the calls choose from ------------------------------------------------------------------


@dataclass(slots=True)
class Pool:
    """What random choices are drawn from, read once from the base."""

    entity_ids: list[str]
    max_mention: int
    issues: list[str]
    days: list[str]
    event_types: list[str]
    countries: list[str]
    months: list[str]
    canonical_names: list[str]
    kb: bool
    cells: list[tuple[str, str]] = field(default_factory=list)  # (country, issue) of the stance board


def load_pool(conn: Connection) -> Pool:
    def col(sql: str) -> list[Any]:
        return [r for r in conn.execute(text(sql)).scalars() if r is not None]

    kb = "merged_events" in set(inspect(conn).get_table_names())
    kinds = ", ".join(f"'{k}'" for k in kb_base.RENAMED_KINDS)
    days = col("SELECT DISTINCT substr(published, 1, 10) FROM documents WHERE published IS NOT NULL ORDER BY 1")
    return Pool(
        entity_ids=col(f"SELECT id FROM entities WHERE kind IN ({kinds}) ORDER BY id"),
        max_mention=int(conn.execute(text("SELECT MAX(id) FROM mentions")).scalar() or 0),
        issues=col("SELECT DISTINCT issue FROM stances ORDER BY issue"),
        days=days,
        event_types=col("SELECT DISTINCT type FROM events ORDER BY type"),
        countries=col("SELECT DISTINCT actor_country FROM events ORDER BY actor_country"),
        months=sorted({d[:7] for d in days}),
        canonical_names=col(f"SELECT name FROM canonical_entities WHERE kind IN ({kinds}) ORDER BY id") if kb else [],
        kb=kb,
        cells=[tuple(r) for r in conn.execute(text("SELECT DISTINCT country, issue FROM stances ORDER BY 1, 2"))],
    )


def weighted_entity(conn: Connection, pool: Pool, rng: random.Random) -> tuple[str, str]:
    """(entity id, document id) of a random mention: popular entities come up as often as they are mentioned."""
    while True:
        row = conn.execute(
            text("SELECT entity_id, document_id FROM mentions WHERE id = :i"), {"i": rng.randint(1, pool.max_mention)}
        ).first()
        if row is not None:
            return row[0], row[1]


def weighted_canonical(conn: Connection, pool: Pool, rng: random.Random) -> str:
    while True:
        entity, doc = weighted_entity(conn, pool, rng)
        name = conn.execute(
            text(
                "SELECT c.name FROM entity_links l JOIN canonical_entities c ON c.id = l.canonical_id "
                "WHERE l.entity_id = :e AND l.document_id = :d"
            ),
            {"e": entity, "d": doc},
        ).scalar()
        if name:
            return str(name)


def month_window(pool: Pool, rng: random.Random) -> tuple[str, str]:
    i = rng.randrange(len(pool.months))
    return pool.months[i], pool.months[min(len(pool.months) - 1, i + rng.randint(0, 2))]


def day_window(pool: Pool, rng: random.Random, days: int) -> Any:
    """``Filters`` of ``days`` days of the data ending on a random stored day (the home page's period)."""
    from datetime import date, timedelta

    from newsgraph.store.filters import Filters

    dated = [d for d in pool.days if len(d) == 10 and d[:4].isdigit()]
    end = date.fromisoformat(rng.choice(dated))
    return Filters.make(since=(end - timedelta(days=days - 1)).isoformat(), until=end.isoformat())


def month_filters(pool: Pool, rng: random.Random) -> Any:
    """``Filters`` of one to three months of the data (a range brushed on the timeline)."""
    from newsgraph.store.filters import Filters

    since, until = month_window(pool, rng)
    return Filters.make(since=since, until=until)


def event_filters(pool: Pool, rng: random.Random) -> Any:
    """A random event type, country and window of up to three months, as one ``Filters``."""
    from newsgraph.store.filters import Filters

    since, until = month_window(pool, rng)
    return Filters.make(
        event_type=rng.choice(pool.event_types), country=rng.choice(pool.countries), since=since, until=until
    )


# -- the queries ---------------------------------------------------------------------------------


def queries(store: Any, conn: Connection, pool: Pool) -> list[Query]:
    from newsgraph.analysis.overview import home, stance_board
    from newsgraph.analysis.popular import popular, top_events
    from newsgraph.analysis.stances import board, cell_history
    from newsgraph.analysis.timeline import period_events, time_bins
    from newsgraph.store import queries as q
    from newsgraph.store.filters import Filters

    def pick_words(rng: random.Random) -> str:
        return rng.choice(WORDS)

    def network(conn: Connection) -> Any:  # what GET /api/events/network computes for the network page
        from newsgraph.api.routes.events import NETWORK_RECENT

        return q.actor_network(conn, limit=300, phrases=False, recent=NETWORK_RECENT)

    def as_of(rng: random.Random) -> str:
        return rng.choice(pool.days)

    out = [
        Query("search", lambda w: store.search(w, limit=20), pick_words),
        Query(
            "search, event_type=PROTEST",
            lambda w: store.search(w, Filters.make(event_type="PROTEST"), limit=20),
            pick_words,
        ),
        Query(FLOOR, lambda w: bare_fts(conn, w), pick_words),
        Query(
            "stance board (issue, as_of)",
            lambda c: board(conn, Filters.make(until=c[1]), issue=c[0], history=False),
            lambda rng: (rng.choice(pool.issues) if pool.issues else None, as_of(rng)),
        ),
        Query("stance board API (all issues)", lambda _: stance_board(conn), lambda rng: None),
        Query(
            "stance cell history (on demand)",
            lambda c: cell_history(conn, c[0], c[1], Filters.make(until=c[2])),
            lambda rng: (*rng.choice(pool.cells), as_of(rng)) if pool.cells else ("KAZ", "", None),
        ),
        Query("popular (30-day window)", lambda f: popular(conn, f), lambda rng: day_window(pool, rng, 30)),
        Query("popular (all time)", lambda _: popular(conn), lambda rng: None),
        Query("top events (30-day window)", lambda f: top_events(conn, f), lambda rng: day_window(pool, rng, 30)),
        Query("home dashboard (data, 30 days)", lambda _: home(conn), lambda rng: None),
        Query("timeline bins (default range)", lambda _: time_bins(conn), lambda rng: None),
        Query("timeline bins (months)", lambda f: time_bins(conn, f), lambda rng: month_filters(pool, rng)),
        Query(
            "timeline period (months, page 1)", lambda f: period_events(conn, f), lambda rng: month_filters(pool, rng)
        ),
        Query("network (300 edges, newest events)", lambda _: network(conn), lambda rng: None),
        Query("entity page (random person/org)", lambda e: q.get_entity(conn, e), lambda r: r.choice(pool.entity_ids)),
        Query(
            "entity page (by mentions)",
            lambda e: q.get_entity(conn, e),
            lambda rng: weighted_entity(conn, pool, rng)[0],
        ),
        Query("event list (no filter)", lambda _: q.list_event_reports(conn), lambda rng: None),
        Query(
            "event list (type, country, months)",
            lambda f: q.list_event_reports(conn, f),
            lambda rng: event_filters(pool, rng),
        ),
    ]
    out.extend(kb_queries(conn, pool))
    return out


def kb_queries(conn: Connection, pool: Pool) -> list[Query]:
    """The knowledge base's own queries, when the modules and tables are there."""
    out: list[Query] = []
    try:
        from newsgraph.analysis.entities import entity_profile
    except ImportError:
        entity_profile = None  # type: ignore[assignment]
    try:
        from newsgraph.analysis.events import list_merged_events as merged_events
    except ImportError:
        merged_events = None  # type: ignore[assignment]
    if entity_profile is not None and pool.kb and pool.canonical_names:
        out.append(
            Query(
                "entity_profile (random person/org)",
                lambda n: entity_profile(conn, n),
                lambda rng: rng.choice(pool.canonical_names),
            )
        )
        out.append(
            Query(
                "entity_profile (by mentions)",
                lambda n: entity_profile(conn, n),
                lambda rng: weighted_canonical(conn, pool, rng),
            )
        )
    if merged_events is not None and pool.kb:
        out.append(Query("merged events (no filter)", lambda _: merged_events(conn), lambda rng: None))
        out.append(
            Query(
                "merged events (type, country, months)",
                lambda f: merged_events(conn, f),
                lambda rng: event_filters(pool, rng),
            )
        )
    return out


def skipped_queries(pool: Pool) -> list[Timing]:
    out = []
    for module, name in (
        ("newsgraph.analysis.entities", "entity_profile"),
        ("newsgraph.analysis.events", "merged events"),
    ):
        try:
            __import__(module)
        except ImportError:
            out.append(Timing(name, skipped=f"{module} is absent"))
            continue
        if not pool.kb:
            out.append(Timing(name, skipped="the knowledge-base tables are missing"))
    return out


# -- proposed fixes (``--fixes``): indexes applied for the run and dropped after, query variants ------


# name → (table and columns, backends it is proposed for). Those of issue 15 landed in revision 0004
# (entity columns of events and quotes, canonical_entities (name_key), mentions (entity_id, id)): a fix
# run must not create them "if not exists" and drop them afterwards.
FIX_INDEXES = {
    "ix_merged_events_recent": ("merged_events (day DESC NULLS LAST, sources DESC, id)", ("postgresql",)),
}
# Session settings proposed for PostgreSQL connections (JIT compiles 100-350 ms into big aggregates;
# the default random_page_cost = 4 makes the planner read every tsvector instead of the GIN index).
FIX_SETTINGS = ("SET jit = off", "SET random_page_cost = 1.1")


@contextmanager
def fix_indexes(engine: Engine) -> Iterator[list[str]]:
    made = [n for n, (_, kinds) in FIX_INDEXES.items() if engine.dialect.name in kinds]
    with engine.begin() as conn:
        for name in made:
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {FIX_INDEXES[name][0]}"))
        for table in sorted({FIX_INDEXES[n][0].split()[0] for n in made}):
            conn.execute(text(f"ANALYZE {table}"))
    try:
        yield made
    finally:
        with engine.begin() as conn:
            for name in made:
                conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def search_two_phase(conn: Connection, query: str, *, limit: int = 20, offset: int = 0) -> list[Any]:
    """SQLite search ranked on the full-text index alone, then joined and snippeted for the top rows only.

    Same rows as ``store.search.search`` (ties at the cut are all kept for the final ordering).
    """
    from newsgraph.store.search import _fts5_query

    sql = """
        WITH hits AS MATERIALIZED (
            SELECT rowid AS r, -bm25(documents_fts, 0.0, 2.0, 1.0) AS score FROM documents_fts
            WHERE documents_fts MATCH :q),
        cut AS (SELECT score FROM hits ORDER BY score DESC LIMIT 1 OFFSET :limit + :offset - 1),
        top AS (SELECT r, score FROM hits WHERE score >= coalesce((SELECT score FROM cut), -1e308))
        SELECT d.id, d.title, d.published, d.role, top.score,
               (SELECT snippet(documents_fts, 2, '[', ']', '…', 16) FROM documents_fts
                WHERE documents_fts MATCH :q AND documents_fts.rowid = top.r) AS snippet
        FROM top JOIN documents_fts f ON f.rowid = top.r JOIN documents d ON d.id = f.document_id
        ORDER BY top.score DESC, d.published DESC, d.id LIMIT :limit OFFSET :offset"""
    return list(conn.execute(text(sql), {"q": _fts5_query(query), "limit": limit, "offset": offset}))


def search_bounded_headline(conn: Connection, query: str, *, limit: int = 20) -> list[Any]:
    """PostgreSQL search as ``store.search.search`` with the headline cut from the first 5000 characters."""
    q = "websearch_to_tsquery('english', :q)"
    sql = f"""
        SELECT d.id, d.title, d.published, d.role, ts_rank_cd(d.tsv, {q}) AS score,
               ts_headline('english', left(d.body, 5000), {q},
                           'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=2') AS snippet
        FROM documents d WHERE d.tsv @@ {q} AND d.duplicate_of IS NULL
        ORDER BY score DESC, d.published DESC NULLS LAST, d.id LIMIT :limit"""
    return list(conn.execute(text(sql), {"q": query, "limit": limit}))


def stance_board_plain(conn: Connection) -> dict[str, Any]:
    """``analysis.overview.stance_board`` with cells made into dicts field by field (``asdict`` deep-copies)."""
    from newsgraph.analysis.stances import Cell, Evidence, board
    from newsgraph.store import queries as q

    ev_keys = [f for f in Evidence.__slots__]  # type: ignore[attr-defined]

    def ev(e: Evidence) -> dict[str, Any]:
        return {k: getattr(e, k) for k in ev_keys}

    def cell(c: Cell) -> dict[str, Any]:
        out = {"country": c.country, "issue": c.issue, "position": c.position, "date": c.date}
        return out | {"evidence": ev(c.evidence), "history": [ev(h) for h in c.history]}

    cells = [cell(c) for c in board(conn, history=False)]
    issues, countries = sorted({c["issue"] for c in cells}), sorted({c["country"] for c in cells})
    return {"cells": cells, "issues": issues, "countries": countries, "all_issues": q.stance_issues(conn)}


def proposed_queries(store: Any, conn: Connection, pool: Pool) -> list[Query]:

    def pick(rng: random.Random) -> str:
        return rng.choice(WORDS)

    out = [Query("[fix] stance board API, plain dicts", lambda _: stance_board_plain(conn), lambda rng: None)]
    if conn.dialect.name == "sqlite":
        out.insert(0, Query("[fix] search, two-phase", lambda w: search_two_phase(conn, w), lambda r: r.choice(WORDS)))
    else:
        out.insert(0, Query("[fix] search, left(body, 5000)", lambda w: search_bounded_headline(conn, w), pick))
    return out


# -- plans of slow statements --------------------------------------------------------------------


@contextmanager
def statements(engine: Engine) -> Iterator[list[tuple[float, str, Any]]]:
    """Every SQL statement run on ``engine`` inside the block, as (ms, statement, parameters)."""
    log: list[tuple[float, str, Any]] = []

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        conn.info["bench_started"] = time.perf_counter()

    def after(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        log.append(((time.perf_counter() - conn.info.pop("bench_started")) * 1000, statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)


def plan(conn: Connection, statement: str, parameters: Any) -> list[str]:
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        return [r[0] for r in rows]
    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
    return [f"{r[0]}|{r[1]}| {r[3]}" for r in rows]


def explain(engine: Engine, query: Query, choice: Any) -> str:
    """The slowest statement of one call and its plan."""
    with statements(engine) as log:
        query.run(choice)
    if not log:
        return "    (no SQL statement)"
    log.sort(key=lambda r: -r[0])
    _, statement, parameters = log[0]
    shares = ", ".join(f"{m:.1f}" for m, _, _ in log[:5])
    lines = [f"    choice: {choice!r}; {len(log)} statements, slowest (ms): {shares}", "    slowest statement:"]
    lines += ["      " + line.strip() for line in statement.strip().splitlines() if line.strip()]
    lines.append(f"      parameters: {parameters!r}"[:400])
    with engine.connect() as conn:
        lines += ["      plan: " + p for p in plan(conn, statement, parameters)]
    return "\n".join(lines)


# -- one backend ---------------------------------------------------------------------------------


def prepare(backend: str, args: argparse.Namespace) -> tuple[str, bool]:
    """The base's URL, and whether an existing one is reused."""
    if backend == "postgresql":
        if args.reuse:
            url = kb_base.reset_pg_schema(args.pg_url, args.pg_schema, drop=False)
            with kb_base.opened(url) as engine, engine.connect() as conn:
                if kb_base.count_documents(conn):
                    return url, True
        return kb_base.reset_pg_schema(args.pg_url, args.pg_schema), False
    path = Path(args.keep)
    if args.reuse and path.exists():
        return kb_base.sqlite_url(path), True
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return kb_base.sqlite_url(path), False


def measure(store: Any, conn: Connection, batch: list[Query], n: int) -> list[tuple[Query, Timing]]:
    out = []
    for query in batch:
        timing = time_query(query, n)
        print(f"  … {timing.name}: p95 {timing.p95:.1f} ms", flush=True)
        out.append((query, timing))
        conn.rollback()  # end the read transaction, as a server request would
    return out


def report(backend: str, title: str, results: list[tuple[Query, Timing]], extra: list[Timing], args: Any) -> None:
    print(f"\n{backend}{title}: {args.queries} warm calls per query, fresh random choices (seed {SEED})")
    print(table([t for _, t in results] + extra), flush=True)


def bench_backend(backend: str, args: argparse.Namespace) -> None:
    from newsgraph.store.db import Store

    url, reused = prepare(backend, args)
    print(f"== {backend}: {Store(url, migrate=False).safe_url}", flush=True)
    if not reused:
        figures = kb_base.build_base(url, args.docs, share=args.rename_share, resolve=not args.no_resolve)
    with Store(url) as store:
        if not reused:
            kb_base.save_figures(store.engine, figures)
        for line in kb_base.describe(kb_base.load_figures(store.engine), reused=reused):
            print(line)
        if not args.no_ingest_rate:
            bare = kb_base.ingest_rate_without_extraction(backend, args.pg_url)
            print(
                f"  ingest without extraction (Wikinews, best of 3): {bare.documents} documents, {bare.rate:.0f} docs/s"
            )
        with store.engine.connect() as conn:
            pool = load_pool(conn)
            batch = [q for q in queries(store, conn, pool) if args.only in q.name or q.name == FLOOR]
            results = measure(store, conn, batch, args.queries)
            report(backend, "", results, skipped_queries(pool) if not args.only else [], args)
            print("\n".join(floor_ratios(results)), flush=True)
            if args.explain:
                for query, timing in results:
                    if timing.p95 >= GOAL_P95_MS:
                        print(f"\n  plan of {timing.name!r} (p95 {timing.p95:.1f} ms):")
                        print(explain(store.engine, query, timing.worst), flush=True)
                        conn.rollback()
            if args.fixes:
                with fix_indexes(store.engine) as made:
                    settings = FIX_SETTINGS if backend == "postgresql" else ()
                    for setting in settings:
                        conn.execute(text(setting))
                    conn.commit()
                    print(f"\nwith {', '.join(made + list(settings))} and query variants:", flush=True)
                    batch = [q for q in queries(store, conn, pool) if q.name.startswith(("entity", "event", "merged"))]
                    fixed = measure(store, conn, batch + proposed_queries(store, conn, pool), args.queries)
                report(backend, " with fixes", fixed, [], args)
    print()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the base (default 100000)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--queries", type=int, default=200, help="timed calls per query (default 200)")
    parser.add_argument("--keep", default=DEFAULT_KEEP, help=f"the SQLite base (default {DEFAULT_KEEP})")
    parser.add_argument("--pg-url", default=kb_base.DEFAULT_PG, help="PostgreSQL server")
    parser.add_argument(
        "--pg-schema", default=kb_base.PG_SCHEMA, help=f"the base's schema (default {kb_base.PG_SCHEMA})"
    )
    parser.add_argument("--only", default="", help="measure only the queries whose name contains this text")
    parser.add_argument("--no-ingest-rate", action="store_true", help="skip the ingest rate without extraction")
    parser.add_argument("--reuse", action="store_true", help="measure an existing base instead of rebuilding it")
    parser.add_argument("--rename-share", type=float, default=0.5, help="share of copies with renamed entities")
    parser.add_argument("--no-resolve", action="store_true", help="skip the knowledge-base resolution step")
    parser.add_argument("--explain", action="store_true", help="show the plan of the slowest statement of slow queries")
    parser.add_argument("--fixes", action="store_true", help="measure again with the proposed indexes and variants")
    args = parser.parse_args(argv)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        bench_backend(backend, args)


if __name__ == "__main__":
    main()
