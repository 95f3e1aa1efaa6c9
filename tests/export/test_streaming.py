"""Rows to files (newsgraph.export.streaming): batches from a cursor or by keyset, files written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from newsgraph.export.streaming import atomic_open, keyset, stream
from newsgraph.store.db import Store
from newsgraph.store.schema import documents


@pytest.mark.parametrize("size", [1, 2, 5])
def test_stream_and_keyset_give_every_row_once_in_batches(store: Store, size: int) -> None:
    q = select(documents.c.id)
    with store.connect() as conn:
        everything = sorted(conn.execute(q).scalars())
        streamed = [list(b) for b in stream(conn, q.order_by(documents.c.id), size)]
        keyed = list(keyset(conn, q, documents.c.id, size))
    assert all(len(b) <= size for b in streamed + keyed)
    assert [r.id for b in streamed for r in b] == everything
    assert [r.id for b in keyed for r in b] == everything


def test_atomic_open_renames_a_complete_file_into_place(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_open(path, encoding="utf-8") as out:
        out.write("done")
        assert not path.exists() and (tmp_path / "out.txt.part").exists()
    assert path.read_text(encoding="utf-8") == "done" and not (tmp_path / "out.txt.part").exists()


def test_atomic_open_leaves_nothing_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic_open(path, encoding="utf-8") as out:
        out.write("half")
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []
