"""Writing and reading the extracted facts of a document.

Facts are written inside the pages' transaction (see ``Store.save_pages``), one multi-row
insert per table for all the documents of a batch.
Entities are shared across documents: their id is a hash of kind and
normalized name, inserted once (``ON CONFLICT DO NOTHING`` on both backends).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, Table, bindparam, select
from sqlalchemy.engine import Connection

from newsgraph.core.model import Evidence
from newsgraph.ingest.segment import normalize_for_hash
from newsgraph.store.schema import (
    amounts,
    dates,
    entities,
    entity_aliases,
    events,
    mentions,
    quotes,
    stances,
    themes,
    tones,
    voices,
)
from newsgraph.store.schema_kb import entity_alias_links, entity_links, entity_names, entity_roles
from newsgraph.store.sql import chunked, insert_ignore, insert_rows, row_dicts

if TYPE_CHECKING:
    from newsgraph.extract.runner import DocFacts


def entity_id(kind: str, name: str) -> str:
    return hashlib.sha1(f"{kind}|{normalize_for_hash(name)}".encode()).hexdigest()[:16]


def _ev(e: Evidence) -> dict[str, Any]:
    return {"sentence": e.sentence, "start": e.start, "end": e.end}


def write_facts(conn: Connection, facts: DocFacts) -> None:
    """Write the facts of one document (see :func:`write_many`)."""
    write_many(conn, [facts])


# The tables facts are written to, in the order they are written (entities before what names them).
_TABLES = (entities, entity_aliases, mentions, quotes, amounts, dates, themes, tones, events, stances, voices)


def write_many(conn: Connection, found: Sequence[DocFacts]) -> None:
    """Write the facts of several documents: one multi-row insert per table for them all.

    Rows go in document order, so every table's ids are those a document-by-document write gives;
    an entity named by several documents is inserted once (the first row wins, as when stored one
    by one with ``ON CONFLICT DO NOTHING``).
    """
    rows: dict[Table, list[dict[str, Any]]] = {table: [] for table in _TABLES}
    for facts in found:
        _fact_rows(facts, rows)
    for table in _TABLES:
        if table is entities:
            insert_ignore(conn, table, _unique(rows[table], "id"))
        elif table is entity_aliases:
            insert_ignore(conn, table, _unique(rows[table], "entity_id", "alias"))
        else:
            insert_rows(conn, table, rows[table])


def _fact_rows(facts: DocFacts, rows: dict[Table, list[dict[str, Any]]]) -> None:
    """Append the rows of one document's facts to ``rows`` (by table)."""
    doc_id = facts.document.id
    m = facts.mentions
    entity_rows = rows[entities]
    alias_rows = rows[entity_aliases]
    mention_rows = rows[mentions]
    by_name: dict[str, str] = {}

    def add(kind: str, obj: Any, **extra: Any) -> None:
        eid = entity_id(kind, obj.name)
        by_name[normalize_for_hash(obj.name)] = eid
        entity_rows.append({"id": eid, "kind": kind, "name": obj.name, "country": obj.country, **extra})
        for alias in {*getattr(obj, "aliases", ()), obj.name}:
            alias_rows.append({"entity_id": eid, "alias": alias})
            by_name.setdefault(normalize_for_hash(alias), eid)
        for ev in obj.mentions:
            mention_rows.append(
                {
                    "document_id": doc_id,
                    "entity_id": eid,
                    "text": facts.document.body[ev.start : ev.end],
                    "role": extra.get("role"),
                    "country": obj.country,
                    **_ev(ev),
                }
            )

    for p in m.persons:
        add("person", p, role=p.role, organization=p.organization)
    for o in m.organizations:
        add("organization", o)
    for pl in m.places:
        add("place", pl, lat=pl.lat, lon=pl.lon)
    for code, ev in m.country_mentions:
        eid = entity_id("country", code)
        entity_rows.append({"id": eid, "kind": "country", "name": code, "country": code})
        mention_rows.append(
            {"document_id": doc_id, "entity_id": eid, "text": facts.document.body[ev.start : ev.end], "country": code}
            | _ev(ev)
        )

    def ref(name: str | None) -> str | None:
        return by_name.get(normalize_for_hash(name)) if name else None

    rows[quotes].extend(
        [
            {
                "document_id": doc_id,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_entity_id": ref(q.speaker),
                "speaker_role": q.speaker_role,
                "cue": q.cue,
                **_ev(q.evidence),
            }
            for q in facts.quotes
        ],
    )
    rows[amounts].extend(
        [
            {
                "document_id": doc_id,
                "value": a.value,
                "unit": a.unit,
                "about": a.about,
                "per": a.per,
                "approximate": a.approximate,
                "lower_bound": a.lower_bound,
                "text": a.text,
                **_ev(a.evidence),
            }
            for a in facts.amounts
        ],
    )
    rows[dates].extend(
        [
            {"document_id": doc_id, "text": d.text, "value": d.value, "granularity": d.granularity, **_ev(d.evidence)}
            for d in facts.dates
        ],
    )
    rows[themes].extend(
        [{"document_id": doc_id, "code": t.code, "keyword": t.keyword, **_ev(t.evidence)} for t in facts.themes],
    )
    if facts.tone is not None:
        rows[tones].append(
            {
                "document_id": doc_id,
                "positive": facts.tone.positive,
                "negative": facts.tone.negative,
                "polarity": facts.tone.polarity,
            }
        )
    rows[events].extend(
        [
            {
                "document_id": doc_id,
                "type": e.type,
                "mode": e.mode,
                "actor": e.actor,
                "actor_entity_id": ref(e.actor),
                "actor_country": e.actor_country,
                "actor_sector": e.actor_sector,
                "target": e.target,
                "target_entity_id": ref(e.target),
                "target_country": e.target_country,
                "target_sector": e.target_sector,
                "date": e.date,
                "place": e.place,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                "cameo_root": e.cameo_root,
                "intensity": e.intensity,
                "trigger": e.trigger,
                **_ev(e.evidence),
            }
            for e in facts.events
        ],
    )
    rows[stances].extend(
        [
            {
                "document_id": doc_id,
                "country": s.country,
                "issue": s.issue,
                "position": s.position,
                "date": s.date or facts.document.published,
                **_ev(s.evidence),
            }
            for s in facts.stances
        ],
    )
    rows[voices].extend(
        [
            {
                "document_id": doc_id,
                "speaker": v.speaker,
                "speaker_entity_id": ref(v.speaker),
                "speaker_role": v.speaker_role,
                "country": v.country,
                "issue": v.issue,
                "position": v.position,
                "date": v.date or facts.document.published,
                **_ev(v.evidence),
            }
            for v in facts.voices
        ],
    )


def prune_entities(conn: Connection, candidates: Iterable[str] | None = None) -> int:
    """Delete the entities (among ``candidates``, or all) that no fact or knowledge-base row names any more.

    Called after a document's facts were replaced, so a name only its old facts used goes with
    them; returns how many were deleted.
    """
    users = [
        mentions.c.entity_id,
        quotes.c.speaker_entity_id,
        voices.c.speaker_entity_id,
        events.c.actor_entity_id,
        events.c.target_entity_id,
        *(t.c.entity_id for t in (entity_names, entity_links, entity_alias_links, entity_roles)),
    ]
    q = select(entities.c.id)
    for column in users:
        q = q.where(~select(column).where(column == entities.c.id).exists())
    if candidates is None:
        gone = list(conn.execute(q).scalars())
    else:
        parts = chunked(sorted(set(candidates)))
        gone = [i for part in parts for i in conn.execute(q.where(entities.c.id.in_(part))).scalars()]
    for part in chunked(gone):
        conn.execute(entity_aliases.delete().where(entity_aliases.c.entity_id.in_(part)))
        conn.execute(entities.delete().where(entities.c.id.in_(part)))
    return len(gone)


def _unique(rows: Iterable[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(tuple(row[k] for k in keys), row)
    return list(seen.values())


def document_facts(conn: Connection, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every fact stored for a document, as plain rows, for views and the API."""
    params = {"doc_id": doc_id}
    return {name: row_dicts(conn.execute(stmt, params)) for name, stmt in _fact_selects()}


@cache
def _fact_selects() -> tuple[tuple[str, Select[Any]], ...]:
    """The statements of :func:`document_facts`, built once: the document's id is a bound parameter, so a
    page does not build, and hash for SQLAlchemy's compiled cache, eight statements again per request."""
    doc_id = bindparam("doc_id")
    out: list[tuple[str, Select[Any]]] = [
        (
            "mentions",
            select(mentions, entities.c.kind, entities.c.name)
            .join(entities, entities.c.id == mentions.c.entity_id)
            .where(mentions.c.document_id == doc_id)
            .order_by(mentions.c.start),
        )
    ]
    for name, table in (
        ("quotes", quotes),
        ("amounts", amounts),
        ("dates", dates),
        ("themes", themes),
        ("events", events),
        ("stances", stances),
        ("voices", voices),
    ):
        out.append((name, select(table).where(table.c.document_id == doc_id).order_by(table.c.start)))
    out.append(("tone", select(tones).where(tones.c.document_id == doc_id)))
    return tuple(out)
