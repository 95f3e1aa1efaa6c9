"""``newsgraph export`` (newsgraph.cli.export): files written and listed, usage errors exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_fixtures import invoke


@pytest.fixture
def stored(fixtures: Path, db_url: str) -> str:
    page = str(fixtures / "pages" / "no_teasers.txt")
    assert invoke("ingest", page, "--db", db_url, "--no-extract", "-q", "--published", "2024-02-01").exit_code == 0
    return db_url


def test_export_lists_what_it_wrote(stored: str, tmp_path: Path) -> None:
    result = invoke("export", "-f", "csv", "-o", str(tmp_path / "out"), "--db", stored, "--since", "2024")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "documents.csv").exists() and "documents.csv" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["-f", "xlsx"],
        ["-f", "csv", "--since", "2024-13"],
        ["-f", "csv", "--country", "RU"],
        ["-f", "csv", "--all-nodes"],
    ],
)
def test_unknown_formats_and_bad_filters_are_usage_errors(stored: str, tmp_path: Path, args: list[str]) -> None:
    result = invoke("export", *args, "-o", str(tmp_path / "out"), "--db", stored)
    assert result.exit_code == 2 and "error:" in result.output


@pytest.mark.parametrize("flag", [[], ["--all-nodes"]])
def test_graphml_all_nodes_flag(stored: str, tmp_path: Path, flag: list[str]) -> None:
    result = invoke("export", "-f", "graphml", "-o", str(tmp_path / "g"), "--db", stored, *flag)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g" / "actors.graphml").exists()
