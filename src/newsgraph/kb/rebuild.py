"""The knowledge base rebuilt from the stored facts in one pass, set-based.

:func:`newsgraph.kb.resolve.resolve_documents` resolves a batch of documents against what earlier
batches stored, with a few statements per batch and per changed name. A rebuild starts from empty
tables and has every document at once, so it runs as one batch of all documents with a fixed
number of statements, whatever the size of the base:

1. **names**: one SELECT of the entities that have mentions in stored documents; each name block
   is clustered (:func:`~newsgraph.kb.resolve.cluster_block`) in memory;
2. **members**: one streaming SELECT of the mentions in document and entity order, counted row by row
   into the current (entity, document) pair (roles and alias keys through cached lookups: the same names
   recur); a full name's link, roles and features are known at once, a partial name's are decided after
   the stream, against the features of the full names of its block
   (:func:`~newsgraph.kb.resolve.decide_partial`, once per name, country and roles);
3. **merged events**: one streaming SELECT of the factual events joined to their parties' links,
   placed by :func:`~newsgraph.kb.events.place_reports` (the incremental path's own code), with
   their source counts and day spans computed in memory;
4. every table is written in bulk, rows buffered and sent :data:`ROWS_PER_WRITE` at a time
   (:func:`~newsgraph.store.sql.bulk_insert`: COPY on PostgreSQL, executemany on SQLite), into tables
   emptied at once and without their secondary indexes (:mod:`newsgraph.kb.bulk`: dropped and created
   again on SQLite, truncated on PostgreSQL; the indexes, and PostgreSQL's foreign keys, built after).
   All in the caller's transaction: a rebuild that fails or is killed leaves the old knowledge base.

The rows are those one call of ``resolve_documents`` over every stored document writes (tested
table by table against it); ``resolved_at`` and ``updated_at`` are the time of the rebuild.
Resolving in many batches (ingest, ``resolve_new``) can differ where the first comer wins: the
first document of an alias, the report that opens a merged event, the counts a tie between two
full names was broken on.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, and_, false, select
from sqlalchemy.engine import Connection

from newsgraph.kb.bulk import SQLITE_CACHE_KIB, analyze, bulk_load, empty_kb
from newsgraph.kb.events import place_reports, report_of
from newsgraph.kb.members import Candidate, _country, unresolved
from newsgraph.kb.resolve import (
    PERSON,
    NameDecision,
    NameInfo,
    ResolveSummary,
    alias_key,
    alias_rule,
    analyze_name,
    canonical_id,
    cluster_block,
    decide_partial,
    role_key,
)
from newsgraph.store.locks import RESOLUTION, exclusive
from newsgraph.store.schema import documents, entities, events, mentions
from newsgraph.store.schema_kb import (
    canonical_entities,
    canonical_features,
    entity_alias_links,
    entity_links,
    entity_names,
    entity_roles,
    kb_resolved_documents,
    merged_event_sources,
    merged_events,
    require_kb,
)
from newsgraph.store.sql import bulk_insert, chunked

# Rows held per table before they are written (a COPY or an executemany each).
ROWS_PER_WRITE = 20_000
# Rows fetched at a time from the streaming SELECTs.
FETCH = 10_000

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
# Kinds whose names as written are kept as aliases (as ``member_aliases``).
_NAMED = (PERSON, "organization")
# Mention ids per read of the aliases' sentences (under the 999 bound parameters of older SQLite builds;
# PostgreSQL reads 20 times as many at once).
_IDS_PER_READ = 900
# The columns of the events' stream, by name (as report_of reads them).
_EVENT_COLUMNS = ("id", "document_id", "type", "date", "actor", "actor_country", "target", "target_country", "place")
_EventRow = namedtuple("_EventRow", (*_EVENT_COLUMNS, "published", "actor_cid", "target_cid"))
_DUPLICATE = object()  # the publication date of a document that is a duplicate (or not stored)


class _Writer:
    """Rows buffered per table, written in bulk."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.rows: dict[str, list[tuple[Any, ...]]] = {}
        self.tables: dict[str, tuple[Table, tuple[str, ...]]] = {}

    def add(self, table: Table, columns: tuple[str, ...], row: tuple[Any, ...]) -> None:
        rows = self.rows.get(table.name)
        if rows is None:
            rows = self.rows[table.name] = []
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
    """The rows of ``stmt`` fetched :data:`FETCH` at a time (a server-side cursor on PostgreSQL). On SQLite,
    a statement without parameters whose columns need no conversion is read through the driver's own
    cursor: its tuples are the same values, and building result rows cost a third of reading 4 M mentions."""
    if conn.dialect.name == "sqlite":
        compiled = stmt.compile(dialect=conn.dialect)
        types = [c.type.dialect_impl(conn.dialect) for c in stmt.selected_columns]
        if not compiled.params and not any(t.result_processor(conn.dialect, None) for t in types):
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(str(compiled))
                while rows := cursor.fetchmany(FETCH):
                    yield from rows
            finally:
                cursor.close()
            return
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
    empty_kb(conn)
    with bulk_load(conn):
        return _rebuild(conn)


# Features of a canonical entity: (feature, value) → documents, per canonical id.
Features = dict[str, dict[tuple[str, str], int]]


def _rebuild(conn: Connection) -> ResolveSummary:
    todo = unresolved(conn)
    out = _Writer(conn)
    canonical: dict[str, tuple[Any, ...]] = {}  # id → row, first wanted first (as _State.want)
    infos, decisions = _names(conn, out, canonical)
    members = _Members(out, infos, decisions)
    members.read(conn)
    candidates = _candidates(decisions, infos, canonical, members.features, {b for b, *_ in members.partial})
    decided: dict[tuple[str, str | None, frozenset[str]], Any] = {}
    for block, eid, did, n, country, published, roles in members.partial:
        info = infos[eid]
        key = (eid, country, frozenset(roles))
        if key not in decided:
            decided[key] = decide_partial(info, country, roles, candidates.get(block, []))
        p = decided[key]
        canonical.setdefault(p.canonical_id, (p.canonical_id, info.kind, p.canonical_name, p.canonical_key, block))
        _link(out, (eid, did, n, country, published), roles, p.canonical_id, p.rule, p.score, p.evidence)
    out.flush(entity_links)
    out.flush(entity_roles)
    for row in sorted(canonical.values()):
        out.add(canonical_entities, _CANONICAL, row)
    for k in sorted(members.aliases):
        out.add(entity_alias_links, _ALIAS, members.aliases[k])
    for cid in sorted(members.features):
        for (feature, value), count in sorted(members.features[cid].items()):
            out.add(canonical_features, _FEATURE, (cid, feature, value, count))
    now = datetime.now(UTC)
    for doc in todo:
        out.add(kb_resolved_documents, ("document_id", "resolved_at"), (doc, now))
    out.flush_all()
    analyze(conn, entity_links.name)  # the events' parties are looked up in it
    placed = _merge_events(conn, out, now)
    out.flush_all()
    return ResolveSummary(documents=len(todo), members=members.count, events=placed)


def _names(
    conn: Connection, out: _Writer, canonical: dict[str, tuple[Any, ...]]
) -> tuple[dict[str, NameInfo], dict[str, tuple[Any, NameDecision]]]:
    """Level 1 for every entity that has mentions in a stored document: ``entity_names`` rows, full names'
    canonical entities; returns each entity's name and (canonical id or None, decision)."""
    named = (  # per entity, through the index of its mentions (an IN list would gather every mention first)
        select(mentions.c.id)
        .join(documents, documents.c.id == mentions.c.document_id)
        .where(mentions.c.entity_id == entities.c.id, documents.c.duplicate_of.is_(None))
    )
    q = select(entities.c.id, entities.c.kind, entities.c.name).where(named.exists())
    infos = {eid: analyze_name(kind, name) for eid, kind, name in _stream(conn, q)}
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


class _Members:
    """Every (entity, document) pair of the stored documents, read from one stream of their mentions in
    (document, entity) order, as :class:`~newsgraph.kb.members.Member` counts them: a full name's link, roles
    and features are written at once; a partial name's pair is kept for after the stream. The stream reads
    ``mentions`` alone (the documents' dates are looked up in memory; the sentences, long, only for the
    aliases' rows): on 100k documents, document order reads the table in about the order it is stored, and
    sorting 4 M narrow rows took half the CPU time of reading them in the order of the (entity, document)
    index."""

    def __init__(self, out: _Writer, infos: dict[str, NameInfo], decisions: dict[str, tuple[Any, NameDecision]]):
        self.out, self.infos, self.decisions = out, infos, decisions
        self.count = 0
        self.features: Features = {}
        self.aliases: dict[tuple[str, str], tuple[Any, ...]] = {}  # (entity, alias key) → its first row
        # (block, entity, document, mentions, country, published, roles) of the partial names' pairs
        self.partial: list[tuple[str, str, str, int, str | None, str | None, dict[str, str]]] = []

    def read(self, conn: Connection) -> None:
        m_, d_ = mentions.c, documents.c
        stored = dict(conn.execute(select(d_.id, d_.published).where(d_.duplicate_of.is_(None))).all())
        q = select(m_.entity_id, m_.document_id, m_.text, m_.role, m_.country, m_.id, m_.start, m_.end).order_by(
            _ordered(m_.document_id, conn), _ordered(m_.entity_id, conn), m_.start, m_.id
        )
        infos, aliases = self.infos, self.aliases
        eid = did = published = kind = own = None
        info: NameInfo | None = None
        n, countries, roles, named = 0, {}, {}, set()  # the current pair's
        for r_eid, r_did, text, role, country, mention, start, end in _stream(conn, q):
            if r_did != did or r_eid != eid:
                if info is not None:
                    self._pair(eid, did, n, countries, roles, named, published)  # type: ignore[arg-type]
                eid, did = r_eid, r_did
                published = stored.get(did, _DUPLICATE)
                info = None if published is _DUPLICATE else infos.get(eid)
                if info is None:
                    continue
                kind = info.kind if info.kind in _NAMED else None
                own = alias_key(info.kind, info.name) if kind else None
                n, countries, roles, named = 0, {}, {}, set()
            elif info is None:
                continue
            n += 1
            if country:
                countries[country] = countries.get(country, 0) + 1
            if role:
                k = role_key(role)
                if k and k not in roles:
                    roles[k] = role
            if kind and text:
                k = alias_key(kind, text)
                if k is not None and k != own and k not in named:
                    named.add(k)
                    if (eid, k) not in aliases:
                        rule = alias_rule(info, tuple(k.split()) if kind == PERSON else (k,))
                        aliases[(eid, k)] = (eid, k, text, rule, did, mention, start, end)
        if info is not None:
            self._pair(eid, did, n, countries, roles, named, published)  # type: ignore[arg-type]
        self.partial.sort(key=lambda p: (p[2], p[1]))  # (document, entity), as streamed: first wanted, first kept
        self._sentences(conn)

    def _sentences(self, conn: Connection) -> None:
        """The aliases' rows get the sentence of their mention (read for them only, not streamed)."""
        m_ = mentions.c
        ids = sorted(row[5] for row in self.aliases.values())
        sentences: dict[int, str] = {}
        for part in chunked(ids, _IDS_PER_READ if conn.dialect.name == "sqlite" else 20 * _IDS_PER_READ):
            sentences.update(conn.execute(select(m_.id, m_.sentence).where(m_.id.in_(part))).all())
        for key, row in self.aliases.items():
            self.aliases[key] = (*row[:5], sentences[row[5]], *row[6:])

    def _pair(
        self,
        eid: str,
        did: str,
        n: int,
        countries: dict[str, int],
        roles: dict[str, str],
        named: set[str],
        published: str | None,
    ) -> None:
        """One (entity, document) pair: its link and roles written (full name), or kept (partial name)."""
        self.count += 1
        if len(countries) > 1:
            country: str | None = min(countries.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        else:
            country = next(iter(countries), None)
        cid, d = self.decisions[eid]
        if d.partial:
            self.partial.append((self.infos[eid].block, eid, did, n, country, published, roles))
            return
        _link(self.out, (eid, did, n, country, published), roles, cid, d.rule, d.score, d.evidence)
        f = self.features.get(cid)
        if f is None:
            f = self.features[cid] = {}
        for k in roles:
            f[("role", k)] = f.get(("role", k), 0) + 1
        for k in named:
            f[("alias", k)] = f.get(("alias", k), 0) + 1
        if country:
            f[("country", country)] = f.get(("country", country), 0) + 1


def _link(
    out: _Writer,
    pair: tuple[str, str, int, str | None, str | None],
    roles: dict[str, str],
    cid: str,
    rule: str,
    score: float,
    evidence: str | None,
) -> None:
    """A pair's ``entity_links`` row and its ``entity_roles`` rows (as ``_link_row`` and ``_role_rows``);
    ``pair``: entity, document, mentions, country, published."""
    eid, did, n, country, published = pair
    signature = "|".join(sorted(roles)) if roles else ""
    out.add(entity_links, _LINK, (eid, did, cid, n, country, published, signature, rule, score, evidence))
    for key, text in roles.items():
        out.add(entity_roles, _ROLE, (eid, did, key, cid, text, published))


def _candidates(
    decisions: dict[str, tuple[Any, NameDecision]],
    infos: dict[str, NameInfo],
    canonical: dict[str, tuple[Any, ...]],
    features: Features,
    wanted: set[str],
) -> dict[str, list[Candidate]]:
    """Per block in ``wanted`` (those with partial names), the canonical entities of its full names with their
    features (as ``block_candidates``)."""
    per_block: dict[str, set[str]] = {}
    for eid, (cid, d) in decisions.items():
        if not d.partial and cid is not None:
            per_block.setdefault(infos[eid].block, set()).add(cid)
    out: dict[str, list[Candidate]] = {}
    for ids in per_block.values():
        for cid in sorted(ids):
            _, _, name, key, own_block = canonical[cid]
            if own_block not in wanted:
                continue
            f = features.get(cid, {})
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
        select(*(e[c] for c in _EVENT_COLUMNS))
        .add_columns(documents.c.published, actor.c.canonical_id.label("actor_cid"))
        .add_columns(target.c.canonical_id.label("target_cid"))
        .join(documents, documents.c.id == e.document_id)
        .outerjoin(actor, and_(actor.c.entity_id == e.actor_entity_id, actor.c.document_id == e.document_id))
        .outerjoin(target, and_(target.c.entity_id == e.target_entity_id, target.c.document_id == e.document_id))
        .where(documents.c.duplicate_of.is_(None), e.negated == false(), e.hypothetical == false())
    )
    make = _EventRow._make
    reports = [report_of(r, r.actor_cid, r.target_cid) for r in map(make, _stream(conn, q))]
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
