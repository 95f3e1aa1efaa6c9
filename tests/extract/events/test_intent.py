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


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Israel struck Hezbollah positions in Lebanon on Monday. Israel and Lebanon traded accusations. "
            "France stood ready to help the Lebanese army extend its deployment.",
            ("LBN", "Lebanese army"),
        ),
        (
            "Russia was accused of funding protests in Moldova. Russia denied it. Romania said it was ready to "
            "send experts to help Moldovan authorities track illicit funds.",
            ("MDA", "Moldovan authorities"),
        ),
    ],
)
def test_readiness_to_help_is_offered_to_whom_the_help_is_for(parse, text: str, target: tuple[str, str]) -> None:
    offers = [e for e in extract_events(parse(text), "d1") if e.type == "AGREE"]
    assert [(e.target_country, e.target) for e in offers] == [target]
