"""Response and request schemas, one family per resource (``XPublic``, ``XsPublic{data, count}``).

``count`` in a list response is the number of items the filters select (for paging with
``limit`` / ``offset``), except for search and related articles, where it is the number
of items returned (ranking has no cheap total).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


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


class QuotePublic(Span):
    id: int
    document_id: str
    text: str
    speaker: str | None = None
    speaker_entity_id: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    title: str | None = None
    date: str | None = None


class AmountPublic(Span):
    id: int
    document_id: str
    value: float
    unit: str | None = None
    about: str | None = None
    per: str | None = None
    approximate: bool = False
    lower_bound: bool = False
    text: str | None = None
    title: str | None = None
    date: str | None = None


class DatePublic(Span):
    id: int
    text: str
    value: str | None = None
    granularity: str | None = None


class ThemePublic(Span):
    id: int
    code: str
    keyword: str | None = None


class EventPublic(Span):
    id: int
    document_id: str
    type: str
    mode: str | None = None
    actor: str | None = None
    actor_entity_id: str | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    target: str | None = None
    target_entity_id: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    cameo_root: str | None = None
    intensity: float | None = None
    trigger: str | None = None
    title: str | None = None
    when: str | None = Field(None, description="the event's date, else its document's")


class EventsPublic(BaseModel):
    data: list[EventPublic]
    count: int


class StanceFactPublic(Span):
    id: int
    country: str
    issue: str
    position: str
    date: str | None = None


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


class StanceCell(BaseModel):
    country: str
    issue: str
    position: str = Field(description="supports, opposes, neutral, no official statement, or the text's phrase")
    date: str | None = None
    evidence: StanceEvidence
    history: list[StanceEvidence]


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


class NetworkNode(BaseModel):
    id: str = Field(description="e:ENTITY_ID, c:ISO3 or t:words")
    label: str
    kind: str
    country: str | None = None
    entity_id: str | None = None
    events: int


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
    """A page to ingest, as JSON: exactly one of ``text`` (a plain page dump) or ``html``."""

    text: str | None = None
    html: str | None = None
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
