"""What an event acts on: no time, no place visited, no weapon fired."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events
from newsgraph.extract.events.targets import is_place


def _facts(parse, text: str) -> set[tuple[str, str | None, str | None, str | None]]:
    return {(e.type, e.actor_country, e.target, e.target_country) for e in extract_events(parse(text), "d")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weapon launched or fired is no target; whom it is fired at is
        ("Iran launched missiles at Israel on Sunday.", ("ASSAULT", "IRN", "Israel", "ISR")),
        ("Russia launched 84 drones at Ukraine overnight.", ("ASSAULT", "RUS", "Ukraine", "UKR")),
    ],
)
def test_a_weapon_fired_is_no_target(parse, text: str, expected: tuple[str, str, str, str]) -> None:
    facts = _facts(parse, text)
    assert expected in facts
    assert not any(target in ("missiles", "84 drones") for _, _, target, _ in facts)


def test_is_place(parse) -> None:
    doc = parse("Officials visited the town of Pandeglang and the region.")
    assert is_place(next(t for t in doc if t.text == "Pandeglang"))
    assert is_place(next(t for t in doc if t.text == "region"))
    assert not is_place(next(t for t in doc if t.text == "Officials"))


def test_the_people_emergency_help_goes_to_are_of_its_place(parse) -> None:
    text = "Militants ambushed a convoy in Pakistan. Rescue teams flew the wounded to a military hospital in Quetta."
    assert ("AID", "PAK", "wounded", "PAK") in _facts(parse, text)
