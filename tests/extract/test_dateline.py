"""Wire datelines and the subjects found past them (newsgraph.extract.dateline)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.dateline import in_dateline, past_dateline


def _tok(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


def test_a_long_dateline_with_its_date_and_agency_is_one(parse) -> None:
    doc = parse("JEDDAH, Saudi Arabia, June 18 (Reuters) - Two armies agreed on Thursday to open a corridor.")
    assert in_dateline(_tok(doc, "Arabia")) and in_dateline(_tok(doc, "Reuters"))
    assert not in_dateline(_tok(doc, "armies"))


def test_a_hyphen_inside_a_word_or_a_sentence_without_a_capitalised_opening_is_no_dateline(parse) -> None:
    doc = parse("Officials said the youtube-dl tool was blocked - for now.")
    assert not any(in_dateline(t) for t in doc)


def test_subjects_skip_the_dateline_place(parse) -> None:
    doc = parse("TUNIS — The union said on Monday that it would strike.")
    union = _tok(doc, "union")
    assert past_dateline([union]) == [union]
    assert past_dateline([]) == []


def test_a_dateline_with_its_date_between_two_dashes_is_one(parse) -> None:
    doc = parse("ASTANA, Kazakhstan — Sept. 8, 2026 (Wire) — Kazakhstan on Tuesday summoned the U.S. envoy.")
    assert in_dateline(_tok(doc, "Sept.")) and in_dateline(_tok(doc, "Wire"))
    assert not in_dateline(_tok(doc, "Tuesday"))


def test_a_second_dash_after_words_of_no_date_ends_no_dateline(parse) -> None:
    doc = parse("TUNIS — Police in the capital — thousands of them — blocked the avenue.")
    assert not in_dateline(_tok(doc, "capital"))
