"""One writer at a time where it matters (newsgraph.store.locks)."""

from __future__ import annotations

from sqlalchemy import text

from newsgraph.store.db import Store
from newsgraph.store.locks import RESOLUTION, exclusive, lock_key


def test_lock_keys_are_stable_signed_64_bit_numbers() -> None:
    assert lock_key(RESOLUTION) == lock_key("newsgraph.resolution") != lock_key("other")
    assert lock_key(RESOLUTION, "a") == lock_key(RESOLUTION, "a") != lock_key(RESOLUTION, "b")
    assert -(2**63) <= lock_key(RESOLUTION) < 2**63


def test_the_lock_is_held_until_the_transaction_ends(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        with store.engine.begin() as conn:
            exclusive(conn, RESOLUTION)
            with store.engine.connect() as other:
                if store.dialect == "postgresql":
                    schema = other.execute(text("SELECT current_schema()")).scalar()
                    key = lock_key(RESOLUTION, schema)
                    taken = other.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": key})
                    assert taken.scalar() is False
                    elsewhere = lock_key(RESOLUTION, "another_schema")  # another database in the server
                    assert other.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": elsewhere}).scalar()
                else:  # SQLite: the write lock is taken at once, so another writer cannot start
                    assert conn.connection.driver_connection.in_transaction
                    other.exec_driver_sql("PRAGMA busy_timeout = 0")
                    try:
                        other.exec_driver_sql("BEGIN IMMEDIATE")
                    except Exception as exc:
                        assert "locked" in str(exc)
                    else:
                        raise AssertionError("a second writer got the lock")
        with store.engine.begin() as conn:  # released with the transaction
            exclusive(conn, RESOLUTION)
