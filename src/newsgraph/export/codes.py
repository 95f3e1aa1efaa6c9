"""What the event formats (GDELT, PLOVER, GraphML) share: CAMEO codes, the day an event is filed under,
places resolved to stored entities, and the query of event rows with their document, page and tone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from newsgraph.store.facts import entity_id
from newsgraph.store.filters import Filters, document_date, event_conditions, events_with_documents, first_page
from newsgraph.store.schema import documents, entities, entity_aliases, events, page_documents, tones

# GDELT's quad classes by CAMEO root code (GDELT event codebook, QuadClass).
_QUADS: tuple[tuple[int, int, int], ...] = ((1, 5, 1), (6, 8, 2), (9, 13, 3), (14, 20, 4))


# -- CAMEO codes ---------------------------------------------------------------------------------------


def quad_class(cameo_root: str | None) -> int | None:
    """GDELT QuadClass (1..4) of a CAMEO root code such as ``"04"``; None when unknown."""
    try:
        root = int(cameo_root or "")
    except ValueError:
        return None
    return next((quad for low, high, quad in _QUADS if low <= root <= high), None)


def actor_code(country: str | None, sector: str | None) -> str:
    """CAMEO-style actor code: country then sector (``RUSGOV``, ``KAZPOL``, ``GOV``)."""
    return f"{country or ''}{sector or ''}"


# -- places and dates ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    is_country: bool = False


def resolve_places(conn: Connection, names: Iterable[str | None]) -> dict[str, PlaceInfo]:
    """Place texts → the stored place entity of that name or alias, else the country so named."""
    from newsgraph.lexicon.countries import country_code, country_name

    wanted = {n for n in names if n}
    if not wanted:
        return {}
    by_id = {entity_id("place", n): n for n in wanted}
    out: dict[str, PlaceInfo] = {}
    cols = (entities.c.id, entities.c.name, entities.c.country, entities.c.lat, entities.c.lon)
    for row in conn.execute(select(*cols).where(entities.c.id.in_(list(by_id)))):
        out[by_id[row.id]] = PlaceInfo(row.name, row.country, row.lat, row.lon)
    missing = [n for n in wanted if n not in out]
    if missing:
        q = (
            select(entity_aliases.c.alias, *cols)
            .join(entities, entities.c.id == entity_aliases.c.entity_id)
            .where(entities.c.kind == "place", entity_aliases.c.alias.in_(missing))
            .order_by(entity_aliases.c.alias, entities.c.id)
        )
        for row in conn.execute(q):
            out.setdefault(row.alias, PlaceInfo(row.name, row.country, row.lat, row.lon))
    for name in wanted - out.keys():
        code = country_code(name)
        if code:
            out[name] = PlaceInfo(country_name(code) or name, code, None, None, is_country=True)
    return out


def day_date(event_date: str | None, doc_date: str | None) -> str | None:
    """The YYYY-MM-DD an event is filed under: its own date when day-precise, else its document's."""
    for value in (event_date, doc_date):
        if value and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10]).isoformat()
            except ValueError:  # not a date ("2022-02-30", "Feb 2022 ...")
                continue
    return None


# -- event rows ----------------------------------------------------------------------------------------


def _newline_position(conn: Connection) -> Any:
    """1-based position of the first line break in a document body (0 when none), per backend."""
    if conn.dialect.name == "postgresql":
        return func.strpos(documents.c.body, "\n")
    return func.instr(documents.c.body, "\n")


def _articles_count() -> Any:
    """Pages carrying a document or one of its near-duplicates."""
    dup = documents.alias("dup")
    return (
        select(func.count())
        .select_from(page_documents)
        .where(
            or_(
                page_documents.c.document_id == documents.c.id,
                page_documents.c.document_id.in_(select(dup.c.id).where(dup.c.duplicate_of == documents.c.id)),
            )
        )
        .scalar_subquery()
    )


def event_query(conn: Connection, f: Filters, *, facts_only: bool = True) -> Any:
    """Events with what the event exports need from their document, page and tone."""
    return (
        select(
            events,
            document_date().label("doc_date"),
            documents.c.created_at,
            documents.c.title.label("doc_title"),
            func.coalesce(documents.c.url, first_page.c.url, first_page.c.source).label("source_url"),
            first_page.c.source.label("page_source"),
            tones.c.positive,
            tones.c.negative,
            _newline_position(conn).label("lead_end"),
            _articles_count().label("num_articles"),
        )
        .select_from(events_with_documents().outerjoin(tones, tones.c.document_id == documents.c.id))
        .where(*event_conditions(f, facts_only=facts_only))
    )


__all__ = ["PlaceInfo", "actor_code", "day_date", "event_query", "quad_class", "resolve_places"]
