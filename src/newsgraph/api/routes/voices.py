"""Voices: positions of persons who do not speak for a country, shown apart from the stance board."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.voices import list_voices
from newsgraph.api.deps import ConnDep, CountryQ, DateQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import VoicesPublic
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/voices", tags=["voices"], responses=ERROR_RESPONSES)


@router.get("", response_model=VoicesPublic, summary="List voices")
def read_voices(
    conn: ConnDep,
    page: PageDep,
    issue: Annotated[str | None, Query(max_length=200, description="topic words, e.g. 'Ukraine'")] = None,
    exact: Annotated[bool, Query(description="issue is a stored label (else topic words, as the board takes)")] = False,
    person: Annotated[
        str | None, Query(max_length=200, description="part of the speaker's name, or the speaker's entity id")
    ] = None,
    country: CountryQ = None,
    since: DateQ = None,
    until: DateQ = None,
) -> dict[str, object]:
    """Who said what on an issue without an office that speaks for a country (a governor, a legislator, a
    party leader, a candidate, a commentator), newest first, each with its evidence; ``country`` is the
    speaker's."""
    f = Filters.make(since=since, until=until, country=country)
    rows, total = list_voices(conn, f, issue=issue, person=person, exact=exact, limit=page.limit, offset=page.offset)
    return listing(rows, total)
