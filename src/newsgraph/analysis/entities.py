"""One canonical entity across articles: found by any of its names, its profile, and why its names merged.

Reads what :mod:`newsgraph.kb.resolve` wrote: :func:`find_canonical` looks a name up the way the
resolver keys it, :func:`entity_profile` gathers counts, countries, roles over time, documents,
quotes and merged events as actor and target (``newsgraph entity``), :func:`explain` lists every
merge decision with its rule, score and evidence (``newsgraph entity --why``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, func, select
from sqlalchemy.engine import Connection

from newsgraph.analysis.events import list_merged_events
from newsgraph.core.errors import NotFound
from newsgraph.core.textnorm import name_words
from newsgraph.lexicon.actors import office_record
from newsgraph.lexicon.known_orgs import org_key
from newsgraph.store.schema import documents, entities, quotes
from newsgraph.store.schema_kb import (
    canonical_entities,
    entity_alias_links,
    entity_links,
    entity_names,
    entity_roles,
    require_kb,
)
from newsgraph.store.sql import chunked


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
    tokens = name_words(name)
    keys = [" ".join(tokens[i:]) for i in range(len(tokens))] + [org_key(name), name.strip().upper()]
    lk, n, a, ce = entity_links.c, entity_names.c, entity_alias_links.c, canonical_entities.c
    for key in dict.fromkeys(k for k in keys if k):
        members = select(n.entity_id).where(n.name_key == key).union(select(a.entity_id).where(a.alias_key == key))
        ids = set(conn.execute(select(ce.id).where(ce.name_key == key)).scalars())
        if " " not in key:  # a surname: every canonical person of its block
            ids.update(conn.execute(select(ce.id).where(ce.block == f"person|{key}")).scalars())
        ids.update(conn.execute(select(lk.canonical_id).where(lk.entity_id.in_(members)).distinct()).scalars())
        if len(ids) == 1:  # nothing to rank (counting the documents of a country took 200 ms)
            return list(conn.execute(select(canonical_entities).where(ce.id.in_(sorted(ids)))).all())
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
    links = _links(conn, cid)
    names: set[str] = set()
    for part in chunked(links.members):
        names.update(conn.execute(select(entities.c.name).where(entities.c.id.in_(part))).scalars())
        aliases = select(entity_alias_links.c.alias).where(entity_alias_links.c.entity_id.in_(part))
        names.update(conn.execute(aliases).scalars())
    roles: dict[str, dict[str, Any]] = {}
    listed: dict[str, set[str]] = {}  # each role's documents, as a set (a list's ``in`` made this quadratic)
    q = select(r_.role_key, r_.role, r_.published, r_.document_id).where(r_.canonical_id == cid)
    for key, role, published, doc in conn.execute(q.order_by(r_.published, r_.document_id)).all():
        entry = roles.setdefault(key, {"role": key, "as_written": role, "first_seen": published, "documents": []})
        entry["last_seen"] = published
        if doc not in listed.setdefault(key, set()):
            listed[key].add(doc)
            entry["documents"].append(doc)
    docs = [dict(r._mapping) for r in conn.execute(_recent_documents(cid, limit))]
    # The latest quotes of the members that ever spoke (found through the quotes' speaker index): a country
    # linked in 59,150 documents of the 100k base never does, and probing each document took seconds.
    speakers: list[str] = []
    for part in chunked(links.members):
        spoke = select(q_.speaker_entity_id).where(q_.speaker_entity_id.in_(part)).distinct()
        speakers.extend(conn.execute(spoke).scalars())
    found: list[dict[str, Any]] = []
    for part in chunked(sorted(speakers)):
        q = (
            select(q_.text, q_.document_id, q_.speaker, q_.cue, q_.sentence, q_.start, q_.end, q_.id, lk.published)
            .select_from(quotes)
            .join(entity_links, (q_.document_id == lk.document_id) & (q_.speaker_entity_id == lk.entity_id))
            .where(lk.canonical_id == cid, q_.speaker_entity_id.in_(part))
            .order_by(func.coalesce(lk.published, "").desc(), lk.document_id, q_.start, q_.id)
            .limit(limit)
        )
        found.extend(dict(r._mapping) for r in conn.execute(q))
    found.sort(key=lambda r: (r["document_id"], r["start"], r["id"]))  # newest first, then document and place:
    found.sort(key=lambda r: r["published"] or "", reverse=True)  # (stable sorts, as the SQL orders them)
    return {
        "mentions": links.mentions,
        "documents": links.documents,
        "first_seen": links.first,
        "last_seen": links.last,
        "countries": links.countries(),
        "names": sorted(names),
        "roles": sorted(roles.values(), key=lambda e: (e["first_seen"] or "", e["role"])),
        "recent_documents": docs,
        "quotes": [{k: v for k, v in r.items() if k not in ("id", "published")} for r in found[:limit]],
    }


@dataclass(slots=True)
class Links:
    """What one canonical entity's links add up to (:func:`_links`)."""

    mentions: int = 0
    documents: int = 0
    first: str | None = None
    last: str | None = None
    members: list[str] = field(default_factory=list)
    by_country: dict[str, int] = field(default_factory=dict)  # country → documents

    def countries(self) -> list[dict[str, Any]]:
        """``[{country, documents}]``, most documents first, then by code."""
        ranked = sorted(self.by_country.items(), key=lambda c: (-c[1], c[0]))
        return [{"country": c, "documents": n} for c, n in ranked]


def _links(conn: Connection, cid: str) -> Links:
    """Mentions, documents, dates, countries and member entities of one canonical entity's links, added up
    in SQL (three aggregates read through the covering ``ix_entity_links_canonical``, revision 0012): the 59,150
    links of the most-linked entity of the 100k base took 300 ms read one by one into Python."""
    lk = entity_links.c
    mine = lk.canonical_id == cid
    mentions, documents, first, last = conn.execute(
        select(func.sum(lk.mentions), func.count(lk.document_id.distinct()), func.min(lk.published))
        .add_columns(func.max(lk.published))
        .where(mine)
    ).one()
    by_country = select(lk.country, func.count(lk.document_id.distinct())).where(mine, lk.country.is_not(None))
    return Links(
        mentions=int(mentions or 0),
        documents=int(documents or 0),
        first=first,
        last=last,
        members=sorted(conn.execute(select(lk.entity_id).where(mine).distinct()).scalars()),
        by_country={c: int(n) for c, n in conn.execute(by_country.group_by(lk.country))},
    )


def _recent_documents(cid: str, limit: int) -> Any:
    """The latest ``limit`` documents of one canonical entity, newest first: read down the links' index on
    ``(canonical_id, published)`` (a link carries its document's date), documents joined to those only."""
    lk = entity_links.c
    newest = (
        select(lk.document_id, lk.published)
        .where(lk.canonical_id == cid)
        .distinct()
        .order_by(lk.published.desc(), lk.document_id)
        .limit(limit)
        .subquery("newest")
    )
    return (
        select(documents.c.id, documents.c.title, documents.c.published)
        .join(newest, newest.c.document_id == documents.c.id)
        .order_by(newest.c.published.desc(), documents.c.id)
    )


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


def entity_profile(conn: Connection, name: str, *, limit: int = 50) -> dict[str, Any]:
    """One canonical entity: names, countries, roles over time, documents, quotes, events as actor and target."""
    best, *others = find_canonical(conn, name)
    profile = {"id": best.id, "kind": best.kind, "name": best.name} | entity_facts(conn, best.id, limit=limit)
    profile["country"] = profile["countries"][0]["country"] if profile["countries"] else None
    profile["events_as_actor"] = list_merged_events(conn, entity=best.id, role="actor", limit=limit)
    profile["events_as_target"] = list_merged_events(conn, entity=best.id, role="target", limit=limit)
    profile["alternatives"] = [{"id": r.id, "kind": r.kind, "name": r.name} for r in others[:10]]
    profile["offices"] = (
        office_record(best.name, profile.get("first_seen"), profile.get("last_seen")) if best.kind == "person" else []
    )
    return profile


def explain(conn: Connection, name: str) -> list[dict[str, Any]]:
    """Every merge that made the canonical entity ``name`` means, with its rule, score and evidence."""
    return merge_decisions(conn, find_canonical(conn, name)[0].id)


__all__ = ["UnknownEntity", "entity_facts", "entity_profile", "explain", "find_canonical", "merge_decisions"]
