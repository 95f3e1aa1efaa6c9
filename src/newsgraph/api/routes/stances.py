"""The stance board: countries × issues, the latest position as of a date, with its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.overview import stance_board
from newsgraph.api.deps import CacheDep, ConnDep, CountryQ, DateQ
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import StanceBoard
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/stances", tags=["stances"], responses=ERROR_RESPONSES)


@router.get("", response_model=StanceBoard, summary="The stance board")
def read_stances(
    conn: ConnDep,
    cache: CacheDep,
    issue: Annotated[str | None, Query(max_length=200, description="topic words, e.g. 'Ukraine'")] = None,
    as_of: DateQ = None,
    country: CountryQ = None,
) -> dict[str, object]:
    """One cell per country and issue: the latest position on or before ``as_of``, its evidence and history."""
    board = cache.get(
        conn,
        ("stances", issue, as_of, country),
        lambda: stance_board(conn, Filters.make(until=as_of, country=country), issue=issue),
    )
    return {
        "data": board["cells"],
        "count": len(board["cells"]),
        **{k: board[k] for k in ("issues", "countries", "all_issues")},
    }
