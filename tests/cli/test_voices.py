"""``newsgraph voices``: a table or ``--json``, filters, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.analysis.test_voices import build_voices
from tests.cli_fixtures import invoke


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('voices_cli')) / 'v.db'}"
    build_voices(url).close()
    return url


def test_the_table_lists_who_said_what(db: str) -> None:
    result = invoke("voices", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Voices (4 in all" in result.output
    assert "Ana Pell" in result.output and "Tom Sample" in result.output and "Port deal row" not in result.output


@pytest.mark.parametrize(
    ("args", "count"),
    [((), 4), (("--issue", "port"), 3), (("--person", "pell"), 2), (("--country", "CHL"), 1), (("--limit", "1"), 4)],
)
def test_json_is_data_and_count(db: str, args: tuple[str, ...], count: int) -> None:
    result = invoke("voices", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["count"] == count and body["data"]
    assert all({"speaker", "issue", "position", "sentence", "document_id"} <= set(r) for r in body["data"])


def test_nothing_found_exits_1(db: str) -> None:
    result = invoke("voices", "--db", db, "--issue", "fisheries")
    assert result.exit_code == 1 and "No voices stored for issue 'fisheries'" in result.output


def test_a_bad_country_is_a_usage_error(db: str) -> None:
    result = invoke("voices", "--db", db, "--country", "XX")
    assert result.exit_code == 2 and "alpha-3" in result.output
