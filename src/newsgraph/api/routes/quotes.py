"""Quotes: who said what, with the sentence it was said in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.api.deps import ConnDep, DateQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import QuotesPublic
from newsgraph.store import queries
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/quotes", tags=["quotes"], responses=ERROR_RESPONSES)


@router.get("", response_model=QuotesPublic, summary="List quotes")
def read_quotes(
    conn: ConnDep,
    page: PageDep,
    speaker: Annotated[str | None, Query(max_length=200, description="part of the speaker's name")] = None,
    entity: Annotated[str | None, Query(max_length=32, pattern=r"^[0-9a-f]+$", description="speaker entity id")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the quote")] = None,
    since: DateQ = None,
    until: DateQ = None,
) -> dict[str, object]:
    """Quotes, newest first."""
    f = Filters.make(since=since, until=until)
    rows, total = queries.list_quotes(
        conn, f, speaker=speaker, entity=entity, q=q, limit=page.limit, offset=page.offset
    )
    return listing(rows, total)
