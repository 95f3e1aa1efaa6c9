"""Names the model cut inside a longer whole name."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.organizations.wholes import table_names, through_country, widened


def test_pieces_inside_a_whole_give_way_to_it() -> None:
    assert sorted(widened([(0, 3), (4, 6), (9, 10)], [(0, 6)])) == [(0, 6), (9, 10)]
    assert sorted(widened([(0, 3), (4, 8)], [(0, 6)])) == [(0, 3), (4, 8)]  # a piece runs out of it
    assert widened([(2, 4)], [(2, 4)]) == [(2, 4)]


def test_a_name_of_the_table_past_a_candidate(index: Callable[[str], MentionIndex]) -> None:
    ix = index("The Economic Community of West African States urged restraint.")
    found = table_names(ix, [(1, 3)])
    assert [ix.text(*w) for w in found] == ["Economic Community of West African States"]
    assert table_names(ix, [(1, 7)]) == []  # nothing longer


def test_a_name_goes_on_through_a_country_it_cut(index: Callable[[str], MentionIndex]) -> None:
    ix = index("He was summoned by the Court of Bosnia and Herzegovina last week.")
    court = next(i for i, t in enumerate(ix.toks) if t.text == "Court")
    assert ix.text(court, through_country(ix, court, court + 3)) == "Court of Bosnia and Herzegovina"
    assert through_country(ix, court, court + 1) == court + 1
