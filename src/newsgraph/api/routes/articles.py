"""Articles: the list (filters, paging) and one article with every fact."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from newsgraph.api.deps import ConnDep, CountryQ, DateQ, EventTypeQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import ArticleDetail, ArticlesPublic
from newsgraph.store import queries
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERROR_RESPONSES)

IdPath = Annotated[
    str, Path(min_length=4, max_length=64, description="id, or a unique prefix of at least 4 characters")
]


@router.get("", response_model=ArticlesPublic, summary="List articles")
def read_articles(
    conn: ConnDep,
    page: PageDep,
    role: Annotated[Literal["main", "teaser"] | None, Query(description="main articles or teasers")] = None,
    since: DateQ = None,
    until: DateQ = None,
    country: CountryQ = None,
    event_type: EventTypeQ = None,
    include_duplicates: bool = False,
) -> dict[str, object]:
    """Articles, newest first; ``country`` / ``event_type`` select those whose facts name them."""
    rows, total = queries.list_articles(
        conn,
        Filters.make(since=since, until=until, country=country, event_type=event_type),
        role=role,
        include_duplicates=include_duplicates,
        limit=page.limit,
        offset=page.offset,
    )
    return listing(rows, total)


@router.get("/{article_id}", response_model=ArticleDetail, summary="One article with its facts")
def read_article(conn: ConnDep, article_id: IdPath) -> dict[str, object]:
    """The article's text and metadata with every fact found in it, each with its char span."""
    return queries.get_article(conn, article_id)
