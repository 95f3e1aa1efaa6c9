"""Tables of what was fetched from the web (migration 6): fetches, validators, followed sources, seen entries.

Written by :mod:`newsgraph.sources` (the fetcher and the feed follower), defined on the shared
:data:`newsgraph.store.schema.metadata`:

- ``fetches``: one row per HTTP fetch (URL, final URL after redirects, status, bytes, content
  type, time taken, outcome and error), so a run can be audited after the fact.
- ``url_validators``: per URL, the ``ETag`` / ``Last-Modified`` of its last 200 answer, for a
  conditional GET on the next run.
- ``sources``: the feeds, sitemaps and sites that ``newsgraph follow`` watches, with their last
  success, last error and counts.
- ``source_entries``: the entries (feed items, sitemap URLs) already seen per source, so only
  new ones are fetched.

URLs can be longer than an index allows on PostgreSQL, so rows are keyed by ``url_key``: the
SHA-1 hex digest of the URL (:func:`url_key`).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.engine import Connection

from newsgraph.store.schema import metadata

KEY = String(40)

fetches = Table(
    "fetches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("url", Text, nullable=False),
    Column("url_key", KEY, nullable=False),
    Column("final_url", Text),
    Column("status", Integer),
    Column("bytes", Integer, nullable=False, default=0),
    Column("content_type", String(120)),
    Column("outcome", String(16), nullable=False),  # fetched, not_modified, error, refused, robots
    Column("error_code", String(8)),
    Column("error", Text),
    Column("elapsed_ms", Float),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Index("ix_fetches_url_key", "url_key"),
    Index("ix_fetches_run", "run_id"),
)

url_validators = Table(
    "url_validators",
    metadata,
    Column("url_key", KEY, primary_key=True),
    Column("url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String(64)),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("url_key", KEY, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # feed, sitemap, site
    Column("feed_url", Text),  # the feed or sitemap found on a site's page
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("last_checked_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_error_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),  # consecutive
    Column("entries_seen", Integer, nullable=False, default=0),
    Column("pages_fetched", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
)

source_entries = Table(
    "source_entries",
    metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), primary_key=True),
    Column("entry_key", KEY, primary_key=True),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("published", String(32)),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("fetched_at", DateTime(timezone=True)),
)

SOURCE_TABLES = (sources, fetches, url_validators, source_entries)


def url_key(url: str) -> str:
    """The key of a URL in these tables: the SHA-1 hex digest of its UTF-8 text."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


def create_source_tables(conn: Connection) -> None:
    """The sources migration: these tables and their indexes (idempotent)."""
    for table in SOURCE_TABLES:
        table.create(conn, checkfirst=True)


__all__ = [
    "SOURCE_TABLES",
    "create_source_tables",
    "fetches",
    "source_entries",
    "sources",
    "url_key",
    "url_validators",
]
