from __future__ import annotations

import pytest

from newsgraph.ingest import dedup

BASE = (
    "The regional parliament voted on Thursday to approve a new water law after months of debate. "
    "Farmers had protested against the plan, saying it would raise their costs, while environmental groups "
    "said it did not go far enough to protect the rivers. The governor is expected to sign the law next week."
)


@pytest.mark.parametrize(
    ("variant", "near"),
    [
        (BASE.replace("Thursday", "Wednesday"), True),
        (BASE + " (Reporting by a staff writer.)", True),
        ("Football club wins the cup final after a penalty shoot-out in front of a sold-out stadium.", False),
    ],
)
def test_near_duplicates_are_found(variant: str, near: bool) -> None:
    index = dedup.NearDuplicateIndex()
    index.add("base", dedup.signature(BASE))
    found = index.find(dedup.signature(variant))
    assert (found is not None) == near
    if near:
        assert found[0] == "base" and found[1] >= dedup.THRESHOLD


@pytest.mark.parametrize("text", [BASE, "short"])
def test_signature_round_trips_through_bytes(text: str) -> None:
    sig = dedup.signature(text)
    assert dedup.from_bytes(dedup.to_bytes(sig)).jaccard(sig) == 1.0
