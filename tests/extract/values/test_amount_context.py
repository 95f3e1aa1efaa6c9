"""What a figure is about and its rate, read from the parse (helpers of the amounts extractor)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.values.amount_context import figure_about, figure_rate, noun_phrase, of_object, span_root


def _span(doc: Doc, words: str) -> tuple[int, int]:
    """Token range of the first occurrence of ``words`` in ``doc``."""
    n = len(words.split())
    for i in range(len(doc) - n + 1):
        if " ".join(t.text for t in doc[i : i + n]) == words:
            return i, i + n
    raise AssertionError(f"{words!r} not in {doc.text!r}")


@pytest.mark.parametrize(
    ("text", "figure", "root"), [("They raised $ 12 million last year.", "$ 12 million", "million")]
)
def test_span_root(parse: Callable[[str], Doc], text: str, figure: str, root: str) -> None:
    doc = parse(text)
    assert span_root(doc, *_span(doc, figure)).text == root


@pytest.mark.parametrize(
    ("text", "figure", "obj"),
    [("Dozens of sailors were rescued.", "Dozens", "sailors"), ("Nine ships sank.", "Nine", None)],
)
def test_of_object(parse: Callable[[str], Doc], text: str, figure: str, obj: str | None) -> None:
    doc = parse(text)
    found = of_object(doc, *_span(doc, figure))
    assert (found.text if found is not None else None) == obj


@pytest.mark.parametrize(
    ("text", "figure", "about"),
    [
        ("The lira, Turkey's currency, lost 9 % in March.", "9 %", "lira"),
        ("The hospital opened despite the $ 90 million granted by the World Bank.", "$ 90 million", "World Bank"),
        ("Nearly 40 % of the nurses voted to strike.", "40 %", "nurses"),
        ("The firm signed a $ 5 billion deal with the state.", "$ 5 billion", "deal"),
    ],
)
def test_figure_about_money_and_percent(parse: Callable[[str], Doc], text: str, figure: str, about: str) -> None:
    doc = parse(text)
    found = figure_about(doc, *_span(doc, figure), counted=False)
    assert found is not None and about in found


@pytest.mark.parametrize(
    ("text", "figure", "about"),
    [("The ship carried 30 tonnes of grain.", "30", "grain"), ("Police detained 30 protesters.", "30", None)],
)
def test_figure_about_counts(parse: Callable[[str], Doc], text: str, figure: str, about: str | None) -> None:
    doc = parse(text)
    start, end = _span(doc, figure)
    head = doc[end]
    assert figure_about(doc, start, end, counted=True, unit_head=head) == about


@pytest.mark.parametrize(
    ("text", "figure", "per"),
    [
        ("The farm sells 200 eggs a day.", "200 eggs", "day"),
        ("The farm sells 200 eggs every week.", "200 eggs", "week"),
        ("The farm sells every week 200 eggs.", "200 eggs", "week"),
        ("The farm sells 200 eggs monthly.", "200 eggs", "month"),
        ("The farm sold 200 eggs a week ago.", "200 eggs", None),
    ],
)
def test_figure_rate(parse: Callable[[str], Doc], text: str, figure: str, per: str | None) -> None:
    doc = parse(text)
    _, end = _span(doc, figure)
    assert figure_rate(doc, end, len(doc), doc[end - 1]) == per


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("The old harbour bridge, which opened in 1901, was closed.", "bridge", "old harbour bridge"),
        ("It fell.", "It", None),
        ("The Central Bank of Ireland agreed.", "Bank", "Central Bank of Ireland"),
    ],
)
def test_noun_phrase(parse: Callable[[str], Doc], text: str, word: str, phrase: str | None) -> None:
    doc = parse(text)
    tok = doc[_span(doc, word)[0]]
    assert noun_phrase(tok) == phrase
