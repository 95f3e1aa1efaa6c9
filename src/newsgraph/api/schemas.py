"""Response and request schemas, one family per resource (``XPublic``, ``XsPublic{data, count}``).

``count`` in a list response is the number of items the filters select (for paging with
``limit`` / ``offset``), except for search and related articles, where it is the number
of items returned (ranking has no cheap total).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, Field, create_model
from sqlalchemy import Boolean, Float, Integer, Table

from newsgraph.store.schema import amounts, dates, events, quotes, stances, themes, voices


class Span(BaseModel):
    """Where a fact comes from: its sentence and char offsets into the document body."""

    sentence: str
    start: int
    end: int


class DocumentRef(BaseModel):
    id: str
    title: str
    date: str | None = None


# -- articles -------------------------------------------------------------------------------------


class ArticleBase(BaseModel):
    id: str
    role: str
    title: str
    section: str | None = None
    published: str | None = None
    date: str | None = Field(None, description="published, else the date of the page it was found on")


class ArticlePublic(ArticleBase):
    duplicate_of: str | None = None


class ArticlesPublic(BaseModel):
    data: list[ArticlePublic]
    count: int


class MentionPublic(Span):
    id: int
    entity_id: str
    kind: str
    name: str
    text: str
    role: str | None = None
    country: str | None = None


_PYTHON_TYPES: tuple[tuple[type, type], ...] = ((Boolean, bool), (Integer, int), (Float, float))


def fact_row_fields(table: Table, *, exclude: Collection[str] = ()) -> dict[str, Any]:
    """Response fields for the rows of a fact table, from its columns, in column order (the evidence
    columns come from :class:`Span`): a NOT NULL column is required unless it has a default, a
    nullable one is ``X | None = None``. One source for the row and for what the API says it is."""
    skip = {*Span.model_fields, *exclude}
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.name in skip:
            continue
        typ = next((py for sql, py in _PYTHON_TYPES if isinstance(col.type, sql)), str)
        if col.nullable:
            out[col.name] = (typ | None, None)
        else:
            out[col.name] = (typ, col.default.arg if col.default is not None else ...)
    return out


# What a listed fact carries of its document.
_OF_DOCUMENT: dict[str, Any] = {"title": (str | None, None), "date": (str | None, None)}

QuotePublic = create_model("QuotePublic", __base__=Span, **fact_row_fields(quotes), **_OF_DOCUMENT)
AmountPublic = create_model("AmountPublic", __base__=Span, **fact_row_fields(amounts), **_OF_DOCUMENT)
DatePublic = create_model("DatePublic", __base__=Span, **fact_row_fields(dates, exclude=("document_id",)))
ThemePublic = create_model("ThemePublic", __base__=Span, **fact_row_fields(themes, exclude=("document_id",)))
EventPublic = create_model(
    "EventPublic",
    __base__=Span,
    **fact_row_fields(events),
    title=(str | None, None),
    when=(str | None, Field(None, description="the event's date, else its document's")),
)


class EventsPublic(BaseModel):
    data: list[EventPublic]
    count: int


StanceFactPublic = create_model("StanceFactPublic", __base__=Span, **fact_row_fields(stances, exclude=("document_id",)))
VoiceFactPublic = create_model("VoiceFactPublic", __base__=Span, **fact_row_fields(voices, exclude=("document_id",)))


class TonePublic(BaseModel):
    positive: float
    negative: float
    polarity: float


class ArticleFacts(BaseModel):
    mentions: list[MentionPublic] = []
    quotes: list[QuotePublic] = []
    amounts: list[AmountPublic] = []
    dates: list[DatePublic] = []
    themes: list[ThemePublic] = []
    events: list[EventPublic] = []
    stances: list[StanceFactPublic] = []
    voices: list[VoiceFactPublic] = []


class PageRef(BaseModel):
    id: str
    source: str
    url: str | None = None
    role: str
    occurrences: int


class TeaserRef(BaseModel):
    id: str
    title: str
    role: str


class ArticleDetail(ArticlePublic):
    body: str
    sources: list[str] = []
    picture_caption: str | None = None
    picture_credit: str | None = None
    url: str | None = None
    pages: list[PageRef] = []
    teasers: list[TeaserRef] = Field([], description="the other documents of the pages this one appears on")
    facts: ArticleFacts
    tone: TonePublic | None = None


# -- entities -------------------------------------------------------------------------------------


class EntityPublic(BaseModel):
    id: str
    kind: str
    name: str
    country: str | None = None
    role: str | None = None
    documents: int = 0
    mentions: int = 0


class EntitiesPublic(BaseModel):
    data: list[EntityPublic]
    count: int


class RoleSpan(BaseModel):
    role: str
    first: str | None = None
    last: str | None = None
    articles: int = Field(0, description="documents that give the role (the latest of them are listed)")
    documents: list[DocumentRef]


class PeriodCount(BaseModel):
    period: str
    mentions: int


class CoMention(BaseModel):
    id: str
    kind: str
    name: str
    country: str | None = None
    documents: int


class OfficeTerm(BaseModel):
    country: str | None = None
    sector: str | None = None
    role: str
    start: str | None = None
    end: str | None = None
    why: str = Field(description="where the office comes from: the dated office-holder table, with its validity")
    during: bool | None = Field(None, description="the term overlaps the dates the articles mention the person")


class EntityDetail(EntityPublic):
    organization: str | None = None
    sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str] = []
    roles: list[RoleSpan] = Field([], description="roles over time, earliest first")
    timeline: list[PeriodCount] = Field([], description="mentions per month")
    quotes: list[QuotePublic] = []
    events_as_actor: list[EventPublic] = []
    events_as_target: list[EventPublic] = []
    co_mentioned: list[CoMention] = []
    offices: list[OfficeTerm] = Field([], description="a person's offices in PETRARCH2's dated office-holder table")


# -- quotes, amounts ------------------------------------------------------------------------------


class QuotesPublic(BaseModel):
    data: list[QuotePublic]
    count: int


class AmountsPublic(BaseModel):
    data: list[AmountPublic]
    count: int


# -- stances --------------------------------------------------------------------------------------


class StanceEvidence(BaseModel):
    document_id: str
    title: str
    date: str | None = None
    position: str
    sentence: str
    start: int
    end: int
    issue: str = Field("", description="the issue as this statement's document named it")


class StanceCell(BaseModel):
    country: str
    issue: str = Field(description="the column: the label of the issue across articles (its cluster)")
    issue_key: str | None = Field(
        None, description="the issue cluster's stable key (none for a label not clustered yet)"
    )
    position: str = Field(description="supports, opposes, neutral, no official statement, or the text's phrase")
    date: str | None = None
    evidence: StanceEvidence
    history: list[StanceEvidence] = Field(
        description="the cell's statements, oldest first: the latest alone unless history=true "
        "(GET /api/stances/history reads one cell's)"
    )
    statements: int = Field(1, description="statements of the cell on or before as_of")


class StanceHistory(BaseModel):
    data: list[StanceEvidence]
    count: int


# -- voices ---------------------------------------------------------------------------------------

VoicePublic = create_model(
    "VoicePublic",
    __base__=Span,
    **fact_row_fields(voices, exclude=("date",)),
    issue_key=(str | None, Field(None, description="the key of the issue cluster of its label (None: not clustered)")),
    issue_label=(str | None, Field(None, description="the cluster's label (the board's column), else its own")),
    title=(str | None, None),
    date=(str | None, Field(None, description="the voice's date, else its document's")),
)


class VoicesPublic(BaseModel):
    data: list[VoicePublic]
    count: int


class StanceBoard(BaseModel):
    data: list[StanceCell]
    count: int
    issues: list[str]
    countries: list[str]
    all_issues: list[str] = Field([], description="every issue stored, whatever the filters")


# -- search, related ------------------------------------------------------------------------------


class SearchHit(BaseModel):
    document_id: str
    title: str
    published: str | None = None
    role: str
    score: float
    snippet: str = Field(description="matches marked with [ and ]")


class SearchHits(BaseModel):
    data: list[SearchHit]
    count: int


class SharedEntity(BaseModel):
    id: str
    name: str
    kind: str
    weight: float


class RelatedArticle(BaseModel):
    id: str
    title: str
    published: str | None = None
    role: str
    score: float
    text_score: float
    entity_score: float
    shared_entities: list[SharedEntity] = []
    reason: str
    method: str


class RelatedArticles(BaseModel):
    data: list[RelatedArticle]
    count: int


# -- timeline, network ----------------------------------------------------------------------------


class TimelinePoint(BaseModel):
    period: str
    type: str
    events: int


class TimelinePublic(BaseModel):
    data: list[TimelinePoint]
    count: int


class TimeBin(BaseModel):
    start: str
    end: str = Field(description="the first day after the bin")
    counts: dict[str, int] = Field(description="factual events per PLOVER type")
    total: int


class DateSpan(BaseModel):
    first: str
    last: str


class TimeBinsPublic(BaseModel):
    step: str = Field(description="day, week, month or year: the bin width the range needs")
    first: str | None = None
    last: str | None = None
    types: list[str]
    bins: list[TimeBin]
    coarse: int = Field(description="events dated more coarsely than a bin (a year in a chart by month)")
    outside: int = Field(description="events left out of the default range (dated far from the rest)")
    whole: DateSpan | None = None
    max: int


class NetworkNode(BaseModel):
    id: str = Field(description="e:ENTITY_ID, c:ISO3 or t:words")
    label: str
    kind: str
    country: str | None = None
    entity_id: str | None = None
    events: int
    as_actor: int = 0
    as_target: int = 0
    degree: int = Field(0, description="distinct neighbours over the listed edges")


class NetworkEdge(BaseModel):
    source: str
    target: str
    type: str
    events: int


class NetworkPublic(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


# -- exports, ingest ------------------------------------------------------------------------------


class ExportFormats(BaseModel):
    data: list[str]
    count: int


class IngestText(BaseModel):
    """A page to ingest, as JSON: exactly one of ``text`` (a plain page dump), ``html`` or ``url``."""

    text: str | None = None
    html: str | None = None
    url: str | None = Field(
        None,
        description="an http(s) URL to fetch; public addresses only unless NEWSGRAPH_ALLOW_PRIVATE=1 "
        "(link-local and cloud-metadata addresses never)",
    )
    published: str | None = Field(None, description="YYYY-MM-DD for a page that carries no date")
    name: str | None = Field(None, description="a name for the page (its source), e.g. the file name")


class IngestProblem(BaseModel):
    source: str
    code: str
    message: str


class IngestResult(BaseModel):
    pages_new: int
    pages_unchanged: int
    documents: list[ArticlePublic]
    errors: list[IngestProblem] = []
    warnings: list[IngestProblem] = []


class Stats(BaseModel):
    version: str
    counts: dict[str, Any]


__all__ = [name for name in dir() if name[0].isupper() and name not in {"Any", "BaseModel", "Field"}]
