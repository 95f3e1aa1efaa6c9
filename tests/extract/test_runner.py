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


def test_documents_leave_nothing_in_their_parse(analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Doc's user data (token records, memoized spans pointing back at it) is emptied after extraction."""
    import newsgraph.extract.runner as runner

    seen: list[tuple[object, int]] = []
    real = runner.extract_all

    def spy(doc, document):  # type: ignore[no-untyped-def]
        facts = real(doc, document)
        seen.append((doc, len(doc.user_data)))
        return facts

    monkeypatch.setattr(runner, "extract_all", spy)
    raw = RawPage(source="q.txt", kind="text", text=PAGE.replace("Monday", "Tuesday"))
    facts = analyzer.analyze(segment(raw).documents)
    assert facts and seen and all(n > 0 for _, n in seen)
    assert all(doc.user_data == {} for doc, _ in seen)  # type: ignore[attr-defined]


def test_what_the_first_documents_loaded_is_frozen_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import newsgraph.extract.runner as runner

    calls: list[str] = []
    monkeypatch.setattr(runner, "_frozen", False)
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    runner._freeze_loaded()
    runner._freeze_loaded()
    assert calls == ["collect", "freeze"]
