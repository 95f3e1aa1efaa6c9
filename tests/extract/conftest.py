"""Fixtures of the extractor tests: one parser for the whole session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Doc]:
    """Parse a text of our own with the pipeline ingest uses (lemma fixes, paragraph breaks)."""
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    return parse_one
