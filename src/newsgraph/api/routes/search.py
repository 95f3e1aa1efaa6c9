"""Full-text search with fact filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.api.deps import CacheDep, ConnDep, CountryQ, DateQ, EventTypeQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import SearchHits
from newsgraph.store.filters import Filters
from newsgraph.store.search import search

router = APIRouter(prefix="/api/search", tags=["search"], responses=ERROR_RESPONSES)


@router.get("", response_model=SearchHits, summary="Search articles")
def read_search(
    conn: ConnDep,
    cache: CacheDep,
    page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words; OR between alternatives")],
    country: CountryQ = None,
    person: Annotated[str | None, Query(max_length=200, description="part of a person's name")] = None,
    event_type: EventTypeQ = None,
    since: DateQ = None,
    until: DateQ = None,
) -> dict[str, object]:
    """Ranked articles; ``snippet`` marks the matches with ``[`` and ``]``. ``count``: hits returned."""
    filters = Filters.make(since=since, until=until, country=country, person=person, event_type=event_type)
    key = ("search", q, page.limit, page.offset, filters)
    hits = cache.get(conn, key, lambda: search(conn, q, filters, limit=page.limit, offset=page.offset))
    rows = [
        {
            "document_id": h.document_id,
            "title": h.title,
            "published": h.published,
            "role": h.role,
            "score": h.score,
            "snippet": h.snippet,
        }
        for h in hits
    ]
    return listing(rows, len(rows))
