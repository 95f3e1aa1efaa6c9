"""The floor search is measured against in ``bench/query.py``: the full-text index alone, in the same run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

FLOOR = "bare FTS, ranked LIMIT 20 (floor)"


def bare_fts(conn: Connection, word: str) -> list[Any]:
    """The floor search is measured against: the full-text index alone, ranked, 20 ids (FTS5 ``MATCH … ORDER BY
    rank LIMIT 20`` with search's BM25 weights; PostgreSQL ``tsv @@ websearch_to_tsquery(…) ORDER BY
    ts_rank_cd … LIMIT 20``, jit off as search sets it). No join, no filter, no snippet."""
    if conn.dialect.name == "postgresql":
        q = "websearch_to_tsquery('english', :q)"
        conn.execute(text("SET LOCAL jit = off"))
        sql = f"SELECT id FROM documents WHERE tsv @@ {q} ORDER BY ts_rank_cd(tsv, {q}) DESC LIMIT 20"
        return list(conn.execute(text(sql), {"q": word}))
    sql = (
        "SELECT document_id FROM documents_fts WHERE documents_fts MATCH :q AND rank MATCH 'bm25(0.0, 2.0, 1.0)' "
        "ORDER BY rank LIMIT 20"
    )
    return list(conn.execute(text(sql), {"q": word}))


def floor_ratios(results: list[tuple[Any, Any]]) -> list[str]:
    """p50 and p95 of each search query over the bare FTS floor's, measured in the same run."""
    by_name = {t.name: t for _, t in results}
    floor = by_name.get(FLOOR)
    if floor is None or not floor.ms:
        return []
    lines = []
    for name, t in by_name.items():
        if name.startswith("search") and t.ms:
            lines.append(
                f"  {name} / floor: p50 {t.p50 / floor.p50:.2f}x, p95 {t.p95 / floor.p95:.2f}x (goal p95 within 3x)"
            )
    return lines
