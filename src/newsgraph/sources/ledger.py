"""The database side of fetching: every fetch recorded, per-URL validators, followed sources and seen entries.

Reads and writes the tables of :mod:`newsgraph.store.schema_sources` through one SQLAlchemy
engine (the :class:`~newsgraph.store.db.Store`'s). Each call is its own short transaction, so a
long follow loop never holds a lock while it waits on the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from newsgraph.core.errors import NewsgraphError
from newsgraph.store.schema import now
from newsgraph.store.schema_sources import fetches, source_entries, sources, url_key, url_validators


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class SourceRow:
    id: int
    url: str
    kind: str
    feed_url: str | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    failures: int
    entries_seen: int
    pages_fetched: int


class Ledger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- fetches and validators -------------------------------------------------------------------

    def validators(self, url: str) -> Validators | None:
        q = select(url_validators.c.etag, url_validators.c.last_modified)
        q = q.where(url_validators.c.url_key == url_key(url))
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        return Validators(row.etag, row.last_modified) if row else None

    def save_validators(self, url: str, etag: str | None, last_modified: str | None, content_hash: str | None) -> None:
        key = url_key(url)
        values = {"etag": etag, "last_modified": last_modified, "content_hash": content_hash, "checked_at": now()}
        with self.engine.begin() as conn:
            done = conn.execute(update(url_validators).where(url_validators.c.url_key == key).values(**values))
            if not done.rowcount:
                conn.execute(insert(url_validators).values(url_key=key, url=url, **values))

    def record_fetch(
        self,
        url: str,
        *,
        outcome: str,
        final_url: str | None = None,
        status: int | None = None,
        size: int = 0,
        content_type: str | None = None,
        elapsed: float | None = None,
        error: NewsgraphError | None = None,
        run_id: int | None = None,
        source_id: int | None = None,
    ) -> None:
        """One row in ``fetches``: ``outcome`` is fetched, not_modified, or the error's reason."""
        row: dict[str, Any] = {
            "run_id": run_id,
            "source_id": source_id,
            "url": url,
            "url_key": url_key(url),
            "final_url": final_url,
            "status": status,
            "bytes": size,
            "content_type": (content_type or "")[:120] or None,
            "outcome": outcome[:16],
            "error_code": error.code if error else None,
            "error": error.message if error else None,
            "elapsed_ms": elapsed * 1000 if elapsed is not None else None,
            "fetched_at": now(),
        }
        with self.engine.begin() as conn:
            conn.execute(insert(fetches).values(**row))

    def fetch_log(self, *, limit: int = 100) -> list[dict[str, Any]]:
        q = select(fetches).order_by(fetches.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    # -- followed sources -------------------------------------------------------------------------

    def add_source(self, url: str, kind: str, feed_url: str | None = None) -> int:
        """The id of the source ``url``, added when new (its kind and feed URL updated when known)."""
        key = url_key(url)
        with self.engine.begin() as conn:
            found = conn.execute(select(sources.c.id).where(sources.c.url_key == key)).scalar()
            if found is not None:
                conn.execute(update(sources).where(sources.c.id == found).values(kind=kind, feed_url=feed_url))
                return int(found)
            result = conn.execute(
                insert(sources).values(url=url, url_key=key, kind=kind, feed_url=feed_url, added_at=now())
            )
            return int(result.inserted_primary_key[0])

    def list_sources(self) -> list[SourceRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sources).order_by(sources.c.id)).all()
        return [
            SourceRow(
                id=r.id,
                url=r.url,
                kind=r.kind,
                feed_url=r.feed_url,
                last_success_at=r.last_success_at,
                last_error_at=r.last_error_at,
                last_error=r.last_error,
                failures=r.failures,
                entries_seen=r.entries_seen,
                pages_fetched=r.pages_fetched,
            )
            for r in rows
        ]

    def source_succeeded(self, source_id: int, *, entries: int, pages: int) -> None:
        values = {
            "last_checked_at": now(),
            "last_success_at": now(),
            "failures": 0,
            "entries_seen": sources.c.entries_seen + entries,
            "pages_fetched": sources.c.pages_fetched + pages,
        }
        with self.engine.begin() as conn:
            conn.execute(update(sources).where(sources.c.id == source_id).values(**values))

    def source_failed(self, source_id: int, message: str) -> None:
        values = {
            "last_checked_at": now(),
            "last_error_at": now(),
            "last_error": message,
            "failures": sources.c.failures + 1,
        }
        with self.engine.begin() as conn:
            conn.execute(update(sources).where(sources.c.id == source_id).values(**values))

    # -- seen entries ----------------------------------------------------------------------------

    def unseen(self, source_id: int, urls: Iterable[str]) -> list[str]:
        """The URLs not yet seen for this source, in the given order, without repeats."""
        wanted: dict[str, str] = {}
        for url in urls:
            wanted.setdefault(url_key(url), url)
        if not wanted:
            return []
        seen: set[str] = set()
        keys = list(wanted)
        with self.engine.connect() as conn:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                q = select(source_entries.c.entry_key).where(
                    source_entries.c.source_id == source_id, source_entries.c.entry_key.in_(chunk)
                )
                seen.update(conn.execute(q).scalars())
        return [url for key, url in wanted.items() if key not in seen]

    def mark_seen(
        self, source_id: int, url: str, *, title: str | None = None, published: str | None = None, fetched: bool
    ) -> None:
        key = url_key(url)
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(func.count())
                .select_from(source_entries)
                .where(source_entries.c.source_id == source_id, source_entries.c.entry_key == key)
            ).scalar_one()
            if exists:
                return
            conn.execute(
                insert(source_entries).values(
                    source_id=source_id,
                    entry_key=key,
                    url=url,
                    title=title,
                    published=published,
                    first_seen_at=now(),
                    fetched_at=now() if fetched else None,
                )
            )


__all__ = ["Ledger", "SourceRow", "Validators"]
