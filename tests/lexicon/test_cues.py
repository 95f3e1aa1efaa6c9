"""Speech cues (lexicon/cues.py over speech_verbs.tsv)."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.cues import all_cues, noun_cue, verb_cue


@pytest.mark.parametrize(
    ("lemma", "kind", "particle"),
    [
        ("say", "verb", ""),
        ("warn", "verb", ""),
        ("call", "weak", ""),
        ("point", "verb", "out"),
        ("according", "prep", "to"),
    ],
)
def test_verb_cues(lemma: str, kind: str, particle: str) -> None:
    cue = verb_cue(lemma)
    assert cue is not None
    assert (cue.kind, cue.particle) == (kind, particle)


@pytest.mark.parametrize(("lemma", "found"), [("statement", True), ("Statement", True), ("table", False)])
def test_noun_cues(lemma: str, found: bool) -> None:
    assert (noun_cue(lemma) is not None) == found


@pytest.mark.parametrize("lemma", ["table", "run"])
def test_not_cues(lemma: str) -> None:
    assert verb_cue(lemma) is None


def test_cue_table_is_well_formed() -> None:
    cues = all_cues()
    assert len(cues) > 50
    assert all(c.lemma == c.lemma.lower().strip() and c.kind in ("verb", "weak", "noun", "prep") for c in cues)
    required = {"say", "state", "add", "warn", "explain", "note", "tell", "argue", "claim", "insist"}
    assert required <= {c.lemma for c in cues if c.kind == "verb"}


def test_speech_verbs_are_the_verb_cues() -> None:
    from newsgraph.lexicon.cues import speech_verbs

    verbs = speech_verbs()
    assert {"say", "tell", "warn", "tweet"} <= verbs
    assert "describe" not in verbs  # a weak cue reports speech only with a quotation as its complement
    assert "statement" not in verbs  # a noun cue


@pytest.mark.parametrize(
    ("lemma", "found"), [("memo", True), ("Summary", True), ("statement", False), ("table", False)]
)
def test_document_nouns_are_not_cues(lemma: str, found: bool) -> None:
    from newsgraph.lexicon.cues import document_noun

    assert document_noun(lemma) == found
    if found:
        assert noun_cue(lemma) is None and verb_cue(lemma) is None
