"""One filters object for every query that narrows documents or events, and the SQL it stands for.

:class:`Filters` holds ``since`` / ``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both ends
inclusive: ``until="2020-01"`` includes every day of January), ``country`` (ISO alpha-3),
``person`` (part of a person's name or alias) and ``event_type`` (a PLOVER type).
:meth:`Filters.make` checks and normalizes them and raises :class:`BadFilter` saying what is
wrong; the API's query parameters use the same checks (:func:`check_date`, ...).

A document's date is its own publication date, else the date of the page it was first stored
from (teasers carry none): :func:`document_date`. A date range is ``column >= since`` and
``column < after(until)`` on any date column (:meth:`Filters.date_range`): documents, events,
merged events, stances. :func:`document_conditions` selects documents (that mention the
country or hold an event with it as actor or target; that mention the person; that hold a
factual event of the type); :func:`event_conditions` selects event rows. Search, the lists
behind the API and the web pages, popular entities, the stance board, merged events and
every export take a :class:`Filters`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from newsgraph.core.errors import NewsgraphError
from newsgraph.store.schema import documents, entities, entity_aliases, events, mentions, pages
from newsgraph.store.sql import contains

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


class BadFilter(NewsgraphError):
    code = "O003"
    reason = "bad_filter"


# -- checks: each returns the normalized value (None for nothing given) or raises ValueError -----------


def check_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real date (not month 13, not 31 April)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] if _DATE.match(value) else []
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (IndexError, ValueError):
        raise ValueError(f"not a date: give {DATE_FORMS}") from None
    return value


def check_published(value: str | None, today: date | None = None) -> str | None:
    """A publication date: :func:`check_date`, and not after tomorrow (time zones aside, news is not from
    the future: ``2999-12-31`` is a typo or a placeholder)."""
    checked = check_date(value)
    if checked is None:
        return None
    parts = [int(p) for p in checked.split("-")]
    first_day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    latest = (today or date.today()) + timedelta(days=1)
    if first_day > latest:
        raise ValueError(f"{checked} is in the future; a publication date can be {latest.isoformat()} at the latest")
    return checked


def check_country(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-3 code, upper-cased."""
    if not value:
        return None
    if not _COUNTRY.match(value):
        raise ValueError("not an ISO 3166-1 alpha-3 country code such as RUS or KAZ")
    return value.upper()


def check_event_type(value: str | None) -> str | None:
    """A PLOVER event type, upper-cased."""
    if not value:
        return None
    from newsgraph.lexicon.events import plover_types

    valid = sorted(plover_types())
    if value.upper() not in valid:
        raise ValueError(f"not a PLOVER event type; use one of {', '.join(valid)}")
    return value.upper()


def after(value: str) -> str:
    """The first date string past an inclusive ``until`` bound: 2020 → 2021, 2020-12 → 2021-01."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}"
    if len(parts) == 2:
        year, month = parts[0] + parts[1] // 12, parts[1] % 12 + 1
        return f"{year:04d}-{month:02d}"
    return (date(*parts) + timedelta(days=1)).isoformat()


@dataclass(frozen=True, slots=True)
class Filters:
    """What to select; every field None means everything. Build it with :meth:`make`."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    person: str | None = None
    event_type: str | None = None

    @classmethod
    def make(
        cls,
        *,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        person: str | None = None,
        event_type: str | None = None,
    ) -> Filters:
        """Checked and normalized filters; raises :class:`BadFilter` saying what is wrong."""
        checks = (("since", since, check_date), ("until", until, check_date), ("country", country, check_country))
        checked: dict[str, str | None] = {}
        for name, value, check in (*checks, ("event-type", event_type, check_event_type)):
            try:
                checked[name] = check(value)
            except ValueError as exc:
                raise BadFilter(f"--{name} {value!r} is {exc}") from None
        if checked["since"] and checked["until"] and checked["since"] > checked["until"]:
            raise BadFilter(f"--since {since} is after --until {until}: swap them")
        return cls(
            since=checked["since"],
            until=checked["until"],
            country=checked["country"],
            person=person.strip() or None if person else None,
            event_type=checked["event-type"],
        )

    @property
    def any(self) -> bool:
        return any((self.since, self.until, self.country, self.person, self.event_type))

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    def date_range(self, column: ColumnElement[Any], *, undated: bool = False) -> list[ColumnElement[bool]]:
        """``since <= column < after(until)``; with ``undated``, rows whose ``column`` is NULL pass too."""
        out: list[ColumnElement[bool]] = []
        if self.since:
            out.append(column >= self.since)
        if self.until:
            out.append(column < after(self.until))
        return [or_(c, column.is_(None)) for c in out] if undated else out


NO_FILTERS = Filters()

# -- the SQL they stand for -------------------------------------------------------------------------

first_page = pages.alias("first_page")


def documents_with_page() -> Any:
    """``documents`` LEFT JOIN the page it was first stored from (for teasers' dates and sources)."""
    return documents.outerjoin(first_page, first_page.c.id == documents.c.first_page_id)


def events_with_documents() -> Any:
    """``events`` JOIN their document LEFT JOIN its first page (for the document's date)."""
    return events.join(documents, documents.c.id == events.c.document_id).outerjoin(
        first_page, first_page.c.id == documents.c.first_page_id
    )


def document_date() -> ColumnElement[Any]:
    """A document's date: its own publication date, else its first page's (teasers carry none)."""
    return func.coalesce(documents.c.published, first_page.c.published)


def document_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """WHERE clauses on ``documents`` (joined to its first page when ``f`` has dates) for the documents
    the filters select."""
    out = f.date_range(document_date())
    if f.country:
        out.append(
            or_(
                exists().where(mentions.c.document_id == documents.c.id, mentions.c.country == f.country),
                exists().where(
                    events.c.document_id == documents.c.id,
                    or_(events.c.actor_country == f.country, events.c.target_country == f.country),
                ),
            )
        )
    if f.person:
        out.append(
            exists().where(
                mentions.c.document_id == documents.c.id,
                entities.c.id == mentions.c.entity_id,
                entities.c.kind == "person",
                entity_aliases.c.entity_id == entities.c.id,
                contains(entity_aliases.c.alias, f.person),
            )
        )
    if f.event_type:
        out.append(
            exists().where(
                events.c.document_id == documents.c.id,
                events.c.type == f.event_type,
                events.c.negated.is_(False),
                events.c.hypothetical.is_(False),
            )
        )
    return out


def selected_documents(f: Filters) -> Select[Any]:
    """``SELECT documents.id`` of the documents the filters select (all when none is given)."""
    return select(documents.c.id).select_from(documents_with_page()).where(*document_conditions(f))


def event_row_conditions(f: Filters, *, facts_only: bool) -> list[ColumnElement[bool]]:
    """WHERE clauses on ``events`` alone: the country as actor or target, the type; with ``facts_only``,
    neither negated nor hypothetical (those are not facts: GDELT, graph, counts)."""
    out: list[ColumnElement[bool]] = []
    if f.country:
        out.append(or_(events.c.actor_country == f.country, events.c.target_country == f.country))
    if f.event_type:
        out.append(events.c.type == f.event_type)
    if facts_only:
        out += [events.c.negated.is_(False), events.c.hypothetical.is_(False)]
    return out


def event_conditions(f: Filters, *, facts_only: bool) -> list[ColumnElement[bool]]:
    """WHERE clauses on :func:`events_with_documents` for the event rows the filters select: dated by
    their document, of the country as actor or target, of the type, in a document naming the person."""
    out = f.date_range(document_date()) + event_row_conditions(f, facts_only=facts_only)
    return out + document_conditions(Filters(person=f.person)) if f.person else out


__all__ = [
    "DATE_FORMS",
    "NO_FILTERS",
    "BadFilter",
    "Filters",
    "after",
    "check_country",
    "check_date",
    "check_event_type",
    "document_conditions",
    "document_date",
    "documents_with_page",
    "event_conditions",
    "event_row_conditions",
    "events_with_documents",
    "first_page",
    "selected_documents",
]
