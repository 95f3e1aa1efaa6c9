from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from newsgraph.store.db import Store
from newsgraph.store.filters import Filters
from newsgraph.store.search import Hit, SearchError, _fts5_query, search
from tests.kb_fixtures import Doc, Ent, Ev, add_documents, build_handmade, build_ingested, database, open_store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with database(request.param, tmp_path_factory.mktemp("search")) as url:
        ids = build_handmade(url)
        store = Store(url)
        yield store, {v: k for k, v in ids.items()}
        store.close()


def _hits(kb, query: str, *, limit: int = 20, offset: int = 0, **filters: str | None) -> list[Hit]:
    store, _ = kb
    with store.connect() as conn:
        return search(conn, query, Filters.make(**filters), limit=limit, offset=offset)


def _keys(kb, query: str, **filters: str | None) -> list[str]:
    return [kb[1][h.document_id] for h in _hits(kb, query, **filters)]


# -- matching and ranking --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("corridor", {"grain1", "grain2"}),
        ("grain corridor", {"grain1", "grain2"}),  # every word
        ("tram OR orchestra", {"tram", "orchestra"}),  # either word
        ("exporting", {"grain1", "grain2", "talks"}),  # stemmed: export, exports
        ("GRAIN Corridor", {"grain1", "grain2"}),  # case does not matter
        ("tram orchestra", set()),
        ("zeppelin", set()),
    ],
)
def test_which_documents_match(kb, query: str, expected: set[str]) -> None:
    assert set(_keys(kb, query)) == expected


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("corridor", "grain2"),  # in the title and twice in the body, against twice in the body only
        ("wheat OR tram", "tram"),  # a title word of a short story
        ("proposal", "talks"),
    ],
)
def test_title_and_frequency_rank_first(kb, query: str, first: str) -> None:
    assert _keys(kb, query)[0] == first


@pytest.mark.parametrize("query", ["grain", "wheat OR tram", "exports"])
def test_scores_are_positive_and_sorted(kb, query: str) -> None:
    scores = [h.score for h in _hits(kb, query)]
    assert scores and scores == sorted(scores, reverse=True)
    assert all(s >= 0 for s in scores)


@pytest.mark.parametrize("query", ["Wheat ships sail", "syndicated"])
def test_near_duplicates_are_not_returned(kb, query: str) -> None:
    assert "grain2copy" not in _keys(kb, query)


@pytest.mark.parametrize(("limit", "pages"), [(1, 3), (2, 2)])
def test_limit_and_offset_page_through_the_ranking(kb, limit: int, pages: int) -> None:
    everything = _keys(kb, "grain")
    paged = [k for page in range(pages) for k in _keys(kb, "grain", limit=limit, offset=page * limit)]
    assert paged == everything and len(everything) == 3


# -- snippets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "marked"),
    [("grain", r"\[grain\]"), ("exports", r"\[exports?\]"), ("Kubrakov", r"\[Kubrakov\]"), ("ODESA", r"\[Odesa\]")],
)
def test_snippets_mark_matches_with_brackets(kb, query: str, marked: str) -> None:
    hits = _hits(kb, query)
    assert hits
    for hit in hits:
        assert re.search(marked, hit.snippet, re.IGNORECASE), hit.snippet
        assert hit.snippet.count("[") == hit.snippet.count("]")


@pytest.mark.parametrize("query", ["crews"])
def test_snippet_is_text_from_the_body(kb, query: str) -> None:
    hit = _hits(kb, query)[0]
    words = re.sub(r"[\[\]…]|\.\.\.", " ", hit.snippet).split()
    assert len(words) >= 5
    assert " ".join(words[:3]) in re.sub(r"\s+", " ", _body(kb, hit.document_id))


def _body(kb, doc_id: str) -> str:
    store, _ = kb
    with store.connect() as conn:
        return conn.execute(text("SELECT body FROM documents WHERE id = :i"), {"i": doc_id}).scalar_one()


# -- filters -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "expected"),
    [("RUS", ["grain2"]), ("rus", ["grain2"]), ("UKR", ["grain1", "protest", "grain2"]), ("POL", ["protest"])],
)
def test_country_filter(kb, country: str, expected: list[str]) -> None:
    assert _keys(kb, "grain", country=country) == [k for k in _keys(kb, "grain") if k in expected]


@pytest.mark.parametrize("country", ["EST"])
def test_country_filter_reads_event_countries_too(any_db_url: str, country: str) -> None:
    story = Doc(
        "sanctions",
        "Ministers agree new sanctions",
        "Ministers agreed new sanctions on Tuesday after a long meeting in the capital.",
        "2024-03-01",
        [Ent("person", "Anna Berg")],
        [Ev("COERCE", "FIN", country)],  # no mention of that country, only the event's target
    )
    with open_store(any_db_url) as store:
        with store.engine.begin() as conn:
            add_documents(conn, [story])
        assert [h.title for h in store.search("sanctions", Filters.make(country=country))] == [story.title]
        assert store.search("sanctions", Filters.make(country="LVA")) == []


@pytest.mark.parametrize(
    ("query", "person", "expected"),
    [
        ("grain", "Kubrakov", ["grain1"]),  # an alias
        ("grain", "oleksandr kubrakov", ["grain1"]),  # the name, any case
        ("Odesa", "kubra", ["grain1", "minister"]),  # part of a name
        ("proposal", "Peskov", ["talks"]),
        ("grain", "Peskov", []),
        ("grain", "Odesa", []),  # a place is not a person
    ],
)
def test_person_filter(kb, query: str, person: str, expected: list[str]) -> None:
    assert sorted(_keys(kb, query, person=person)) == expected


@pytest.mark.parametrize("person", ["%", "_"])
def test_person_filter_takes_like_wildcards_literally(kb, person: str) -> None:
    assert _keys(kb, "grain", person=person) == []


@pytest.mark.parametrize(
    ("query", "event_type", "expected"),
    [
        ("grain", "THREATEN", ["grain2"]),
        ("grain", "threaten", ["grain2"]),
        ("grain", "ASSAULT", []),  # only a negated assault
        ("proposal", "CONSULT", []),  # only a hypothetical consultation
        ("proposal", "REJECT", ["talks"]),
        ("Odesa", "CONSULT", ["minister"]),
    ],
)
def test_event_type_filter_counts_facts_only(kb, query: str, event_type: str, expected: list[str]) -> None:
    assert _keys(kb, query, event_type=event_type) == expected


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2023-08-05", None, {"grain2", "minister", "talks", "tram"}),
        (None, "2023-08-05", {"grain1"}),
        ("2023-08", "2023-08", {"grain1", "grain2", "minister", "talks"}),  # a month, both ends included
        ("2023-08-31", "2023-08-31", {"talks"}),  # published 2023-08-31T18:30:00Z
        ("2023", "2023", {"grain1", "grain2", "minister", "talks"}),
        ("2024", None, {"tram"}),
        ("2025", None, set()),
    ],
)
def test_publication_window(kb, since: str | None, until: str | None, expected: set[str]) -> None:
    query = "Odesa OR proposal OR tram OR grain"
    assert set(_keys(kb, query, since=since, until=until)) == expected


@pytest.mark.parametrize("since", ["2000"])
def test_undated_documents_fall_outside_any_window(kb, since: str) -> None:
    assert "protest" in _keys(kb, "farmers")
    assert "protest" not in _keys(kb, "farmers", since=since)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "UKR", "since": "2023-08-05"}, ["grain2"]),
        ({"country": "UKR", "person": "Kubrakov"}, ["grain1"]),
        ({"country": "RUS", "event_type": "THREATEN", "until": "2023-08"}, ["grain2"]),
        ({"country": "RUS", "person": "Kubrakov"}, []),
    ],
)
def test_filters_combine(kb, filters: dict, expected: list[str]) -> None:
    assert _keys(kb, "grain", **filters) == expected


# -- bad queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_raises(kb, query: str) -> None:
    with pytest.raises(SearchError) as err:
        _hits(kb, query)
    assert err.value.code == "Q001" and "query" in err.value.message


@pytest.mark.parametrize("query", ["!!!", "*", "—", '""', "( )", "- -"])
def test_query_without_words_raises(kb, query: str) -> None:
    with pytest.raises(SearchError):
        _hits(kb, query)


@pytest.mark.parametrize(
    "query",
    ["NEAR(grain", 'grain "unbalanced', "grain AND", "body:grain", "grain^", "(grain)", "grain*", "OR grain OR", "'"],
)
def test_query_syntax_characters_never_reach_the_engine_raw(kb, query: str) -> None:
    try:
        hits = _hits(kb, query)
    except SearchError:
        return
    assert all(isinstance(h, Hit) for h in hits)


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-1, 0), (5, -1)])
def test_bad_limit_or_offset_raises(kb, limit: int, offset: int) -> None:
    with pytest.raises(SearchError):
        _hits(kb, "grain", limit=limit, offset=offset)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("grain -wheat", set()),  # every grain story mentions wheat
        ("grain -farmers", {"grain1", "grain2"}),
        ('"grain corridor"', {"grain1", "grain2"}),
        ('"corridor grain"', set()),  # a phrase keeps its order
        ('"black sea" -insurers', set()),
        ("tram OR -wheat grain", {"tram"}),
        ("wheat -farmers OR tram", {"grain1", "grain2", "tram"}),  # an exclusion belongs to its alternative
    ],
)
def test_phrases_and_exclusions_mean_the_same_on_both_backends(kb, query: str, expected: set[str]) -> None:
    assert set(_keys(kb, query)) == expected


# -- on ingested pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ingested(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("search_ingested")
    with database(request.param, folder) as url:
        build_ingested(url, folder / "pages")
        store = Store(url)
        yield store
        store.close()


@pytest.mark.parametrize(
    ("query", "filters", "title"),
    [
        ("grain", {"person": "Peskov"}, "Russia pulls out of the Black Sea grain deal"),
        ("grain", {"country": "TUR"}, "Russia pulls out of the Black Sea grain deal"),
        ("strike", {"since": "2024-05-07"}, "Dock workers in Westhaven end strike after pay deal"),
        ("BRICS", {"until": "2023-08"}, "BRICS leaders invite six countries to join the bloc at Johannesburg summit"),
    ],
)
def test_ingested_pages_are_found_with_their_facts(ingested: Store, query: str, filters: dict, title: str) -> None:
    hits = ingested.search(query, Filters.make(**filters))
    assert title in [h.title for h in hits]
    assert all("[" in h.snippet for h in hits if h.title == title)


# -- the ranking equals a reference ranking of every match (ties at the cut included) ---------------

# Four stories, each stored seven times under new ids (dates shifted, one undated, two on the same
# day): copies score the same, so the cut at ``limit`` falls inside a group of ties.
STORIES = [
    (
        "Harbour cranes idle as dockers strike",
        "Dockers at the harbour walked out over pay; the harbour cranes stood idle.",
    ),
    ("Harbour reopens", "The harbour reopened after the strike ended, and ferries left on time."),
    ("Ferry timetable changes", "Ferries will leave the harbour every hour, the ferry company said."),
    ("Strike talks fail", "Talks between dockers and the port authority failed; a new strike starts Monday."),
]
COPIES = 7


def _tied_docs() -> list[Doc]:
    docs = []
    for s, (title, body) in enumerate(STORIES):
        for k in range(COPIES):
            published = None if k == 3 else f"2024-0{1 + k % 5}-1{k % 2}"  # k = 0 and 5 share a day
            evs = [Ev("PROTEST", "NLD")] if k % 2 == 0 else []
            docs.append(Doc(f"story{s}-{k}", title, body, published, [Ent("country", "NLD", "NLD")], evs))
    return docs


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def tied(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with database(request.param, tmp_path_factory.mktemp("search_tied")) as url:
        store = open_store(url)
        with store.engine.begin() as conn:
            add_documents(conn, _tied_docs())
        yield store
        store.close()


def _reference(conn, query: str, event_type: str | None = None) -> list[str]:
    """Every match ranked by the whole score, then date (newest first, undated last), then id."""
    if conn.dialect.name == "postgresql":
        sql = (
            "SELECT id FROM documents WHERE tsv @@ websearch_to_tsquery('english', :q) AND duplicate_of IS NULL "
            "ORDER BY ts_rank_cd(tsv, websearch_to_tsquery('english', :q)) DESC, published DESC NULLS LAST, id"
        )
    else:
        sql = (
            "SELECT d.id FROM documents_fts f JOIN documents d ON d.id = f.document_id WHERE documents_fts MATCH :q "
            "ORDER BY -bm25(documents_fts, 0.0, 2.0, 1.0) DESC, d.published DESC, d.id"
        )
    match = query if conn.dialect.name == "postgresql" else _fts5_query(query)
    ids = list(conn.execute(text(sql), {"q": match}).scalars())
    if event_type:
        typed = set(conn.execute(text("SELECT document_id FROM events WHERE type = :t"), {"t": event_type}).scalars())
        ids = [i for i in ids if i in typed]
    return ids


@pytest.mark.parametrize("query", ["harbour", "strike", "dockers", "ferry OR talks", "harbour -ferries"])
@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (5, 0), (5, 5), (3, 9), (10, 20)])
@pytest.mark.parametrize("event_type", [None, "PROTEST"])
def test_pages_equal_the_reference_ranking(
    tied: Store, query: str, limit: int, offset: int, event_type: str | None
) -> None:
    with tied.connect() as conn:
        expected = _reference(conn, query, event_type)[offset : offset + limit]
        hits = search(conn, query, Filters.make(event_type=event_type), limit=limit, offset=offset)
    assert [h.document_id for h in hits] == expected
    assert all(h.snippet for h in hits)


@pytest.mark.parametrize("query", ["harbour"])
def test_search_leaves_the_session_settings_as_they_were(tied: Store, query: str) -> None:
    with tied.connect() as conn:
        if conn.dialect.name != "postgresql":
            pytest.skip("jit is a PostgreSQL setting")
        before = conn.execute(text("SELECT current_setting('jit')")).scalar()
        search(conn, query)
        assert conn.execute(text("SELECT current_setting('jit')")).scalar() == before


@pytest.mark.parametrize("bound", [5])
def test_postgresql_ranks_a_bounded_candidate_set(tied: Store, bound: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.store import search as module

    monkeypatch.setattr(module, "PG_CANDIDATES", bound)
    with tied.connect() as conn:
        everything = _reference(conn, "harbour")
        hits = search(conn, "harbour", limit=3)
        deeper = search(conn, "harbour", limit=20)  # the candidates are at least the rows asked for
    if conn.dialect.name != "postgresql":
        assert [h.document_id for h in hits] == everything[:3]  # SQLite: every match below its own bound
        return
    assert len(everything) > bound and len(hits) == 3 and len(deeper) == 20
    assert set(h.document_id for h in hits + deeper) <= set(everything)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize(("query", "event_type"), [("harbour", "PROTEST"), ("strike", "PROTEST")])
@pytest.mark.parametrize("bound", [2, 3])
def test_postgresql_widens_the_candidates_until_the_filters_leave_enough(
    tied: Store, query: str, event_type: str, bound: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.store import search as module

    with tied.connect() as conn:
        if conn.dialect.name != "postgresql":
            pytest.skip("PG_CANDIDATES is PostgreSQL's")
        monkeypatch.setattr(module, "PG_CANDIDATES", bound)
        passing = _reference(conn, query, event_type)
        hits = search(conn, query, Filters.make(event_type=event_type), limit=10)
    assert len(hits) == min(10, len(passing))
    assert {h.document_id for h in hits} <= set(passing)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def _newest_reference(conn, query: str, bound: int) -> list[str]:
    """SQLite: the ``bound`` most recently stored matches (highest index rowids), ranked as search ranks."""
    sql = (
        "SELECT d.id FROM (SELECT rowid AS r FROM documents_fts WHERE documents_fts MATCH :q "
        "ORDER BY rowid DESC LIMIT :bound) newest JOIN documents_fts f ON f.rowid = newest.r "
        "JOIN documents d ON d.id = f.document_id WHERE documents_fts MATCH :q "
        "ORDER BY -bm25(documents_fts, 0.0, 2.0, 1.0) DESC, d.published DESC, d.id"
    )
    return list(conn.execute(text(sql), {"q": _fts5_query(query), "bound": bound}).scalars())


@pytest.mark.parametrize("query", ["harbour", "strike", "ferry OR talks"])
@pytest.mark.parametrize(("bound", "limit", "offset"), [(6, 5, 0), (6, 3, 3), (4, 5, 0), (10, 4, 4)])
def test_sqlite_ranks_the_newest_matches_only(
    tied: Store, query: str, bound: int, limit: int, offset: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.store import search as module

    with tied.connect() as conn:
        if conn.dialect.name != "sqlite":
            pytest.skip("the rowid bound is SQLite's")
        monkeypatch.setattr(module, "SQLITE_CANDIDATES", bound)
        everything = _reference(conn, query)
        assert len(everything) > max(bound, limit + offset)  # the bound is in force
        expected = _newest_reference(conn, query, max(bound, limit + offset))[offset : offset + limit]
        hits = search(conn, query, limit=limit, offset=offset)
    assert [h.document_id for h in hits] == expected
    assert all(h.snippet for h in hits)


@pytest.mark.parametrize(("query", "event_type"), [("harbour", "PROTEST"), ("strike", "PROTEST")])
@pytest.mark.parametrize("bound", [2, 3])
def test_sqlite_widens_the_candidates_until_the_filters_leave_enough(
    tied: Store, query: str, event_type: str, bound: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.store import search as module

    with tied.connect() as conn:
        if conn.dialect.name != "sqlite":
            pytest.skip("the rowid bound is SQLite's")
        monkeypatch.setattr(module, "SQLITE_CANDIDATES", bound)
        passing = _reference(conn, query, event_type)
        hits = search(conn, query, Filters.make(event_type=event_type), limit=10)
    assert len(hits) == min(10, len(passing))  # the newest 2 or 3 matches hold fewer
    assert {h.document_id for h in hits} <= set(passing)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
