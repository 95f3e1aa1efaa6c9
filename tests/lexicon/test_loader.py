from __future__ import annotations

import pytest

from newsgraph.lexicon.loader import LexiconError, read_table


@pytest.mark.parametrize("name", ["countries.tsv", "page_layout.tsv"])
def test_tables_have_rows_keyed_by_header(name: str) -> None:
    rows = read_table(name)
    assert rows and all(set(r) == set(rows[0]) for r in rows)


@pytest.mark.parametrize("name", ["does_not_exist.tsv"])
def test_missing_table_says_to_reinstall(name: str) -> None:
    with pytest.raises(LexiconError) as info:
        read_table(name)
    assert "reinstall" in str(info.value)
