"""Entities: the list and one entity with its roles over time, quotes, events and co-mentions."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from newsgraph.api.deps import ConnDep, CountryQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import EntitiesPublic, EntityDetail
from newsgraph.store import queries

router = APIRouter(prefix="/api/entities", tags=["entities"], responses=ERROR_RESPONSES)

Kind = Literal["person", "organization", "place", "country"]


@router.get("", response_model=EntitiesPublic, summary="List entities")
def read_entities(
    conn: ConnDep,
    page: PageDep,
    kind: Kind | None = None,
    q: Annotated[str | None, Query(max_length=200, description="part of the name or an alias")] = None,
    country: CountryQ = None,
) -> dict[str, object]:
    """Entities, most documents first."""
    rows, total = queries.list_entities(conn, kind=kind, q=q, country=country, limit=page.limit, offset=page.offset)
    return listing(rows, total)


@router.get("/{entity_id}", response_model=EntityDetail, summary="One entity")
def read_entity(conn: ConnDep, entity_id: Annotated[str, Path(min_length=1, max_length=64)]) -> dict[str, object]:
    """Roles over time, quotes, events as actor and as target, and the entities named beside it."""
    return queries.get_entity(conn, entity_id)
