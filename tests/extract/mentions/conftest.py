"""Shared fixtures of the mention tests: a mention index of a text of our own, and a name's token span in it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.mentions.index import MentionIndex


@pytest.fixture(scope="module")
def index() -> Callable[[str], MentionIndex]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return lambda text: MentionIndex(parse_one(text))


def span(ix: MentionIndex, name: str) -> tuple[int, int]:
    """The token span ``[start, end)`` of the first occurrence of ``name`` (its words, in order) in ``ix``."""
    words = name.split()
    for i in range(len(ix.toks) - len(words) + 1):
        if [t.text for t in ix.toks[i : i + len(words)]] == words:
            return i, i + len(words)
    raise AssertionError(f"{name!r} not in {[t.text for t in ix.toks]}")
