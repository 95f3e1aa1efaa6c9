"""Shared fixtures.

``shared`` points at ../shared (the seed page and the Wikinews corpus). Tests
that need it skip with a reason when it is absent, and fail when CI=true,
because CI always has it beside the clone.
"""

from __future__ import annotations

import contextlib
import os
import uuid
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
    from newsgraph.ingest.nlp import load_nlp

    return load_nlp()


PG_BASE = os.environ.get("NEWSGRAPH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> str | None:
    """None when the test PostgreSQL answers, else why not."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(PG_BASE, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
    except Exception as exc:
        return f"PostgreSQL at {PG_BASE} is unreachable ({type(exc).__name__})"
    return None


@contextlib.contextmanager
def pg_schema_url(prefix: str = "ng_test"):
    """A fresh PostgreSQL schema, dropped afterwards; yields a URL whose search_path is that schema."""
    import sqlalchemy as sa

    reason = _pg_available()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + "; CI must run the PostgreSQL tests")
        pytest.skip(reason)
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """The same test on a fresh SQLite file and on a fresh schema of the real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    with pg_schema_url() as url:
        yield url
