"""Helpers of the migration tests (tests/store/test_r00*.py)."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect


def index_names(url: str, table: str = "events") -> set[str]:
    """The names of the indexes ``table`` has in the database at ``url`` (a fresh connection, disposed after)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        names = {i["name"] for i in inspect(conn).get_indexes(table)}
    engine.dispose()
    return names
