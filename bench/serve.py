"""Serving bench: p50/p95 latency of the article page, the stance map and board, search, the home
dashboard, the timeline, the network page and its data, a timeline range zoomed in place and a stance
cell's history: one client alone (the time to answer one request), then under load.

Usage:
  python bench/serve.py --db URL [--clients 20] [--seconds 30] [--workers 1] [--no-response-cache]
                        [--client httpx|raw]
  python bench/serve.py --make 100000 [--keep PATH]   # build a synthetic base first (SQLite)

``--db`` is the database to serve: the 100k-article base of the knowledge-base bench.
Without it, ``--make N`` builds one: the seed page and the Wikinews corpus are ingested
with the real pipeline (real facts), then their documents, pages and facts are copied
with new ids and shifted dates until N documents are stored (entities stay shared, so
popular names get many mentions, as in a real base). The server runs ``newsgraph.api.server``
in its own process on a free loopback port; ``--clients`` asyncio clients with keep-alive
connections request the pages and API calls of :data:`KINDS` in turn (articles and search words drawn at random,
seeded) for ``--seconds``. Before the load, one client alone requests each page ``--single`` times,
the pages in turn (:func:`single_client`): what one reader waits for a page, which is what "answers
within 100 ms" means. Before that, each overview page is computed ``--miss`` times in the warm server
as the first reader after an ingest would have it (:func:`miss_latency`: an empty run is added to the
database, and removed at the end). Prints one line per page with both figures, and the error count;
goals: p95 < 100 ms, 0 errors. Never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_f91c6608d9f9b579.txt"
WIKINEWS = SHARED / "corpus" / "wikinews-2019-2020" / "data"
WORDS = ("president", "protest", "election", "minister", "police", "Russia", "court", "storm", "government", "talks")
GOAL_P95_MS = 100.0

# Fact tables copied per clone (rows get new autoincrement ids).
FACT_TABLES = ("mentions", "quotes", "amounts", "dates", "themes", "events", "stances")


def make_base(url: str, n_documents: int) -> None:
    """Ingest the shared corpus into ``url`` (SQLite), then clone it up to ``n_documents`` documents."""
    from sqlalchemy import text

    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer
    from newsgraph.ingest.pipeline import Pipeline
    from newsgraph.store import summaries
    from newsgraph.store.db import Store

    settings = Settings.load(env={}, db=url)
    store = Store(url)
    started = time.perf_counter()
    pipe = Pipeline(settings, store=store, analyzer=Analyzer(settings))
    if SEED.exists():
        pipe.ingest([str(SEED)], published="2022-02-27")
    pipe.ingest([str(WIKINEWS)])
    with store.engine.begin() as conn:
        base = int(conn.execute(text("SELECT COUNT(*) FROM documents")).scalar_one())
    print(f"base: {base} documents ingested in {time.perf_counter() - started:.0f} s")
    copies = max(0, -(-n_documents // max(base, 1)) - 1)
    started = time.perf_counter()
    with store.engine.begin() as conn:
        last = _bounds(conn)
        for k in range(1, copies + 1):
            _clone(conn, k, last)
    with store.engine.begin() as conn:
        summaries.rebuild(conn)  # the clones bypassed ingest, which keeps the summary tables
        conn.execute(text("ANALYZE"))
    with store.engine.connect() as conn:
        total = conn.execute(text("SELECT COUNT(*) FROM documents")).scalar_one()
    print(f"cloned to {total} documents in {time.perf_counter() - started:.0f} s")
    store.close()


CLONED = ("pages", "documents", "page_documents", "documents_fts", *FACT_TABLES, "tones")


def _bounds(conn: object) -> dict[str, int]:
    """The last rowid of each cloned table before cloning: copies read only the rows up to it."""
    from sqlalchemy import text

    run = conn.execute  # type: ignore[attr-defined]
    return {t: int(run(text(f"SELECT COALESCE(MAX(rowid), 0) FROM {t}")).scalar_one()) for t in CLONED}


def _clone(conn: object, k: int, last: dict[str, int]) -> None:
    """Copy the original rows (rowid <= ``last``) with ids suffixed ``-k`` and dates shifted ``k`` days."""
    from sqlalchemy import text

    p = {"s": f"-{k:05d}", "d": f"+{k % 1500} days", **{f"m_{t}": n for t, n in last.items()}}
    run = conn.execute  # type: ignore[attr-defined]
    run(
        text(
            "INSERT INTO pages (id, source, kind, url, title, published, encoding, language, ingested_at, run_id) "
            "SELECT id || :s, source || :s, kind, url, title, date(published, :d), encoding, language, ingested_at, "
            "run_id FROM pages WHERE rowid <= :m_pages"
        ),
        p,
    )
    run(
        text(
            "INSERT INTO documents (id, role, title, body, section, published, sources, picture_caption, "
            "picture_credit, url, content_hash, duplicate_of, similarity, minhash, first_page_id, created_at) "
            "SELECT id || :s, role, title, body, section, date(published, :d), sources, picture_caption, "
            "picture_credit, url, content_hash || :s, CASE WHEN duplicate_of IS NULL THEN NULL "
            "ELSE duplicate_of || :s END, similarity, NULL, first_page_id || :s, created_at "
            "FROM documents WHERE rowid <= :m_documents"
        ),
        p,
    )
    run(
        text(
            "INSERT INTO page_documents (page_id, document_id, role, position, occurrences) "
            "SELECT page_id || :s, document_id || :s, role, position, occurrences FROM page_documents "
            "WHERE rowid <= :m_page_documents"
        ),
        p,
    )
    run(
        text(
            "INSERT INTO documents_fts (document_id, title, body) "
            "SELECT document_id || :s, title, body FROM documents_fts WHERE rowid <= :m_documents_fts"
        ),
        p,
    )
    for table in (*FACT_TABLES, "tones"):
        cols = [r[1] for r in run(text(f"PRAGMA table_info({table})")) if r[1] != "id"]
        select = ", ".join(
            "document_id || :s"
            if c == "document_id"
            else ("date(date, :d)" if c == "date" and table in {"events", "stances"} else f'"{c}"')
            for c in cols
        )
        names = ", ".join(f'"{c}"' for c in cols)
        run(text(f"INSERT INTO {table} ({names}) SELECT {select} FROM {table} WHERE rowid <= :m_{table}"), p)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, workers: int, response_cache: bool = True) -> subprocess.Popen[bytes]:
    """The server in its own process; without ``response_cache`` (one worker only) the rendered-response cache
    (:mod:`newsgraph.api.response_cache`) stores nothing, so every request goes through the app as before it."""
    env = {**os.environ, "NEWSGRAPH_DB": url, "NEWSGRAPH_PORT": str(port), "NEWSGRAPH_HOST": "127.0.0.1"}
    off = (
        ""
        if response_cache
        else "import newsgraph.api.response_cache as rc; rc.cacheable_request = lambda scope: False; "
    )
    code = (
        f"{off}from newsgraph.api.server import run; from newsgraph.core.settings import Settings; "
        f"run(Settings.load(), log_level='warning', workers={workers})"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def sample_ids(url: str, n: int = 2000) -> list[str]:
    from sqlalchemy import text

    from newsgraph.store.db import Store

    with Store(url) as store, store.connect() as conn:
        rows = conn.execute(
            text("SELECT id FROM documents WHERE duplicate_of IS NULL ORDER BY id LIMIT :n"), {"n": n * 50}
        ).scalars()
        ids = list(rows)
    return random.Random(7).sample(ids, min(n, len(ids)))


# What each client requests in turn: the article reader, the overview pages (home, stance map and board,
# timeline, network), search, and what the overview pages fetch as they are used (a range brushed on the
# timeline, a stance cell opened).
KINDS = ("article", "stances", "search", "home", "timeline", "network", "netpage", "zoom", "cell")


def request_path(kind: str, rng: random.Random, ids: list[str], cells: list[tuple[str, str]]) -> str:
    """The URL of one request of ``kind`` (random choices from ``rng``)."""
    if kind == "article":
        return f"/articles/{rng.choice(ids)}"
    if kind == "search":
        return f"/search?q={rng.choice(WORDS)}"
    if kind == "zoom":  # one to three months of 2019-2020, as a brush on the timeline asks
        year, month = rng.choice((2019, 2020)), rng.randint(1, 10)
        return f"/api/events/bins?since={year}-{month:02d}&until={year}-{month + rng.randint(0, 2):02d}"
    if kind == "cell" and cells:
        country, issue = rng.choice(cells)
        return "/api/stances/history?" + urlencode({"country": country, "issue": issue})
    fixed = {"stances": "/stances", "home": "/", "timeline": "/timeline", "netpage": "/network"}
    return fixed.get(kind, "/api/events/network?min_weight=1&limit=300")  # "network": the data /network draws


def sample_cells(url: str) -> list[tuple[str, str]]:
    """(country, issue) of the stance board's cells, what a reader opens."""
    from sqlalchemy import text

    from newsgraph.store.db import Store

    with Store(url) as store, store.connect() as conn:
        rows = conn.execute(text("SELECT DISTINCT country, issue FROM stances ORDER BY 1, 2 LIMIT 2000"))
        return [(r[0], r[1]) for r in rows]


class RawConnection:
    """A minimal HTTP/1.1 keep-alive GET client over asyncio streams (``--client raw``): what a request costs
    the bench's own process is a few tens of µs instead of httpx's ~2 ms, so on a machine whose cores the
    clients share with the server the latencies measured are more the server's. Reads ``Content-Length``
    and chunked bodies; any other answer, or a broken connection, counts as an error and reconnects."""

    def __init__(self, base: str) -> None:
        host, port = base.removeprefix("http://").rsplit(":", 1)
        self.host, self.port = host, int(port)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """The status of ``GET path`` (its body read and dropped)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(
    base: str,
    ids: list[str],
    clients: int,
    seconds: float,
    cells: list[tuple[str, str]] = (),
    raw: bool = False,
) -> dict[str, list[float]]:
    import httpx

    latencies: dict[str, list[float]] = {kind: [] for kind in KINDS}
    errors: dict[str, int] = dict.fromkeys(latencies, 0)
    stop = time.perf_counter() + seconds

    async def client(i: int) -> None:
        rng = random.Random(i)
        kinds = list(latencies)
        raw_http = RawConnection(base) if raw else None
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            turn = i
            while time.perf_counter() < stop:
                kind = kinds[turn % len(kinds)]
                turn += 1
                path = request_path(kind, rng, ids, cells)
                t0 = time.perf_counter()
                try:
                    if raw_http is not None:
                        ok = await asyncio.wait_for(raw_http.get(path), 30) == 200
                    else:
                        ok = (await http.get(path)).status_code == 200
                except (httpx.HTTPError, OSError, ValueError, asyncio.IncompleteReadError, TimeoutError):
                    ok = False
                    if raw_http is not None:
                        await raw_http.close()
                latencies[kind].append((time.perf_counter() - t0) * 1000)
                errors[kind] += not ok
        if raw_http is not None:
            await raw_http.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    latencies["_errors"] = [float(sum(errors.values()))]
    return latencies


def single_client(
    base: str, ids: list[str], cells: list[tuple[str, str]], rounds: int
) -> tuple[dict[str, list[float]], int]:
    """One client alone, one request at a time: ``rounds`` requests of each kind of :data:`KINDS`, the kinds in
    turn (so a page is never timed twice in a row); latencies per kind (ms) and the error count."""
    import httpx

    rng = random.Random(11)
    latencies: dict[str, list[float]] = {kind: [] for kind in KINDS}
    errors = 0
    with httpx.Client(base_url=base, timeout=60) as http:
        for _ in range(rounds):
            for kind in KINDS:
                path = request_path(kind, rng, ids, cells)
                t0 = time.perf_counter()
                try:
                    ok = http.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies[kind].append((time.perf_counter() - t0) * 1000)
                errors += not ok
    return latencies, errors


def miss_latency(base: str, url: str, paths: tuple[str, ...], rounds: int) -> dict[str, list[float]]:
    """Each path requested ``rounds`` times from the warm server, each time just after an empty finished run
    was added to the database: the result cache is keyed by the database's version (the largest ids of
    runs, stances and events), so the request computes its page as the first reader after an ingest
    would. The runs added are deleted at the end (the version goes back)."""
    import httpx
    from sqlalchemy import create_engine, delete, insert

    from newsgraph.store.schema import now, runs

    engine = create_engine(url)
    added: list[int] = []
    out: dict[str, list[float]] = {path: [] for path in paths}
    try:
        with httpx.Client(base_url=base, timeout=300) as http:
            for _ in range(rounds):
                for path in paths:
                    with engine.begin() as conn:
                        row = {"started_at": now(), "finished_at": now(), "status": "finished"}
                        added.append(
                            conn.execute(
                                insert(runs).values(inputs="bench/serve.py: a cache miss", **row)
                            ).inserted_primary_key[0]
                        )
                    t0 = time.perf_counter()
                    http.get(path)
                    out[path].append((time.perf_counter() - t0) * 1000)
    finally:
        with engine.begin() as conn:
            conn.execute(delete(runs).where(runs.c.id.in_(added)))
        engine.dispose()
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else (values[0] if values else 0.0)


def main() -> None:
    import httpx

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to serve (the knowledge-base bench's 100k-article base)")
    parser.add_argument("--make", type=int, default=0, help="build a synthetic SQLite base of N documents first")
    parser.add_argument("--keep", help="where --make writes its database (default: a temporary folder)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--single", type=int, default=30, help="requests per page from one client alone")
    parser.add_argument(
        "--client",
        choices=("httpx", "raw"),
        default="httpx",
        help="the load's clients: httpx (~2 ms of this process's CPU per request) or a minimal HTTP/1.1 one",
    )
    parser.add_argument(
        "--no-response-cache",
        action="store_true",
        help="serve without the rendered-response cache (the result cache stays; one worker only)",
    )
    parser.add_argument(
        "--miss", type=int, default=3, help="cache misses per overview page in the warm server (0: none)"
    )
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db
    if url is None:
        if not args.make:
            raise SystemExit("give --db URL, or --make N to build a synthetic base")
        path = Path(args.keep) if args.keep else Path(tmp.name) / "serve-bench.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            make_base(url, args.make)
    ids = sample_ids(url)
    port = _free_port()
    if args.no_response_cache and args.workers > 1:
        raise SystemExit("--no-response-cache needs --workers 1")
    server = start_server(url, port, args.workers, response_cache=not args.no_response_cache)
    try:
        base = f"http://127.0.0.1:{port}"
        print("cold (first request, computed before the cache holds it):")
        cold = ("/", "/stances", "/timeline", "/network", "/api/events/network?min_weight=1&limit=300")
        for path in (*cold, "/api/events/bins?since=2020-01&until=2020-03"):
            t0 = time.perf_counter()
            status = httpx.get(base + path, timeout=300).status_code
            print(f"  {path:45s} {status} {(time.perf_counter() - t0) * 1000:8.0f} ms")
        asyncio.run(load(base, ids[:20], 2, 3.0))  # warm-up: caches, first connections
        if args.miss:
            print(
                f"cache miss in the warm server (the database's version changed before each request; {args.miss} each):"
            )
            for path, values in miss_latency(base, url, cold, args.miss).items():
                print(f"  {path:45s} median {statistics.median(values):7.0f} ms  max {max(values):7.0f} ms")
        cells = sample_cells(url)
        alone, alone_errors = single_client(base, ids, cells, args.single)
        started = time.perf_counter()
        results = asyncio.run(load(base, ids, args.clients, args.seconds, cells, raw=args.client == "raw"))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()
    errors = int(results.pop("_errors")[0])
    total = sum(len(v) for v in results.values())
    loadavg = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"server: {url} · {args.clients} clients · {args.seconds:.0f} s · "
        f"{args.workers} worker(s) · {os.cpu_count()} CPUs · load average {loadavg} · "
        f"response cache {'off' if args.no_response_cache else 'on'} · {args.client} clients"
    )
    print(f"{'':8s}  one client alone ({args.single} each)      {args.clients} clients at once")
    print(f"{'page':8s}  {'p50 ms':>8s} {'p95 ms':>8s}  {'':8s}  {'requests':>8s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for kind, values in results.items():
        single = [pct(alone[kind], 50), pct(alone[kind], 95)]
        p50, p95 = pct(values, 50), pct(values, 95)
        flags = ["ok" if p < GOAL_P95_MS else "OVER" for p in (single[1], p95)]
        print(
            f"{kind:8s}  {single[0]:8.1f} {single[1]:8.1f}  {flags[0]:8s}  {len(values):8d} {p50:8.1f} {p95:8.1f}"
            f"  {flags[1]}"
        )
    print(f"goal p95 < {GOAL_P95_MS:.0f} ms; one client alone: {alone_errors} errors")
    print(f"under load: {total / elapsed:.0f} requests/s; errors: {errors} (goal 0)")


if __name__ == "__main__":
    main()
