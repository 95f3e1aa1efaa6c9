"""Reading and checking gold files; counts of what a gold file asks for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.core.errors import GoldFormatError
from newsgraph.evaluate.gold import gold_counts, load_gold, validate_gold


def test_load_and_count(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    gold = {
        "events": [{"type": "ASSAULT", "evidence": "bombed"}, {"type_any_of": ["ACCUSE"], "evidence": "blamed"}],
        "events_optional": ["met"],
        "not_events": [{"evidence": "did not attack", "forbidden": {"type_any_of": ["ASSAULT"]}}],
        "quotes": [{"text_contains": "we will respond", "speaker": "X"}],
    }
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert gold_counts(load_gold(path)) == {
        "events": 2, "events_optional": 1, "not_events": 1, "quotes": 1, "quotes_optional": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        ({"events": [{"evidence": "x"}]}, "type"),
        ({"events": [{"type": "ASSAULT"}]}, "evidence"),
        ([], "JSON object"),
    ],
)
def test_bad_gold_says_where(gold, message: str) -> None:
    with pytest.raises(GoldFormatError, match=message):
        validate_gold(gold)


def test_unreadable_gold(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        load_gold(path)
