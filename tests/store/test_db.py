from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from newsgraph.core.errors import NotFound, SchemaTooNew
from newsgraph.core.model import RawPage
from newsgraph.ingest.segment import segment
from newsgraph.store.db import NewPage, Store
from newsgraph.store.migrations import head_revision
from tests.conftest import pg_schema_url

PAGE = (
    "Ministers agree on a new trade pact\n\nImage removed.\n\n"
    "Trade ministers from four countries agreed on Monday to cut tariffs on farm goods, officials said.\n\n"
    "The pact still needs the approval of each parliament.\n\n"
    "Sources: Wire Service\n\nPopular\n\nNews\nPort strike ends after a week\n\nPort strike ends after a week\n\n"
    "Dock workers returned to work on Friday after the union accepted a new pay offer from the port operators.\n"
)


def _seg(text: str = PAGE, source: str = "p.txt"):
    raw = RawPage(source=source, kind="text", text=text, published="2024-05-06")
    return raw, segment(raw)


def test_new_database_is_at_the_latest_schema(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        assert store.counts()["documents"] == 0


def test_reopening_applies_nothing_twice(any_db_url: str) -> None:
    Store(any_db_url).close()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()


def test_newer_schema_is_refused(any_db_url: str) -> None:
    with Store(any_db_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'future'"))
    with pytest.raises(SchemaTooNew):
        Store(any_db_url)


def test_save_page_is_idempotent(any_db_url: str) -> None:
    raw, seg = _seg()
    with Store(any_db_url) as store:
        first = store.save_page(raw, seg)
        assert (first.status, first.documents, first.teasers) == ("new", 2, 1)
        again = store.save_page(raw, seg)
        assert again.status == "unchanged"
        assert store.counts()["documents"] == 2


def test_same_teaser_on_two_pages_is_stored_once(any_db_url: str) -> None:
    raw, seg = _seg()
    other = PAGE.replace("Ministers agree on a new trade pact", "Court rules on the trade pact").replace(
        "Trade ministers from four", "Judges in four"
    )
    raw2, seg2 = _seg(other, "q.txt")
    with Store(any_db_url) as store:
        store.save_page(raw, seg)
        second = store.save_page(raw2, seg2)
        assert second.linked == 1
        teaser = store.document(seg.teasers[0].id)
        assert len(teaser["pages"]) == 2


def test_near_duplicate_is_linked_not_stored_twice(any_db_url: str) -> None:
    raw, seg = _seg()
    variant = PAGE.replace("on Monday", "on Tuesday").replace("Popular", "Trending")
    raw2, seg2 = _seg(variant, "copy.txt")
    with Store(any_db_url) as store:
        store.save_page(raw, seg)
        result = store.save_page(raw2, seg2)
        assert result.duplicates == 1
        doc = store.document(seg2.main.id)
        assert doc["duplicate_of"] == seg.main.id and doc["body"] == ""
    with Store(any_db_url) as reopened:  # the LSH index is rebuilt from the stored signatures
        raw3, seg3 = _seg(variant.replace("on Tuesday", "on Wednesday"), "copy2.txt")
        assert reopened.save_page(raw3, seg3).duplicates == 1


def test_failed_page_leaves_no_trace(any_db_url: str) -> None:
    raw, seg = _seg()

    def boom(conn, doc):
        raise RuntimeError("extractor exploded")

    with Store(any_db_url) as store:
        with pytest.raises(RuntimeError):
            store.save_page(raw, seg, write_facts=boom)
        assert store.counts()["pages"] == 0 and store.counts()["documents"] == 0
        assert store.save_page(raw, seg).status == "new"


def _pages_for_a_batch() -> list:
    """A page, a near copy of it, a page sharing its teaser, and the first page again."""
    other = PAGE.replace("Ministers agree on a new trade pact", "Court rules on the trade pact").replace(
        "Trade ministers from four", "Judges in four"
    )
    variant = PAGE.replace("on Monday", "on Tuesday").replace("Popular", "Trending")
    return [_seg(PAGE), _seg(variant, "copy.txt"), _seg(other, "q.txt"), _seg(PAGE, "again.txt")]


def _stored(store: Store) -> dict[str, list[tuple]]:
    tables = ("pages", "documents", "page_documents", "documents_fts")
    out = {}
    with store.engine.connect() as conn:
        for table in tables if store.dialect == "sqlite" else tables[:3]:
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings()
            out[table] = sorted(
                tuple(bytes(v) if isinstance(v, memoryview) else v for k, v in r.items() if not k.endswith("_at"))
                for r in rows
            )
    return out


@contextmanager
def _second_database(url: str, tmp_path: Path) -> Iterator[str]:
    """A second fresh database on the same backend as ``url``."""
    if url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.db'}"
        return
    with pg_schema_url() as second:
        yield second


@pytest.mark.parametrize("size", [2, 4])
def test_a_batch_stores_what_page_by_page_stores(any_db_url: str, tmp_path: Path, size: int) -> None:
    with _second_database(any_db_url, tmp_path) as url, Store(url) as one_by_one, Store(any_db_url) as store:
        expected = [one_by_one.save_page(raw, seg) for raw, seg in _pages_for_a_batch()[:size]]
        got = store.save_pages([NewPage(raw, seg) for raw, seg in _pages_for_a_batch()[:size]])
        assert [(r.status, r.documents, r.linked, r.duplicates) for r in got] == [
            (r.status, r.documents, r.linked, r.duplicates) for r in expected
        ]
        assert [r.status for r in got] == ["new", "new", "new", "unchanged"][:size]
        assert _stored(store) == _stored(one_by_one)


def test_a_failed_batch_leaves_no_trace_and_forgets_its_signatures(any_db_url: str) -> None:
    def boom(conn, docs):
        raise RuntimeError("extractor exploded")

    pages = _pages_for_a_batch()
    with Store(any_db_url) as store:
        with pytest.raises(RuntimeError):
            store.save_pages([NewPage(raw, seg) for raw, seg in pages[:2]], write_facts=boom)
        assert store.counts()["pages"] == 0 and store.counts()["documents"] == 0
        raw, seg = pages[1]  # the near copy: its original was rolled back, so it is stored in full
        result = store.save_page(raw, seg)
        assert (result.documents, result.duplicates) == (2, 0) and seg.main.duplicate_of is None


def test_document_lookup_by_prefix_and_errors(any_db_url: str) -> None:
    raw, seg = _seg()
    with Store(any_db_url) as store:
        store.save_page(raw, seg)
        assert store.document(seg.main.id[:8])["title"] == seg.main.title
        with pytest.raises(NotFound):
            store.document("zzzz")
        store.record_error(source="x", code="R001", reason="empty", message="x: file is empty")
        [err] = store.errors()
        assert err["reason"] == "empty" and err["severity"] == "error"
