"""Parse once, run every extractor, and assemble the facts of a page.

:class:`Analyzer` is what the pipeline calls for new documents: one
``nlp.pipe`` over their bodies, then the extractors (pure functions over the
parsed ``Doc``) in dependency order — mentions first (quotes, events and
stances resolve speakers and actors through them), dates before events.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.core.model import Amount, DateFact, Document, Event, Quote, Stance, Theme, Tone
from newsgraph.core.settings import Settings
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.mentions.collect import MentionSet, extract_mentions
from newsgraph.extract.quotes.attribution import extract_quotes
from newsgraph.extract.stances import extract_stances
from newsgraph.extract.values.amounts import extract_amounts
from newsgraph.extract.values.dates import extract_dates
from newsgraph.extract.values.themes import extract_themes
from newsgraph.extract.values.tone import document_tone
from newsgraph.ingest.nlp import load_nlp

log = logging.getLogger(__name__)

# Facts of recently analysed documents, so a teaser repeated on many pages of one
# run is parsed once and still appears in each page's record.
CACHE_SIZE = 512


@dataclass(slots=True)
class DocFacts:
    document: Document
    mentions: MentionSet
    dates: list[DateFact] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    tone: Tone | None = None
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)


def extract_all(doc: Any, document: Document) -> DocFacts:
    """Every extractor over one parsed document."""
    doc_id, published = document.id, document.published
    mentions = extract_mentions(doc, doc_id, published)
    dates = extract_dates(doc, doc_id, published)
    events = extract_events(doc, doc_id, published=published, resolver=mentions, dates=dates)
    return DocFacts(
        document=document,
        mentions=mentions,
        dates=dates,
        amounts=extract_amounts(doc, doc_id),
        quotes=extract_quotes(doc, doc_id, mentions.persons, mentions.organizations),
        themes=extract_themes(doc, doc_id),
        tone=document_tone(doc.text),
        events=events,
        stances=extract_stances(doc, doc_id, published=published, resolver=mentions, events=events),
    )


class Analyzer:
    """Runs the NLP model and the extractors."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = load_nlp(self.settings.model)
        self._cache: OrderedDict[str, DocFacts] = OrderedDict()

    def analyze(self, documents: Sequence[Document]) -> dict[str, DocFacts]:
        out: dict[str, DocFacts] = {}
        todo = [d for d in documents if d.id not in self._cache and d.duplicate_of is None]
        texts = (d.body for d in todo)
        for document, doc in zip(todo, self.nlp.pipe(texts, batch_size=self.settings.batch_size), strict=True):
            facts = extract_all(doc, document)
            self._remember(document.id, facts)
        for d in documents:
            if d.id in self._cache:
                out[d.id] = self._cache[d.id]
        return out

    def _remember(self, doc_id: str, facts: DocFacts) -> None:
        self._cache[doc_id] = facts
        self._cache.move_to_end(doc_id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
