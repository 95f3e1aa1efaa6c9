"""Actor-target pairs completed from what the sentence implies (newsgraph.extract.events.pairing)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _facts(parse, text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.actor_country, e.target_country)
        for e in extract_events(parse(text), "d1")
        if not (e.negated or e.hypothetical)
    }


def test_nobody_the_event_data_is_about_is_no_event(parse) -> None:
    assert _facts(parse, "Emily met two officers at a pub.") == set()


def test_a_protest_with_no_target_is_against_its_own_government(parse) -> None:
    assert ("PROTEST", "PER", "PER") in _facts(parse, "Thousands of Peruvian farmers demonstrated in Lima.")


@pytest.mark.parametrize(
    "text",
    [
        # a home actor's act whose other side the text leaves unsaid is aimed at its own country
        "Peru's president met Peru's farmers. Peru's electoral court rejected the appeal on Monday.",
        # police of a country arrest people of that country
        "Peru's police arrested three protesters in Lima. Peruvian police said the three were charged.",
    ],
)
def test_the_home_actor_s_unsaid_side_is_its_own_country(parse, text: str) -> None:
    assert any(a == "PER" and t == "PER" for _, a, t in _facts(parse, text))


@pytest.mark.parametrize(
    "text",
    [
        "Peru's president urged donors to help.",  # who gives to a country is of others
        "Peru's president urged wealthy nations to help.",
    ],
)
def test_donors_and_other_nations_are_not_the_home_country(parse, text: str) -> None:
    assert ("REQUEST", "PER", None) in _facts(parse, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign government's or an international body's act with no other side, in a story about one country
        (
            "Malawi's parliament passed the budget. Malawi's finance minister praised the vote in Lilongwe. "
            "The World Bank pledged $200 million in loans on Tuesday.",
            ("AGREE", None, "MWI"),
        ),
        (
            "Malawi's police arrested two opposition leaders in Lilongwe. Malawi's courts denied them bail. "
            "Amnesty International demanded an independent investigation.",
            ("REQUEST", None, "MWI"),
        ),
    ],
)
def test_a_foreign_actor_s_unsaid_side_is_the_story_s_country(parse, text: str, expected: tuple) -> None:
    assert expected in _facts(parse, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ministry the story leaves without a country summons the envoy of the story's other country
        (
            "Vietnam banned rice exports to the Philippines. Manila protested. "
            "The Department of Foreign Affairs summoned Vietnam's ambassador on Monday.",
            ("ACCUSE", "PHL", "VNM"),
        ),
        (
            "Vietnam banned rice exports to the Philippines. Vietnamese officials defended it. Vietnam said it was "
            "legal. The Department of Foreign Affairs summoned Vietnam's ambassador on Monday.",
            ("ACCUSE", "PHL", "VNM"),
        ),
    ],
)
def test_an_envoy_is_summoned_by_the_other_country(parse, text: str, expected: tuple) -> None:
    assert expected in _facts(parse, text)


def test_a_side_s_own_envoy_stays_its_own(parse) -> None:
    text = "Algeria cut gas to Spain. Algeria has had no ambassador in Madrid since it recalled its envoy in May."
    assert all(a == "DZA" for _, a, _ in _facts(parse, text))


def test_a_group_of_no_country_in_a_story_about_one_country_is_that_country_s(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "BAGHDAD (Reuters) - Iraq's parliament on Tuesday approved a law on oil revenue after Kurdish lawmakers "
        "walked out of the chamber in protest. Iraq's oil ministry said exports would resume."
    )
    facts = {(e.type, e.actor_country) for e in extract_events(parse(text), "d")}
    assert ("PROTEST", "IRQ") in facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a home group or a person of no country asking its government: the government's own people
        ("India and Pakistan traded accusations. A farmers' union called on the Pakistani government to act.", "PAK"),
        ("India and Pakistan traded accusations. Ali Raza called on the Pakistani government to act.", "PAK"),
        # a rights group is of no one country
        ("India and Pakistan traded accusations. Human Rights Watch urged the Pakistani government to act.", None),
    ],
)
def test_a_home_group_asking_a_government_is_its_own(parse, text: str, expected: str | None) -> None:
    assert ("REQUEST", expected, "PAK") in _facts(parse, text)
