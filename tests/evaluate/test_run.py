from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.core.errors import GoldFormatError
from newsgraph.evaluate.run import aggregate, locate_page
from newsgraph.evaluate.score import CategoryScore, Report


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        ({"source_file": "missing.txt"}, "not found beside"),
        ({"source": {"corpus": "nope", "file": "data/x.csv", "url": "u"}}, "not found"),
        ({}, "names no page"),
    ],
)
def test_locate_page_explains_what_is_missing(tmp_path: Path, gold: dict, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold))
    with pytest.raises(GoldFormatError) as info:
        locate_page(gold, path)
    assert message in str(info.value)


def test_seed_gold_names_its_page(seed_gold_path: Path) -> None:
    page, url = locate_page(json.loads(seed_gold_path.read_text()), seed_gold_path)
    assert page.name == "000_f91c6608d9f9b579.txt" and url is None


def test_aggregate_sums_counts() -> None:
    a = Report(categories={"quotes": CategoryScore.from_counts(2, 0, 1)})
    b = Report(categories={"quotes": CategoryScore.from_counts(1, 1, 0)}, not_events_violated=1)
    total = aggregate([a, b])
    q = total.categories["quotes"]
    assert (q.tp, q.fp, q.fn) == (3, 1, 1) and total.not_events_violated == 1
