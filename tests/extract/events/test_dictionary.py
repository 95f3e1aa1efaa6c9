"""Country and sector the dictionaries give a name (extract/events/dictionary.py)."""

from __future__ import annotations

from newsgraph.extract.events.dictionary import dictionary_side


def test_a_known_outlet_is_media(parse) -> None:
    head = next(t for t in parse("Reuters reported the news.") if t.text == "Reuters")
    assert (dictionary_side("Reuters", head, None, person=False) or (None, None))[1] == "MED"


def test_an_unknown_name_has_none(parse) -> None:
    head = next(t for t in parse("Zorblax reported the news.") if t.text == "Zorblax")
    assert dictionary_side("Zorblax", head, "2020-01-01", person=True) is None
