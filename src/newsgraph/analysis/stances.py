"""The stance board: for each country and issue, the latest position, with its history.

Rows come from the ``stances`` table (one per country, issue and document). A column of the board is an
issue across articles: the per-document issue labels that :mod:`newsgraph.kb.issues` put in one cluster
share a column, named by the cluster's label (a label not clustered yet is a column of its own); each row
keeps its own document's issue (``Evidence.issue``).
The date of a row is the stance's own date or its document's publication
date. The latest row on or before the filters' ``until`` (the board "as of" that date) wins a cell; earlier rows stay in
``history`` so a reader can see how a position changed, and on what evidence. The web page and the API read
only the winning rows (``board(..., history=False)``) and a cell's history when it is opened
(:func:`cell_history`); the "as of" slider replays ``(date, position)`` pairs (:func:`replay_points`, the
page sends each cell's latest few). Without an "as of" date the winners, counts, labels and latest pairs
come from the cells kept at ingest (:mod:`newsgraph.store.stance_cells`: a few rows per cell, not every
statement); "as of" a date, the winners are ranked over the statements (one ranked query).
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
from newsgraph.store.schema_kb import issue_cluster_members, issue_clusters
from newsgraph.store.schema_summary import stance_cells
from newsgraph.store.sql import chunked
from newsgraph.store.stance_cells import latest as cell_latest

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
    issue: str = ""  # the issue as its document named it (the cell's is its cluster's label)


@dataclass(slots=True)
class Cell:
    country: str
    issue: str
    position: str
    date: str | None
    evidence: Evidence
    history: list[Evidence] = field(default_factory=list)
    statements: int = 1  # rows of the cell (``history`` may hold only the latest)
    issue_key: str | None = None  # the key of the cell's issue cluster (None: a label not clustered yet)

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


def stored_issues(conn: Connection) -> list[str]:
    """Every issue label of the stored stances (from the board's cells, :mod:`newsgraph.store.stance_cells`)."""
    return list(conn.execute(select(stance_cells.c.issue).distinct()).scalars())


def matching_issues(conn: Connection, wanted: str) -> list[str]:
    """The stored issue labels that :func:`issue_matches` ``wanted``, with every member label of a cluster
    whose label matches it."""
    labels = {i for i in stored_issues(conn) if issue_matches(i, wanted)}
    keys = [
        k
        for k, label in conn.execute(select(issue_clusters.c.key, issue_clusters.c.label))
        if issue_matches(label, wanted)
    ]
    return sorted(labels | set(_members(conn, keys)))


def _members(conn: Connection, keys: list[str]) -> list[str]:
    m = issue_cluster_members.c
    return [i for part in chunked(keys) for i in conn.execute(select(m.issue).where(m.cluster_key.in_(part))).scalars()]


def cell_issues(conn: Connection, label: str) -> list[str]:
    """The stored issue labels of one column of the board: the members of the cluster named ``label``, and
    ``label`` itself."""
    keys = list(conn.execute(select(issue_clusters.c.key).where(issue_clusters.c.label == label)).scalars())
    return sorted({label, *_members(conn, keys)})


def board_issues(conn: Connection) -> list[str]:
    """Every column the board can have, whatever the filters: the clusters' labels and the labels not
    clustered yet."""
    column = func.coalesce(issue_clusters.c.label, stance_cells.c.issue)
    return sorted(set(conn.execute(select(column).select_from(_cells()).distinct()).scalars()))


def _date() -> Any:
    return func.coalesce(stances.c.date, documents.c.published)


def _column() -> Any:
    """A row's column of the board: its cluster's label, else its own issue."""
    return func.coalesce(issue_clusters.c.label, stances.c.issue)


def _rows() -> Any:
    """Stances with their documents and, where clustered, their issue cluster."""
    return (
        stances.join(documents, documents.c.id == stances.c.document_id)
        .outerjoin(issue_cluster_members, issue_cluster_members.c.issue == stances.c.issue)
        .outerjoin(issue_clusters, issue_clusters.c.key == issue_cluster_members.c.cluster_key)
    )


def _cells() -> Any:
    """The board's stored cells with, where clustered, their issue cluster."""
    return stance_cells.outerjoin(
        issue_cluster_members, issue_cluster_members.c.issue == stance_cells.c.issue
    ).outerjoin(issue_clusters, issue_clusters.c.key == issue_cluster_members.c.cluster_key)


def _conditions(
    conn: Connection, f: Filters, issue: str | None, *, exact: bool = False, table: Any = stances
) -> list[Any] | None:
    """WHERE clauses for the rows of the board (None when no stored issue matches ``issue``); on
    ``stance_cells`` (``table``) only the country and the issue apply."""
    out = [*f.date_range(_date(), undated=True)] if table is stances else []
    if f.country:
        out.append(table.c.country == f.country)
    if issue is not None:
        labels = cell_issues(conn, issue) if exact else matching_issues(conn, issue)
        if not labels:
            return None
        out.append(table.c.issue.in_(labels))
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
        return _latest(conn, f, where, issue)
    date = _date()
    q = (
        select(
            stances.c.country,
            stances.c.issue,
            _column().label("board_issue"),
            issue_clusters.c.key.label("issue_key"),
            stances.c.position,
            date.label("date"),
            stances.c.sentence,
            stances.c.start,
            stances.c.end,
            stances.c.document_id,
            documents.c.title,
        )
        .select_from(_rows())
        .where(*where)
        .order_by(date, stances.c.id)
    )
    cells: dict[tuple[str, str], Cell] = {}
    for r in conn.execute(q):
        ev = Evidence(r.document_id, r.title, r.date, r.position, r.sentence, r.start, r.end, r.issue)
        key = (r.country, r.board_issue if issue is None else issue)
        cell = cells.get(key)
        if cell is None:
            cells[key] = Cell(r.country, key[1], r.position, r.date, ev, [ev], issue_key=_key(r.issue_key, issue))
            continue
        cell.history.append(ev)
        cell.statements += 1
        if (r.date or "") >= (cell.date or ""):
            cell.position, cell.date, cell.evidence = r.position, r.date, ev
    return sorted(cells.values(), key=lambda c: (c.issue, c.country))


def _latest(conn: Connection, f: Filters, where: list[Any], issue: str | None) -> list[Cell]:
    """The row that wins each cell (the latest date, then the highest id), with the cell's row count.

    The winners are found by :func:`_stored_winners` (the board as it stands: a few rows per cell) or,
    "as of" a date, :func:`_winners`; then their rows alone are read."""
    winners = _winners(conn, where, issue) if f.dated else _stored_winners(conn, f, issue)
    counts = {key: n for key, (_, n) in winners.items()}
    out = []
    for part in chunked(sorted(i for i, _ in winners.values())):
        rows = select(
            stances,
            documents.c.title,
            _date().label("day"),
            _column().label("board_issue"),
            issue_clusters.c.key.label("issue_key"),
        ).select_from(_rows())
        for r in conn.execute(rows.where(stances.c.id.in_(part))):
            ev = Evidence(r.document_id, r.title, r.day, r.position, r.sentence, r.start, r.end, r.issue)
            label = r.board_issue if issue is None else issue
            key = _key(r.issue_key, issue)
            out.append(Cell(r.country, label, r.position, r.day, ev, [ev], counts[(r.country, label)], key))
    return sorted(out, key=lambda c: (c.issue, c.country))


def _key(key: str | None, issue: str | None) -> str | None:
    """A cell's cluster key: none when the board's columns are merged by the ``issue`` asked for."""
    return key if issue is None else None


def _stored_winners(conn: Connection, f: Filters, issue: str | None) -> dict[tuple[str, str], tuple[int, int]]:
    """As :func:`_winners` for the board as it stands (no dates), from ``stance_cells``: a column merging
    several labels is won by the best of their winners, its count their sum."""
    where = _conditions(conn, f, issue, table=stance_cells)
    if where is None:
        return {}
    c = stance_cells.c
    column = func.coalesce(issue_clusters.c.label, c.issue).label("board_issue")
    q = select(c.country, column, c.statements, c.latest_id, c.latest_stated).select_from(_cells()).where(*where)
    best: dict[tuple[str, str], tuple[str, int]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for country, label, n, id_, stated in conn.execute(q).all():
        cell = (country, label if issue is None else issue)
        counts[cell] += n
        if cell not in best or (stated, id_) > best[cell]:
            best[cell] = (stated, id_)
    return {cell: (id_, counts[cell]) for cell, (_, id_) in best.items()}


def _winners(conn: Connection, where: list[Any], issue: str | None) -> dict[tuple[str, str], tuple[int, int]]:
    """Per cell ``(country, issue)``: the id of its winning row and how many rows it has.

    PostgreSQL ranks the rows itself (a window function); SQLite sorted every row for it (13,182 rows
    for 36 cells on the 100k base), so there the rows' ids, cells and dates are read in one pass and
    the winner kept here."""
    date = func.coalesce(_date(), "")
    label = (lambda r: r.board_issue) if issue is None else (lambda r: issue)
    column = _column()
    if conn.dialect.name == "postgresql":
        key = [stances.c.country] if issue is not None else [stances.c.country, column]
        ranked = (
            select(
                stances.c.id,
                stances.c.country,
                column.label("board_issue"),
                func.row_number().over(partition_by=key, order_by=(date.desc(), stances.c.id.desc())).label("rank"),
                func.count().over(partition_by=key).label("n"),
            )
            .select_from(_rows())
            .where(*where)
            .subquery()
        )
        rows = conn.execute(select(ranked).where(ranked.c.rank == 1)).all()
        return {(r.country, label(r)): (r.id, int(r.n)) for r in rows}
    q = select(stances.c.id, stances.c.country, column.label("board_issue"), date.label("day")).select_from(_rows())
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
        .select_from(_rows())
        .where(*where, stances.c.country == country)
        .order_by(func.coalesce(date, ""), stances.c.id)
    )
    return [
        Evidence(r.document_id, r.title, r.day, r.position, r.sentence, r.start, r.end, r.issue)
        for r in conn.execute(q)
    ]


Replay = dict[tuple[str, str], list[tuple[str | None, str]]]


def replay_points(
    conn: Connection, f: Filters = NO_FILTERS, *, issue: str | None = None, last: int | None = None
) -> Replay:
    """Per cell, its statements' ``(date, position)`` oldest first (no evidence): what the "as of" slider
    replays; with ``last``, only each cell's latest ``last`` (without dates read down the cells' index,
    :func:`newsgraph.store.stance_cells.latest`)."""
    if last is not None and not f.dated:
        return _latest_points(conn, f, issue, last)
    where = _conditions(conn, f, issue)
    if where is None:
        return {}
    date = _date()
    q = (
        select(stances.c.country, _column().label("board_issue"), date.label("day"), stances.c.position, stances.c.id)
        .select_from(_rows())
        .where(*where)
        .order_by(func.coalesce(date, ""), stances.c.id)
    )
    out: Replay = {}
    for country, label, day, position, _ in conn.execute(q).all():  # fetched at once: faster than row by row
        out.setdefault((country, label if issue is None else issue), []).append((day, position))
    return out if last is None else {k: v[-last:] for k, v in out.items()}


def _latest_points(conn: Connection, f: Filters, issue: str | None, last: int) -> Replay:
    """:func:`replay_points` of the board as it stands, ``last`` per cell: each stored cell's latest
    ``last``, merged per column (a column of several labels keeps the latest ``last`` of theirs)."""
    where = _conditions(conn, f, issue, table=stance_cells)
    if where is None:
        return {}
    c = stance_cells.c
    labels = {
        (country, stored): label
        for country, stored, label in conn.execute(
            select(c.country, c.issue, func.coalesce(issue_clusters.c.label, c.issue))
            .select_from(_cells())
            .where(*where)
        )
    }
    merged: dict[tuple[str, str], list[tuple[str | None, str, int]]] = {}
    for (country, stored), points in cell_latest(conn, where, last).items():
        label = labels.get((country, stored), stored) if issue is None else issue
        merged.setdefault((country, label), []).extend(points)
    out: Replay = {}
    for key, points in merged.items():
        points.sort(key=lambda p: (p[0] or "", p[2]))
        out[key] = [(day, position) for day, position, _ in points[-last:]]
    return out
