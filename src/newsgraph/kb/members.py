"""The rows entity resolution works on (tables in :mod:`newsgraph.store.schema_kb`).

Members: an entity in one document, with its mentions, roles and countries (what the resolver
reads); candidates: the canonical entities a partial name may join, with their features (roles,
aliases, countries of their full names, kept incrementally); which documents are not resolved
yet; and the clean-up of canonical entities no link points at any more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, literal, select
from sqlalchemy.engine import Connection

from newsgraph.store.schema import documents, entities, mentions
from newsgraph.store.schema_kb import (
    canonical_entities,
    canonical_features,
    entity_alias_links,
    entity_links,
    entity_names,
    entity_roles,
    kb_resolved_documents,
)
from newsgraph.store.sql import chunked, insert_rows


@dataclass(frozen=True, slots=True)
class Candidate:
    """A canonical entity a partial name may refer to, with what its links say about it."""

    canonical_id: str
    name: str
    tokens: tuple[str, ...]
    block: str = ""
    country: str | None = None  # the country it had in most documents (ties: alphabetical)
    roles: frozenset[str] = frozenset()
    aliases: frozenset[str] = frozenset()  # its names used inside documents ("putin")
    alias_documents: tuple[tuple[str, int], ...] = ()  # in how many documents each alias was used

    def alias_count(self, key: str) -> int:
        return dict(self.alias_documents).get(key, 0)


def block_candidates(conn: Connection, blocks: Iterable[str]) -> list[Candidate]:
    """The canonical entities of full names in ``blocks``, each with its country, role keys and aliases."""
    n, ce = entity_names.c, canonical_entities.c
    out: list[Candidate] = []
    for part in chunked(sorted(set(blocks))):
        reps = select(n.canonical_id).where(n.block.in_(part), n.partial.is_(False))
        rows = list(conn.execute(select(canonical_entities).where(ce.id.in_(reps)).order_by(ce.id)))
        features = _features(conn, [r.id for r in rows])
        for r in rows:
            feats = features.get(r.id, {})
            roles = frozenset(v for f, v in feats if f == "role")
            aliases = tuple(sorted((v, n) for (f, v), n in feats.items() if f == "alias"))
            tokens, country = tuple(r.name_key.split()), _country(feats)
            out.append(
                Candidate(r.id, r.name, tokens, r.block, country, roles, frozenset(a for a, _ in aliases), aliases)
            )
    return out


Feature = tuple[str, str, str]  # (canonical id, "role" | "alias" | "country", value)


def _features(conn: Connection, ids: Iterable[str]) -> dict[str, dict[tuple[str, str], int]]:
    f = canonical_features.c
    out: dict[str, dict[tuple[str, str], int]] = {}
    for part in chunked(sorted(set(ids))):
        for cid, feature, value, n in conn.execute(select(canonical_features).where(f.canonical_id.in_(part))):
            out.setdefault(cid, {})[(feature, value)] = n
    return out


def _country(features: dict[tuple[str, str], int]) -> str | None:
    best = min(((-n, v) for (f, v), n in features.items() if f == "country"), default=None)
    return best[1] if best else None


def add_features(conn: Connection, counts: Counter[Feature]) -> set[str]:
    """Add documents to canonical entities' features; returns those whose feature set or country changed."""
    before = _features(conn, {c for c, _, _ in counts})
    changed = set()
    new, old = [], []
    for (cid, feature, value), n in sorted(counts.items()):
        have = before.get(cid, {})
        row = {"canonical_id": cid, "feature": feature, "value": value, "documents": n}
        (old if (feature, value) in have else new).append(row)
        if (feature, value) not in have:
            changed.add(cid)
    insert_rows(conn, canonical_features, new)
    f = canonical_features.c
    if old:
        stmt = canonical_features.update().where(
            f.canonical_id == bindparam("b_c"), f.feature == bindparam("b_f"), f.value == bindparam("b_v")
        )
        params = [
            {"b_c": r["canonical_id"], "b_f": r["feature"], "b_v": r["value"], "b_n": r["documents"]} for r in old
        ]
        conn.execute(stmt.values(documents=f.documents + bindparam("b_n")), params)
    after = _features(conn, {c for c, _, _ in counts if c not in changed})
    return changed | {c for c, feats in after.items() if _country(feats) != _country(before.get(c, {}))}


def recount_features(conn: Connection, ids: Iterable[str]) -> None:
    """Rebuild the features of canonical entities from the links of their full names (after a merge)."""
    n, lk, r, a = entity_names.c, entity_links.c, entity_roles.c, entity_alias_links.c
    for part in chunked(sorted(set(ids))):
        conn.execute(canonical_features.delete().where(canonical_features.c.canonical_id.in_(part)))
        full = select(n.entity_id).where(n.canonical_id.in_(part))
        queries = [
            select(lk.canonical_id, literal("country"), lk.country, func.count())
            .where(lk.entity_id.in_(full), lk.country.is_not(None))
            .group_by(lk.canonical_id, lk.country),
            select(r.canonical_id, literal("role"), r.role_key, func.count())
            .where(r.entity_id.in_(full))
            .group_by(r.canonical_id, r.role_key),
            select(n.canonical_id, literal("alias"), a.alias_key, func.count())
            .join(entity_names, n.entity_id == a.entity_id)
            .where(n.canonical_id.in_(part))
            .group_by(n.canonical_id, a.alias_key),
        ]
        rows = [
            {"canonical_id": c, "feature": f, "value": v, "documents": k}
            for q in queries
            for c, f, v, k in conn.execute(q)
        ]
        insert_rows(conn, canonical_features, rows)


def drop_orphans(conn: Connection, ids: Iterable[str]) -> None:
    """Delete the canonical entities among ``ids`` that no link points at any more."""
    for part in chunked(sorted(set(ids))):
        used = set(
            conn.execute(select(entity_links.c.canonical_id).where(entity_links.c.canonical_id.in_(part))).scalars()
        )
        gone = [cid for cid in part if cid not in used]
        if gone:
            conn.execute(canonical_entities.delete().where(canonical_entities.c.id.in_(gone)))
            conn.execute(canonical_features.delete().where(canonical_features.c.canonical_id.in_(gone)))


# -- what the resolver reads --------------------------------------------------------------------------


@dataclass(slots=True)
class Member:
    """One entity in one document, as the extractor stored it."""

    entity_id: str
    document_id: str
    kind: str
    name: str
    published: str | None
    mentions: int = 0
    countries: Counter[str] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)  # as written, first first
    texts: list[tuple[str, str, int, int]] = field(default_factory=list)  # text, sentence, start, end

    def add(self, row: Any) -> None:
        """Count one mention row (its country, role and words) towards this pair."""
        self.mentions += 1
        if row.country:
            self.countries[row.country] += 1
        if row.role and row.role not in self.roles:
            self.roles.append(row.role)
        if row.text:
            self.texts.append((row.text, row.sentence, row.start, row.end))

    @property
    def country(self) -> str | None:
        """The country it had in most of its mentions here (ties: alphabetical)."""
        return min(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.countries else None


def load_members(conn: Connection, doc_ids: Sequence[str]) -> list[Member]:
    """The (entity, document) pairs of these documents with their mentions, sorted."""
    out: dict[tuple[str, str], Member] = {}
    m_ = mentions.c
    for part in chunked(doc_ids):
        q = (
            select(m_.entity_id, m_.document_id, m_.text, m_.role, m_.country, m_.sentence, m_.start, m_.end)
            .add_columns(entities.c.kind, entities.c.name, documents.c.published)
            .join(entities, entities.c.id == m_.entity_id)
            .join(documents, documents.c.id == m_.document_id)
            .where(m_.document_id.in_(part))
            .order_by(m_.document_id, m_.start, m_.id)
        )
        for r in conn.execute(q):
            m = out.get((r.entity_id, r.document_id))
            if m is None:
                m = out[(r.entity_id, r.document_id)] = Member(r.entity_id, r.document_id, r.kind, r.name, r.published)
            m.add(r)
    return [out[k] for k in sorted(out, key=lambda k: (k[1], k[0]))]


def unresolved(conn: Connection, doc_ids: Iterable[str] | None = None) -> list[str]:
    """Documents not resolved yet: among ``doc_ids``, or all stored ones (oldest first) when None."""
    r = kb_resolved_documents.c
    if doc_ids is None:
        q = (
            select(documents.c.id)
            .outerjoin(kb_resolved_documents, r.document_id == documents.c.id)
            .where(r.document_id.is_(None), documents.c.duplicate_of.is_(None))
            .order_by(documents.c.published, documents.c.id)
        )
        return list(conn.execute(q).scalars())
    ids = sorted(set(doc_ids))
    done: set[str] = set()
    for part in chunked(ids):
        done.update(conn.execute(select(r.document_id).where(r.document_id.in_(part))).scalars())
    return [d for d in ids if d not in done]


def name_rows(conn: Connection, entity_ids: Iterable[str]) -> dict[str, Any]:
    """``entity_names`` rows by entity id."""
    out: dict[str, Any] = {}
    for part in chunked(sorted(entity_ids)):
        out.update(
            (r.entity_id, r) for r in conn.execute(select(entity_names).where(entity_names.c.entity_id.in_(part)))
        )
    return out
