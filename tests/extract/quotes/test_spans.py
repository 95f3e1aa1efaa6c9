"""Quote marks paired at character level (extract/quotes/spans.py): curly and straight marks,
unbalanced marks, quotations over several paragraphs, quote words."""

from __future__ import annotations

import logging

import pytest

from newsgraph.extract.quotes.spans import find_quote_spans, is_name, quote_words, trimmed


def _spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# ---------------------------------------------------------------- pairing quote marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win this fight" today.', ["we will win this fight"]),
        ("\u201cHello there,\u201d she said.", ["Hello there,"]),
        ('\u201cMixed marks here" he said.', ["Mixed marks here"]),
        ('Done" and "this part works fine".', ["this part works fine"]),
        ('"First is never closed. "Second is closed," he said.', ["Second is closed,"]),
        ('He said "this never ends', []),
        ('\u00a0"Quoted\u00a0text\u00a0here"\u00a0now', ["Quoted\u00a0text\u00a0here"]),
        ("", []),
        ('"""', [""]),
        ('Emoji \U0001f642 "smile \U0001f642 now" ok', ["smile \U0001f642 now"]),
    ],
)
def test_find_quote_spans(text: str, expected: list[str]) -> None:
    assert _spans(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('It was done" and that was all.', "has no opening mark"),
        ('He said "this never ends', "not closed before the end of its paragraph"),
        ('"One is left open. "Two is closed," she said.', "never closed"),
    ],
)
def test_unbalanced_marks_are_logged(text: str, message: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="newsgraph.extract.quotes.spans"):
        find_quote_spans(text)
    assert message in caplog.text


@pytest.mark.parametrize(
    "text",
    ['"The first paragraph of a long quote.\n"The second paragraph closes it."'],
)
def test_quote_running_over_paragraphs_is_kept(text: str) -> None:
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph of a long quote.",
        "The second paragraph closes it.",
    ]
    assert spans[0].closer == ""


def test_paragraph_continuing_a_quote_without_opening_mark() -> None:
    text = '"The first paragraph stays open.\n\nThe second one goes on and closes here." Then the story.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph stays open.",
        "The second one goes on and closes here.",
    ]
    assert spans[0].closer == "" and spans[1].opener == ""


def test_open_quote_before_a_paragraph_without_marks_is_dropped() -> None:
    assert _spans('"An open quote never closed.\n\nA plain paragraph follows.') == []


@pytest.mark.parametrize(("inner", "count"), [("right now", 2), ("don't stop-start 2,000 times", 4)])
def test_quote_words(inner: str, count: int) -> None:
    assert len(quote_words(inner)) == count


def test_trimmed_and_names() -> None:
    text = 'He said " we will stay, " and left.'
    (span,) = find_quote_spans(text)
    lo, hi = trimmed(text, span)
    assert text[lo:hi] == "we will stay"
    assert is_name(["Center", "for", "Geopolitical", "Expertise"], "Center for Geopolitical Expertise")
    assert not is_name(["we", "will", "stay"], "we will stay")


def test_a_case_name_is_a_name() -> None:
    text = "Lena Brandt vs. Northern Rail Limited"
    assert is_name(quote_words(text), text)
