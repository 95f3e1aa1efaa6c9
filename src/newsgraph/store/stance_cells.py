"""The stance board's cells kept current at ingest: ``stance_cells`` and ``stances.stated``.

A cell is a country and a stored issue label (issue clusters merge labels into the board's columns when
the board is read, :mod:`newsgraph.analysis.stances`). ``stance_cells`` holds per cell how many
statements it has and the one that wins it: the latest by ``stances.stated`` (the stance's date, else its
document's publication date; ``""`` in the table when neither is known, so undated statements are the
oldest), then the highest id. The board without an "as of" date reads these rows instead of every
statement, and a cell's latest statements are read newest first through ``ix_stances_cell_stated``.

:func:`add` and :func:`subtract` are called by :mod:`newsgraph.store.summaries` with the documents whose
facts were just written or are about to be deleted; :func:`fill` recounts every cell.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, case, delete, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from newsgraph.store.schema import documents, stances
from newsgraph.store.schema_summary import stance_cells
from newsgraph.store.sql import chunked

Cell = tuple[str, str]  # (country, issue)
Best = tuple[str, int]  # (stated or "", stance id): the larger wins

# What revision 0009 and :func:`fill` run: every counted document's stances, the winner of each cell ranked
# in SQL (a window function, SQLite 3.25+ and PostgreSQL).
FILL = """INSERT INTO stance_cells (country, issue, statements, latest_id, latest_stated)
    SELECT country, issue, n, id, coalesce(stated, '') FROM (
        SELECT s.id, s.country, s.issue, s.stated,
               row_number() OVER (PARTITION BY s.country, s.issue
                                  ORDER BY coalesce(s.stated, '') DESC, s.id DESC) AS rn,
               count(*) OVER (PARTITION BY s.country, s.issue) AS n
        FROM stances s JOIN summary_documents c ON c.document_id = s.document_id
    ) ranked WHERE rn = 1"""


def set_stated(conn: Connection, doc_ids: list[str] | None) -> None:
    """``stances.stated`` of these documents' stances (None: of all): own date, else the document's."""
    published = select(documents.c.published).where(documents.c.id == stances.c.document_id).scalar_subquery()
    q = update(stances).values(stated=func.coalesce(stances.c.date, published))
    conn.execute(q if doc_ids is None else q.where(stances.c.document_id.in_(doc_ids)))


def _read(conn: Connection, doc_ids: list[str]) -> tuple[dict[Cell, int], dict[Cell, Best], set[int]]:
    """Per cell of these documents' stances: how many, the best of them; and their ids."""
    s = stances.c
    counts: dict[Cell, int] = defaultdict(int)
    best: dict[Cell, Best] = {}
    ids: set[int] = set()
    for id_, country, issue, stated in conn.execute(
        select(s.id, s.country, s.issue, s.stated).where(s.document_id.in_(doc_ids))
    ):
        cell, rank = (country, issue), (stated or "", id_)
        counts[cell] += 1
        ids.add(id_)
        if cell not in best or rank > best[cell]:
            best[cell] = rank
    return counts, best, ids


def add(conn: Connection, doc_ids: list[str]) -> None:
    """Count these documents' stances (their ``stated`` set first) into their cells."""
    set_stated(conn, doc_ids)
    counts, best, _ = _read(conn, doc_ids)
    if not counts:
        return
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = make(stance_cells)
    c, new = stance_cells.c, stmt.excluded
    newer = or_(
        new.latest_stated > c.latest_stated, and_(new.latest_stated == c.latest_stated, new.latest_id > c.latest_id)
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["country", "issue"],
        set_={
            "statements": c.statements + new.statements,
            "latest_id": case((newer, new.latest_id), else_=c.latest_id),
            "latest_stated": case((newer, new.latest_stated), else_=c.latest_stated),
        },
    )
    rows = [
        {"country": k[0], "issue": k[1], "statements": n, "latest_stated": best[k][0], "latest_id": best[k][1]}
        for k, n in sorted(counts.items())  # sorted: two writers lock rows in the same order
    ]
    for part in chunked(rows, 1000):
        conn.execute(stmt, part)


def subtract(conn: Connection, doc_ids: list[str]) -> None:
    """Take these documents' stances out of their cells (before the stances are deleted): a cell whose
    winner goes finds its next one among the statements left; a cell left empty is deleted."""
    counts, _, gone = _read(conn, doc_ids)
    c, s = stance_cells.c, stances.c
    for (country, issue), n in sorted(counts.items()):
        key = and_(c.country == country, c.issue == issue)
        row = conn.execute(select(c.statements, c.latest_id).where(key)).first()
        if row is None:
            continue
        if row.statements <= n:
            conn.execute(delete(stance_cells).where(key))
            continue
        values: dict[str, Any] = {"statements": c.statements - n}
        if row.latest_id in gone:
            q = select(s.id, s.stated).where(s.country == country, s.issue == issue, s.document_id.not_in(doc_ids))
            nxt = conn.execute(q.order_by(*newest_first()).limit(1)).first()
            if nxt is None:
                conn.execute(delete(stance_cells).where(key))
                continue
            values |= {"latest_id": nxt.id, "latest_stated": nxt.stated or ""}
        conn.execute(update(stance_cells).where(key).values(**values))


def newest_first() -> tuple[Any, Any]:
    """A cell's statements newest first, undated last, as ``ix_stances_cell_stated`` holds them."""
    return stances.c.stated.desc().nulls_last(), stances.c.id.desc()


def latest(conn: Connection, where: list[Any], n: int) -> dict[Cell, list[tuple[str | None, str, int]]]:
    """The latest ``n`` statements ``(stated, position, id)`` of each stored cell that ``where`` (clauses on
    ``stance_cells``) selects, oldest first: each cell read down ``ix_stances_cell_stated`` (one statement,
    a correlated ``IN (… LIMIT n)`` per cell row)."""
    s, c = stances.c, stance_cells.c
    inner = stances.alias("inner")
    newest = (
        select(inner.c.id)
        .where(inner.c.country == c.country, inner.c.issue == c.issue)
        .order_by(inner.c.stated.desc().nulls_last(), inner.c.id.desc())
        .limit(n)
        .correlate(stance_cells)
    )
    q = select(s.country, s.issue, s.stated, s.position, s.id).select_from(stance_cells.join(stances, s.id.in_(newest)))
    out: dict[Cell, list[tuple[str | None, str, int]]] = {}
    for country, issue, stated, position, id_ in conn.execute(q.where(*where)).all():
        out.setdefault((country, issue), []).append((stated, position, id_))
    for points in out.values():
        points.sort(key=lambda p: (p[0] or "", p[2]))
    return out


def fill(conn: Connection) -> None:
    """Every ``stances.stated`` set and ``stance_cells`` recounted (after ``summary_documents`` is)."""
    set_stated(conn, None)
    conn.execute(delete(stance_cells))
    conn.execute(text(FILL))


def recount(conn: Connection, counted: Any) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """What ``stance_cells`` should hold, from the stances of the documents of ``counted`` (a selectable of
    ``document_id``), each statement's date recomputed from its document (not read from ``stated``):
    ``(country, issue)`` → ``(statements, winner's document id, start, end)`` (not its id, which
    re-extraction changes)."""
    s = stances.c
    stated = func.coalesce(s.date, documents.c.published)
    q = (
        select(s.id, s.country, s.issue, stated, s.document_id, s.start, s.end)
        .select_from(stances.join(documents, documents.c.id == s.document_id))
        .where(s.document_id.in_(counted))
    )
    counts: dict[Cell, int] = defaultdict(int)
    best: dict[Cell, tuple[Any, ...]] = {}
    for id_, country, issue, when, doc, start, end in conn.execute(q):
        cell, rank = (country, issue), (when or "", id_, doc, start, end)
        counts[cell] += 1
        best[cell] = max(best.get(cell, rank), rank)
    return {k: (n, *best[k][2:]) for k, n in counts.items()}


def stored(conn: Connection) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """What ``stance_cells`` holds, in :func:`recount`'s shape (the winner looked up by its id)."""
    c, s = stance_cells.c, stances.c
    q = select(c.country, c.issue, c.statements, s.document_id, s.start, s.end).select_from(
        stance_cells.outerjoin(stances, s.id == c.latest_id)
    )
    return {(r[0], r[1]): (int(r[2]), *r[3:]) for r in conn.execute(q)}


__all__ = ["FILL", "add", "fill", "latest", "newest_first", "recount", "set_stated", "stored", "subtract"]
