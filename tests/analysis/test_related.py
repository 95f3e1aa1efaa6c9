from __future__ import annotations

import math

import numpy as np
import pytest
from sqlalchemy import func, inspect, select, text

from newsgraph.analysis import related as rel
from newsgraph.analysis.related import (
    RelatedError,
    chunk_text,
    combine,
    cosine,
    document_vector,
    duplicates,
    idf,
    pg_tsquery,
    reason,
    related,
    saturate,
    select_terms,
)
from newsgraph.core.errors import NotFound
from newsgraph.store.db import Store
from newsgraph.store.schema_kb import related_embeddings, related_stat_documents
from tests.kb_fixtures import (
    HANDMADE,
    Doc,
    Ent,
    add_documents,
    build_handmade,
    build_ingested,
    database,
    doc_id,
    open_store,
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with database(request.param, tmp_path_factory.mktemp("related")) as url:
        ids = build_handmade(url)
        store = Store(url)
        yield store, ids
        store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ingested(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("related_ingested")
    with database(request.param, folder) as url:
        build_ingested(url, folder / "pages")
        store = Store(url)
        yield store
        store.close()


def _related(kb, key: str, **kw):
    store, ids = kb
    with store.connect() as conn:
        found = related(conn, ids[key], method="text", **kw)
    names = {v: k for k, v in ids.items()}
    return [names.get(r["id"], r["id"]) for r in found], found


# -- ranking on the hand-made base ----------------------------------------------------------------


@pytest.mark.parametrize(("key", "first"), [("grain1", "grain2"), ("grain2", "grain1")])
def test_the_other_report_of_the_same_story_ranks_first(kb, key: str, first: str) -> None:
    keys, found = _related(kb, key)
    assert keys[0] == first
    assert found[0]["text_score"] > 0.3 and found[0]["entity_score"] > 0.3


@pytest.mark.parametrize("key", ["grain1", "grain2", "protest"])
def test_itself_its_duplicates_and_unrelated_stories_are_left_out(kb, key: str) -> None:
    keys, _ = _related(kb, key)
    assert key not in keys and "grain2copy" not in keys
    assert not {"tram", "orchestra"} & set(keys)


@pytest.mark.parametrize("key", ["grain1"])
def test_shared_entities_alone_make_a_document_related(kb, key: str) -> None:
    keys, found = _related(kb, key)
    minister = found[keys.index("minister")]
    names = [e["name"] for e in minister["shared_entities"]]
    assert set(names) == {"Oleksandr Kubrakov", "Odesa"}  # countries are not shared entities
    assert "Oleksandr Kubrakov" in minister["reason"]
    assert minister["entity_score"] > minister["text_score"]


@pytest.mark.parametrize("key", ["grain1", "grain2", "minister", "protest"])
def test_items_have_the_documented_shape_and_order(kb, key: str) -> None:
    _, found = _related(kb, key)
    assert found
    for item in found:
        assert set(item) >= {"id", "title", "published", "score", "text_score", "shared_entities", "reason"}
        assert 0 <= item["text_score"] <= 1 and 0 <= item["entity_score"] <= 1
        expected = {combine(item["text_score"], item["entity_score"], has_entities=h) for h in (True, False)}
        assert any(math.isclose(item["score"], e, abs_tol=1e-3) for e in expected)
        assert item["method"] == "text"
    scores = [i["score"] for i in found]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("limit", [1, 2])
def test_limit(kb, limit: int) -> None:
    keys, _ = _related(kb, "grain1", limit=limit)
    assert len(keys) == limit


@pytest.mark.parametrize("limit", [0, -3])
def test_a_limit_below_one_is_refused(kb, limit: int) -> None:
    store, ids = kb
    with store.connect() as conn, pytest.raises(RelatedError):
        related(conn, ids["grain1"], limit=limit)


@pytest.mark.parametrize("key", ["grain2copy"])
def test_a_duplicate_gets_the_related_documents_of_its_original(kb, key: str) -> None:
    copy_keys, _ = _related(kb, key)
    original_keys, _ = _related(kb, "grain2")
    assert copy_keys == original_keys


@pytest.mark.parametrize("key", ["grain2", "grain2copy"])
def test_duplicates_lists_the_cluster_without_the_document(kb, key: str) -> None:
    store, ids = kb
    other = "grain2copy" if key == "grain2" else "grain2"
    with store.connect() as conn:
        found = duplicates(conn, ids[key])
    assert [d["id"] for d in found] == [ids[other]]
    assert found[0]["original"] is (other == "grain2")
    if other == "grain2copy":
        assert found[0]["similarity"] == pytest.approx(0.93)


@pytest.mark.parametrize("key", ["grain1", "tram"])
def test_a_document_without_near_duplicates_has_none(kb, key: str) -> None:
    store, ids = kb
    with store.connect() as conn:
        assert duplicates(conn, ids[key]) == []


@pytest.mark.parametrize("bad", ["", "ffffffffffffffff", "zz"])
def test_unknown_ids_raise_not_found(kb, bad: str) -> None:
    store, _ = kb
    with store.connect() as conn, pytest.raises(NotFound):
        related(conn, bad)
    with store.connect() as conn, pytest.raises(NotFound):
        duplicates(conn, bad)


@pytest.mark.parametrize("chars", [10])
def test_an_id_prefix_is_enough(kb, chars: int) -> None:
    store, ids = kb
    with store.connect() as conn:
        assert related(conn, ids["grain1"][:chars], method="text") == related(conn, ids["grain1"], method="text")


@pytest.mark.parametrize("key", ["orchestra", "tram"])
def test_a_story_like_no_other_has_no_related_documents_beyond_noise(kb, key: str) -> None:
    keys, _ = _related(kb, key)
    assert not {"grain1", "grain2", "minister"} & set(keys)


@pytest.mark.parametrize("kinds", [("person",), ()])
def test_entity_kinds_can_be_narrowed(kb, kinds: tuple[str, ...]) -> None:
    store, ids = kb
    with store.connect() as conn:
        found = related(conn, ids["grain1"], method="text", entity_kinds=kinds)
    for item in found:
        assert {e["kind"] for e in item["shared_entities"]} <= set(kinds)


# -- methods and the optional embeddings -----------------------------------------------------------


@pytest.mark.parametrize("method", ["bm25", "EMBEDDINGS", ""])
def test_unknown_method_is_refused(kb, method: str) -> None:
    store, ids = kb
    with store.connect() as conn, pytest.raises(RelatedError, match="unknown method"):
        related(conn, ids["grain1"], method=method)


@pytest.mark.parametrize("method", ["auto"])
def test_auto_falls_back_to_text_without_the_extra(kb, monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    monkeypatch.setattr(rel, "embeddings_available", lambda: False)
    store, ids = kb
    with store.connect() as conn:
        found = related(conn, ids["grain1"], method=method)
    assert found and {i["method"] for i in found} == {"text"}


@pytest.mark.parametrize("method", ["embeddings"])
def test_asking_for_embeddings_without_the_extra_says_what_to_install(
    kb, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    monkeypatch.setattr(rel, "embeddings_available", lambda: False)
    store, ids = kb
    with store.connect() as conn, pytest.raises(RelatedError, match=r"newsgraph\[embeddings\]"):
        related(conn, ids["grain1"], method=method)


class FakeEncoder:
    """Hashes words into a small vector: texts with the same words point the same way."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.encoded = 0

    def encode(self, sentences: list[str], normalize_embeddings: bool = False, **_: object) -> np.ndarray:
        self.encoded += len(sentences)
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            for word in sentence.lower().split():
                word = word.strip(".,;:'\"()")
                if len(word) > 3:
                    out[row, sum(map(ord, word)) % self.dim] += 1.0
        if normalize_embeddings:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out = out / np.where(norms == 0, 1, norms)
        return out


@pytest.mark.parametrize("method", ["auto", "embeddings"])
def test_embeddings_rerank_the_candidates_and_are_cached(
    any_db_url: str, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    encoder = FakeEncoder()
    monkeypatch.setattr(rel, "embeddings_available", lambda: True)
    monkeypatch.setattr(rel, "load_encoder", lambda: encoder)
    ids = build_handmade(any_db_url)
    with Store(any_db_url) as store, store.connect() as conn:
        found = related(conn, ids["grain1"], method=method)
        assert found[0]["id"] == ids["grain2"] and found[0]["method"] == "embeddings"
        assert "meaning" in found[0]["reason"]
        first = encoder.encoded
    with Store(any_db_url) as store, store.connect() as conn:
        again = related(conn, ids["grain1"], method=method)
        cached = conn.execute(select(func.count()).select_from(related_embeddings)).scalar_one()
    assert first > 0 and encoder.encoded == first, "the second call reads the cached vectors"
    assert cached >= 2
    assert [i["id"] for i in again] == [i["id"] for i in found]


@pytest.mark.parametrize(("words", "max_words", "chunks"), [(10, 150, 1), (400, 150, 3), (0, 150, 0)])
def test_chunk_text_packs_sentences_under_the_word_limit(words: int, max_words: int, chunks: int) -> None:
    body = " ".join(f"w{i}." if i % 7 == 6 else f"w{i}" for i in range(words))
    out = chunk_text(body, max_words)
    assert len(out) == chunks
    assert all(len(c.split()) <= max_words for c in out)
    assert " ".join(out).split() == body.split()


@pytest.mark.parametrize("title", ["Grain ships leave Odesa"])
def test_document_vector_is_the_unit_mean_of_chunk_vectors(title: str) -> None:
    vec = document_vector(FakeEncoder(), title, "Grain ships left the port. " * 100)
    assert vec.shape == (64,) and math.isclose(float(np.linalg.norm(vec)), 1.0, rel_tol=1e-5)


@pytest.mark.parametrize(("a", "b", "expected"), [([1, 0], [1, 0], 1.0), ([1, 0], [0, 1], 0.0), ([0, 0], [1, 0], 0.0)])
def test_cosine(a: list[float], b: list[float], expected: float) -> None:
    assert cosine(np.array(a, dtype=float), np.array(b, dtype=float)) == pytest.approx(expected)


# -- term statistics -----------------------------------------------------------------------------


@pytest.mark.parametrize(("low", "high", "n"), [(2, 50, 100), (1, 2, 3)])
def test_idf_favours_rare_terms_and_is_never_negative(low: int, high: int, n: int) -> None:
    assert idf(low, n) > idf(high, n) >= 0
    assert idf(n, n) >= 0


@pytest.mark.parametrize("n_docs", [10, 1000])
def test_select_terms_keeps_terms_that_can_find_another_document(n_docs: int) -> None:
    tf = {"grain": 5, "odesa": 2, "unique": 9, "x": 4, "the": 30}
    df = {"grain": 3, "odesa": 2, "unique": 1, "x": 3, "the": n_docs}
    chosen, coverage = select_terms(tf, df, n_docs, k=10)
    weights = dict(chosen)
    assert "unique" not in weights  # only in this document
    assert "x" not in weights  # one character
    assert weights["grain"] > weights["odesa"]
    if n_docs >= rel.COMMON_FROM:
        assert "the" not in weights  # in every document of a large base
    assert 0 < coverage < 1  # "unique" carries weight no other document can match
    assert len(select_terms(tf, df, n_docs, k=1)[0]) == 1


@pytest.mark.parametrize(
    ("tf", "df", "coverage"), [({"grain": 2, "ship": 1}, {"grain": 2, "ship": 3}, 1.0), ({"solo": 3}, {"solo": 1}, 0.0)]
)
def test_coverage_is_the_share_of_weight_the_query_can_match(
    tf: dict[str, int], df: dict[str, int], coverage: float
) -> None:
    assert select_terms(tf, df, 10)[1] == pytest.approx(coverage)


@pytest.mark.parametrize(("tf", "expected"), [(1, 1.0), (100, 2.2)])
def test_saturate(tf: int, expected: float) -> None:
    assert saturate(tf) == pytest.approx(expected, abs=0.03)


@pytest.mark.parametrize(("terms", "expected"), [(["grain"], "'grain'"), (["o'neil", "a\\b"], "'o''neil' | 'a\\\\b'")])
def test_pg_tsquery_quotes_every_lexeme(terms: list[str], expected: str) -> None:
    assert pg_tsquery(terms) == expected


@pytest.mark.parametrize("backend", ["postgresql"])
def test_pg_tsquery_literal_is_accepted_by_postgresql(backend: str) -> None:
    from tests.conftest import pg_schema_url

    with pg_schema_url() as url, Store(url) as store, store.connect() as conn:
        value = conn.execute(text("SELECT CAST(:q AS tsquery)::text"), {"q": pg_tsquery(["o'neil", "a\\b", "x:y"])})
        assert value.scalar() == "'o''neil' | 'a\\\\b' | 'x:y'"


@pytest.mark.parametrize("new_docs", [1])
def test_term_statistics_follow_new_documents(any_db_url: str, new_docs: int) -> None:
    """PostgreSQL counts each new document once; SQLite reads the live fts5vocab table."""
    first = HANDMADE[:2]
    ids = build_handmade_subset(any_db_url, first)
    with Store(any_db_url) as store, store.connect() as conn:
        before = related(conn, ids["grain1"], method="text")
    extra = Doc(
        "grain3",
        "Grain corridor ships insured again",
        "Insurers cover wheat ships in the Black Sea grain corridor from Odesa again.",
        "2023-09-01",
        [Ent("place", "Odesa", "UKR")],
    )
    with Store(any_db_url) as store, store.engine.begin() as conn:
        add_documents(conn, [extra])
    with Store(any_db_url) as store, store.connect() as conn:
        after = related(conn, ids["grain1"], method="text")
        if store.dialect == "postgresql":
            counted = conn.execute(select(func.count()).select_from(related_stat_documents)).scalar_one()
            grain = conn.execute(text("SELECT documents FROM related_term_stats WHERE term = 'grain'")).scalar_one()
            assert (counted, grain) == (2 + new_docs, 2 + new_docs)
    assert len(after) == len(before) + new_docs
    assert doc_id("grain3") in {i["id"] for i in after}


def build_handmade_subset(url: str, docs: list[Doc]) -> dict[str, str]:
    with open_store(url) as store, store.engine.begin() as conn:
        return add_documents(conn, docs)


@pytest.mark.parametrize(
    ("text_score", "entity_score", "has_entities", "expected"), [(1, 1, True, 1), (0.5, 0, False, 0.5)]
)
def test_combine(text_score: float, entity_score: float, has_entities: bool, expected: float) -> None:
    assert combine(text_score, entity_score, has_entities=has_entities) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("score", "shared", "expected"),
    [
        (0.42, [{"name": "Odesa"}], "similar wording (0.42); shares Odesa"),
        (0.0, [{"name": f"E{i}"} for i in range(7)], "shares E0, E1, E2, E3, E4 and 2 more"),
        (0.0, [], "related"),
    ],
)
def test_reason(score: float, shared: list[dict[str, str]], expected: str) -> None:
    assert reason(score, shared, "text") == expected


# -- on ingested pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "expected"), [("Russia pulls out of the Black Sea grain deal", "grain")])
def test_ingested_pages_find_the_report_on_the_same_story(ingested: Store, title: str, expected: str) -> None:
    with ingested.connect() as conn:
        doc = conn.execute(text("SELECT id FROM documents WHERE title = :t"), {"t": title}).scalar_one()
        found = related(conn, doc, method="text")
    assert found and expected in found[0]["title"].lower()
    assert doc not in {i["id"] for i in found}


@pytest.mark.parametrize("limit", [5])
def test_every_ingested_document_gets_well_formed_answers(ingested: Store, limit: int) -> None:
    with ingested.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM documents WHERE duplicate_of IS NULL ORDER BY id"))]
        for doc in ids:
            found = related(conn, doc, method="text", limit=limit)
            assert len(found) <= limit and doc not in {i["id"] for i in found}
            assert all(0 < i["score"] <= 1 for i in found)


@pytest.mark.parametrize("key", ["grain1"])
def test_a_database_from_before_the_migration_gets_its_tables(any_db_url: str, key: str) -> None:
    from newsgraph.store.schema_kb import RELATED_TABLES

    with Store(any_db_url) as store:
        with store.engine.begin() as conn:
            for table in RELATED_TABLES:  # as in a database made before the related tables existed
                table.drop(conn)
            ids = add_documents(conn, HANDMADE)
        with store.connect() as conn:
            assert not inspect(conn).has_table("related_term_stats")
            found = related(conn, ids[key], method="text")
        with store.connect() as conn:
            assert inspect(conn).has_table("related_term_stats")
    assert found[0]["id"] == ids["grain2"]
