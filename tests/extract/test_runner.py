from __future__ import annotations

import pytest

from newsgraph.core.model import RawPage
from newsgraph.extract.runner import Analyzer
from newsgraph.ingest.segment import segment

PAGE = (
    "Ministers meet over border dispute\n\n"
    "Foreign Minister Anna Berg of Sweden met her Norwegian counterpart, Lars Dahl, in Oslo on Monday. "
    '"We agreed to keep talking," Berg said. Around 300 protesters gathered outside the ministry.\n\n'
    "Sources: Nordic Wire\n"
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_repeated_documents_are_parsed_once(analyzer: Analyzer) -> None:
    raw = RawPage(source="p.txt", kind="text", text=PAGE)
    seg = segment(raw)
    first = analyzer.analyze(seg.documents)
    again = analyzer.analyze(seg.documents)
    assert first[seg.main.id] is again[seg.main.id]
