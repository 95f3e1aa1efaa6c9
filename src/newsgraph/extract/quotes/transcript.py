"""Interview transcripts: paragraphs that open with a speaker label, questions and answers.

A page is read as a transcript when at least two paragraphs open with a label ("((WN)) ...",
"((Reporter)) : ...", "Q: ...", "Jane Roe: ...") and the turns of one label ask questions (most
of them hold a "?"): that label is the interviewer's. The interviewee is the person an answer
label names, else the person the document names most often. Used by
:mod:`newsgraph.extract.quotes.attribution`:

- "you" (and "your") in a question is the interviewee: 'On your website you state "..."';
- "I" / "we" in an answer are whoever answers it;
- a quotation with no cue of its own in an answer is the answerer's; in a question it is nobody's
  by default (the interviewer's words are not the interviewee's, nor the last speaker's).

An unlabelled paragraph after a turn is an answer (or an answer's next paragraph) when it speaks
in the first person outside quote marks; otherwise the story has resumed. A run of turns is one
interview: its interviewee is the person its answer labels name, else the person its introduction
(the story since the previous run) names most.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.core.model import Person
from newsgraph.core.textnorm import entity_key

__all__ = ["Transcript", "Turn", "find_transcript"]

# "((WN))", "(Reporter)", "[Q]", optionally followed by a colon
_BRACKET_LABEL = re.compile(r"[ \t]*(?:\(\(|\(|\[)[ \t]*([^()\[\]\n]{1,40}?)[ \t]*(?:\)\)|\)|\])[ \t]*:?[ \t]*")
# "Q:", "WN:", "Jane Roe:" - up to four capitalised words before a colon
_COLON_LABEL = re.compile(r"[ \t]*([A-Z][^\s:()]{0,20}(?:[ \t]+[A-Z][^\s:()]{0,20}){0,3})[ \t]*:[ \t]+")
_ASKER_WORDS = frozenset({"q", "question", "interviewer", "reporter", "wn", "wikinews"})
_ANSWER_WORDS = frozenset({"a", "answer"})
_MIN_TURNS = 2
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|we|We|our|Our|My)\b")
_QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')


@dataclass(frozen=True, slots=True)
class Turn:
    """One labelled paragraph (or an unlabelled one that answers a question): ``text[start:end]``;
    ``answerer`` is who answers in it (None in a question), ``interviewee`` who its "you" is."""

    start: int
    end: int
    label: str | None
    asks: bool
    answerer: str | None
    interviewee: str | None


@dataclass(slots=True)
class Transcript:
    """The turns of a transcript, in reading order."""

    turns: list[Turn]
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.turns]

    def turn_at(self, char: int) -> Turn | None:
        k = bisect.bisect_right(self.starts, char) - 1
        if k >= 0 and self.turns[k].start <= char < self.turns[k].end:
            return self.turns[k]
        return None

    def asks_at(self, char: int) -> bool:
        """Whether ``char`` lies in an interviewer's question."""
        turn = self.turn_at(char)
        return turn is not None and turn.asks

    def interviewee_at(self, char: int) -> str | None:
        """Who "you" is in the question at ``char``."""
        turn = self.turn_at(char)
        return turn.interviewee if turn is not None and turn.asks else None

    def answerer_at(self, char: int) -> str | None:
        """The person answering in the turn at ``char``, if it is an answer."""
        turn = self.turn_at(char)
        return turn.answerer if turn is not None else None


def _label(line: str) -> tuple[str, int] | None:
    """The speaker label a paragraph opens with and the offset where its words start."""
    for pattern in (_BRACKET_LABEL, _COLON_LABEL):
        m = pattern.match(line)
        if m and m.end() < len(line):
            return m.group(1).strip(), m.end()
    return None


def _answerer(label: str, persons: Sequence[Person]) -> str | None:
    """The person an answer label names: a known person with that name or surname, else the label
    itself when it reads as a full name ("((Jane Roe))")."""
    words = entity_key(label).split()
    if not words:
        return None
    for p in persons:
        names = [entity_key(n).split() for n in (p.name, *p.aliases)]
        if any(n and (n == words or n[-1] == words[-1]) for n in names):
            return p.name
    parts = label.split()
    return label if 2 <= len(parts) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in parts) else None


def _first_person(paragraph: str) -> bool:
    """Whether a paragraph speaks in the first person outside quote marks (an answer, not the story)."""
    return _FIRST_PERSON.search(_QUOTED.sub(" ", paragraph)) is not None


def _most_named(persons: Sequence[Person], lo: int, hi: int) -> str | None:
    """The person named most often in ``text[lo:hi]`` (the introduction of an interview)."""
    counts = [(sum(lo <= m.start < hi for m in p.mentions), p.name) for p in persons]
    best = max(counts, default=(0, None))
    return best[1] if best[0] else None


def find_transcript(text: str, persons: Sequence[Person] = ()) -> Transcript | None:
    """The transcript layout of ``text``, or None when it is no interview transcript."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start() : m.end()].strip()]
    found = {lo: _label(text[lo:hi]) for lo, hi in paragraphs}
    by_label: dict[str, list[str]] = {}
    for lo, hi in paragraphs:
        if (got := found[lo]) is not None:
            by_label.setdefault(got[0], []).append(text[lo + got[1] : hi])
    askers = {
        label
        for label, turns in by_label.items()
        if label.lower() in _ASKER_WORDS or sum("?" in t for t in turns) * 2 > len(turns)
    }
    if sum(len(by_label[a]) for a in askers) < _MIN_TURNS:
        return None
    # a label met once that asks nothing is a caption or a note ("Photo: ..."), not a turn
    labels = askers | {label for label, turns in by_label.items() if len(turns) >= _MIN_TURNS}
    named = {label: _answerer(label, persons) for label in labels - askers if label.lower() not in _ANSWER_WORDS}
    turns: list[Turn] = []
    block: list[tuple[int, int, str | None, bool]] = []
    intro_start = 0

    def close_block() -> None:
        answerers = {named.get(label) for _, _, label, asks in block if label and not asks} - {None}
        interviewee = next(iter(answerers)) if len(answerers) == 1 else None
        if interviewee is None and block:
            interviewee = (
                _most_named(persons, intro_start, block[0][0])
                or (turns[-1].interviewee if turns else None)
                or _most_named(persons, 0, len(text))
            )
        for lo, hi, label, asks in block:
            answerer = None if asks else (named.get(label) if label else None) or interviewee
            turns.append(Turn(lo, hi, label, asks, answerer, interviewee))
        block.clear()

    for lo, hi in paragraphs:
        label = found[lo][0] if found[lo] is not None and found[lo][0] in labels else None  # type: ignore[index]
        if label is not None:
            block.append((lo, hi, label, label in askers))
        elif block and _first_person(text[lo:hi]):  # an unlabelled answer, or an answer's next paragraph
            block.append((lo, hi, None, False))
        else:
            if block:
                close_block()
                intro_start = lo
            continue
    close_block()
    return Transcript(turns)
