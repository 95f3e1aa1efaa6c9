"""Amounts: the figures quoted in the news, with what they count."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.api.deps import ConnDep, DateQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES, BadParameter
from newsgraph.api.schemas import AmountsPublic
from newsgraph.store import queries
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/amounts", tags=["amounts"], responses=ERROR_RESPONSES)


@router.get("", response_model=AmountsPublic, summary="List amounts")
def read_amounts(
    conn: ConnDep,
    page: PageDep,
    unit: Annotated[str | None, Query(max_length=60, description="e.g. USD, percent, troops")] = None,
    about: Annotated[str | None, Query(max_length=200, description="words of what the figure counts")] = None,
    min_value: Annotated[float | None, Query(alias="min")] = None,
    max_value: Annotated[float | None, Query(alias="max")] = None,
    since: DateQ = None,
    until: DateQ = None,
) -> dict[str, object]:
    """Amounts, largest first."""
    if min_value is not None and max_value is not None and min_value > max_value:
        raise BadParameter(f"min={min_value} is above max={max_value}: swap them")
    f = Filters.make(since=since, until=until)
    rows, total = queries.list_amounts(
        conn, f, unit=unit, about=about, min_value=min_value, max_value=max_value, limit=page.limit, offset=page.offset
    )
    return listing(rows, total)
