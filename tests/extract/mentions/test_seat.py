"""Where an official speaks from: the capital a speaking clause places its subject in, and the country it
gives a state official whose title names none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.persons import find_person_spans, find_roles, group_attributes, group_mentions
from newsgraph.extract.mentions.roles import RoleInfo
from newsgraph.extract.mentions.seat import group_seat, opening_seat, said_country, speaking_seat
from tests.extract.mentions.conftest import span as _span


@pytest.mark.parametrize(
    ("text", "name", "seat"),
    [
        ("Defence Minister Kenji Sato told reporters in Tokyo that no ships had been damaged.", "Kenji Sato", "JPN"),
        ("Foreign Ministry spokesperson Wang Lei said at a regular briefing in Beijing that talks would go on.",
         "Wang Lei", "CHN"),
        ("Olga Petrova told the agency by telephone from Moscow that the expulsions were unjustified.",
         "Olga Petrova", "RUS"),
        ("In Moscow, the ministry's spokeswoman, Olga Petrova, said the expulsions were unjustified.",
         "Olga Petrova", "RUS"),
        # a meeting abroad is no seat, nor a capital in what the clause reports, nor one the speaker goes to
        ("Foreign Minister Anna Berg held talks in Ankara on Monday.", "Anna Berg", None),
        ("Foreign Minister Anna Berg met her counterpart in Ankara on Monday.", "Anna Berg", None),
        ("Foreign Minister Anna Berg said troops in Kabul had withdrawn.", "Anna Berg", None),
        ("Foreign Minister Anna Berg flew to Moscow and spoke to reporters.", "Anna Berg", None),
    ],
)  # fmt: skip
def test_speaking_seat(index: Callable[[str], MentionIndex], text: str, name: str, seat: str | None) -> None:
    ix = index(text)
    assert speaking_seat(ix, *_span(ix, name)) == seat


def test_opening_seat(index: Callable[[str], MentionIndex]) -> None:
    ix = index("In Nairobi, officials said the talks had failed. They resumed later.")
    assert opening_seat(ix, 3) == "KEN"
    assert opening_seat(ix, len(ix.toks) - 2) is None  # the next sentence opens with no capital


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Foreign Minister Anna Berg said Stockholm would not send troops to the border.", "Anna Berg", "SWE"),
        ("Norway has not ruled out a second case, Justice Minister Ola Dahl said.", "Ola Dahl", "NOR"),
        ("Foreign Minister Omar Said spoke briefly, adding that Egypt reserved the right to respond.",
         "Omar Said", "EGY"),
        # a demand on the other side is no own side
        ("Foreign Minister Anna Berg said Norway must withdraw its boats.", "Anna Berg", None),
        ("Foreign Minister Anna Berg demanded that Norway hand over the suspects.", "Anna Berg", None),
        # a people or a thing as the subject is no country
        ("Foreign Minister Anna Berg said Norwegian boats had crossed the line.", "Anna Berg", None),
    ],
)  # fmt: skip
def test_said_country(index: Callable[[str], MentionIndex], text: str, name: str, country: str | None) -> None:
    ix = index(text)
    assert said_country(ix, *_span(ix, name)) == country


@dataclass
class _Mention:
    role: RoleInfo | None
    seat: str | None
    said: str | None = None


def _role(text: str, **kw: object) -> RoleInfo:
    return RoleInfo(0, 1, text, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("roles", "seat"),
    [
        (["Foreign Minister"], "AUS"),
        (["Senator"], "AUS"),
        (["Foreign Ministry spokesperson"], "AUS"),
        (["Ambassador"], None),  # an ambassador speaks from the capital of the country he is posted to
        (["analyst"], None),  # no state office
    ],
)
def test_group_seat(roles: list[str], seat: str | None) -> None:
    mentions = [_Mention(_role(r), None) for r in roles] + [_Mention(None, "AUS")]
    assert group_seat(mentions) == seat


def test_group_seat_prefers_the_seat_to_what_the_person_says() -> None:
    assert group_seat([_Mention(_role("Foreign Minister"), None, "NOR"), _Mention(None, "SWE")]) == "SWE"
    assert group_seat([_Mention(_role("Foreign Minister"), None, "NOR")]) == "NOR"


def test_group_seat_keeps_a_role_country_and_an_international_body() -> None:
    assert group_seat([_Mention(_role("Foreign Minister", country="FJI"), "AUS")]) is None
    assert group_seat([_Mention(_role("spokeswoman", international=True), "BEL")]) is None
    assert group_seat([_Mention(_role("researcher", described=True), "AUS")]) is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the speaker's later mention places her in her capital; the story is the other country's
        (
            "SUVA, May 4 - Fiji's police arrested the opposition leader on Monday, and Fiji's courts refused bail.\n\n"
            "Foreign Minister Clare Hill said she had spoken to her Fijian counterpart.\n\n"
            '"We are deeply concerned," Hill told reporters in Canberra.',
            "Clare Hill",
            "AUS",
        ),
        (
            "Hungary's neighbours sent troops to Romania on Monday, and Romania's army welcomed them.\n\n"
            "Foreign Minister Gabor Kiss said Budapest would not send any troops.",
            "Gabor Kiss",
            "HUN",
        ),
        (
            "Pakistan expelled thousands of Afghans on Monday, and Pakistan's police guarded the border.\n\n"
            '"We hope both sides will talk," foreign ministry spokesperson Li Wen told a regular briefing in Beijing.',
            "Li Wen",
            "CHN",
        ),
    ],
)
def test_state_official_country_from_seat(
    index: Callable[[str], MentionIndex], text: str, name: str, country: str
) -> None:
    ix = index(text)
    groups = group_mentions(find_roles(ix, find_person_spans(ix), []))
    found = {g.name: group_attributes(g)[1] for g in groups}
    assert found.get(name) == country, found
