"""The tables of what was read and of the facts (newsgraph.store.schema): one metadata, evidence on every fact."""

from __future__ import annotations

import pytest

from newsgraph.store.schema import FACT_TABLES, V1_TABLES, V2_TABLES, metadata, now


def test_every_table_is_on_the_shared_metadata() -> None:
    for table in (*V1_TABLES, *V2_TABLES):
        assert metadata.tables[table.name] is table


@pytest.mark.parametrize("table", [t for t in FACT_TABLES if t.name != "tones"], ids=lambda t: t.name)
def test_every_fact_row_carries_its_evidence(table) -> None:
    assert {"document_id", "sentence", "start", "end"} <= set(table.c.keys())


def test_now_is_timezone_aware() -> None:
    assert now().tzinfo is not None
