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


def test_eval_by_type_and_gold_counts(seed_gold_path: Path) -> None:
    result = invoke("eval", str(seed_gold_path), "--json", "--by-type")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    gold = json.loads(seed_gold_path.read_text(encoding="utf-8"))
    assert payload["gold_counts"]["events"] == len(gold["events"])
    assert payload["gold_counts"]["events_optional"] == len(gold["events_optional"])
    by_type = payload["by_type"]
    assert by_type["required"] == len(gold["events"])
    assert set(by_type["misses"]) == {"no event in the sentence", "wrong type", "wrong actor or target country",
                                      "wrongly flagged"}  # fmt: skip
    assert sum(t["gold"] for t in by_type["types"].values()) == len(gold["events"])


def test_eval_table_says_what_it_scored_against(seed_gold_path: Path) -> None:
    result = invoke("eval", str(seed_gold_path), "--by-type")
    assert result.exit_code == 0, result.output
    assert "required and" in result.output and "optional events" in result.output
    assert "events per PLOVER type" in result.output and "no event in the sentence" in result.output
