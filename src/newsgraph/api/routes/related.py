"""Related articles of an article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.overview import related_articles
from newsgraph.api.deps import CacheDep, ConnDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.routes.articles import IdPath
from newsgraph.api.schemas import RelatedArticles
from newsgraph.store import queries

router = APIRouter(prefix="/api/articles", tags=["related"], responses=ERROR_RESPONSES)


@router.get("/{article_id}/related", response_model=RelatedArticles, summary="Related articles")
def read_related(
    conn: ConnDep, cache: CacheDep, article_id: IdPath, limit: Annotated[int, Query(ge=1, le=50)] = 10
) -> dict[str, object]:
    """Other articles ranked by shared wording and entities (near-duplicates excluded)."""
    doc = queries.get_article(conn, article_id)
    key = ("related", doc["id"], limit)
    rows = cache.get(conn, key, lambda: related_articles(conn, doc["id"], limit=limit))
    return listing(rows, len(rows))
