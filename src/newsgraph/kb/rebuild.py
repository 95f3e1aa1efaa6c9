"""The knowledge base rebuilt from the stored facts in one pass, set-based.

:func:`newsgraph.kb.resolve.resolve_documents` resolves a batch of documents against what earlier
batches stored, with a few statements per batch and per changed name. A rebuild starts from empty
tables and has every document at once, so it runs as one batch of all documents with a fixed
number of statements, whatever the size of the base:

1. **names**: one SELECT of the entities that have mentions in stored documents; each name block
   is clustered (:func:`~newsgraph.kb.resolve.cluster_block`) in memory;
2. **members**: one streaming SELECT of the mentions in document and entity order; a full name's
   link, roles and features are known at once, a partial name's are decided after the stream,
   against the features of every full name of its block (:func:`~newsgraph.kb.resolve.decide_partial`);
3. **merged events**: one streaming SELECT of the factual events joined to their parties' links,
   placed by :func:`~newsgraph.kb.events.place_reports` (the incremental path's own code), with
   their source counts and day spans computed in memory;
4. every table is written in bulk, rows buffered and sent :data:`ROWS_PER_WRITE` at a time
   (:func:`~newsgraph.store.sql.bulk_insert`: COPY on PostgreSQL, executemany on SQLite).

The rows are those one call of ``resolve_documents`` over every stored document writes (tested
table by table against it); ``resolved_at`` and ``updated_at`` are the time of the rebuild.
Resolving in many batches (ingest, ``resolve_new``) can differ where the first comer wins: the
first document of an alias, the report that opens a merged event, the counts a tie between two
full names was broken on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, and_, false, select
from sqlalchemy.engine import Connection

from newsgraph.kb.events import place_reports, report_of
from newsgraph.kb.members import Candidate, Member, _country, unresolved
from newsgraph.kb.resolve import (
    PERSON,
    NameDecision,
    NameInfo,
    ResolveSummary,
    alias_rule,
    analyze_name,
    canonical_id,
    cluster_block,
    decide_partial,
    member_aliases,
    member_roles,
)
from newsgraph.store.locks import RESOLUTION, exclusive
from newsgraph.store.schema import documents, entities, events, mentions
from newsgraph.store.schema_kb import (
    KB_TABLES,
    canonical_entities,
    canonical_features,
    drop_kb_rows,
    entity_alias_links,
    entity_links,
    entity_names,
    entity_roles,
    kb_resolved_documents,
    merged_event_sources,
    merged_events,
    require_kb,
)
from newsgraph.store.sql import bulk_insert

# Rows held per table before they are written (a COPY or an executemany each).
ROWS_PER_WRITE = 20_000
# Rows fetched at a time from the streaming SELECTs.
FETCH = 10_000
# SQLite page cache during a rebuild, in KiB (SQLite's default is 2 MB): the links' primary key takes
# rows in no order of its own, and with the default cache most inserts read pages back from the OS.
# (On SQLite the tables' other indexes are dropped for the rebuild and built again after it, inside its
# transaction: readers keep the old snapshot in WAL mode. PostgreSQL keeps them: readers would wait.)
SQLITE_CACHE_KIB = 262_144

_LINK = ("entity_id", "document_id", "canonical_id", "mentions", "country", "published", "signature")
_LINK += ("rule", "score", "evidence")
_ROLE = ("entity_id", "document_id", "role_key", "canonical_id", "role", "published")
_ALIAS = ("entity_id", "alias_key", "alias", "rule", "document_id", "sentence", "start", "end")
_NAME = ("entity_id", "kind", "block", "name_key", "partial", "canonical_id", "rule", "score", "evidence")
_CANONICAL = ("id", "kind", "name", "name_key", "block")
_FEATURE = ("canonical_id", "feature", "value", "documents")
_MERGED = ("id", "type", "actor_key", "target_key", "actor", "actor_id", "actor_country", "target", "target_id")
_MERGED += ("target_country", "day", "dated", "place", "place_key", "first_day", "last_day", "sources")
_MERGED += ("documents", "updated_at")
_SOURCE = ("event_id", "merged_id", "document_id", "day")


class _Writer:
    """Rows buffered per table, written in bulk."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: dict[str, list[tuple[Any, ...]]] = {}
        self.tables: dict[str, tuple[Table, tuple[str, ...]]] = {}

    def add(self, table: Table, columns: tuple[str, ...], row: tuple[Any, ...]) -> None:
        rows = self.rows.setdefault(table.name, [])
        self.tables[table.name] = (table, columns)
        rows.append(row)
        if len(rows) >= ROWS_PER_WRITE:
            self.flush(table)

    def flush(self, table: Table) -> None:
        rows = self.rows.pop(table.name, [])
        if rows:
            bulk_insert(self.conn, table, self.tables[table.name][1], rows)

    def flush_all(self) -> None:
        for name in list(self.rows):
            self.flush(self.tables[name][0])


def _stream(conn: Connection, stmt: Any) -> Iterator[Any]:
    """The rows of ``stmt`` fetched :data:`FETCH` at a time (a server-side cursor on PostgreSQL)."""
    result = conn.execute(stmt, execution_options={"stream_results": True, "yield_per": FETCH})
    for part in result.partitions():
        yield from part


def _ordered(column: Any, conn: Connection) -> Any:
    """``column`` ordered by code points, as Python sorts strings (PostgreSQL's collation may not)."""
    return column.collate("C") if conn.dialect.name == "postgresql" else column


def rebuild_kb(conn: Connection) -> ResolveSummary:
    """Empty the knowledge base and resolve every stored document again, in one pass."""
    exclusive(conn, RESOLUTION)  # one resolution at a time
    require_kb(conn)
    if conn.dialect.name != "sqlite":
        return _rebuild(conn)
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    indexes = [index for table in KB_TABLES for index in table.indexes]
    try:
        for index in indexes:  # built again once the rows are in: one sort each, not an insert per row
            index.drop(conn, checkfirst=True)
        summary = _rebuild(conn)
        for index in indexes:
            index.create(conn, checkfirst=True)
        return summary
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")


def _rebuild(conn: Connection) -> ResolveSummary:
    drop_kb_rows(conn)
    todo = unresolved(conn)
    out = _Writer(conn)
    canonical: dict[str, tuple[Any, ...]] = {}  # id → row, first wanted first (as _State.want)
    infos, decisions = _names(conn, out, canonical)
    features: Counter[tuple[str, str, str]] = Counter()
    partial: list[tuple[Member, dict[str, str]]] = []
    members = 0
    aliases: dict[tuple[str, str], tuple[Any, ...]] = {}
    for m in _members(conn, infos):
        members += 1
        roles, named = member_roles(m), member_aliases(m)
        for key, (text, sentence, start, end) in named.items():
            if (m.entity_id, key) not in aliases:
                rule = alias_rule(infos[m.entity_id], tuple(key.split()) if m.kind == PERSON else (key,))
                aliases[(m.entity_id, key)] = (m.entity_id, key, text, rule, m.document_id, sentence, start, end)
        cid, d = decisions[m.entity_id]
        if d.partial:
            m.texts = []  # not needed any more
            partial.append((m, roles))
            continue
        _link(out, m, roles, cid, d.rule, d.score, d.evidence)
        features.update((cid, "role", k) for k in roles)
        features.update((cid, "alias", k) for k in named)
        if m.country:
            features[(cid, "country", m.country)] += 1
    candidates = _candidates(decisions, infos, canonical, features)
    decided: dict[tuple[str, str | None, frozenset[str]], Any] = {}
    for m, roles in partial:
        info = infos[m.entity_id]
        key = (m.entity_id, m.country, frozenset(roles))
        if key not in decided:
            decided[key] = decide_partial(info, m.country, roles, candidates.get(info.block, []))
        p = decided[key]
        canonical.setdefault(p.canonical_id, (p.canonical_id, info.kind, p.canonical_name, p.canonical_key, info.block))
        _link(out, m, roles, p.canonical_id, p.rule, p.score, p.evidence)
    out.flush(entity_links)
    out.flush(entity_roles)
    for row in sorted(canonical.values()):
        out.add(canonical_entities, _CANONICAL, row)
    for k in sorted(aliases):
        out.add(entity_alias_links, _ALIAS, aliases[k])
    for (cid, feature, value), n in sorted(features.items()):
        out.add(canonical_features, _FEATURE, (cid, feature, value, n))
    now = datetime.now(UTC)
    for doc in todo:
        out.add(kb_resolved_documents, ("document_id", "resolved_at"), (doc, now))
    out.flush_all()
    placed = _merge_events(conn, out, now)
    out.flush_all()
    return ResolveSummary(documents=len(todo), members=members, events=placed)


def _names(
    conn: Connection, out: _Writer, canonical: dict[str, tuple[Any, ...]]
) -> tuple[dict[str, NameInfo], dict[str, tuple[Any, NameDecision]]]:
    """Level 1 for every entity that has mentions in a stored document: ``entity_names`` rows, full names'
    canonical entities; returns each entity's name and (canonical id or None, decision)."""
    named = (
        select(mentions.c.entity_id)
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(documents.c.duplicate_of.is_(None))
    )
    q = select(entities.c.id, entities.c.kind, entities.c.name).where(entities.c.id.in_(named))
    infos = {r.id: analyze_name(r.kind, r.name) for r in _stream(conn, q)}
    blocks: dict[str, dict[str, NameInfo]] = {}
    for eid, info in infos.items():
        blocks.setdefault(info.block, {})[eid] = info
    decisions: dict[str, tuple[Any, NameDecision]] = {}
    for block in sorted(blocks):
        names = blocks[block]
        for eid, d in sorted(cluster_block(names).items()):
            info, cid = names[eid], None
            if d.canonical_key:
                cid = canonical_id(info.kind, d.canonical_key)
                if d.canonical_name is not None:
                    canonical.setdefault(cid, (cid, info.kind, d.canonical_name, d.canonical_key, info.block))
            decisions[eid] = (cid, d)
            row = (eid, info.kind, block, info.key, d.partial, cid, d.rule, d.score, d.evidence)
            out.add(entity_names, _NAME, row)
    out.flush(entity_names)
    return infos, decisions


def _members(conn: Connection, infos: dict[str, NameInfo]) -> Iterator[Member]:
    """Every (entity, document) pair of the stored documents with its mentions, in (document, entity) order."""
    m_ = mentions.c
    q = (
        select(m_.entity_id, m_.document_id, m_.text, m_.role, m_.country, m_.sentence, m_.start, m_.end)
        .add_columns(documents.c.published)
        .join(documents, documents.c.id == m_.document_id)
        .where(documents.c.duplicate_of.is_(None))
        .order_by(_ordered(m_.document_id, conn), _ordered(m_.entity_id, conn), m_.start, m_.id)
    )
    m: Member | None = None
    for r in _stream(conn, q):
        info = infos.get(r.entity_id)
        if info is None:
            continue
        if m is None or (m.entity_id, m.document_id) != (r.entity_id, r.document_id):
            if m is not None:
                yield m
            m = Member(r.entity_id, r.document_id, info.kind, info.name, r.published)
        m.add(r)
    if m is not None:
        yield m


def _link(
    out: _Writer, m: Member, roles: dict[str, str], cid: str, rule: str, score: float, evidence: str | None
) -> None:
    """A member's ``entity_links`` row and its ``entity_roles`` rows (as ``_link_row`` and ``_role_rows``)."""
    row = (m.entity_id, m.document_id, cid, m.mentions, m.country, m.published, "|".join(sorted(roles)))
    out.add(entity_links, _LINK, (*row, rule, score, evidence))
    for key, text in roles.items():
        out.add(entity_roles, _ROLE, (m.entity_id, m.document_id, key, cid, text, m.published))


def _candidates(
    decisions: dict[str, tuple[Any, NameDecision]],
    infos: dict[str, NameInfo],
    canonical: dict[str, tuple[Any, ...]],
    features: Counter[tuple[str, str, str]],
) -> dict[str, list[Candidate]]:
    """Per block, the canonical entities of its full names with their features (as ``block_candidates``)."""
    feats: dict[str, dict[tuple[str, str], int]] = {}
    for (cid, feature, value), n in features.items():
        feats.setdefault(cid, {})[(feature, value)] = n
    per_block: dict[str, set[str]] = {}
    for eid, (cid, d) in decisions.items():
        if not d.partial and cid is not None:
            per_block.setdefault(infos[eid].block, set()).add(cid)
    out: dict[str, list[Candidate]] = {}
    for ids in per_block.values():
        for cid in sorted(ids):
            _, _, name, key, own_block = canonical[cid]
            f = feats.get(cid, {})
            roles = frozenset(v for kind, v in f if kind == "role")
            aliases = tuple(sorted((v, n) for (kind, v), n in f.items() if kind == "alias"))
            candidate = Candidate(
                cid, name, tuple(key.split()), own_block, _country(f), roles, frozenset(a for a, _ in aliases), aliases
            )
            out.setdefault(own_block, []).append(candidate)
    return out


def _merge_events(conn: Connection, out: _Writer, now: datetime) -> int:
    """Merged events of every factual report, with their counts and day spans (as ``resolve_events``)."""
    e, actor, target = events.c, entity_links.alias("actor_link"), entity_links.alias("target_link")
    q = (
        select(events, documents.c.published, actor.c.canonical_id.label("actor_cid"))
        .add_columns(target.c.canonical_id.label("target_cid"))
        .join(documents, documents.c.id == e.document_id)
        .outerjoin(actor, and_(actor.c.entity_id == e.actor_entity_id, actor.c.document_id == e.document_id))
        .outerjoin(target, and_(target.c.entity_id == e.target_entity_id, target.c.document_id == e.document_id))
        .where(documents.c.duplicate_of.is_(None), e.negated == false(), e.hypothetical == false())
    )
    reports = [report_of(r, r.actor_cid, r.target_cid) for r in _stream(conn, q)]
    reports.sort(key=lambda r: (r.day or "", r.event_id))
    new, sources, _ = place_reports(reports, {})  # every merged event is new: no place is learnt later
    stats: dict[str, tuple[int, set[str], list[str]]] = {}
    for s in sources:
        n, docs, days = stats.setdefault(s["merged_id"], (0, set(), []))
        docs.add(s["document_id"])
        if s["day"]:
            days.append(s["day"])
        stats[s["merged_id"]] = (n + 1, docs, days)
    for mid in sorted(new):
        row = new[mid]
        n, docs, days = stats[mid]
        first, last = (min(days), max(days)) if days else (None, None)
        values = row | {"first_day": first, "last_day": last, "sources": n, "documents": len(docs), "updated_at": now}
        out.add(merged_events, _MERGED, tuple(values[c] for c in _MERGED))
    out.flush(merged_events)
    for s in sources:
        out.add(merged_event_sources, _SOURCE, (s["event_id"], s["merged_id"], s["document_id"], s["day"]))
    return len(reports)


__all__ = ["FETCH", "ROWS_PER_WRITE", "SQLITE_CACHE_KIB", "rebuild_kb"]
