"""The stance board: countries × issues, the latest position as of a date, with its evidence."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.overview import stance_board
from newsgraph.analysis.stances import cell_history
from newsgraph.api.deps import CacheDep, ConnDep, CountryQ, DateQ
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import StanceBoard, StanceHistory
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/stances", tags=["stances"], responses=ERROR_RESPONSES)


@router.get("", response_model=StanceBoard, summary="The stance board")
def read_stances(
    conn: ConnDep,
    cache: CacheDep,
    issue: Annotated[str | None, Query(max_length=200, description="topic words, e.g. 'Ukraine'")] = None,
    as_of: DateQ = None,
    country: CountryQ = None,
    history: Annotated[bool, Query(description="every statement of each cell, not only the latest")] = False,
) -> dict[str, object]:
    """One cell per country and issue: the latest position on or before ``as_of`` with its evidence (and,
    with ``history``, every earlier statement)."""
    board = cache.get(
        conn,
        ("stances", issue, as_of, country, history),
        lambda: stance_board(conn, Filters.make(until=as_of, country=country), issue=issue, history=history),
    )
    return {
        "data": board["cells"],
        "count": len(board["cells"]),
        **{k: board[k] for k in ("issues", "countries", "all_issues")},
    }


@router.get("/history", response_model=StanceHistory, summary="The statements of one cell of the board")
def read_stance_history(
    conn: ConnDep,
    country: Annotated[str, Query(min_length=3, max_length=3, description="ISO alpha-3 code, e.g. KAZ")],
    issue: Annotated[str, Query(min_length=1, max_length=200, description="the cell's issue")],
    as_of: DateQ = None,
    exact: Annotated[bool, Query(description="issue is a stored label (else topic words, as the board takes)")] = True,
) -> dict[str, object]:
    """Every statement of one country on one issue on or before ``as_of``, oldest first, with its evidence."""
    f = Filters.make(until=as_of, country=country)
    assert f.country is not None
    rows = [asdict(e) for e in cell_history(conn, f.country, issue, f, exact=exact)]
    return {"data": rows, "count": len(rows)}
