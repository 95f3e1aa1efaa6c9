"""Events per type and mode, missed events by cause, missed trigger lemmas (``eval --by-type``)."""

from __future__ import annotations

from typing import Any

from newsgraph.evaluate.breakdown import MISS_BINS, event_breakdown, main_verb_lemma, merge_breakdowns


def _ev(type_: str, sentence: str, actor: str | None = "USA", target: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"type": type_, "actor_country": actor, "target_country": target,
            "evidence": {"doc": "d", "sentence": sentence, "start": 0, "end": 1}, **kw}  # fmt: skip


GOLD = {
    "events": [
        {
            "type": "ASSAULT",
            "actor_country": "USA",
            "target_country": "IRQ",
            "mode": "aerial",
            "evidence": "American jets bombed a base",
        },
        {"type": "ACCUSE", "actor_country": "IRQ", "evidence": "Iraq condemned the strike"},
        {"type": "REQUEST", "actor_country": "IRQ", "target_country": "USA", "evidence": "called on Washington"},
        {"type": "PROTEST", "evidence": "Thousands marched in Baghdad"},
        {"type": "THREATEN", "actor_country": "IRN", "evidence": "Iran warned of revenge"},
    ],
    "events_optional": ["the ministry said"],
}
RECORD = {
    "events": [
        _ev("ASSAULT", "American jets bombed a base near Baghdad.", "USA", "IRQ", mode="aerial"),  # right
        _ev("SUPPORT", "Iraq condemned the strike on Friday.", "IRQ"),  # wrong type
        _ev("REQUEST", "It called on Washington to leave.", "IRQ", "GBR"),  # wrong target country
        _ev("THREATEN", "Iran warned of revenge.", "IRN", negated=True),  # wrongly flagged
        _ev("CONSULT", "The ministry said talks went well.", "IRQ", "USA"),  # optional: neutral
        _ev("SANCTION", "The bank froze accounts.", "USA"),  # an extra
    ]
}


def test_per_type_counts() -> None:
    b = event_breakdown(RECORD, GOLD)
    assert (b.types["ASSAULT"].gold, b.types["ASSAULT"].found, b.types["ASSAULT"].right) == (1, 1, 1)
    assert b.types["ASSAULT"].precision == 1.0 and b.types["ASSAULT"].recall == 1.0
    assert (b.types["SANCTION"].predicted, b.types["SANCTION"].right) == (1, 0)
    assert "CONSULT" not in b.types  # the optional one is neither rewarded nor penalised
    assert b.modes["ASSAULT/aerial"].found == 1
    assert (b.required, b.optional) == (5, 1)


def test_misses_by_cause() -> None:
    b = event_breakdown(RECORD, GOLD)
    assert dict(b.misses) == {
        "wrong type": 1,
        "wrong actor or target country": 1,
        "wrongly flagged": 1,
        "no event in the sentence": 1,
    }
    assert set(b.misses) <= set(MISS_BINS)


def test_missed_triggers_and_merge() -> None:
    b = event_breakdown(RECORD, GOLD, lambda text: text.split()[1].lower())
    assert b.missed_triggers["condemned"] == 1
    total = merge_breakdowns([b, b])
    assert total.types["ASSAULT"].gold == 2 and total.misses["wrong type"] == 2 and total.required == 10
    assert total.to_dict()["missed_triggers"][0][1] == 2


def test_main_verb_lemma() -> None:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    assert main_verb_lemma(parse_one("Iraq condemned the strike")) == "condemn"
    assert main_verb_lemma(parse_one("the cyberattack on the railway")) == "cyberattack"
