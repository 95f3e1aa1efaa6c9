"""The stance board: for each country and issue, the latest position, with its history.

Rows come from the ``stances`` table (one per country, issue and document).
The date of a row is the stance's own date or its document's publication
date. The latest row on or before the filters' ``until`` (the board "as of" that date) wins a cell; earlier rows stay in
``history`` so a reader can see how a position changed, and on what evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.schema import documents, stances

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


def board(conn: Connection, f: Filters = NO_FILTERS, *, issue: str | None = None) -> list[Cell]:
    """Cells of the board, sorted by issue then country: as it stood on ``f.until`` (rows without any
    date count at every date), for ``f.country`` only when given."""
    date = func.coalesce(stances.c.date, documents.c.published)
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
        .order_by(date, stances.c.id)
    )
    q = q.where(*f.date_range(date, undated=True))
    if f.country:
        q = q.where(stances.c.country == f.country)
    cells: dict[tuple[str, str], Cell] = {}
    for r in conn.execute(q):
        if not issue_matches(r.issue, issue):
            continue
        ev = Evidence(r.document_id, r.title, r.date, r.position, r.sentence, r.start, r.end)
        key = (r.country, r.issue if issue is None else issue)
        cell = cells.get(key)
        if cell is None:
            cells[key] = Cell(r.country, key[1], r.position, r.date, ev, [ev])
            continue
        cell.history.append(ev)
        if (r.date or "") >= (cell.date or ""):
            cell.position, cell.date, cell.evidence = r.position, r.date, ev
    return sorted(cells.values(), key=lambda c: (c.issue, c.country))
