"""What entity resolution reads and writes besides plain inserts, and the look-ups of a canonical entity.

The tables themselves are defined in :mod:`newsgraph.store.schema_kb`. Here: the members the
resolver reads (an entity in one document, with its mentions), the candidates a partial name is
matched against and their features (kept incrementally), clean-up of orphans, and the reading
side: a name → canonical entities, what their links say, and every merge decision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, bindparam, func, literal, select, text
from sqlalchemy.engine import Connection

from newsgraph.core.errors import NotFound
from newsgraph.extract.mentions.persons import name_key
from newsgraph.lexicon.known_orgs import org_key
from newsgraph.store.schema import documents, entities, mentions, quotes
from newsgraph.store.schema_kb import (
    canonical_entities,
    canonical_features,
    entity_alias_links,
    entity_links,
    entity_names,
    entity_roles,
    kb_resolved_documents,
    require_kb,
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
            m.mentions += 1
            if r.country:
                m.countries[r.country] += 1
            if r.role and r.role not in m.roles:
                m.roles.append(r.role)
            if r.text:
                m.texts.append((r.text, r.sentence, r.start, r.end))
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


# -- reading the knowledge base ----------------------------------------------------------------------


class UnknownEntity(NotFound):
    code = "K404"
    reason = "unknown_entity"


def find_canonical(conn: Connection, name: str) -> list[Any]:
    """Canonical entities a name may mean, the most documented first (raises :class:`UnknownEntity`).

    The name is compared as the resolver stores it (case, accents, hyphens ignored):
    canonical names, names of member entities, in-document aliases, and for one word
    the persons of that surname; then, dropping leading words one by one, the same for
    "President Vladimir Putin" → "vladimir putin".
    """
    require_kb(conn)
    tokens = name_key(name)
    keys = [" ".join(tokens[i:]) for i in range(len(tokens))] + [org_key(name), name.strip().upper()]
    lk, n, a, ce = entity_links.c, entity_names.c, entity_alias_links.c, canonical_entities.c
    for key in dict.fromkeys(k for k in keys if k):
        members = select(n.entity_id).where(n.name_key == key).union(select(a.entity_id).where(a.alias_key == key))
        ids = set(conn.execute(select(ce.id).where(ce.name_key == key)).scalars())
        if " " not in key:  # a surname: every canonical person of its block
            ids.update(conn.execute(select(ce.id).where(ce.block == f"person|{key}")).scalars())
        ids.update(conn.execute(select(lk.canonical_id).where(lk.entity_id.in_(members)).distinct()).scalars())
        if ids:
            counts = dict(
                conn.execute(
                    select(lk.canonical_id, func.count(lk.document_id.distinct()))
                    .where(lk.canonical_id.in_(sorted(ids)))
                    .group_by(lk.canonical_id)
                ).all()
            )
            rows = conn.execute(select(canonical_entities).where(ce.id.in_(sorted(ids)))).all()
            return sorted(rows, key=lambda r: (-counts.get(r.id, 0), r.id))
    raise UnknownEntity(f"no entity named {name!r} in the knowledge base; try a surname, or `newsgraph search {name}`")


def entity_facts(conn: Connection, cid: str, *, limit: int = 100) -> dict[str, Any]:
    """What the links of one canonical entity say: counts, countries, names, roles over time, documents, quotes."""
    lk, r_, q_ = entity_links.c, entity_roles.c, quotes.c
    total = conn.execute(
        select(func.sum(lk.mentions), func.count(lk.document_id.distinct()), func.min(lk.published))
        .add_columns(func.max(lk.published))
        .where(lk.canonical_id == cid)
    ).one()
    q = select(lk.country, func.count(lk.document_id.distinct()).label("n")).where(lk.canonical_id == cid)
    countries = [
        {"country": c, "documents": k}
        for c, k in conn.execute(
            q.where(lk.country.is_not(None)).group_by(lk.country).order_by(text("n DESC"), lk.country)
        )
    ]
    member_ids = select(lk.entity_id).where(lk.canonical_id == cid).distinct()
    names = set(conn.execute(select(entities.c.name).where(entities.c.id.in_(member_ids))).scalars())
    names.update(
        conn.execute(select(entity_alias_links.c.alias).where(entity_alias_links.c.entity_id.in_(member_ids))).scalars()
    )
    roles: dict[str, dict[str, Any]] = {}
    q = select(r_.role_key, r_.role, r_.published, r_.document_id).where(r_.canonical_id == cid)
    for key, role, published, doc in conn.execute(q.order_by(r_.published, r_.document_id)):
        entry = roles.setdefault(key, {"role": key, "as_written": role, "first_seen": published, "documents": []})
        entry["last_seen"] = published
        if doc not in entry["documents"]:
            entry["documents"].append(doc)
    q = (
        select(documents.c.id, documents.c.title, documents.c.published)
        .where(documents.c.id.in_(select(lk.document_id).where(lk.canonical_id == cid)))
        .order_by(documents.c.published.desc(), documents.c.id)
        .limit(limit)
    )
    docs = [dict(r._mapping) for r in conn.execute(q)]
    speaker = select(lk.entity_id, lk.document_id).where(lk.canonical_id == cid).subquery()
    q = (
        select(q_.text, q_.document_id, q_.speaker, q_.cue, q_.sentence, q_.start, q_.end)
        .join(speaker, (speaker.c.entity_id == q_.speaker_entity_id) & (speaker.c.document_id == q_.document_id))
        .order_by(q_.document_id, q_.start)
        .limit(limit)
    )
    return {
        "mentions": int(total[0] or 0),
        "documents": int(total[1] or 0),
        "first_seen": total[2],
        "last_seen": total[3],
        "countries": countries,
        "names": sorted(names),
        "roles": sorted(roles.values(), key=lambda e: (e["first_seen"] or "", e["role"])),
        "recent_documents": docs,
        "quotes": [dict(r._mapping) for r in conn.execute(q)],
    }


def merge_decisions(conn: Connection, cid: str) -> list[dict[str, Any]]:
    """Every merge into one canonical entity: full names, per-document surnames, in-document aliases."""
    n, lk, a = entity_names.c, entity_links.c, entity_alias_links.c
    out: list[dict[str, Any]] = []
    q = (
        select(entities.c.name, lk.entity_id, lk.rule, func.max(lk.score), func.count(), func.min(lk.document_id))
        .add_columns(func.min(lk.evidence), func.max(n.partial.cast(Integer)))
        .join(entities, entities.c.id == lk.entity_id)
        .join(entity_names, n.entity_id == lk.entity_id)
        .where(lk.canonical_id == cid)
        .group_by(entities.c.name, lk.entity_id, lk.rule)
    )
    for name, eid, rule, score, docs, first_doc, evidence, partial in conn.execute(q):
        level = "surname in document" if partial else "name"
        out.append(_decision(cid, name, eid, level, rule, score, docs, first_doc, evidence))
    q = (
        select(a.alias, a.entity_id, a.rule, a.document_id, a.sentence)
        .where(a.entity_id.in_(select(n.entity_id).where(n.canonical_id == cid)))
        .order_by(a.alias_key, a.entity_id)
    )
    for alias, eid, rule, doc, sentence in conn.execute(q):
        out.append(_decision(cid, alias, eid, "alias in document", rule, 1.0, None, doc, sentence))
    order = {"name": 0, "surname in document": 1, "alias in document": 2}
    return sorted(out, key=lambda d: (order[d["level"]], -(d["documents"] or 0), d["member"], d["rule"]))


_DECISION_KEYS = ("canonical_id", "member", "member_entity_id", "level", "rule", "score", "documents")
_DECISION_KEYS += ("evidence_document", "evidence")


def _decision(*values: Any) -> dict[str, Any]:
    """One merge decision as ``explain`` reports it (values in :data:`_DECISION_KEYS` order)."""
    out = dict(zip(_DECISION_KEYS, values, strict=True))
    out["score"] = float(out["score"])
    return out
