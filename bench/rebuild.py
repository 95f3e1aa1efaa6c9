"""Knowledge-base rebuild bench: the time ``newsgraph resolve --all`` takes on an existing base.

Usage:
  python bench/rebuild.py [--backend sqlite|postgresql|both] [--keep PATH] [--pg-url URL]
                          [--pg-schema NAME] [--incremental]

Measures on a base built by ``bench/kb_base.py`` (e.g. ``python bench/query.py --no-resolve`` or
``bench/kb_base.py``'s ``build_base(..., resolve=False)``): SQLite at ``--keep``, PostgreSQL in the schema
``--pg-schema`` of ``--pg-url``. Prints the wall time of :func:`newsgraph.kb.pending.rebuild` (the one-pass
rebuild, commit included; and the CPU time of this process: on SQLite nearly all the work, on
PostgreSQL the client's share) with the rows it wrote. With ``--incremental``, the incremental path is timed
too on the same base (every document through ``resolve_documents``, 500 at a time, one transaction per
batch, as the rebuild ran before), and the two knowledge bases are compared table by table (rows in one
and not in the other, clock columns left out); the base is left with the one-pass rebuild's rows.
Never asserts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kb_base  # a sibling script, not a package

DEFAULT_KEEP = "/tmp/newsgraph-bench-rebuild.db"
DEFAULT_SCHEMA = "bench_kb_rebuild"
OLD = "bench_old_"  # prefix of the copies of the incremental path's tables
CLOCK = {"resolved_at", "updated_at"}


def rebuild_once(engine: Engine) -> tuple[float, dict[str, int]]:
    from newsgraph.kb.pending import rebuild

    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    with engine.begin() as conn:
        summary = rebuild(conn)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"  one-pass rebuild: {seconds:.1f} s wall, {cpu:.1f} s CPU of this process ({summary.documents} "
          f"documents, {summary.members} members, {summary.events} event reports); load average "
          f"{load:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores", flush=True)  # fmt: skip
    with engine.connect() as conn:
        return seconds, kb_counts(conn)


def incremental(engine: Engine) -> float:
    """The incremental path over every document, 500 at a time, one transaction per batch."""
    from newsgraph.store.schema_kb import drop_kb_rows

    started, cpu = time.perf_counter(), time.process_time()
    with engine.begin() as conn:
        drop_kb_rows(conn)
    kb_base.resolve_kb(engine, progress=lambda line: print(line, flush=True))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"  incremental path: {seconds:.1f} s wall, {cpu:.1f} s CPU of this process", flush=True)
    return seconds


def kb_counts(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from newsgraph.store.schema_kb import KB_TABLES

    return {t.name: int(conn.execute(text(f"SELECT COUNT(*) FROM {t.name}")).scalar_one()) for t in KB_TABLES}


def save_old(engine: Engine) -> None:
    from newsgraph.store.schema_kb import KB_TABLES

    with engine.begin() as conn:
        for t in KB_TABLES:
            conn.execute(text(f"DROP TABLE IF EXISTS {OLD}{t.name}"))
            conn.execute(text(f"CREATE TABLE {OLD}{t.name} AS SELECT * FROM {t.name}"))


def compare(engine: Engine) -> None:
    """Rows of each table in one knowledge base and not in the other (clock columns left out)."""
    from newsgraph.store.schema_kb import KB_TABLES

    with engine.begin() as conn:
        for t in KB_TABLES:
            cols = ", ".join(f'"{c.name}"' for c in t.c if c.name not in CLOCK)
            new_only = conn.execute(
                text(f"SELECT COUNT(*) FROM (SELECT {cols} FROM {t.name} EXCEPT SELECT {cols} FROM {OLD}{t.name}) x")
            ).scalar_one()
            old_only = conn.execute(
                text(f"SELECT COUNT(*) FROM (SELECT {cols} FROM {OLD}{t.name} EXCEPT SELECT {cols} FROM {t.name}) x")
            ).scalar_one()
            total = conn.execute(text(f"SELECT COUNT(*) FROM {t.name}")).scalar_one()
            print(f"    {t.name}: {total} rows; only in the one-pass rebuild {new_only}, only incremental {old_only}")
            conn.execute(text(f"DROP TABLE {OLD}{t.name}"))


def bench(url: str, args: argparse.Namespace) -> None:
    from newsgraph.store.db import Store
    from newsgraph.store.schema_kb import create_kb_tables

    with Store(url) as store:
        engine = store.engine
        print(f"== {engine.dialect.name}: {store.safe_url}", flush=True)
        with engine.begin() as conn:
            create_kb_tables(conn)
            docs = kb_base.count_documents(conn)
            have = set(inspect(conn).get_table_names())
        print(f"  base: {docs} documents; {'knowledge base present' if 'entity_links' in have else ''}", flush=True)
        seconds, counts = rebuild_once(engine)
        print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()), flush=True)
        if args.incremental:
            old = incremental(engine)
            save_old(engine)
            again, _ = rebuild_once(engine)
            print(f"  one-pass / incremental: {seconds:.1f} s / {old:.1f} s = {old / seconds:.1f}x faster; "
                  f"second one-pass run {again:.1f} s", flush=True)  # fmt: skip
            compare(engine)
    print()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--keep", default=DEFAULT_KEEP, help=f"the SQLite base (default {DEFAULT_KEEP})")
    parser.add_argument("--pg-url", default=kb_base.DEFAULT_PG, help="PostgreSQL server")
    parser.add_argument("--pg-schema", default=DEFAULT_SCHEMA, help=f"the base's schema (default {DEFAULT_SCHEMA})")
    parser.add_argument("--incremental", action="store_true", help="time the incremental path too and compare")
    args = parser.parse_args(argv)
    if args.backend in ("sqlite", "both"):
        bench(kb_base.sqlite_url(args.keep), args)
    if args.backend in ("postgresql", "both"):
        bench(kb_base.schema_url(args.pg_url, args.pg_schema), args)


if __name__ == "__main__":
    main()
