"""Dataclasses shared by every stage of the pipeline.

Stages pass these records along: readers yield :class:`RawPage`, the segmenter
turns a page into :class:`Document` records, extractors return facts that each
carry an :class:`Evidence` pointing at the exact words they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Role = Literal["main", "teaser"]


@dataclass(slots=True)
class RawPage:
    """One input page as read from its source, before segmentation.

    Exactly one of ``text`` (a plain-text page dump, line structure kept) or
    ``html`` is set. ``kind`` names the reader that produced it.
    """

    source: str
    kind: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    fetched_at: datetime | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    """A main article or a teaser found on a page."""

    id: str
    role: Role
    title: str
    body: str
    section: str | None = None
    published: str | None = None
    sources: list[str] = field(default_factory=list)
    picture_caption: str | None = None
    picture_credit: str | None = None
    occurrences_in_page: int = 1
    content_hash: str = ""
    duplicate_of: str | None = None
    url: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The document as it appears in the extraction record (OUTPUT.md)."""
        return {
            "id": self.id,
            "role": self.role,
            "title": self.title,
            "section": self.section,
            "body": self.body,
            "published": self.published,
            "sources": list(self.sources),
            "picture_caption": self.picture_caption,
            "picture_credit": self.picture_credit,
            "occurrences_in_page": self.occurrences_in_page,
            "duplicate_of": self.duplicate_of,
        }


@dataclass(slots=True, frozen=True)
class Evidence:
    """Where a fact comes from: a document, its sentence and a char span in the body."""

    doc: str
    sentence: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {"doc": self.doc, "sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    organization: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class DateFact:
    text: str
    value: str | None
    granularity: Literal["day", "month", "year"] | None
    evidence: Evidence


@dataclass(slots=True)
class Amount:
    value: float
    unit: str | None
    evidence: Evidence
    about: str | None = None
    per: str | None = None
    approximate: bool = False
    lower_bound: bool = False
    text: str = ""


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    evidence: Evidence
    speaker_role: str | None = None
    cue: str | None = None


@dataclass(slots=True)
class Theme:
    code: str
    evidence: Evidence
    keyword: str = ""


@dataclass(slots=True)
class Tone:
    positive: float
    negative: float
    polarity: float


@dataclass(slots=True)
class Event:
    type: str
    evidence: Evidence
    mode: str | None = None
    actor: str | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    target: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    cameo_root: str | None = None
    intensity: float | None = None
    trigger: str = ""


@dataclass(slots=True)
class Stance:
    country: str
    issue: str
    position: str
    evidence: Evidence
    date: str | None = None


@dataclass(slots=True)
class Voice:
    """A position taken by a person who holds no office that speaks for a country (a governor, a legislator,
    a party leader, a candidate, a commentator): kept apart from the countries' stances (issue 11, item 4)."""

    speaker: str
    issue: str
    position: str
    evidence: Evidence
    country: str | None = None  # the speaker's country, when known
    speaker_role: str | None = None
    date: str | None = None


@dataclass(slots=True)
class IngestError:
    """A page or file that could not be ingested, with the reason why."""

    source: str
    code: str
    message: str


# Values ``to_plain`` returns as they are, by exact type (most of a record's leaves).
_LEAVES = frozenset({str, int, float, bool, type(None)})


def to_plain(obj: Any) -> Any:
    """Turn nested dataclasses into JSON-ready dicts and lists."""
    if type(obj) in _LEAVES:
        return obj
    if hasattr(obj, "to_record"):
        return obj.to_record()
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_plain(getattr(obj, k)) for k in obj.__dataclass_fields__}
    if isinstance(obj, list | tuple):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj
