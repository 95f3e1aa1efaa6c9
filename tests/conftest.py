"""Shared fixtures.

``shared`` points at ../shared (the seed page and the Wikinews corpus). Tests
that need it skip with a reason when it is absent, and fail when CI=true,
because CI always has it beside the clone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_f91c6608d9f9b579.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"
WIKINEWS = SHARED / "corpus" / "wikinews-2019-2020" / "data"


def require_shared(path: Path = SHARED) -> Path:
    """Return ``path`` or skip (fail in CI) when ../shared is not there."""
    if path.exists():
        return path
    reason = f"{path} is absent: the shared corpus sits beside the clone in CI and on developer machines"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def seed_path() -> Path:
    return require_shared(SEED)


@pytest.fixture
def seed_gold_path() -> Path:
    return require_shared(SEED_GOLD)


@pytest.fixture
def wikinews_dir() -> Path:
    return require_shared(WIKINEWS)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database per test."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_nlp

    return load_nlp()
