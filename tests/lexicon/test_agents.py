from __future__ import annotations

import pytest

from newsgraph.lexicon import agents
from newsgraph.lexicon.agents import agent_sector
from newsgraph.lexicon.loader import LexiconError


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("riot police", "POL"),
        ("protesters", "CVL"),  # the hand table's "protester" (Phoenix says OPP; the hand table wins)
        ("students", "CVL"),
        ("rebels", "REB"),
        ("farmers", "CVL"),
        ("Bolivian police", "POL"),
        ("ethnic Uzbek farmers", "CVL"),
        ("Kenyan students", "CVL"),
        ("anti-riot police", "POL"),
        ("the national police", "POL"),
        ("peasants", "CVL"),
        ("lawmen", "POL"),
        ("congressmen", "LEG"),
        ("ministry of defense", "MIL"),  # the hand table (Phoenix: ~GOVMIL)
        ("ministries of international trade", "GOV"),
    ],
)
def test_agent_sectors(phrase: str, sector: str) -> None:
    entry = agent_sector(phrase)
    assert entry is not None and entry.sector == sector


def test_compiled_entries_carry_their_phoenix_code() -> None:
    entry = agent_sector("ethnic Uzbek farmers")
    assert entry is not None and (entry.phrase, entry.phoenix, entry.source) == ("farmers", "~AGR", "agents.tsv")
    hand = agent_sector("riot police")
    assert hand is not None and (hand.phoenix, hand.source) == (None, "sectors.tsv")


def test_unknown_phrase_has_no_sector() -> None:
    assert agent_sector("purple elephants") is None
    assert agent_sector("") is None


def test_no_compiled_phrase_is_in_the_hand_table() -> None:
    from newsgraph.lexicon.events import sectors

    assert not set(agents.agents()) & set(sectors())


def test_bad_sector_is_a_lexicon_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        agents, "read_table", lambda name: ({"phrase": "foot guard", "sector": "XXX", "phoenix": "~MIL"},)
    )
    agents.agents.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"agents\.tsv: row 1 \(foot guard\): unknown sector"):
            agents.agents()
    finally:
        agents.agents.cache_clear()


@pytest.mark.parametrize("phrase", ["Bolivian riot police", "border guard", "a bakery"])
def test_agent_sector_memoized_answers_as_computed(phrase: str) -> None:
    assert agent_sector(phrase) == agent_sector.__wrapped__(phrase)
