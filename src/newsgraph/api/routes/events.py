"""Events: the list with filters, events per type over time, and the actor network."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from newsgraph.analysis.timeline import period_events, time_bins
from newsgraph.api.deps import CacheDep, ConnDep, CountryQ, DateQ, EventTypeQ, PageDep, listing
from newsgraph.api.errors import ERROR_RESPONSES
from newsgraph.api.schemas import EventsPublic, NetworkPublic, TimeBinsPublic, TimelinePublic
from newsgraph.store import queries
from newsgraph.store.filters import Filters

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)

EntityQ = Annotated[str | None, Query(max_length=32, pattern=r"^[0-9a-f]+$", description="an entity id")]
# Factual events the network counts when no dates are given: the newest (a base of 100k documents holds
# 400k; counting them all took seconds).
NETWORK_RECENT = 20_000
TypeQ = Annotated[EventTypeQ, Query(alias="type", description="PLOVER event type, e.g. CONSULT")]


@router.get("", response_model=EventsPublic, summary="List events")
def read_events(
    conn: ConnDep,
    page: PageDep,
    event_type: TypeQ = None,
    country: Annotated[CountryQ, Query(description="actor or target country")] = None,
    actor_country: CountryQ = None,
    target_country: CountryQ = None,
    actor: EntityQ = None,
    target: EntityQ = None,
    entity: Annotated[EntityQ, Query(description="an entity id, as actor or target")] = None,
    since: DateQ = None,
    until: DateQ = None,
    include_negated: Annotated[bool, Query(description="also negated and hypothetical events")] = False,
) -> dict[str, object]:
    """Events, newest first, each with its evidence sentence and span."""
    rows, total = queries.list_event_reports(
        conn,
        Filters.make(since=since, until=until, country=country, event_type=event_type),
        actor_country=actor_country,
        target_country=target_country,
        actor=actor,
        target=target,
        entity=entity,
        include_negated=include_negated,
        limit=page.limit,
        offset=page.offset,
    )
    return listing(rows, total)


@router.get("/timeline", response_model=TimelinePublic, summary="Events per type over time")
def read_timeline(
    conn: ConnDep,
    country: CountryQ = None,
    event_type: TypeQ = None,
    since: DateQ = None,
    until: DateQ = None,
    granularity: Literal["year", "month", "day"] = "month",
) -> dict[str, object]:
    """Factual events counted per period and PLOVER type."""
    f = Filters.make(since=since, until=until, country=country, event_type=event_type)
    rows = queries.event_timeline(conn, f, granularity=granularity)
    return listing(rows, len(rows))


@router.get("/bins", response_model=TimeBinsPublic, summary="Events per bin on a time axis, by type")
def read_time_bins(
    conn: ConnDep,
    cache: CacheDep,
    country: CountryQ = None,
    event_type: TypeQ = None,
    since: DateQ = None,
    until: DateQ = None,
) -> dict[str, object]:
    """Factual events per day, week, month or year (the width the range needs) and PLOVER type: what the
    web timeline draws, and redraws in place when a range is brushed."""
    f = Filters.make(since=since, until=until, country=country, event_type=event_type)
    return cache.get(conn, ("time_bins", country, event_type, since, until), lambda: time_bins(conn, f))


@router.get("/period", response_model=EventsPublic, summary="The events of a period of the timeline")
def read_period_events(
    conn: ConnDep,
    cache: CacheDep,
    page: PageDep,
    since: DateQ = None,
    until: DateQ = None,
    country: CountryQ = None,
    event_type: TypeQ = None,
) -> dict[str, object]:
    """Factual events whose own date (else their document's) is within ``since`` … ``until``, newest
    first, each with its evidence sentence: what a bar of the web timeline holds."""
    f = Filters.make(since=since, until=until, country=country, event_type=event_type)
    key = ("period", since, until, country, event_type, page.limit, page.offset)
    rows, total = cache.get(conn, key, lambda: period_events(conn, f, limit=page.limit, offset=page.offset))
    return listing(rows, total)


@router.get("/network", response_model=NetworkPublic, summary="The actor network")
def read_network(
    conn: ConnDep,
    cache: CacheDep,
    country: CountryQ = None,
    event_type: TypeQ = None,
    since: DateQ = None,
    until: DateQ = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="most edges")] = 300,
    min_weight: Annotated[int, Query(ge=1, le=10_000, description="fewest events an edge needs")] = 1,
    phrases: Annotated[bool, Query(description="also actors that are only words ('people', 'the state')")] = False,
) -> dict[str, object]:
    """Actors as nodes, factual events as edges (one per actor, target and type, with a count). Nodes
    without a listed edge are left out. Without ``since`` / ``until``, the newest
    :data:`NETWORK_RECENT` factual events are counted (give dates for another period)."""
    f = Filters.make(since=since, until=until, country=country, event_type=event_type)
    key = ("network", country, event_type, since, until, limit, min_weight, phrases)
    recent = None if f.dated else NETWORK_RECENT
    return cache.get(
        conn,
        key,
        lambda: queries.actor_network(conn, f, limit=limit, phrases=phrases, min_weight=min_weight, recent=recent),
    )
