"""Thing nouns (thing_nouns.tsv) and the not-entity kinds added for names of things."""

from __future__ import annotations

import pytest

from newsgraph.lexicon.gazetteer import ends_thing_name, not_entity_kind, place_word_kind
from newsgraph.lexicon.things import thing_noun


@pytest.mark.parametrize(
    ("word", "side", "kind"),
    [
        ("rocket", "after", "vehicle"),
        ("rocket", "before", "vehicle"),
        ("film", "before", "work"),
        ("film", "after", None),  # "the Netflix film": the maker's name
        ("pipeline", "after", "project"),
        ("pipeline", "before", None),
        ("town", "before", "place"),
        ("Rocket", "after", None),  # only lower-case nouns
        ("policy", "after", None),  # "the Kremlin policy": an owner's name (person_nouns.tsv)
    ],
)
def test_thing_noun(word: str, side: str, kind: str | None) -> None:
    found = thing_noun(word, side)  # type: ignore[arg-type]
    assert (found.kind if found else None) == kind


def test_ending_words_rule_out_only_the_names_they_end() -> None:
    assert ends_thing_name("Prize") and ends_thing_name("Championships") and ends_thing_name("War")
    assert not_entity_kind("Day") is None  # alone it may be a surname
    assert not_entity_kind("Player") is None
    assert not ends_thing_name("Party")


def test_vessel_prefixes_and_facilities() -> None:
    assert not_entity_kind("MV") == "vessel"
    assert not_entity_kind("HMS") == "vessel"
    assert not_entity_kind("Ms") is None  # an honorific, not a ship's prefix
    assert place_word_kind("Headquarters") == "facility"
    assert place_word_kind("Complex") == "facility"
    assert place_word_kind("Junction") == "area"
