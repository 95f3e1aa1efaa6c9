"""newsgraph.api.cache: answers are reused until the database changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.api.cache import ResultCache, version
from newsgraph.store.db import Store


@pytest.mark.parametrize("size", [1, 4])
def test_reused_until_a_run_changes_the_version(tmp_path: Path, size: int) -> None:
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    cache = ResultCache(size=size)
    calls: list[int] = []
    with store.connect() as conn:
        first = version(conn)
        assert cache.get(conn, "k", lambda: calls.append(1) or "a") == "a"
        assert cache.get(conn, "k", lambda: calls.append(1) or "b") == "a"
    store.start_run(["x"])
    with store.connect() as conn:
        assert version(conn) != first
        assert cache.get(conn, "k", lambda: calls.append(1) or "c") == "c"
        cache.get(conn, "other", lambda: "d")
        assert len(cache._items) <= size
    assert len(calls) == 2 and cache.hits == 1
    store.close()
