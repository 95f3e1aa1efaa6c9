"""Names the words around them show to be things: vehicles, products, works, projects, places, ships."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex
from newsgraph.extract.mentions.things import thing_use, vessel_names
from tests.extract.mentions.conftest import span as _span


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Comet Hawk 9 rocket lifted off on Friday.", "Comet Hawk", True),
        ("Engineers checked the Skylark capsule before the launch.", "Skylark", True),
        ("She starred in the film Silver Harbour in 1961.", "Silver Harbour", True),
        ("The planned Borduria gas pipeline would cross the sea.", "Borduria", True),
        ("He died in the town of Mirovo on Sunday.", "Mirovo", True),
        ("Ruritania Air operates two Aerolux A340s from the capital.", "Aerolux A340s", True),
        ("Neighbours told Kestrel station WKRT-TV the area is quiet.", "Kestrel", False),  # a station's name
        ("The Borduria policy institute published a report.", "Borduria", False),
        ("Kestrel Motors said sales fell.", "Kestrel Motors", False),
    ],
)
def test_thing_use(index: Callable[[str], MentionIndex], text: str, name: str, expected: bool) -> None:
    ix = index(text)
    assert thing_use(ix, *_span(ix, name)) is expected


def test_vessel_names(index: Callable[[str], MentionIndex]) -> None:
    ix = index("The cargo ship MV Sea Lantern vanished in December. Sea Lantern was last seen near the coast.")
    assert {"Sea Lantern", "MV Sea Lantern"} <= vessel_names(ix)
    names = vessel_names(ix)  # found once a document, a new set to each caller
    names.add("Other")
    assert "Other" not in vessel_names(ix)
