"""The stance board: for each country and issue, the latest position, with its history.

Rows come from the ``stances`` table (one per country, issue and document).
The date of a row is the stance's own date or its document's publication
date. The latest row on or before the filters' ``until`` (the board "as of" that date) wins a cell; earlier rows stay in
``history`` so a reader can see how a position changed, and on what evidence. The web page and the API read
only the winning rows (``board(..., history=False)``: one ranked query) and a cell's history when it is
opened (:func:`cell_history`); the "as of" slider replays ``(date, position)`` pairs (:func:`replay_points`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.schema import documents, stances
from newsgraph.store.sql import chunked

_WORD = re.compile(r"[a-z0-9]+")
# Words that carry no topic in issue labels ("the current situation in Ukraine").
_STOP = frozenset({"the", "a", "an", "of", "in", "on", "to", "and", "s", "current", "situation", "issue"})


@dataclass(slots=True)
class Evidence:
    document_id: str
    title: str
    date: str | None
    position: str
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Cell:
    country: str
    issue: str
    position: str
    date: str | None
    evidence: Evidence
    history: list[Evidence] = field(default_factory=list)
    statements: int = 1  # rows of the cell (``history`` may hold only the latest)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def issue_matches(issue: str, wanted: str | None) -> bool:
    """True when every topic word of ``wanted`` appears in ``issue`` (case-insensitive)."""
    if not wanted:
        return True
    words = {w for w in _WORD.findall(wanted.lower()) if w not in _STOP}
    have = set(_WORD.findall(issue.lower()))
    return words <= have or wanted.lower() in issue.lower()


def matching_issues(conn: Connection, wanted: str) -> list[str]:
    """The stored issue labels that :func:`issue_matches` ``wanted``."""
    labels = conn.execute(select(stances.c.issue).distinct()).scalars()
    return sorted(i for i in labels if issue_matches(i, wanted))


def _date() -> Any:
    return func.coalesce(stances.c.date, documents.c.published)


def _conditions(conn: Connection, f: Filters, issue: str | None, *, exact: bool = False) -> list[Any] | None:
    """WHERE clauses for the rows of the board (None when no stored issue matches ``issue``)."""
    out = [*f.date_range(_date(), undated=True)]
    if f.country:
        out.append(stances.c.country == f.country)
    if issue is not None:
        labels = [issue] if exact else matching_issues(conn, issue)
        if not labels:
            return None
        out.append(stances.c.issue.in_(labels))
    return out


def board(conn: Connection, f: Filters = NO_FILTERS, *, issue: str | None = None, history: bool = True) -> list[Cell]:
    """Cells of the board, sorted by issue then country: as it stood on ``f.until`` (rows without any
    date count at every date), for ``f.country`` only when given.

    With ``history=False`` only each cell's latest row is read (one ranked query; ``history`` holds it
    alone and ``statements`` says how many there are): :func:`cell_history` gives the rest on demand.
    """
    where = _conditions(conn, f, issue)
    if where is None:
        return []
    if not history:
        return _latest(conn, where, issue)
    date = _date()
    q = (
        select(
            stances.c.country,
            stances.c.issue,
            stances.c.position,
            date.label("date"),
            stances.c.sentence,
            stances.c.start,
            stances.c.end,
            stances.c.document_id,
            documents.c.title,
        )
        .join(documents, documents.c.id == stances.c.document_id)
        .where(*where)
        .order_by(date, stances.c.id)
    )
    cells: dict[tuple[str, str], Cell] = {}
    for r in conn.execute(q):
        ev = Evidence(r.document_id, r.title, r.date, r.position, r.sentence, r.start, r.end)
        key = (r.country, r.issue if issue is None else issue)
        cell = cells.get(key)
        if cell is None:
            cells[key] = Cell(r.country, key[1], r.position, r.date, ev, [ev])
            continue
        cell.history.append(ev)
        cell.statements += 1
        if (r.date or "") >= (cell.date or ""):
            cell.position, cell.date, cell.evidence = r.position, r.date, ev
    return sorted(cells.values(), key=lambda c: (c.issue, c.country))


def _latest(conn: Connection, where: list[Any], issue: str | None) -> list[Cell]:
    """The row that wins each cell (the latest date, then the highest id), with the cell's row count.

    The winners are found by :func:`_winners`, then their rows alone are read."""
    winners = _winners(conn, where, issue)
    counts = {key: n for key, (_, n) in winners.items()}
    out = []
    for part in chunked(sorted(i for i, _ in winners.values())):
        rows = select(stances, documents.c.title, _date().label("day")).join(
            documents, documents.c.id == stances.c.document_id
        )
        for r in conn.execute(rows.where(stances.c.id.in_(part))):
            ev = Evidence(r.document_id, r.title, r.day, r.position, r.sentence, r.start, r.end)
            label = r.issue if issue is None else issue
            out.append(Cell(r.country, label, r.position, r.day, ev, [ev], counts[(r.country, label)]))
    return sorted(out, key=lambda c: (c.issue, c.country))


def _winners(conn: Connection, where: list[Any], issue: str | None) -> dict[tuple[str, str], tuple[int, int]]:
    """Per cell ``(country, issue)``: the id of its winning row and how many rows it has.

    PostgreSQL ranks the rows itself (a window function); SQLite sorted every row for it (13,182 rows
    for 36 cells on the 100k base), so there the rows' ids, cells and dates are read in one pass and
    the winner kept here."""
    date = func.coalesce(_date(), "")
    label = (lambda r: r.issue) if issue is None else (lambda r: issue)
    if conn.dialect.name == "postgresql":
        key = [stances.c.country] if issue is not None else [stances.c.country, stances.c.issue]
        ranked = (
            select(
                stances.c.id,
                stances.c.country,
                stances.c.issue,
                func.row_number().over(partition_by=key, order_by=(date.desc(), stances.c.id.desc())).label("rank"),
                func.count().over(partition_by=key).label("n"),
            )
            .join(documents, documents.c.id == stances.c.document_id)
            .where(*where)
            .subquery()
        )
        rows = conn.execute(select(ranked).where(ranked.c.rank == 1)).all()
        return {(r.country, label(r)): (r.id, int(r.n)) for r in rows}
    q = select(stances.c.id, stances.c.country, stances.c.issue, date.label("day")).join(
        documents, documents.c.id == stances.c.document_id
    )
    best: dict[tuple[str, str], tuple[str, int]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for r in conn.execute(q.where(*where)).all():
        cell = (r.country, label(r))
        counts[cell] += 1
        if cell not in best or (r.day, r.id) > best[cell]:
            best[cell] = (r.day, r.id)
    return {cell: (id_, counts[cell]) for cell, (_, id_) in best.items()}


def cell_history(
    conn: Connection, country: str, issue: str, f: Filters = NO_FILTERS, *, exact: bool = True
) -> list[Evidence]:
    """Every statement of one cell on or before ``f.until``, oldest first: ``issue`` the cell's label
    (``exact``) or topic words as :func:`board` takes them."""
    where = _conditions(conn, f, issue, exact=exact)
    if where is None:
        return []
    date = _date()
    q = (
        select(stances, documents.c.title, date.label("day"))
        .join(documents, documents.c.id == stances.c.document_id)
        .where(*where, stances.c.country == country)
        .order_by(func.coalesce(date, ""), stances.c.id)
    )
    return [Evidence(r.document_id, r.title, r.day, r.position, r.sentence, r.start, r.end) for r in conn.execute(q)]


Replay = dict[tuple[str, str], list[tuple[str | None, str]]]


def replay_points(conn: Connection, f: Filters = NO_FILTERS, *, issue: str | None = None) -> Replay:
    """Per cell, its statements' ``(date, position)`` oldest first (no evidence): what the "as of" slider
    replays."""
    where = _conditions(conn, f, issue)
    if where is None:
        return {}
    date = _date()
    q = (
        select(stances.c.country, stances.c.issue, date.label("day"), stances.c.position, stances.c.id)
        .join(documents, documents.c.id == stances.c.document_id)
        .where(*where)
        .order_by(func.coalesce(date, ""), stances.c.id)
    )
    out: Replay = {}
    for country, label, day, position, _ in conn.execute(q).all():  # fetched at once: faster than row by row
        out.setdefault((country, label if issue is None else issue), []).append((day, position))
    return out
