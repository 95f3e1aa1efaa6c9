"""Bulk SQL helpers (newsgraph.store.sql): chunks, multi-row inserts and insert-or-skip on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, create_engine, select

from newsgraph.store import sql
from newsgraph.store.sql import chunked, contains, escape_like, insert_ignore, insert_rows

_meta = MetaData()
things = Table(
    "things",
    _meta,
    Column("id", String(8), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("place", String(32)),
    Column("n", Integer),
)


@pytest.mark.parametrize(("n", "size", "sizes"), [(0, 3, []), (5, 2, [2, 2, 1]), (6, 3, [3, 3])])
def test_chunked(n: int, size: int, sizes: list[int]) -> None:
    assert [len(c) for c in chunked(range(n), size)] == sizes


def _engine(url: str):
    engine = create_engine(url)
    _meta.create_all(engine)
    return engine


@pytest.mark.parametrize("place", ["Kyiv"])
def test_insert_ignore_skips_known_keys_and_fills_missing_columns(any_db_url: str, place: str) -> None:
    engine = _engine(any_db_url)
    with engine.begin() as conn:
        insert_ignore(conn, things, [{"id": "a", "kind": "PROTEST", "place": place}, {"id": "b", "kind": "PROTEST"}])
        insert_ignore(conn, things, [{"id": "a", "kind": "ASSAULT"}])
        insert_ignore(conn, things, [])
        got = {r.id: (r.kind, r.place) for r in conn.execute(select(things))}
    engine.dispose()
    assert got == {"a": ("PROTEST", place), "b": ("PROTEST", None)}


@pytest.mark.parametrize("rows", [7])
def test_insert_rows_writes_every_row_in_chunks(any_db_url: str, rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql, "INSERT_CHUNK", 3)
    engine = _engine(any_db_url)
    with engine.begin() as conn:
        insert_rows(conn, things, [{"id": str(i), "kind": "x", **({"n": i} if i % 2 else {})} for i in range(rows)])
        insert_rows(conn, things, [])
        got = dict(conn.execute(select(things.c.id, things.c.n)).all())
    engine.dispose()
    assert got == {str(i): (i if i % 2 else None) for i in range(rows)}


@pytest.mark.parametrize(
    ("text", "escaped"), [("50%", "50\\%"), ("a_b", "a\\_b"), ("c:\\d", "c:\\\\d"), ("plain", "plain")]
)
def test_escape_like(text: str, escaped: str) -> None:
    assert escape_like(text) == escaped


@pytest.mark.parametrize(("needle", "found"), [("KYIV", {"a"}), ("%", set()), ("y", {"a"}), ("", {"a", "b"})])
def test_contains_ignores_case_and_takes_wildcards_literally(db_url: str, needle: str, found: set[str]) -> None:
    engine = _engine(db_url)
    with engine.begin() as conn:
        insert_rows(
            conn, things, [{"id": "a", "kind": "x", "place": "Kyiv"}, {"id": "b", "kind": "x", "place": "Oslo"}]
        )
        got = set(conn.execute(select(things.c.id).where(contains(things.c.place, needle))).scalars())
    engine.dispose()
    assert got == found


_stamped = Table(
    "stamped",
    _meta,
    Column("id", Integer, primary_key=True),
    Column("flag", Boolean, nullable=False),
    Column("at", DateTime(timezone=True)),
    Column("end", String(8)),  # a reserved word
)


@pytest.mark.parametrize("rows", [0, 3, 2500])
def test_bulk_insert_writes_tuples_as_an_insert_would(any_db_url: str, rows: int) -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    data = [(i, i % 2 == 0, at if i % 3 else None, f"e{i}") for i in range(rows)]
    engine = _engine(any_db_url)
    with engine.begin() as conn:
        sql.bulk_insert(conn, _stamped, ("id", "flag", "at", "end"), data)
        conn.execute(_stamped.insert(), [{"id": -1, "flag": True, "at": at, "end": "x"}])
        got = conn.execute(select(_stamped).order_by(_stamped.c.id)).all()
    engine.dispose()
    normal = [(i, flag, a.replace(tzinfo=UTC) if a else None, e) for i, flag, a, e in got]
    assert normal == [(-1, True, at, "x"), *data]


def test_row_dicts_equal_the_rows_mappings() -> None:
    engine = create_engine("sqlite://")
    _meta.create_all(engine, tables=[things])
    with engine.begin() as conn:
        insert_rows(
            conn, things, [{"id": "a1", "kind": "lamp", "n": 3}, {"id": "b2", "kind": "kettle", "place": "Tarsk"}]
        )
        query = select(things, things.c.n.label("count")).order_by(things.c.id)
        expected = [dict(r._mapping) for r in conn.execute(query)]
        assert sql.row_dicts(conn.execute(query)) == expected
        assert sql.row_dicts(conn.execute(query.where(things.c.id == "none"))) == []


def test_chunked_reads_iterators_lazily_and_takes_a_size_under_one_as_one() -> None:
    assert list(chunked(iter("abcde"), 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(chunked("ab", 0)) == [["a"], ["b"]]


_defaulted = Table(
    "defaulted",
    _meta,
    Column("id", Integer, primary_key=True),
    Column("flag", Boolean, nullable=False, default=False),
    Column("at", DateTime(timezone=True)),
    Column("note", String(16)),
)


@pytest.mark.parametrize("ignore", [False, True])
def test_rows_are_stored_as_sqlalchemys_insert_stores_them(any_db_url: str, ignore: bool) -> None:
    """Booleans, timestamps, keys missing from some rows (NULL), a left-out column's Python default."""
    at = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    batches = [
        [{"id": 1, "flag": True, "at": at, "note": "a"}, {"id": 2, "flag": False, "at": None, "note": None}],
        [{"id": 3, "flag": True}, {"id": 4, "flag": False, "note": "d"}, {"note": "e", "id": 5, "flag": True}],
        [{"id": 6, "at": at}, {"id": 7}],  # the flag's default fills it in
        [{"id": 8, "flag": True, "note": "h"}],
    ]
    write = insert_ignore if ignore else insert_rows
    engine = _engine(any_db_url)
    with engine.begin() as conn:
        for rows in batches:
            write(conn, _defaulted, rows)
        ours = conn.execute(select(_defaulted).order_by(_defaulted.c.id)).all()
        raw = conn.exec_driver_sql('SELECT id, flag, at, note FROM "defaulted" ORDER BY id').all()
        conn.execute(_defaulted.delete())
        for rows in batches:
            for row in rows:
                conn.execute(_defaulted.insert(), [{k: row.get(k) for k in rows[0] | row}])
        theirs = conn.execute(select(_defaulted).order_by(_defaulted.c.id)).all()
        raw_theirs = conn.exec_driver_sql('SELECT id, flag, at, note FROM "defaulted" ORDER BY id').all()
    engine.dispose()
    assert [tuple(r) for r in ours] == [tuple(r) for r in theirs]
    assert [tuple(r) for r in raw] == [tuple(r) for r in raw_theirs]  # the same stored values
    assert [r.flag for r in ours] == [True, False, True, False, True, False, False, True]


def test_insert_ignore_skips_a_row_known_from_the_same_call() -> None:
    engine = create_engine("sqlite://")
    _meta.create_all(engine, tables=[things])
    with engine.begin() as conn:
        insert_ignore(conn, things, [{"id": "a", "kind": "first"}, {"id": "a", "kind": "second"}])
        got = conn.execute(select(things.c.id, things.c.kind)).all()
    assert [tuple(r) for r in got] == [("a", "first")]
