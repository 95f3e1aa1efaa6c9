"""Who speaks each quotation of a document, for the event coder's "we" and "I" inside quotes.

:func:`quote_speakers` pairs the quote marks (:func:`~newsgraph.extract.quotes.spans.find_quote_spans`)
and gives each quotation the subject of the speech verb ("said", "told") of its sentence, of the
sentences it runs over, or of the sentence before it ('X said: "..."'); a quotation that goes on right
after another takes its speaker. Linear in the quote marks and the sentences: each sentence is searched
for its speech verb once, sentences and quotations are found by bisection (a page of 100,000 marks
used to take hours).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.extract.quotes.spans import find_quote_spans
from newsgraph.extract.quotes.transcript import Transcript, find_transcript
from newsgraph.extract.syntax import subjects
from newsgraph.extract.tokens import doc_text, token_records
from newsgraph.lexicon.cues import speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class QuotedChars:
    """Whether a character offset lies inside one of a document's quotations (sorted, not overlapping)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def __contains__(self, char: int) -> bool:
        k = bisect_right(self.starts, char) - 1
        return k >= 0 and char < self.spans[k][1]


def quote_speakers(text: str, sents: list[Span]) -> list[tuple[int, int, int]]:
    """(start, end, speaker token index or -1) per quotation of ``text``, whose sentences are ``sents``."""
    spans = [(q.start, q.end) for q in find_quote_spans(text)]
    quoted = QuotedChars(spans)
    starts = [s.start_char for s in sents]
    found: dict[int, int] = {}  # sentence number → the subject of its speech verb

    def speaker_of(n: int) -> int:
        if n not in found:
            found[n] = speech_subject(sents[n], quoted)
        return found[n]

    out: list[tuple[int, int, int]] = []
    for start, end in spans:
        n = bisect_right(starts, start) - 1
        speaker = -1
        if n >= 0 and start < sents[n].end_char:
            near = list(range(n, max(bisect_left(starts, end), n + 1)))  # the sentences the quotation runs over
            if n > 0 and "\n" not in text[sents[n - 1].end_char : sents[n].start_char]:
                near.append(n - 1)  # 'X said: "..."' split after the colon
            for k in near:
                speaker = speaker_of(k)
                if speaker >= 0:
                    break
        if speaker < 0 and out and "\n" not in text[out[-1][1] : start]:
            speaker = out[-1][2]  # the quotation goes on after its attribution
        out.append((start, end, speaker))
    return out


def speech_subject(sent: Span, quoted: QuotedChars) -> int:
    """Index of the subject of a speech verb outside the quotations of ``sent``, or -1."""
    verbs = speech_verbs()
    doc = sent.doc
    for rec in token_records(doc)[sent.start : sent.end]:  # the parsed token for a verb of speech only
        if rec.pos_ == "VERB" and rec.lemma_.lower() in verbs and rec.idx not in quoted:
            subj = [t for t in subjects(doc[rec.i]) if t.idx not in quoted]
            if subj:
                return subj[0].i
    return -1


_QUOTES_KEY = "newsgraph.events.quotes"


class LazyText:
    """A document's text, read once and only when asked (``Doc.text`` joins every token)."""

    __slots__ = ("doc", "value")

    def __init__(self, doc: Doc) -> None:
        self.doc, self.value = doc, None

    def __call__(self) -> str:
        if self.value is None:
            self.value = doc_text(self.doc)  # joined once per document, from the shared token records
        return self.value


class DocQuotations:
    """The quotations of one parsed document with their speakers, and its interview layout; each found
    on first use (most sentences never ask), the quotations kept on the ``Doc`` for later readers."""

    def __init__(self, doc: Doc, sents: list[Span], resolver: object, text: Callable[[], str]) -> None:
        self.doc, self.sents, self.resolver, self._text = doc, sents, resolver, text
        self._quotes: list[tuple[int, int, int]] | None = None  # (start, end, speaker token or -1)
        self._starts: list[int] = []
        self._transcript: Transcript | bool | None = False  # False: not looked for yet

    def _load(self) -> list[tuple[int, int, int]]:
        if self._quotes is None:
            self._quotes = self.doc.user_data.get(_QUOTES_KEY)
            if self._quotes is None:
                self._quotes = self.doc.user_data[_QUOTES_KEY] = quote_speakers(self._text(), self.sents)
            self._starts = [start for start, _, _ in self._quotes]
        return self._quotes

    def in_sentence(self, sent: Span) -> list[tuple[int, int, int]]:
        """(start, end, speaker token or -1) of the quotations that overlap ``sent``."""
        quotes = self._load()
        k = max(bisect_right(self._starts, sent.start_char) - 1, 0)
        return [q for q in quotes[k : bisect_left(self._starts, sent.end_char)] if q[1] > sent.start_char]

    def speaker_at(self, char: int) -> int | None:
        """The speaker token of the quotation holding ``char`` (-1: nobody found), None outside quotations."""
        quotes = self._load()
        k = bisect_right(self._starts, char) - 1  # the quotations do not overlap
        return quotes[k][2] if k >= 0 and char < quotes[k][1] else None

    def answerer_at(self, char: int) -> str | None:
        """Who answers, when ``char`` lies in an answer of an interview transcript ("I" and "we" are theirs)."""
        if self._transcript is False:
            self._transcript = find_transcript(self._text(), getattr(self.resolver, "persons", ()))
        return self._transcript.answerer_at(char) if self._transcript else None


__all__ = ["DocQuotations", "LazyText", "QuotedChars", "quote_speakers", "speech_subject"]
