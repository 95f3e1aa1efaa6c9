"""Issues across articles (newsgraph.kb.issues): labels of one thing join, labels of other things stay apart,
the keys are deterministic, and the stored clusters grow incrementally as a rebuild would form them; invented
labels, SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from newsgraph.kb.issues import (
    IssueClusters,
    IssueInfo,
    cluster_key,
    cluster_new,
    features,
    match,
    ordered,
    rebuild_clusters,
    within_window,
)
from newsgraph.store.db import Store
from newsgraph.store.schema import documents, now, stances
from newsgraph.store.schema_kb import issue_cluster_members, issue_clusters


def info(label: str, day: str | None = "2021-03-01", countries: tuple[str, ...] = ()) -> IssueInfo:
    return IssueInfo(label, day, day, 1, frozenset(countries))


def same(a: IssueInfo, b: IssueInfo) -> bool:
    return match(features(a), features(b)) is not None


def test_a_label_names_its_countries_names_and_head_noun() -> None:
    f = features(info("French-Peruvian port deal"))
    assert f.head == "agreement" and f.words == {"port", "agreement"}
    f = features(info("waiver of consular privileges for Ida Marsh"))
    assert f.head == "waiver" and {"ida", "marsh"} <= f.entities
    assert features(info("port deal (France, Peru)")).entities == {"FRA", "PER"}
    assert "minister" not in features(info("Prime Minister Ada Lund's budget plan")).entities


def test_the_countries_that_spoke_stand_in_for_a_label_that_names_none() -> None:
    assert features(info("the harbour levy", countries=("PER",))).entities == {"PER"}
    assert features(info("harbour levy (France)", countries=("PER",))).entities == {"FRA"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("agreement (France, Peru)", "port agreement (France, Peru)"),  # the generic word in the specific
        ("French-Peruvian port deal", "port agreement (France, Peru)"),  # one head family, demonyms
        ("port border accord (France, Peru)", "port boundary agreement (France, Peru)"),  # similar words
        ("strike (Chile, Peru)", "rocket attacks (Chile, Peru)"),
        ("harbour levy (Peru)", "harbour levy (France, Peru)"),  # one set of countries holds the other
    ],
)
def test_labels_of_one_thing_match(a: str, b: str) -> None:
    assert same(info(a), info(b))


def test_a_named_label_is_placed_by_the_countries_that_spoke_on_it() -> None:
    named = info("Andean Free Trade Zone (AFTZ) agreement", countries=("CHL", "PER"))
    assert same(named, info("agreement (Chile, Peru)"))
    assert not same(named, info("agreement (Chile, Ecuador)"))
    assert not same(info("Andean Free Trade Zone (AFTZ) agreement"), info("agreement (Chile, Peru)"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("port agreement (France, Peru)", "port agreement (Chile, Peru)"),  # other countries
        ("port agreement (France, Peru)", "tariff waiver (France, Peru)"),  # another head noun
        ("port agreement (France, Peru)", "military cooperation agreement (France, Peru)"),  # other words
        ("Andean Free Trade Zone (AFTZ) agreement", "waiver of consular privileges for Ida Marsh"),
        ("agreement", "agreement"),  # no entity: only an identical label is the same issue
    ],
)
def test_labels_of_other_things_do_not(a: str, b: str) -> None:
    assert not same(info(a), info(b))


def test_the_time_window() -> None:
    assert within_window(info("x", "2021-01-01"), info("y", "2021-06-30"))
    assert not within_window(info("x", "2021-01-01"), info("y", "2021-09-01"))
    assert within_window(info("x", None), info("y", "2030-01-01"))
    state = IssueClusters()
    first = state.add(info("agreement (France, Peru)", "2021-01-01"))
    assert state.add(info("port agreement (France, Peru)", "2023-01-01")) != first


LABELS = [
    info("French-Peruvian port deal", "2021-03-02"),
    info("agreement (France, Peru)", "2021-03-01"),
    info("port agreement (France, Peru)", "2021-03-05"),
    info("Andean Free Trade Zone (AFTZ) agreement", "2021-03-03", ("CHL", "PER")),
    info("waiver of consular privileges for Ida Marsh", "2021-03-04", ("FRA", "GBR")),
    info("agreement (Chile, Ecuador)", "2021-03-06"),
]


def test_clusters_keys_and_labels_are_deterministic() -> None:
    a, b = IssueClusters(), IssueClusters()
    for x in ordered(LABELS):
        a.add(x)
    for x in ordered(reversed(LABELS)):
        b.add(x)
    assert a.of_label == b.of_label
    port = a.of_label["agreement (France, Peru)"]
    assert port == cluster_key("agreement (France, Peru)")  # the earliest member started it
    assert {k for k, v in a.of_label.items() if v == port} == {
        "agreement (France, Peru)",
        "French-Peruvian port deal",
        "port agreement (France, Peru)",
    }
    assert a.clusters[port].label() == "French-Peruvian port deal"  # most words, then the earliest
    assert len(a.clusters) == 4


# -- the store -----------------------------------------------------------------------------------------


def _store_labels(conn, labels: list[IssueInfo], start: int = 0) -> None:
    for n, x in enumerate(labels, start):
        conn.execute(
            documents.insert().values(
                id=f"d{n}", role="main", title="t", body="b", published=x.first, content_hash=f"h{n}", created_at=now()
            )
        )
        for country in sorted(x.countries) or ["PER"]:
            conn.execute(
                stances.insert().values(
                    document_id=f"d{n}",
                    country=country,
                    issue=x.label,
                    position="supports",
                    sentence="s",
                    start=0,
                    end=1,
                )
            )


def _stored(conn) -> tuple[dict[str, str], dict[str, str]]:
    members = dict(conn.execute(select(issue_cluster_members.c.issue, issue_cluster_members.c.cluster_key)).all())
    labels = dict(conn.execute(select(issue_clusters.c.key, issue_clusters.c.label)).all())
    return members, labels


def test_new_labels_join_the_stored_clusters_as_a_rebuild_forms_them(any_db_url: str) -> None:
    with Store(any_db_url) as store, store.engine.begin() as conn:
        _store_labels(conn, ordered(LABELS)[:3])
        assert cluster_new(conn) == 3
        assert cluster_new(conn) == 0
        _store_labels(conn, ordered(LABELS)[3:], start=3)
        assert cluster_new(conn) == 3
        incremental = _stored(conn)
        assert rebuild_clusters(conn) == (6, 4)
        assert _stored(conn) == incremental
        members, labels = incremental
        assert labels[members["port agreement (France, Peru)"]] == "French-Peruvian port deal"
        sizes = dict(conn.execute(select(issue_clusters.c.label, issue_clusters.c.members)).all())
        assert sizes["French-Peruvian port deal"] == 3
