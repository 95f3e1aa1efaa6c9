"""Announced intentions (newsgraph.extract.events.intent): AGREE for an announced act the verb table does
not know; the intending side is the announced clause's subject when it can act, else the announcer."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.coder import extract_events


def _facts(parse, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.actor_country) for e in extract_events(parse(text), "d1") if not (e.negated or e.hypothetical)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister announced Ghana was to join the trade bloc.", [("AGREE", "GHA")]),
        ("Kenya announced it planned to join the alliance.", [("AGREE", "KEN")]),
        # a negated intention is no AGREE; declining to join is a stated refusal (events/refusals.py)
        ("Kenya announced it would not join the alliance.", [("REJECT", "KEN")]),
        ("The company announced the store would close in May.", []),  # the store intends nothing
        ("Kenya announced it would withdraw its troops from Somalia.", [("CONCEDE", "KEN")]),  # the verb table's
    ],
)
def test_announced_intentions(parse, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _facts(parse, text) == expected
