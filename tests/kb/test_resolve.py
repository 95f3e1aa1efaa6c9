"""Entity resolution across documents (newsgraph.kb.resolve): pure rules, then small databases, then the corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.analysis.entities import entity_profile, explain
from newsgraph.kb.members import Candidate, Member
from newsgraph.kb.rebuild import rebuild_kb
from newsgraph.kb.resolve import (
    analyze_name,
    canonical_id,
    cluster_block,
    decide_partial,
    member_aliases,
    member_roles,
    resolve_documents,
    resolve_new,
    role_key,
)
from newsgraph.store.db import Store
from newsgraph.store.schema import entities
from newsgraph.store.schema_kb import canonical_entities, entity_links
from tests.resolve_fixtures import P, add_doc, canonical_of, kb_store, links, open_kb

# -- names ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "display", "key", "stripped"),
    [
        ("person", "Vladimir Putin", "Vladimir Putin", "vladimir putin", ""),
        ("person", "Russian President Vladimir Putin", "Vladimir Putin", "vladimir putin", "Russian President"),
        ("person", "President Putin", "Putin", "putin", "President"),
        ("person", "Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "kassym jomart tokayev", ""),
        ("person", "Jordan Peterson", "Jordan Peterson", "jordan peterson", ""),  # a country, no title after it
        ("person", "Dr. Anthony Fauci", "Anthony Fauci", "anthony fauci", "Dr."),
        ("organization", "the Kremlin", "the Kremlin", "kremlin", ""),
        ("country", "RUS", "RUS", "RUS", ""),
    ],
)
def test_analyze_name(kind: str, name: str, display: str, key: str, stripped: str) -> None:
    info = analyze_name(kind, name)
    assert (info.display, info.key, info.stripped) == (display, key, stripped)


@pytest.mark.parametrize(
    ("kind", "name", "block"),
    [
        ("person", "Vladimir Putin", "person|putin"),
        ("person", "Putin", "person|putin"),
        ("place", "Kyiv", "place|kyiv"),
    ],
)
def test_blocks_are_kind_and_surname(kind: str, name: str, block: str) -> None:
    assert analyze_name(kind, name).block == block


@pytest.mark.parametrize(
    ("role", "key"),
    [
        ("Russian president", "president"),
        ("president of Russia", "president"),
        ("Prime Minister", "prime minister"),
        ("Deputy Prime Minister", "deputy prime minister"),
        ("Secretary General of NATO", "secretary general"),
        ("the man in the hat", None),
        (None, None),
    ],
)
def test_role_key(role: str | None, key: str | None) -> None:
    assert role_key(role) == key


@pytest.mark.parametrize(
    ("args", "same"),
    [
        ((("person", "vladimir putin"), ("person", "vladimir putin")), True),
        ((("person", "vladimir putin"), ("organization", "vladimir putin")), False),
        ((("person", "johnson", "GBR"), ("person", "johnson", "USA")), False),
    ],
)
def test_canonical_id_is_a_pure_function_of_kind_name_and_country(args: tuple, same: bool) -> None:
    a, b = args
    assert (canonical_id(*a) == canonical_id(*b)) is same and len(canonical_id(*a)) == 16


def _cluster(*names: str) -> dict[str, tuple[bool, str | None, str]]:
    decisions = cluster_block({n: analyze_name("person", n) for n in names})
    return {n: (d.partial, d.canonical_name, d.rule) for n, d in decisions.items()}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ("Vladimir Putin", "Russian President Vladimir Putin", "Putin", "V. Putin"),
            {
                "Vladimir Putin": (False, "Vladimir Putin", "same-full-name"),
                "Russian President Vladimir Putin": (False, "Vladimir Putin", "title+name"),
                "Putin": (True, None, "partial"),
                "V. Putin": (False, "Vladimir Putin", "initial+surname"),
            },
        ),
        (
            ("Brian T. Carroll", "Brian Carroll", "Lewis Carroll"),
            {
                "Brian T. Carroll": (False, "Brian Carroll", "first+last-name"),
                "Brian Carroll": (False, "Brian Carroll", "same-full-name"),
                "Lewis Carroll": (False, "Lewis Carroll", "same-full-name"),
            },
        ),
        (
            ("J. Smith", "John Smith", "Jane Smith"),
            {
                "J. Smith": (False, "J. Smith", "own-name"),  # two full names fit: no merge
                "John Smith": (False, "John Smith", "same-full-name"),
                "Jane Smith": (False, "Jane Smith", "same-full-name"),
            },
        ),
        (
            ("Gloria La Riva", "La Riva"),
            {"Gloria La Riva": (False, "Gloria La Riva", "same-full-name"), "La Riva": (True, None, "partial")},
        ),
    ],
)
def test_cluster_block(names: tuple[str, ...], expected: dict) -> None:
    assert _cluster(*names) == expected


@pytest.mark.parametrize("names", [("Brian Carroll", "Brian T. Carroll", "Carroll", "Lewis Carroll")])
def test_cluster_block_does_not_depend_on_order(names: tuple[str, ...]) -> None:
    assert _cluster(*names) == _cluster(*reversed(names))


def _cand(
    name: str, country: str | None = None, roles: tuple[str, ...] = (), aliases: tuple[str, ...] = ()
) -> Candidate:
    info = analyze_name("person", name)
    return Candidate(
        canonical_id("person", info.key), name, info.tokens, info.block, country, frozenset(roles), frozenset(aliases)
    )


def _named(name: str, times: int) -> Candidate:
    c = _cand(name, None, (), ("trump",))
    return Candidate(c.canonical_id, c.name, c.tokens, c.block, None, c.roles, c.aliases, (("trump", times),))


BORIS = _cand("Boris Johnson", "GBR", ("prime minister",), ("johnson",))
DUSTIN = _cand("Dustin Johnson", "USA", ("golfer",), ("johnson",))
ANDREW = _cand("Andrew Johnson", None, (), ())


@pytest.mark.parametrize(
    ("name", "country", "roles", "candidates", "expected", "rule"),
    [
        ("Johnson", "GBR", (), [BORIS, DUSTIN], "Boris Johnson", "alias-table"),
        ("Johnson", "USA", (), [BORIS, DUSTIN], "Dustin Johnson", "alias-table"),
        ("Johnson", None, ("prime minister",), [BORIS, DUSTIN], "Boris Johnson", "title+surname"),
        ("Prime Minister Johnson", None, (), [BORIS, DUSTIN], "Boris Johnson", "title+surname"),
        ("Johnson", None, (), [BORIS, DUSTIN], "Johnson", "ambiguous-surname"),
        ("Johnson", "FRA", (), [BORIS, DUSTIN], "Johnson", "surname-only"),  # every candidate is foreign
        ("Johnson", None, (), [ANDREW], "Andrew Johnson", "unique-surname"),
        ("Johnson", "USA", (), [BORIS, ANDREW], "Andrew Johnson", "unique-surname"),
        ("Smith", None, (), [BORIS], "Smith", "surname-only"),
        ("Trump", None, (), [_named("Donald Trump", 39), _named("Mary Trump", 1)], "Donald Trump", "alias-table"),
        ("Trump", None, (), [_named("Donald Trump", 3), _named("Mary Trump", 1)], "Trump", "ambiguous-surname"),
    ],
)
def test_decide_partial(
    name: str, country: str | None, roles: tuple[str, ...], candidates: list[Candidate], expected: str, rule: str
) -> None:
    d = decide_partial(analyze_name("person", name), country, roles, sorted(candidates, key=lambda c: c.canonical_id))
    assert (d.canonical_name, d.rule) == (expected, rule)
    assert 0 < d.score <= 1 and d.evidence
    if not d.resolved:
        assert d.canonical_id == canonical_id("person", analyze_name("person", name).key, country)


@pytest.mark.parametrize("order", [1, -1])
def test_decide_partial_does_not_depend_on_candidate_order(order: int) -> None:
    cands = sorted([BORIS, DUSTIN, ANDREW][::order], key=lambda c: c.canonical_id)
    assert decide_partial(analyze_name("person", "Johnson"), "GBR", (), cands).canonical_name == "Boris Johnson"


@pytest.mark.parametrize(
    ("roles", "texts", "expected_roles", "expected_aliases"),
    [
        (
            ["Russian president", "President"],
            ["Vladimir Putin", "Putin", "PUTIN"],
            {"president": "Russian president"},
            {"putin"},
        ),
        ([], ["Vladimir Putin"], {}, set()),
    ],
)
def test_member_roles_and_aliases(
    roles: list[str], texts: list[str], expected_roles: dict, expected_aliases: set
) -> None:
    m = Member("e", "d", "person", "Vladimir Putin", None, roles=roles, texts=[(t, "s", 0, 1) for t in texts])
    assert member_roles(m) == expected_roles
    assert set(member_aliases(m)) == expected_aliases


# -- small databases --------------------------------------------------------------------------------

PUTIN_DOCS: list[tuple[str, str, list[P]]] = [
    ("p1", "2019-06-01", [P("Vladimir Putin", "President", "RUS", ["Putin"])]),
    ("p2", "2020-01-15", [P("Putin", "Russian president", "RUS")]),
    ("p3", "2021-03-03", [P("Russian President Vladimir Putin", None, "RUS")]),
    ("p4", "2022-02-27", [P("V. Putin", None, None)]),
    ("p5", "2022-03-01", [P("Putin", None, None)]),
]
JOHNSON_DOCS: list[tuple[str, str, list[P]]] = [
    ("j1", "2019-07-24", [P("Boris Johnson", "Prime Minister", "GBR", ["Johnson"])]),
    ("j2", "2019-08-11", [P("Dustin Johnson", "golfer", "USA", ["Johnson"])]),
    ("j3", "2019-09-01", [P("Johnson", None, "GBR")]),
    ("j4", "2019-09-02", [P("Johnson", None, "USA")]),
    ("j5", "2019-09-03", [P("Johnson", "Prime Minister", None)]),
]
OTHER_DOCS: list[tuple[str, str, list[P]]] = [
    ("o1", "2020-02-02", [P("Brian T. Carroll", "candidate", "USA"), P("La Riva", None, "USA")]),
    ("o2", "2020-02-03", [P("Brian Carroll", "candidate", "USA"), P("Gloria La Riva", "candidate", "USA")]),
    ("o3", "2020-02-04", [P("Kyiv", kind="place", country="UKR"), P("Kremlin", kind="organization", country="RUS")]),
]
ALL_DOCS = PUTIN_DOCS + JOHNSON_DOCS + OTHER_DOCS


def _write(conn: Connection, docs: list[tuple[str, str, list[P]]]) -> None:
    for doc_id, published, people in docs:
        add_doc(conn, doc_id, published, people)


@pytest.fixture
def kb(any_db_url: str) -> Iterator[Store]:
    with kb_store(any_db_url) as store:
        yield store


def _people_links(conn: Connection, word: str) -> set[str]:
    q = (
        select(entity_links.c.canonical_id)
        .join(entities, entities.c.id == entity_links.c.entity_id)
        .where(entities.c.kind == "person", entities.c.name.like(f"%{word}%"))
        .distinct()
    )
    return set(conn.execute(q).scalars())


@pytest.mark.parametrize("docs", [PUTIN_DOCS])
def test_every_form_of_putin_is_one_entity(kb: Store, docs: list) -> None:
    with kb.engine.begin() as conn:
        _write(conn, docs)
        summary = resolve_new(conn)
        assert summary.documents == len(docs)
        (cid,) = _people_links(conn, "Putin")
        assert conn.execute(select(canonical_entities.c.name).where(canonical_entities.c.id == cid)).scalar() == (
            "Vladimir Putin"
        )
        rules = {(d["member"], d["rule"]) for d in explain(conn, "Putin")}
    assert rules >= {
        ("Vladimir Putin", "same-full-name"),
        ("Russian President Vladimir Putin", "title+name"),
        ("V. Putin", "initial+surname"),
        ("Putin", "title+surname"),  # p2: "Russian president" ~ "President" of p1
        ("Putin", "alias-table"),  # p5: "Putin" names him in p1
        ("Putin", "surname-alias-in-document"),  # p1: the extractor's own merge
    }


@pytest.mark.parametrize("docs", [JOHNSON_DOCS])
def test_two_johnsons_of_different_countries_stay_apart(kb: Store, docs: list) -> None:
    with kb.engine.begin() as conn:
        _write(conn, docs)
        resolve_new(conn)
        boris, dustin = canonical_of(conn, "Boris Johnson", "j1"), canonical_of(conn, "Dustin Johnson", "j2")
        assert boris != dustin
        assert canonical_of(conn, "Johnson", "j3") == boris  # GBR
        assert canonical_of(conn, "Johnson", "j4") == dustin  # USA
        assert canonical_of(conn, "Johnson", "j5") == boris  # the Prime Minister
        assert entity_profile(conn, "Boris Johnson")["country"] == "GBR"
        assert entity_profile(conn, "Dustin Johnson")["country"] == "USA"


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        (
            [
                ("s1", "2022-01-05", [P("Alikhan Smailov", "Prime Minister", "KAZ")]),
                ("s2", "2022-06-01", [P("Smailov", "prime minister", "KAZ")]),
                ("s3", "2023-03-10", [P("Alikhan Smailov", "President", "KAZ")]),
            ],
            [
                ("prime minister", "2022-01-05", "2022-06-01", ["s1", "s2"]),
                ("president", "2023-03-10", "2023-03-10", ["s3"]),
            ],
        )
    ],
)
def test_roles_are_kept_with_their_dates(kb: Store, docs: list, expected: list) -> None:
    with kb.engine.begin() as conn:
        _write(conn, docs)
        resolve_new(conn)
        profile = entity_profile(conn, "Smailov")
    assert profile["name"] == "Alikhan Smailov" and profile["country"] == "KAZ"
    assert [(r["role"], r["first_seen"], r["last_seen"], r["documents"]) for r in profile["roles"]] == expected
    assert (profile["first_seen"], profile["last_seen"], profile["documents"]) == ("2022-01-05", "2023-03-10", 3)


def _state(conn: Connection) -> tuple[set, set]:
    names = {(r.id, r.name) for r in conn.execute(select(canonical_entities))}
    return links(conn), names


def _one_by_one(url: str, docs: list) -> tuple[set, set]:
    with kb_store(url) as store, store.engine.begin() as conn:
        for doc in docs:
            _write(conn, [doc])
            resolve_documents(conn, [doc[0]])
        return _state(conn)


@pytest.mark.parametrize(
    "reorder",
    [lambda d: list(reversed(d)), lambda d: sorted(d, key=lambda x: x[0][::-1]), lambda d: d[1::2] + d[0::2]],
)
def test_canonical_ids_and_links_do_not_depend_on_ingest_order(
    any_db_url: str, tmp_path: Path, reorder: Callable
) -> None:
    forward = _one_by_one(f"sqlite:///{tmp_path / 'forward.db'}", ALL_DOCS)
    other = _one_by_one(any_db_url, reorder(ALL_DOCS))
    assert other == forward


@pytest.mark.parametrize("docs", [ALL_DOCS])
def test_resolving_twice_changes_nothing_and_a_rebuild_gives_the_same(kb: Store, docs: list) -> None:
    with kb.engine.begin() as conn:
        _write(conn, docs)
        resolve_new(conn)
        first = _state(conn)
        again = resolve_documents(conn, [d[0] for d in docs])
        assert (again.documents, again.members) == (0, 0) and _state(conn) == first
        rebuilt = rebuild_kb(conn)
        assert rebuilt.documents == len(docs) and _state(conn) == first


@pytest.mark.parametrize("surname_first", [True])
def test_a_surname_seen_before_its_full_name_is_relinked(kb: Store, surname_first: bool) -> None:
    with kb.engine.begin() as conn:
        add_doc(conn, "early", "2020-01-01", [P("Zhaparov", "President", "KGZ")])
        resolve_documents(conn, ["early"])
        alone = canonical_of(conn, "Zhaparov", "early")
        assert alone == canonical_id("person", "zhaparov", "KGZ")
        add_doc(conn, "late", "2020-01-02", [P("Sadyr Zhaparov", "President", "KGZ")])
        summary = resolve_documents(conn, ["late"])
        full = canonical_of(conn, "Sadyr Zhaparov", "late")
        assert summary.relinked == 1 and canonical_of(conn, "Zhaparov", "early") == full
        ids = set(conn.execute(select(canonical_entities.c.id)).scalars())
    assert alone not in ids  # left without links, so deleted


@pytest.mark.parametrize("docs", [ALL_DOCS])
def test_every_stored_link_has_a_canonical_entity_and_a_rule(kb: Store, docs: list) -> None:
    with kb.engine.begin() as conn:
        _write(conn, docs)
        resolve_new(conn)
        ids = set(conn.execute(select(canonical_entities.c.id)).scalars())
        rows = conn.execute(select(entity_links)).all()
    assert rows and {r.canonical_id for r in rows} == ids
    assert all(r.rule and 0 < r.score <= 1 and r.evidence for r in rows)
    assert Counter(r.rule for r in rows)["same-name"] == 2  # the place and the organization


# -- the real pipeline: seed page + the Wikinews articles that name Putin ---------------------------


@pytest.fixture(scope="session")
def analyzer():
    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer

    return Analyzer(Settings.load(env={}))


def _ingest(url: str, analyzer: object, paths: list[Path], published: str | None = None) -> None:
    from newsgraph.core.settings import Settings
    from newsgraph.ingest.pipeline import Pipeline

    store = open_kb(url)
    try:
        Pipeline(Settings.load(env={}, db=url), store=store, analyzer=analyzer).ingest(  # type: ignore[arg-type]
            [str(p) for p in paths], published=published
        )
    finally:
        store.close()


def _rows_with(wikinews_dir: Path, word: str, out: Path) -> Path:
    """A CSV of the Wikinews rows whose text contains ``word`` (same columns as the corpus files)."""
    import csv

    csv.field_size_limit(1 << 30)
    rows: list[dict[str, str]] = []
    header: list[str] = []
    for path in sorted(wikinews_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            rows.extend(r for r in reader if word in r.get("text", ""))
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return out


@pytest.mark.corpus
@pytest.mark.parametrize("word", ["Putin"])
def test_seed_and_wikinews_leave_one_vladimir_putin(
    any_db_url: str, analyzer: object, seed_path: Path, wikinews_dir: Path, tmp_path: Path, word: str
) -> None:
    _ingest(any_db_url, analyzer, [seed_path], published="2022-02-27")
    _ingest(any_db_url, analyzer, [_rows_with(wikinews_dir, word, tmp_path / "putin.csv")])
    with kb_store(any_db_url) as store, store.engine.begin() as conn:
        # ingest resolves each batch as it is stored: nothing is left for a catch-up run
        assert resolve_new(conn).documents == 0
        (cid,) = _people_links(conn, word)
        profile = entity_profile(conn, word)
        decisions = explain(conn, word)
    assert (profile["id"], profile["name"], profile["country"]) == (cid, "Vladimir Putin", "RUS")
    assert profile["documents"] >= 6 and any(r["role"] == "president" for r in profile["roles"])
    rules = {d["rule"] for d in decisions}
    assert {"same-full-name", "surname-alias-in-document"} <= rules
    assert all(d["canonical_id"] == cid and d["evidence_document"] for d in decisions)
