"""Acts one side orders its agents to make are that side's acts (events/orders.py): sentences of our own."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _acts(parse, text: str) -> list[tuple[str, str | None]]:
    """The type and actor country of each event told as done."""
    return [(e.type, e.actor_country) for e in extract_events(parse(text), "d1") if not (e.negated or e.hypothetical)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act of force, coercion or deployment that one side orders its agents to make is that side's act
        (
            "Zambia's communications regulator ordered mobile operators to shut down internet access.",
            ("COERCE", "ZMB"),
        ),
        ("Sri Lanka's president ordered the navy to deploy two patrol ships to the coast.", ("MOBILIZE", "LKA")),
        ("Kenya's Communications Authority ordered television stations to stop live coverage.", ("COERCE", "KEN")),
        ("Ecuador's government ordered troops onto the main highways.", ("MOBILIZE", "ECU")),
    ],
)
def test_an_ordered_act_is_the_orderers(parse, text: str, expected: tuple[str, str]) -> None:
    acts = _acts(parse, text)
    assert expected in acts
    assert ("REQUEST", expected[1]) not in acts  # the order is the act, not a request of it


def test_an_order_to_cooperate_stays_a_request(parse) -> None:
    acts = _acts(parse, "Kenya's High Court ordered the government to restore full internet access.")
    assert [kind for kind, _ in acts] == ["REQUEST"]
