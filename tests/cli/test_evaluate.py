"""``newsgraph eval`` (newsgraph.cli.evaluate): scores per category against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_fixtures import invoke


def test_eval_prints_scores_per_category(seed_gold_path: Path) -> None:
    result = invoke("eval", str(seed_gold_path), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)[seed_gold_path.name]
    assert report["categories"]["persons"]["f1"] >= 0.95
    assert report["not_events_violated"] == 0
