"""The document's event memory: anaphora, untold actors, continuation and responses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.events.actors import Actor
from newsgraph.extract.events.memory import EventMemory, is_definite


def _actor(name: str | None, country: str | None, sector: str | None = "GOV", head: int = -1) -> Actor:
    return Actor(name or "group", name, country, sector, 0, 1, head, named=name is not None, agentive=True)


def _noun(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "definite"),
    [
        ("Poland condemned the attack.", "attack", True),
        ("Poland condemned its operation.", "operation", True),
        ("Poland condemned an attack.", "attack", False),
        ("Poland condemned attacks.", "attacks", False),
    ],
)
def test_is_definite(parse, text: str, word: str, definite: bool) -> None:
    assert is_definite(_noun(parse(text), word)) is definite


@pytest.mark.parametrize(
    ("text", "word", "doer"),
    [
        ("Poland condemned the attack.", "attack", "RUS"),  # the first attack told, not the latest
        ("Poland condemned the summit.", "summit", "FRA"),
        ("Poland condemned an attack.", "attack", None),  # indefinite: a new attack
        ("Poland condemned the weather.", "weather", None),  # no event noun
    ],
)
def test_doer_of_a_definite_event_noun(parse, text: str, word: str, doer: str | None) -> None:
    memory = EventMemory()
    memory.tell("CONSULT", _actor("France", "FRA"), _actor("Italy", "ITA"), 0)
    memory.tell("ASSAULT", _actor("Russia", "RUS"), _actor("Ukraine", "UKR"), 1)
    memory.tell("ASSAULT", _actor("Iran", "IRN"), _actor("Israel", "ISR"), 2)
    noun = _noun(parse(text), word)
    found = memory.doer(noun)
    assert (found.country if found else None) == doer
    if found is not None:
        assert found.remembered and (found.start, found.end) == (noun.idx, noun.idx + len(noun))


@pytest.mark.parametrize(("type_", "country"), [("ASSAULT", "SAU"), ("COERCE", None)])
def test_untold_target(type_: str, country: str | None) -> None:
    memory = EventMemory()
    memory.tell("ASSAULT", None, _actor("Saudi embassy", "SAU", "GOV"), 0)
    found = memory.untold_target(type_)
    assert (found.country if found else None) == country


@pytest.mark.parametrize(("actor", "target"), [(("Turkey", "TUR"), "SYR"), (("Iran", "IRN"), None)])
def test_continued_target(actor: tuple[str, str], target: str | None) -> None:
    memory = EventMemory()
    memory.tell("ASSAULT", _actor("Turkey", "TUR"), _actor("Syria", "SYR"), 0)
    found = memory.continued_target("ASSAULT", _actor(*actor))
    assert (found.country if found else None) == target


@pytest.mark.parametrize(("sent", "answered"), [(1, "POL"), (5, None)])
def test_response_answers_a_recent_event(sent: int, answered: str | None) -> None:
    memory = EventMemory()
    police = _actor(None, "CHL", "POL")
    memory.tell("ASSAULT", police, _actor(None, "CHL", "CVL"), 0)
    found = memory.answered(_actor(None, "CHL", "CVL"), sent, ("ASSAULT",))
    assert (found.sector if found else None) == answered


@pytest.mark.parametrize(
    ("text", "word", "doer"),
    [
        # an act of any kind: the document's first event by another side (its lead)
        ("Estonia welcomed the decision.", "decision", "RUS"),
        ("Russia denounced the move.", "move", "FRA"),
        # a kind of act: the latest event of that kind by another side
        ("Brazil rejected the criticism.", "criticism", "ARG"),
        ("Argentina rejected the criticism.", "criticism", "CHL"),
        # an act whose owner the phrase names, or one not yet told, or no definite reference
        ("Estonia welcomed Finland's decision.", "decision", None),
        ("Estonia welcomed the decision of the court.", "decision", None),
        ("Estonia welcomed a decision.", "decision", None),
        ("Estonia welcomed the weather.", "weather", None),
    ],
)
def test_answered_act(parse, text: str, word: str, doer: str | None) -> None:
    memory = EventMemory()
    memory.tell("SANCTION", _actor("Russia", "RUS"), _actor("Estonia", "EST"), 0)
    memory.tell("ACCUSE", _actor("Chile", "CHL"), _actor("Argentina", "ARG"), 1)
    memory.tell("ACCUSE", _actor("Argentina", "ARG"), _actor("Brazil", "BRA"), 2)
    memory.tell("AGREE", _actor("France", "FRA"), _actor("Russia", "RUS"), 3)
    speaker = {"Estonia": ("EST"), "Russia": "RUS", "Brazil": "BRA", "Argentina": "ARG"}[text.split()[0]]
    if text.startswith("Russia"):  # the lead is Russia's own: the first event by another side is France's
        memory.told.pop(1)
        memory.told.pop(1)
    noun = _noun(parse(text), word)
    found = memory.answered_act(noun, _actor(text.split()[0], speaker))
    assert (found.country if found else None) == doer
    if found is not None:
        assert found.remembered and (found.start, found.end) == (noun.idx, noun.idx + len(noun))


@pytest.mark.parametrize(
    ("denier", "sent", "accuser"),
    [
        (("Mexico", "MEX"), 3, "USA"),  # the latest accusation aimed at the denier's side
        (("Mexico", "MEX"), 6, None),  # too long ago
        (("Peru", "PER"), 3, None),  # nobody accused Peru
    ],
)
def test_accuser(denier: tuple[str, str], sent: int, accuser: str | None) -> None:
    memory = EventMemory()
    memory.tell("ACCUSE", _actor("Canada", "CAN"), _actor("Mexican army", "MEX", "MIL"), 1)
    memory.tell("ACCUSE", _actor("United States", "USA"), _actor("Mexico", "MEX"), 2)
    found = memory.accuser(_actor(*denier), sent)
    assert (found.country if found else None) == accuser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nicaraguan soldiers detained 12 Honduran fishermen on Monday. "
            "Honduras's foreign ministry demanded the immediate release of the fishermen.",
            ("REQUEST", "HND", "NIC"),
        ),
        # a side of another country named as the one asked stays the target
        (
            "Nicaraguan soldiers detained 12 Honduran fishermen on Monday. Honduras urged Cuba to help free them.",
            ("REQUEST", "HND", "CUB"),
        ),
    ],
)
def test_a_release_is_asked_of_whoever_holds_the_people(parse, text: str, expected: tuple[str, str, str]) -> None:
    from newsgraph.extract.events.coder import extract_events

    assert expected in {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}


def test_a_promised_response_answers_what_was_done_to_the_promiser(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Poland expelled two Belarusian diplomats on Monday. The two men were given 72 hours to leave. "
        "Belarus said it would respond in kind."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("THREATEN", "BLR", "POL") in facts


@pytest.mark.parametrize(
    ("told", "sent", "attacker"),
    [
        ([("AFG", "PAK", 3)], 4, "AFG"),  # the other side of the fighting just told
        ([("AFG", "PAK", 3)], 7, None),  # too far back
        ([("AFG", "PAK", 3), ("IRN", "PAK", 4)], 4, None),  # two countries attacked: no telling which
        ([("PAK", "PAK", 3)], 4, None),  # the victims' own side is no attacker found this way
    ],
)
def test_attacker_of_casualties(told: list[tuple[str, str, int]], sent: int, attacker: str | None) -> None:
    memory = EventMemory()
    for actor, target, at in told:
        memory.tell("ASSAULT", _actor(None, actor, "MIL"), _actor(None, target, "MIL"), at)
    found = memory.attacker_of(_actor(None, "PAK", "MIL"), sent)
    assert (found.country if found else None) == attacker


def test_captor_of_people_freed() -> None:
    memory = EventMemory()
    memory.tell("COERCE", _actor(None, "RUS", "POL"), _actor(None, "EST", "CVL"), 0)
    assert memory.captor(_actor(None, "EST", "CVL")).country == "RUS"
    assert memory.captor(_actor(None, "LVA", "CVL")) is None


def test_people_released_right_after_their_detention_are_the_detained_freed_by_their_captor(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    for pronoun in ("They", "Both"):
        doc = parse(
            "MANILA (Reuters) - Police detained two Chinese activists in Manila on Thursday. "
            f"{pronoun} were released without charge on Friday morning."
        )
        found = [(e.actor_country, e.target_country) for e in extract_events(doc, "d") if e.type == "RETREAT"]
        assert found == [("PHL", "CHN")]
    doc = parse("The company released its quarterly results without charge on Friday.")
    assert not [e for e in extract_events(doc, "d") if e.type == "RETREAT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite noun of an act told by its own verb is that verb's doer's act, not the first act of its type
        (
            "North Korea launched a satellite on Thursday. South Korea's military stepped up its surveillance. "
            "South Korea's foreign ministry condemned the launch.",
            {("KOR", "PRK")},
        ),
        # all the doers the verb names
        (
            "Russia and China vetoed the resolution on Friday. The US ambassador lambasted the two vetoes.",
            {("USA", "RUS"), ("USA", "CHN")},
        ),
    ],
)
def test_an_act_noun_names_the_doers_of_its_verb(parse, text: str, expected: set) -> None:
    from newsgraph.extract.events.coder import extract_events

    pairs = {(e.actor_country, e.target_country) for e in extract_events(parse(text), "d") if e.type == "ACCUSE"}
    assert pairs == expected
