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


_HIT = (documents.c.id, documents.c.title, documents.c.published, documents.c.role)


def search(
    conn: Connection, query: str, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
) -> list[Hit]:
    """Ranked documents matching ``query`` and every filter given.

    Ranked on the full-text index first (the filters inside that candidate query), then the top
    rows are joined to their documents and given snippets; see the module docstring.
    """
    if not query.strip():
        raise SearchError('empty query: give one or more words, e.g. newsgraph search "protest"')
    if not _TOKEN.search(query):
        raise SearchError(f"query {query!r} has no searchable words; give one or more words")
    if limit < 1 or offset < 0:
        raise SearchError(f"limit must be at least 1 and offset at least 0 (got limit={limit}, offset={offset})")
    if conn.dialect.name == "postgresql":
        return _pg_search(conn, query, filters, limit, offset)
    match = _fts5_query(query)
    if not match:
        raise SearchError(f"query {query!r} has no word to look for, only excluded ones; add a word")
    return _sqlite_search(conn, match, filters, limit, offset)


def _with_page(source: Any, filters: Filters) -> Any:
    """``source`` joined to each document's first page when the filters need a teaser's date (its page's)."""
    return source.outerjoin(first_page, first_page.c.id == documents.c.first_page_id) if filters.dated else source


# -- SQLite: FTS5 -------------------------------------------------------------------------------------

_FTS = table("documents_fts", column("document_id"))
_RANK = "bm25(0.0, 2.0, 1.0)"  # document_id unweighted, title 2×, body 1×: FTS5's ``rank`` (lower is better)
# BM25 is computed for at most this many matches: the most recently stored ones (the highest rowids of the
# index, found without scoring: FTS5 walks a word's rowids in order and takes a rowid bound). Scoring every
# match cost ~3 µs each, so a word found in 40 % of the 100k bench base took 115 ms (p50) before one row
# was joined. A query with fewer matches is ranked exactly; a filtered query whose candidates yield too
# few rows widens them 4× at a time, down to every match.
SQLITE_CANDIDATES = 2000
_WIDEN = 4


def _sqlite_search(conn: Connection, match: str, filters: Filters, limit: int, offset: int) -> list[Hit]:
    """FTS5 ranks the candidates inside the FTS query (``ORDER BY rank``, the table the outer loop), and
    the joined rows are read lazily in that order, filters applied row by row, until the rows wanted and
    every row tied with the last of them are in; they are put in the final order (score, then newest,
    then id) here, and only the returned rows get a snippet. The candidates: every match when there are
    at most :data:`SQLITE_CANDIDATES` (or ``limit + offset``), else the newest that many (rowid bound)."""
    wanted = limit + offset
    bound = max(SQLITE_CANDIDATES, wanted)
    while True:
        lowest = _lowest_candidate(conn, match, bound)
        rows = _ranked(conn, match, filters, wanted, lowest)
        if lowest is None or len(rows) >= wanted:
            break
        bound *= _WIDEN
    rows.sort(key=lambda r: r.id)
    rows.sort(key=lambda r: r.published or "", reverse=True)  # newest first, undated last (stable sorts)
    rows.sort(key=lambda r: r.rank)
    rows = rows[offset:wanted]
    snippets: dict[int, str] = {}
    if rows:
        snip = text(
            "SELECT rowid, snippet(documents_fts, 2, '[', ']', '…', 16) FROM documents_fts "
            "WHERE documents_fts MATCH :q AND rowid IN :rows"
        ).bindparams(bindparam("rows", expanding=True))
        snippets = dict(conn.execute(snip, {"q": match, "rows": [r.r for r in rows]}).all())
    return [Hit(r.id, r.title, r.published, r.role, -float(r.rank or 0.0), snippets.get(r.r) or "") for r in rows]


def _lowest_candidate(conn: Connection, match: str, bound: int) -> int | None:
    """The rowid of the ``bound``-th newest match (no score computed), None when there are fewer matches."""
    sql = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :skip"
    return conn.execute(text(sql), {"q": match, "skip": bound - 1}).scalar()


def _ranked(conn: Connection, match: str, filters: Filters, wanted: int, lowest: int | None) -> list[Any]:
    """The best ``wanted`` candidates (rowid ``>= lowest``) passing the filters, with every row tied with the last."""
    fts = literal_column("documents_fts.rank")
    rowid = literal_column("documents_fts.rowid")
    stmt = (
        select(*_HIT, fts.label("rank"), rowid.label("r"))
        .select_from(_with_page(_FTS.join(documents, documents.c.id == _FTS.c.document_id), filters))
        .where(text("documents_fts MATCH :q AND rank MATCH :rank_fn").bindparams(q=match, rank_fn=_RANK))
        .where(*document_conditions(filters))
        .order_by(fts)
    )
    if lowest is not None:
        stmt = stmt.where(rowid >= bindparam("lowest", lowest))
    rows: list[Any] = []
    result = conn.execute(stmt)
    try:
        for row in result:
            if len(rows) >= wanted and row.rank > rows[-1].rank:
                break
            rows.append(row)
    finally:
        result.close()
    return rows


# -- PostgreSQL: tsvector + GIN -----------------------------------------------------------------------

# Snippets are cut from the first HEADLINE_CHARS characters of the body: ts_headline parses all the
# text it is given (20 headlines: 18 ms over 5,000 characters, 11 ms over 2,000, on the 100k base).
HEADLINE_CHARS = 2000
# At most this many matching documents, in the order the GIN index gives them, are candidates: the
# filters keep some of them and ts_rank_cd ranks those, reading each one's whole tsvector (~20-70 µs each
# on the 2-core machine): a word found in 40,000 of 100,000 documents took 1.3 s to rank in full
# (2026-12-06, 100k bench base). A query with fewer matches is ranked exactly; a filtered query whose
# candidates yield too few rows widens them 4× at a time, up to every match.
PG_CANDIDATES = 500
_HEADLINE_OPTIONS = "StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=2"
# Session settings for the search statements (``SET LOCAL``, restored after): JIT compiling cost more than
# the queries themselves, and with sequential and plain index scans allowed the planner read the matches
# off the table (every document's tsvector decompressed to test it) instead of the GIN index.
_PG_SETTINGS = ("jit", "enable_seqscan", "enable_indexscan")


def _pg_search(conn: Connection, query: str, filters: Filters, limit: int, offset: int) -> list[Hit]:
    """PostgreSQL: the GIN index finds the candidates (at most :data:`PG_CANDIDATES` matches), the filters
    keep some of them (widened while too few pass), ``ts_rank_cd`` ranks those, then the returned rows get
    their ``ts_headline``; see :data:`_PG_SETTINGS`."""
    names = ", ".join(f"current_setting('{n}')" for n in _PG_SETTINGS)
    offs = ", ".join(f"set_config('{n}', 'off', true)" for n in _PG_SETTINGS)
    row = conn.execute(
        text(f"SELECT numnode(websearch_to_tsquery('english', :q)), {names}, {offs}"), {"q": query}
    ).one()
    words, before = row[0], row[1 : 1 + len(_PG_SETTINGS)]
    hits = []
    if words:  # a failing statement aborts the transaction, and its rollback undoes SET LOCAL anyway
        bound = max(PG_CANDIDATES, limit + offset)
        while True:
            rows = conn.execute(_pg_query(query, filters, limit, offset, bound))
            hits = [Hit(r[0], r[1], r[2], r[3], float(r[4] or 0.0), r[5] or "") for r in rows]
            if len(hits) >= limit or not filters.any or not _more_matches(conn, query, bound):
                break
            bound *= _WIDEN
    restore = ", ".join(f"set_config('{n}', :v{i}, true)" for i, n in enumerate(_PG_SETTINGS))
    conn.execute(text(f"SELECT {restore}"), {f"v{i}": v for i, v in enumerate(before)})
    if not words:
        raise SearchError(f"query {query!r} has only common words (the, and, …) or only excluded ones; add a word")
    return hits


def _more_matches(conn: Connection, query: str, bound: int) -> bool:
    """Whether more than ``bound`` documents match (the candidates were cut)."""
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM documents WHERE tsv @@ websearch_to_tsquery('english', :q) "
        "AND duplicate_of IS NULL LIMIT :n) m"
    )
    return int(conn.execute(text(sql), {"q": query, "n": bound + 1}).scalar_one()) > bound


def _pg_query(query: str, filters: Filters, limit: int, offset: int, bound: int) -> Select[Any]:
    english, tsv = literal_column("'english'"), literal_column("documents.tsv")
    tsquery = func.websearch_to_tsquery(english, bindparam("q", query))
    candidates = (
        select(documents.c.id, tsv.label("tsv"), documents.c.published)
        .where(tsv.op("@@")(tsquery), documents.c.duplicate_of.is_(None))
        .limit(bindparam("bound", bound))
        .cte("candidates")
        .prefix_with("MATERIALIZED")
    )
    score = func.ts_rank_cd(candidates.c.tsv, tsquery).label("score")
    passing = select(candidates.c.id, score, candidates.c.published)
    if filters.any:  # the candidates' documents, with their first page when the filters read dates
        source = _with_page(candidates.join(documents, documents.c.id == candidates.c.id), filters)
        passing = passing.select_from(source).where(*document_conditions(filters))
    ranked = (
        passing.order_by(score.desc(), candidates.c.published.desc().nulls_last(), candidates.c.id)
        .limit(limit)
        .offset(offset)
        .subquery("ranked")
    )
    body = func.left(documents.c.body, HEADLINE_CHARS)
    snippet = func.ts_headline(english, body, tsquery, literal_column(f"'{_HEADLINE_OPTIONS}'"))
    return (
        select(*_HIT, ranked.c.score, snippet.label("snippet"))
        .select_from(ranked.join(documents, documents.c.id == ranked.c.id))
        .order_by(ranked.c.score.desc(), documents.c.published.desc().nulls_last(), documents.c.id)
    )


__all__ = [
    "HEADLINE_CHARS",
    "PG_CANDIDATES",
    "SQLITE_CANDIDATES",
    "Hit",
    "SearchError",
    "create_index",
    "index_document",
    "search",
]
