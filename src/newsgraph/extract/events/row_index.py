"""Which of a verb's pattern rows can hold in a sentence, read from the words their conditions need.

A verb lemma has up to a few hundred rows (``event_verbs.tsv``, then the compiled CAMEO rows), and
:func:`~newsgraph.extract.events.triggers.verb_candidate` tries them in order until one holds. Almost
every row needs a word: a particle, a preposition, a word of the object, the subject or the argument
phrases (``prt``, ``prep``, ``obj``, ``subj``, ``arg``, ``word``). Each of these is checked against words
(forms and lemmas, lower-cased) of tokens the dependency parse reaches from the clause, and the parse
never leaves a sentence: a row one of whose words needs is disjoint from the words of the verb's sentence
cannot hold there. :func:`rows_to_try` gives the rows that may hold, in their order, so the verb's rows
are tried as before, without those that could not. A need of any other kind (``if``, ``eval``, one the
lexicon adds later) prunes nothing: the row stays, and its conditions are checked as they always were.
The index of a lemma's rows is built on first use and rebuilt when the lexicon gives new rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsgraph.extract.tokens import doc_memo, sentence_bounds, token_records

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.lexicon.events import VerbPattern

__all__ = ["WORD_KINDS", "RowIndex", "rows_to_try", "sentence_words"]

# Need kinds whose check is "one of the need's words is among the words of tokens the clause reaches":
# the particles, prepositions and complementisers, words near the verb, its argument phrases, its
# subjects, its objects (``needs.ClauseFacts``). Any other kind never prunes.
WORD_KINDS = frozenset({"prt", "prep", "word", "arg", "subj", "obj"})
# Which word need of a row keys it in the index: a word of the object, subject or argument phrases is
# rarer in a sentence than a particle, and a particle rarer than a preposition ("of", "in", "to").
_KEY_ORDER = {"obj": 0, "subj": 0, "arg": 0, "word": 0, "prt": 1, "prep": 2}
_WORDS_KEY = "newsgraph.events.sentence_words"
# More key words of a lemma's rows in one sentence than this, and the rows are checked one by one as they are
# tried instead of gathered through the index (the trigger mostly stops at one of the first rows)
_MANY_HITS = 16


class RowIndex:
    """One lemma's rows, indexed by the words of one word need each (its key); rows with no word need,
    and the first compiled row where a hand-written one follows it, are always tried."""

    __slots__ = ("_always", "_always_rows", "_by_word", "_checks", "_keys", "rows")

    def __init__(self, rows: Sequence[VerbPattern]) -> None:
        self.rows = rows
        always: list[int] = []
        by_word: dict[str, list[int]] = {}
        # per row, the word sets of all its word needs: a row is tried only when each meets the sentence
        self._checks: list[tuple[frozenset[str], ...]] = []
        keep = _loop_end(rows)
        for i, row in enumerate(rows):
            needs = [] if i == keep else [n for n in row.needs if n.kind in WORD_KINDS]
            self._checks.append(tuple(frozenset(n.words) for n in needs))
            if not needs:
                always.append(i)
                continue
            key = min(needs, key=lambda n: (_KEY_ORDER[n.kind], len(n.words)))
            for word in key.words:
                by_word.setdefault(word, []).append(i)
        self._always = tuple(always)
        self._always_rows = tuple(rows[i] for i in always)
        self._by_word = {w: tuple(ids) for w, ids in by_word.items()}
        self._keys = frozenset(self._by_word)

    def select(self, words: frozenset[str]) -> Iterable[VerbPattern]:
        """The rows that may hold in a sentence of these ``words``, in their order."""
        hits = self._keys & words
        if not hits:
            return self._always_rows
        if len(hits) > _MANY_HITS:  # a long run-on sentence has most words: check the rows in order, as asked
            return self._scan(words)
        picked = set(self._always)
        for word in hits:
            picked.update(self._by_word[word])
        checks, rows = self._checks, self.rows
        out = []
        for i in sorted(picked):
            for need in checks[i]:
                if need.isdisjoint(words):
                    break
            else:
                out.append(rows[i])
        return out

    def _scan(self, words: frozenset[str]) -> Iterator[VerbPattern]:
        """The rows that may hold, one at a time in their order (the caller stops at the first that holds)."""
        for row, checks in zip(self.rows, self._checks, strict=True):
            if all(not need.isdisjoint(words) for need in checks):
                yield row


def _loop_end(rows: Sequence[VerbPattern]) -> int:
    """The first compiled row when a hand-written row comes after it, else -1: the trigger stops at the first
    compiled row for a clause that describes a noun, so that row must stay where it ends the loop."""
    first = next((i for i, row in enumerate(rows) if row.cameo is not None), -1)
    if first >= 0 and any(row.cameo is None for row in rows[first + 1 :]):
        return first
    return -1


_INDEXES: dict[str, RowIndex] = {}  # lemma → the index of its rows (one per lemma: bounded by the lexicon)


def rows_to_try(rows: Sequence[VerbPattern], tok: Token) -> Iterable[VerbPattern]:
    """Of a verb's ``rows``, those whose word needs meet the words of ``tok``'s sentence, in their order."""
    if not rows:
        return rows
    lemma = rows[0].lemma
    index = _INDEXES.get(lemma)
    if index is None or index.rows is not rows:
        index = _INDEXES[lemma] = RowIndex(rows)
    return index.select(sentence_words(tok))


def sentence_words(tok: Token) -> frozenset[str]:
    """The lower-cased forms and lemmas of the words of ``tok``'s sentence (read once per sentence)."""
    doc = tok.doc
    start, end = sentence_bounds(doc)[tok.i]
    memo = doc_memo(doc, _WORDS_KEY)
    words: frozenset[str] | None = memo.get(start)
    if words is None:
        recs = token_records(doc)[start:end]
        words = memo[start] = frozenset([t.lower_ for t in recs] + [t.lemma_.lower() for t in recs])
    return words
