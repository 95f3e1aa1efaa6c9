"""Country and sector the dictionaries give a name (extract/events/dictionary.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.dictionary import dictionary_side


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Doc]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return parse_one


def test_a_known_outlet_is_media(parse) -> None:
    head = next(t for t in parse("Reuters reported the news.") if t.text == "Reuters")
    assert (dictionary_side("Reuters", head, None, person=False) or (None, None))[1] == "MED"


def test_an_unknown_name_has_none(parse) -> None:
    head = next(t for t in parse("Zorblax reported the news.") if t.text == "Zorblax")
    assert dictionary_side("Zorblax", head, "2020-01-01", person=True) is None
