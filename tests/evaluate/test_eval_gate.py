"""Quality gate: extraction scores on the seed and on our Wikinews gold files never drop below the floors.

Floors live in tests/floors.json and only go up (trafilatura's eval_gate style): when a change
raises a score, raise its floor in the same commit. Scores are the OUTPUT.md rules as implemented
by ``newsgraph.evaluate.score``; the Wikinews figures are micro-averaged over every file in tests/gold/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.run import aggregate, evaluate_gold

HERE = Path(__file__).resolve().parents[1]  # tests/
FLOORS = {k: v for k, v in json.loads((HERE / "floors.json").read_text()).items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def analyzer():
    from newsgraph.extract.runner import Analyzer

    return Analyzer()


def _check(report, floors: dict[str, float]) -> list[str]:
    failures = []
    for key, floor in floors.items():
        if key == "not_events_violated_max":
            if report.not_events_violated > floor:
                failures.append(f"not_events violated {report.not_events_violated} > {floor}")
            continue
        if key == "not_persons_reported_max":
            if len(report.not_persons_reported) > floor:
                failures.append(f"not_persons reported {report.not_persons_reported}")
            continue
        category, _, metric = key.rpartition(".")
        cat = report.categories[category]
        value = getattr(cat, metric) if metric in {"f1", "precision", "recall"} else cat.extra[metric]
        if value + 1e-9 < floor:
            failures.append(f"{key} = {value:.3f} < floor {floor}")
    return failures


@pytest.mark.corpus
def test_seed_scores_stay_above_floors(seed_gold_path: Path, analyzer) -> None:
    report = evaluate_gold(seed_gold_path, analyzer, 10**8)
    assert _check(report, FLOORS["seed"]) == []


@pytest.mark.corpus
def test_wikinews_gold_scores_stay_above_floors(wikinews_dir: Path, analyzer) -> None:
    golds = sorted((HERE / "gold").glob("*.json"))
    assert len(golds) >= 10
    report = aggregate([evaluate_gold(g, analyzer, 10**8) for g in golds])
    assert _check(report, FLOORS["wikinews"]) == []
