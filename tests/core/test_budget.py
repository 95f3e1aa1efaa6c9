"""Per-document budgets (newsgraph.core.budget): the size check, the deadline and the shutdown stop."""

from __future__ import annotations

import threading
import time

import pytest

from newsgraph.core.budget import check, check_size, deadline, estimate_tokens, stop_on
from newsgraph.core.errors import DocumentTooLarge, ExtractionTimeout


@pytest.mark.parametrize(("text", "tokens"), [('He said: "no".', 7), ("", 0), ("U.S.-led talks", 7)])
def test_tokens_are_estimated_as_words_and_marks(text: str, tokens: int) -> None:
    assert estimate_tokens(text) == tokens


def test_the_size_check_refuses_endless_words_and_too_many_tokens() -> None:
    with pytest.raises(DocumentTooLarge, match="without a space"):
        check_size("x" * 5000, 0)
    with pytest.raises(DocumentTooLarge, match="token budget"):
        check_size("word " * 101, 100)
    check_size("word " * 99, 100)
    check_size("word " * 10_000, 0)  # 0: no limit


def test_a_spent_deadline_raises_and_an_open_one_does_not() -> None:
    check()  # no budget open: nothing to spend
    with deadline(1e-9, "doc"):
        time.sleep(0.001)
        with pytest.raises(ExtractionTimeout, match="doc: extraction ran past its time budget"):
            check()
    with deadline(60):
        check()
    with deadline(0):  # 0: no limit
        check()


def test_a_stop_event_ends_the_budgets_it_wraps_only() -> None:
    stop = threading.Event()
    with stop_on(stop), deadline(60):
        check()
        stop.set()
        with pytest.raises(ExtractionTimeout, match="shutting down"):
            check()
    check()  # outside: other extractions go on
