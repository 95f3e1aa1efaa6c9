"""The index of a verb's pattern rows by the words their conditions need: it leaves out only rows that
cannot hold in the sentence, keeps their order, and never prunes on a need kind it does not know."""

from __future__ import annotations

import pytest

from newsgraph.extract.events import row_index, triggers
from newsgraph.extract.events.arguments import clause_of
from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.events.needs import needs_ok
from newsgraph.extract.events.row_index import RowIndex, rows_to_try, sentence_words
from newsgraph.lexicon.events import Need, VerbPattern, verb_patterns

SENTENCES = [
    "Rebels fought back against government troops in the north on Sunday.",
    "The army pulled out of the town after fighting broke out.",
    "India offered a line of credit to Nepal and called for talks with Pakistan.",
    "Police fired tear gas at protesters who had set fire to a car.",
    "The president said the vote was rigged and warned that Chile would file a complaint.",
    "The minister walked out of the meeting, which was called off by the host.",
    "Thousands demonstrated outside the embassy, demanding the release of the fishermen.",
]


def _row(lemma: str, *needs: Need, cameo: str | None = None) -> VerbPattern:
    return VerbPattern(lemma, "VERB", needs, "ACCUSE", None, ("obj",), ("subj",), cameo)


@pytest.mark.parametrize("text", SENTENCES)
def test_every_row_that_holds_is_tried_in_order(parse, text: str) -> None:
    doc = parse(text)
    for tok in doc:
        rows = verb_patterns().get(tok.lemma_.lower())
        if not rows:
            continue
        tried = rows_to_try(rows, tok)
        assert len(tried) <= len(rows)
        assert [rows.index(r) for r in tried] == sorted(rows.index(r) for r in tried)
        holding = [r for r in rows if needs_ok(r, clause_of(tok, r.pos))]
        assert [r for r in tried if needs_ok(r, clause_of(tok, r.pos))] == holding


@pytest.mark.parametrize("text", SENTENCES)
def test_events_are_those_of_every_row_tried(parse, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    indexed = [repr(e) for e in extract_events(parse(text), "d1")]
    monkeypatch.setattr(triggers, "rows_to_try", lambda rows, tok: rows)
    every = [repr(e) for e in extract_events(parse(text), "d1")]
    assert indexed == every


def test_rows_prune_on_missing_words_only(parse) -> None:
    tok = next(t for t in parse("Rebels fought back against the army.") if t.text == "fought")
    rows = (
        _row("fight", Need("prt", frozenset({"down"}))),  # no "down" in the sentence
        _row("fight", Need("prt", frozenset({"back"})), Need("arg", frozenset({"army"}))),
        _row("fight", Need("prt", frozenset({"back"})), Need("arg", frozenset({"navy"}))),  # one need misses
        _row("fight", Need("if")),  # no word need: always tried
        _row("fight"),
    )
    assert list(rows_to_try(rows, tok)) == [rows[1], rows[3], rows[4]]


def test_a_need_kind_it_does_not_know_prunes_nothing(parse) -> None:
    tok = next(t for t in parse("Rebels fought back against the army.") if t.text == "fought")
    rows = (
        _row("fight", Need("someday", frozenset({"zebra"}))),
        _row("fight", Need("someday", frozenset({"zebra"})), Need("prep", frozenset({"against"}))),
        _row("fight", Need("someday", frozenset({"zebra"})), Need("prep", frozenset({"with"}))),
    )
    assert list(rows_to_try(rows, tok)) == [rows[0], rows[1]]


@pytest.mark.parametrize("kind", sorted(row_index.WORD_KINDS))
def test_the_kinds_it_prunes_on_are_checked_as_words_of_the_clause(parse, kind: str) -> None:
    doc = parse("Rebels fought back against the army, which fled.")
    for tok in doc:  # a word the sentence lacks holds for no clause of it
        assert not needs_ok(_row(tok.lemma_, Need(kind, frozenset({"zebra"}))), tok)


def test_the_first_compiled_row_stays_where_a_hand_written_row_follows(parse) -> None:
    words = sentence_words(next(t for t in parse("Rebels fought back.") if t.text == "fought"))
    missing = Need("arg", frozenset({"zebra"}))
    rows = (_row("fight", missing), _row("fight", missing, cameo="190"), _row("fight", missing))
    assert list(RowIndex(rows).select(words)) == [rows[1]]  # the loop ends there for a described clause
    compiled_last = (_row("fight", missing), _row("fight", missing, cameo="190"))
    assert list(RowIndex(compiled_last).select(words)) == []


def test_a_sentence_of_many_key_words_checks_the_rows_in_order() -> None:
    words = frozenset(f"w{k}" for k in range(40))  # a long run-on sentence: more key words than the index gathers
    rows = tuple(_row("fight", Need("arg", frozenset({f"w{k}"})), Need("prep", frozenset({"x"}))) for k in range(30))
    rows += tuple(_row("fight", Need("arg", frozenset({f"w{k}"}))) for k in range(30))
    rows += (_row("fight", Need("arg", frozenset({"absent"}))),)
    assert list(RowIndex(rows).select(words)) == list(rows[30:60])


def test_new_rows_of_a_lemma_are_indexed_anew(parse) -> None:
    tok = next(t for t in parse("Rebels fought back against the army.") if t.text == "fought")
    first = (_row("fight", Need("prt", frozenset({"down"}))),)
    second = (_row("fight", Need("prt", frozenset({"back"}))),)
    assert list(rows_to_try(first, tok)) == []
    assert list(rows_to_try(second, tok)) == [second[0]]


def test_sentence_words_are_forms_and_lemmas_of_its_own_sentence(parse) -> None:
    doc = parse("Rebels fought back. The army retreated.")
    words = sentence_words(next(t for t in doc if t.text == "fought"))
    assert {"rebels", "rebel", "fought", "fight", "back"} <= words
    assert "army" not in words
