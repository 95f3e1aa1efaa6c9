"""The shared Wikinews corpus ingests whole, twice, with the same counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.settings import Settings
from newsgraph.ingest.pipeline import Pipeline
from newsgraph.store.db import Store

REAL_ARTICLES = 293  # 295 rows minus the two "TEST PAGE" stubs (see ../shared/corpus/.../SOURCE.md)


@pytest.mark.corpus
def test_wikinews_ingests_idempotently_and_explains_the_stubs(wikinews_dir: Path, db_url: str) -> None:
    settings = Settings.load(env={}, db=db_url)
    first = Pipeline(settings).ingest([str(wikinews_dir)])
    counts = Store(db_url).counts()
    assert counts["documents"] == REAL_ARTICLES and first.pages_new == REAL_ARTICLES
    # The two stub rows: one has no text after its dateline, the other is titled "TEST PAGE:..."
    # and asks not to be reviewed. Both are recorded with a reason, not stored.
    assert len(first.errors) == 2
    assert all(e.code == "R005" and "TEST PAGE" in e.message for e in first.errors)
    second = Pipeline(settings).ingest([str(wikinews_dir)])
    assert second.pages_new == 0 and second.pages_unchanged == REAL_ARTICLES
    assert Store(db_url).counts()["documents"] == REAL_ARTICLES
