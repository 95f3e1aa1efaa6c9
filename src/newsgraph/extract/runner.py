"""Parse once, run every extractor, and assemble the facts of a page.

:class:`Analyzer` is what the pipeline calls for new documents: one
``nlp.pipe`` over their bodies, then the extractors (pure functions over the
parsed ``Doc``) in dependency order — mentions first (quotes, events and
stances resolve speakers and actors through them), dates before events.

Every document has a budget (:mod:`newsgraph.core.budget`): one over ``max_tokens`` is never
parsed, one that runs past ``extract_timeout`` seconds is stopped at the next check; both are
left out of the facts, with the reason in :attr:`Analyzer.failures`, and the others go on.
"""

from __future__ import annotations

import gc
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.core.budget import check, check_size, deadline
from newsgraph.core.errors import DocumentTooLarge, ExtractionTimeout, NewsgraphError
from newsgraph.core.model import Amount, DateFact, Document, Event, Quote, Stance, Theme, Tone, Voice
from newsgraph.core.settings import Settings
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.mentions.collect import MentionSet, extract_mentions
from newsgraph.extract.quotes.attribution import extract_quotes
from newsgraph.extract.stances import extract_positions
from newsgraph.extract.tokens import doc_text
from newsgraph.extract.values.amounts import extract_amounts
from newsgraph.extract.values.dates import extract_dates
from newsgraph.extract.values.themes import extract_themes
from newsgraph.extract.values.tone import document_tone
from newsgraph.ingest.nlp import load_nlp, parse_checked

log = logging.getLogger(__name__)

# Documents longer than this are parsed alone, component by component, so their time budget is
# checked during the parse too (a shorter one parses in well under a second).
STEPPED_CHARS = 20_000
# Facts of recently analysed documents, so a teaser repeated on many pages of one
# run is parsed once and still appears in each page's record.
CACHE_SIZE = 512
_frozen = False  # whether the objects loaded for the first documents were frozen (:func:`_freeze_loaded`)


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
    voices: list[Voice] = field(default_factory=list)  # positions of persons who do not speak for a country


def extract_all(doc: Any, document: Document) -> DocFacts:
    """Every extractor over one parsed document; they share its token records (:mod:`newsgraph.extract.tokens`)."""
    doc_id, published = document.id, document.published
    mentions = extract_mentions(doc, doc_id, published, document.url)
    check()
    dates = extract_dates(doc, doc_id, published)
    check()
    events = extract_events(doc, doc_id, published=published, resolver=mentions, dates=dates)
    check()
    amounts = extract_amounts(doc, doc_id)
    check()
    quotes = extract_quotes(doc, doc_id, mentions.persons, mentions.organizations)
    check()
    themes = extract_themes(doc, doc_id)
    tone = document_tone(doc_text(doc))
    check()
    positions = extract_positions(doc, doc_id, published=published, resolver=mentions, events=events)
    return DocFacts(
        document, mentions, dates, amounts, quotes, themes, tone, events, positions.stances, positions.voices
    )


class Analyzer:
    """Runs the NLP model and the extractors."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = load_nlp(self.settings.model)
        self._cache: OrderedDict[str, DocFacts] = OrderedDict()
        # documents of the last `analyze` call left without facts, and why (too large, out of time)
        self.failures: dict[str, NewsgraphError] = {}

    def analyze(self, documents: Sequence[Document]) -> dict[str, DocFacts]:
        """The facts of each document; one over its budget is left out and its error put in :attr:`failures`."""
        out: dict[str, DocFacts] = {}
        self.failures = {}
        todo: list[Document] = []
        for d in documents:
            if d.id in self._cache or d.duplicate_of is not None:
                continue
            try:
                check_size(d.body, self.settings.max_tokens, what=f"document {d.id}")
            except DocumentTooLarge as exc:
                self.failures[d.id] = exc
                continue
            todo.append(d)
        small = [d for d in todo if len(d.body) <= STEPPED_CHARS]
        texts = (d.body for d in small)
        for document, doc in zip(small, self.nlp.pipe(texts, batch_size=self.settings.batch_size), strict=True):
            self._extract(document, lambda doc=doc: doc)
        for document in todo:
            if len(document.body) > STEPPED_CHARS:  # parsed alone, the budget checked between components
                self._extract(document, lambda body=document.body: parse_checked(self.nlp, body, check))
        for d in documents:
            if d.id in self._cache:
                out[d.id] = self._cache[d.id]
        if todo:
            _freeze_loaded()
        return out

    def _extract(self, document: Document, parse: Callable[[], Any]) -> None:
        doc = None
        with deadline(self.settings.extract_timeout, f"document {document.id}"):
            try:
                doc = parse()
                facts = extract_all(doc, document)
            except ExtractionTimeout as exc:
                log.warning("%s", exc.message)
                self.failures[document.id] = exc
                return
            finally:
                if doc is not None:
                    # What the extractors kept in ``Doc.user_data`` (token records, memoized spans and
                    # tokens, which point back at the Doc) made each Doc a reference cycle, freed only
                    # by a full collection: dozens of parsed documents waited in memory for one, and
                    # every one of them walked all their objects. Emptied, the Doc goes at once.
                    doc.user_data.clear()
        self._remember(document.id, facts)

    def _remember(self, doc_id: str, facts: DocFacts) -> None:
        self._cache[doc_id] = facts
        self._cache.move_to_end(doc_id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)


def _freeze_loaded() -> None:
    """Once per process, after the first documents: what is alive then leaves the cyclic collector's watch.

    The model and the lexicons the extractors loaded (~900k objects) live as long as the process,
    yet every full collection walked them all again (~0.35 s each, one every few dozen
    documents: ~3 ms of CPU per document). ``gc.freeze`` moves them to the permanent generation;
    the collection just before it frees what is garbage already, so nothing collectable is kept.
    Objects made later are collected as before.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
