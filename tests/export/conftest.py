"""The export tests' databases: one built per test module (``store``), and one per test on every
backend (``any_store``), both from :func:`tests.export.test_tables.build_db`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.store.db import Store
from tests.export.test_tables import build_db


@pytest.fixture(scope="module")
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp(request.module.__name__.rpartition(".")[2])
    db = build_db(f"sqlite:///{folder / 'ng.db'}", folder)
    yield db
    db.close()


@pytest.fixture
def any_store(any_db_url: str, tmp_path: Path) -> Iterator[Store]:
    db = build_db(any_db_url, tmp_path / "pages")
    yield db
    db.close()
