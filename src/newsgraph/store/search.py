"""Full-text search: SQLite FTS5 or PostgreSQL tsvector, with fact filters.

The index holds each stored (non-duplicate) document's title and body. It is
written in the page's transaction, so search never sees half a page. Ranking:
BM25 (FTS5, title weighted 2×) or ``ts_rank_cd`` (PostgreSQL, title weight A).
Snippets mark matches with ``[`` and ``]``; a :class:`~newsgraph.store.filters.Filters`
narrows by the facts found in a document (country, person, event type) and by its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.engine import Connection

from newsgraph.core.errors import NewsgraphError
from newsgraph.store.filters import NO_FILTERS, Filters, document_conditions, first_page
from newsgraph.store.schema import documents

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
    conn: Connection, query: str, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
) -> list[Hit]:
    """Ranked documents matching ``query`` and every filter given."""
    if not query.strip():
        raise SearchError('empty query: give one or more words, e.g. newsgraph search "protest"')
    if not _TOKEN.search(query):
        raise SearchError(f"query {query!r} has no searchable words; give one or more words")
    if limit < 1 or offset < 0:
        raise SearchError(f"limit must be at least 1 and offset at least 0 (got limit={limit}, offset={offset})")
    if conn.dialect.name == "postgresql":
        if not conn.execute(text("SELECT numnode(websearch_to_tsquery('english', :q))"), {"q": query}).scalar():
            raise SearchError(f"query {query!r} has only common words (the, and, …) or only excluded ones; add a word")
        stmt = _pg_query(query, filters)
    else:
        match = _fts5_query(query)
        if not match:
            raise SearchError(f"query {query!r} has no word to look for, only excluded ones; add a word")
        stmt = _sqlite_query(match, filters)
    stmt = stmt.where(*document_conditions(filters)).limit(limit).offset(offset)
    return [Hit(r[0], r[1], r[2], r[3], float(r[4] or 0.0), r[5] or "") for r in conn.execute(stmt)]


_HIT = (documents.c.id, documents.c.title, documents.c.published, documents.c.role)


def _with_page(source: Any, filters: Filters) -> Any:
    """``source`` joined to each document's first page when the filters need a teaser's date (its page's)."""
    return source.outerjoin(first_page, first_page.c.id == documents.c.first_page_id) if filters.dated else source


def _sqlite_query(match: str, filters: Filters) -> Select[Any]:
    """FTS5: BM25 with the title weighted 2×, snippets of the body."""
    fts = table("documents_fts", column("document_id"))
    score = literal_column("-bm25(documents_fts, 0.0, 2.0, 1.0)").label("score")
    snippet = literal_column("snippet(documents_fts, 2, '[', ']', '…', 16)").label("snippet")
    return (
        select(*_HIT, score, snippet)
        .select_from(_with_page(fts.join(documents, documents.c.id == fts.c.document_id), filters))
        .where(text("documents_fts MATCH :q").bindparams(q=match))
        .order_by(score.desc(), documents.c.published.desc(), documents.c.id)
    )


def _pg_query(query: str, filters: Filters) -> Select[Any]:
    """PostgreSQL: ``ts_rank_cd`` over the weighted ``tsv`` column, ``ts_headline`` snippets."""
    english, tsv = literal_column("'english'"), literal_column("documents.tsv")
    tsquery = func.websearch_to_tsquery(english, bindparam("q", query))
    options = literal_column("'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=2'")
    score = func.ts_rank_cd(tsv, tsquery).label("score")
    snippet = func.ts_headline(english, documents.c.body, tsquery, options).label("snippet")
    return (
        select(*_HIT, score, snippet)
        .select_from(_with_page(documents, filters))
        .where(tsv.op("@@")(tsquery), documents.c.duplicate_of.is_(None))
        .order_by(score.desc(), documents.c.published.desc().nulls_last(), documents.c.id)
    )


__all__ = ["Hit", "SearchError", "create_index", "index_document", "search"]
