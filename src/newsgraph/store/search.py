"""Full-text search: SQLite FTS5 or PostgreSQL tsvector, with fact filters.

The index holds each stored (non-duplicate) document's title and body. It is
written in the page's transaction, so search never sees half a page. Ranking:
BM25 (FTS5, title weighted 2×) or ``ts_rank_cd`` (PostgreSQL, title weight A).
Snippets mark matches with ``[`` and ``]``; filters narrow by the facts found
in a document (country, person, event type) and by publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from newsgraph.core.errors import NewsgraphError

HIGHLIGHT = ("[", "]")
_TOKEN = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')


class SearchError(NewsgraphError):
    code = "Q001"
    reason = "search"


@dataclass(slots=True)
class Hit:
    document_id: str
    title: str
    published: str | None
    role: str
    score: float
    snippet: str


def create_index(conn: Connection) -> None:
    """Migration 3: the full-text index for the current backend, filled from stored documents."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "ALTER TABLE documents ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS ("
                "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                "setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED"
            )
        )
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_tsv ON documents USING GIN (tsv)"))
        return
    conn.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "document_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    )
    conn.execute(
        text(
            "INSERT INTO documents_fts (document_id, title, body) "
            "SELECT id, title, body FROM documents WHERE duplicate_of IS NULL"
        )
    )


def index_document(conn: Connection, document_id: str, title: str, body: str) -> None:
    """Add one document to the index (PostgreSQL's generated column needs nothing)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO documents_fts (document_id, title, body) VALUES (:d, :t, :b)"),
            {"d": document_id, "t": title, "b": body},
        )


def _fts5_query(query: str) -> str:
    """User words → a safe FTS5 query meaning what ``websearch_to_tsquery`` does on PostgreSQL:
    words ANDed, ``"quoted phrase"``, ``OR`` between alternatives, ``-word`` excluded from its alternative."""
    groups: list[tuple[list[str], list[str]]] = [([], [])]  # alternatives (OR): (terms ANDed, terms excluded)
    for m in _QUERY_PART.finditer(query):
        negate, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None and word.upper() == "OR":
            if any(groups[-1]):
                groups.append(([], []))
            continue
        if word is not None and word.startswith("-"):
            negate, word = "-", word[1:]
        tokens = _TOKEN.findall(phrase if phrase is not None else word)
        if tokens:  # quoted tokens: FTS5 reads them as one phrase, a single token as a plain term
            groups[-1][1 if negate else 0].append('"' + " ".join(tokens) + '"')
    alternatives = []
    for terms, excluded in groups:
        if not terms:  # FTS5 cannot express "anything but X"
            continue
        alternative = " ".join(terms)
        if excluded:
            alternative = f"({alternative}) NOT ({' OR '.join(excluded)})"
        alternatives.append(alternative)
    if len(alternatives) > 1:
        return " OR ".join(f"({a})" for a in alternatives)
    return alternatives[0] if alternatives else ""


def search(
    conn: Connection,
    query: str,
    *,
    country: str | None = None,
    person: str | None = None,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    """Ranked documents matching ``query`` and every filter given."""
    if not query.strip():
        raise SearchError('empty query: give one or more words, e.g. newsgraph search "protest"')
    if not _TOKEN.search(query):
        raise SearchError(f"query {query!r} has no searchable words; give one or more words")
    if limit < 1 or offset < 0:
        raise SearchError(f"limit must be at least 1 and offset at least 0 (got limit={limit}, offset={offset})")
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    where, joins = _filters(params, country=country, person=person, event_type=event_type, since=since, until=until)
    if conn.dialect.name == "postgresql":
        params["q"] = query
        if not conn.execute(text("SELECT numnode(websearch_to_tsquery('english', :q))"), params).scalar():
            raise SearchError(f"query {query!r} has only common words (the, and, …) or only excluded ones; add a word")
        sql = f"""
            SELECT d.id, d.title, d.published, d.role,
                   ts_rank_cd(d.tsv, websearch_to_tsquery('english', :q)) AS score,
                   ts_headline('english', d.body, websearch_to_tsquery('english', :q),
                               'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=2') AS snippet
            FROM documents d {joins}
            WHERE d.tsv @@ websearch_to_tsquery('english', :q) AND d.duplicate_of IS NULL {where}
            ORDER BY score DESC, d.published DESC NULLS LAST, d.id
            LIMIT :limit OFFSET :offset"""
    else:
        match = _fts5_query(query)
        if not match:
            raise SearchError(f"query {query!r} has no word to look for, only excluded ones; add a word")
        params["q"] = match
        sql = f"""
            SELECT d.id, d.title, d.published, d.role,
                   -bm25(documents_fts, 0.0, 2.0, 1.0) AS score,
                   snippet(documents_fts, 2, '[', ']', '…', 16) AS snippet
            FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id {joins}
            WHERE documents_fts MATCH :q {where}
            ORDER BY score DESC, d.published DESC, d.id
            LIMIT :limit OFFSET :offset"""
    rows = conn.execute(text(sql), params)
    return [Hit(r[0], r[1], r[2], r[3], float(r[4] or 0.0), r[5] or "") for r in rows]


def _filters(params: dict[str, Any], **given: str | None) -> tuple[str, str]:
    clauses: list[str] = []
    if given.get("country"):
        params["country"] = given["country"].upper()
        clauses.append(
            "(EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.country = :country)"
            " OR EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id"
            " AND (e.actor_country = :country OR e.target_country = :country)))"
        )
    if given.get("person"):
        person = given["person"].lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["person"] = f"%{person}%"
        clauses.append(
            "EXISTS (SELECT 1 FROM mentions m JOIN entities en ON en.id = m.entity_id"
            " JOIN entity_aliases al ON al.entity_id = en.id"
            " WHERE m.document_id = d.id AND en.kind = 'person' AND lower(al.alias) LIKE :person ESCAPE '\\')"
        )
    if given.get("event_type"):
        params["etype"] = given["event_type"].upper()
        clauses.append(
            "EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND e.type = :etype"
            " AND e.negated = false AND e.hypothetical = false)"
        )
    if given.get("since"):
        params["since"] = given["since"]
        clauses.append("d.published >= :since")
    if given.get("until"):
        params["until"] = given["until"] + "\uffff"  # "2020-01" includes every day of January
        clauses.append("d.published <= :until")
    return "".join(f" AND {c}" for c in clauses), ""


__all__ = ["Hit", "SearchError", "create_index", "index_document", "search"]
