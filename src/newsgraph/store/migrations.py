"""Schema migrations with Alembic, run when a database is opened: no ``alembic.ini`` to write.

The revisions live in :mod:`newsgraph.store.revisions` (shipped with the package); the database
records its revision in Alembic's ``alembic_version`` table. :func:`upgrade_database` brings a
database to the newest revision (or to ``target``), holding a lock for the whole upgrade: a
PostgreSQL advisory lock, or SQLite's write lock taken at once (``BEGIN IMMEDIATE``), so two
processes opening a new database at the same moment both succeed, the second finding the work
done; a database already at the newest revision is opened without taking the lock. A database
of the numbered migrations that came before (a ``schema_version`` table) is recognised: numbers
1 to 6 are the baseline, whose missing tables are created; 7 and 8 are stamped at the revisions
that made the same changes. A database at a revision this newsgraph does
not know is refused (:class:`~newsgraph.core.errors.SchemaTooNew`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, inspect, select
from sqlalchemy.engine import Connection, Engine

from newsgraph.core.errors import SchemaTooNew
from newsgraph.store.locks import exclusive

REVISIONS = Path(__file__).resolve().parent / "revisions"
LOCK = "newsgraph.migrations"

# The table of the numbered migrations this system replaced (read only, to recognise old databases).
legacy_schema_version = Table(
    "schema_version",
    MetaData(),
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("description", String(200), nullable=False),
)
# Numbered version → the revision that leaves the schema the same; 1 to 6 are the baseline's.
LEGACY_REVISIONS = {7: "0002", 8: "0003"}
LEGACY_LAST = 8


def _config(conn: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(REVISIONS))
    config.attributes["connection"] = conn
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest revision this newsgraph knows."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def revisions() -> list[str]:
    """Every revision, oldest first."""
    return [s.revision for s in reversed(list(_scripts().walk_revisions()))]


def current_revision(conn: Connection) -> str | None:
    """The database's revision (None for a database Alembic never touched)."""
    return MigrationContext.configure(conn).get_current_revision()


def _legacy_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("schema_version"):
        return None
    q = select(legacy_schema_version.c.version).order_by(legacy_schema_version.c.version.desc()).limit(1)
    value = conn.execute(q).scalar()
    return int(value) if value is not None else None


def _too_new(what: str) -> SchemaTooNew:
    return SchemaTooNew(
        f"the database is at schema {what}, newer than this newsgraph knows (head {head_revision()}); "
        "upgrade newsgraph (`pip install -U newsgraph`)"
    )


def upgrade_database(engine: Engine, target: str = "head") -> str | None:
    """Bring the database to ``target`` (default the newest revision) under the migration lock.

    Returns the revision it was at before (None for a new or a numbered database).
    """
    if target == "head":
        with engine.connect() as conn:  # the common case, without the lock: nothing to do
            if current_revision(conn) == head_revision():
                return head_revision()
    with engine.connect() as conn:
        exclusive(conn, LOCK)
        before = current_revision(conn)  # again, under the lock: another process may have done it
        if before is not None and before not in revisions():
            raise _too_new(f"revision {before}")
        if before is None:
            legacy = _legacy_version(conn)
            if legacy is not None and legacy > LEGACY_LAST:
                raise _too_new(f"version {legacy}")
            if legacy in LEGACY_REVISIONS:
                command.stamp(_config(conn), LEGACY_REVISIONS[legacy])
        if before != head_revision() or target != "head":
            command.upgrade(_config(conn), target)
        conn.commit()
    return before


__all__ = [
    "LEGACY_REVISIONS",
    "REVISIONS",
    "current_revision",
    "head_revision",
    "legacy_schema_version",
    "revisions",
    "upgrade_database",
]
