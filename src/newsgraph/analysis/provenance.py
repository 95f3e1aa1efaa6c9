"""Where an entity's countries and roles come from (``newsgraph entity NAME --why``).

A person's country is decided in each document (:mod:`newsgraph.extract.mentions.persons`) and the
entity shows the one most documents give. :func:`country_provenance` says, country by country, what
supported it in each document: a role written there that names the country or is one country's office
("Russian President", "Foreign Secretary"), the office-holder table on the document's date (PETRARCH2),
else the document's context (a country named near the mention, the country the document's persons
share, the country the story names most). :func:`role_provenance` lists each role key with the forms
it was written in and the documents of each ("President", "Russian president" → one role).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.extract.mentions.index import country_of_text
from newsgraph.lexicon.actors import office_on
from newsgraph.lexicon.titles import title_country
from newsgraph.store.schema_kb import entity_links, entity_roles

ROLE = "role"
OFFICE_TABLE = "office-holder table"
CONTEXT = "context"
# Sources in the order a document's country is decided (OUTPUT.md, persons).
SOURCES = (ROLE, OFFICE_TABLE, CONTEXT)
_ROLE_NGRAM = 3


def role_names_country(role: str, country: str) -> bool:
    """Whether a role as written names ``country``: a country name or demonym in it ("Russian president",
    "president of Russia") or a title only that country uses ("Foreign Secretary")."""
    words = role.replace("'s", " ").replace("\u2019s", " ").split()
    for n in range(1, _ROLE_NGRAM + 1):
        for i in range(len(words) - n + 1):
            if country_of_text(" ".join(words[i : i + n])) == country:
                return True
    return title_country(role) == country


def _roles_by_document(conn: Connection, cid: str) -> dict[str, list[str]]:
    r = entity_roles.c
    out: dict[str, list[str]] = {}
    for doc, role in conn.execute(select(r.document_id, r.role).where(r.canonical_id == cid)).all():
        out.setdefault(doc, []).append(role)
    return out


def country_provenance(conn: Connection, cid: str, name: str, kind: str = "person") -> list[dict[str, Any]]:
    """``[{country, documents, sources: {source: n}, evidence: [{document_id, published, source, role}]}]``,
    the country most documents give first (the one the entity shows), evidence newest first."""
    lk = entity_links.c
    roles = _roles_by_document(conn, cid) if kind == "person" else {}
    by_country: dict[str, dict[str, dict[str, Any]]] = {}
    q = select(lk.document_id, lk.country, lk.published).where(lk.canonical_id == cid, lk.country.is_not(None))
    for doc, country, published in conn.execute(q).all():
        role = next((r for r in roles.get(doc, []) if role_names_country(r, country)), None)
        if role is not None:
            source = ROLE
        elif kind == "person" and published and (term := office_on(name, published)) and term.country == country:
            source = OFFICE_TABLE
        else:
            source = CONTEXT
        item = {"document_id": doc, "published": published, "source": source, "role": role}
        docs = by_country.setdefault(country, {})
        if doc not in docs or SOURCES.index(source) < SOURCES.index(docs[doc]["source"]):
            docs[doc] = item
    out = []
    for country, docs in by_country.items():
        evidence = sorted(docs.values(), key=lambda e: (e["published"] or "", e["document_id"]), reverse=True)
        counts = {s: sum(e["source"] == s for e in evidence) for s in SOURCES}
        out.append(
            {
                "country": country,
                "documents": len(evidence),
                "sources": {s: n for s, n in counts.items() if n},
                "evidence": evidence,
            }
        )
    return sorted(out, key=lambda c: (-c["documents"], c["country"]))


def role_provenance(conn: Connection, cid: str) -> list[dict[str, Any]]:
    """``[{role, forms: [{as_written, documents: [ids]}]}]``: each role key with every form it was written in,
    the most documented role first."""
    r = entity_roles.c
    roles: dict[str, dict[str, list[str]]] = {}
    q = select(r.role_key, r.role, r.document_id).where(r.canonical_id == cid).order_by(r.published, r.document_id)
    for key, role, doc in conn.execute(q).all():
        docs = roles.setdefault(key, {}).setdefault(role, [])
        if doc not in docs:
            docs.append(doc)
    out = []
    for key, forms in roles.items():
        listed = [{"as_written": text, "documents": docs} for text, docs in forms.items()]
        total = len({d for f in listed for d in f["documents"]})
        out.append({"role": key, "documents": total, "forms": listed})
    return sorted(out, key=lambda e: (-e["documents"], e["role"]))


__all__ = ["CONTEXT", "OFFICE_TABLE", "ROLE", "SOURCES", "country_provenance", "role_names_country", "role_provenance"]
