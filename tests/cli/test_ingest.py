"""``newsgraph ingest`` and ``extract`` (newsgraph.cli.ingest): summaries, errors, exit codes, records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bad_inputs import BAD, build
from tests.cli_fixtures import invoke


@pytest.mark.parametrize("name", ["no_teasers.txt"])
def test_ingest_list_show_errors(fixtures: Path, db_url: str, name: str) -> None:
    page = str(fixtures / "pages" / name)
    result = invoke("ingest", page, "--db", db_url, "--no-extract", "-q", "--published", "2024-02-01")
    assert result.exit_code == 0, result.output
    assert "pages stored" in result.output
    listing = invoke("list", "--db", db_url)
    assert "Harbour workers" in listing.output
    doc_id = next(line.split("│")[1].strip() for line in listing.output.splitlines() if "Harbour" in line)
    shown = invoke("show", doc_id, "--db", db_url)
    assert shown.exit_code == 0 and "Dock workers in the port" in shown.output and "Coastal Times" in shown.output
    again = invoke("ingest", page, "--db", db_url, "--no-extract", "-q")
    assert again.exit_code == 0 and "Nothing changed" in again.output
    assert "No ingest errors" in invoke("errors", "--db", db_url).output


def test_mixed_folder_exits_0_and_lists_each_bad_file(tmp_path: Path, db_url: str) -> None:
    folder = build(tmp_path / "in", 100_000)
    result = invoke("ingest", str(folder), "--db", db_url, "--no-extract", "-q", "--max-bytes", "100000")
    assert result.exit_code == 0, result.output
    listed = invoke("errors", "--db", db_url).output
    for name in BAD:
        assert name in listed


def test_all_bad_exits_1_and_usage_errors_exit_2(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    assert invoke("ingest", str(tmp_path / "e.txt"), "--db", db_url, "-q", "--no-extract").exit_code == 1
    assert invoke("ingest", "--db", db_url).exit_code == 2
    assert invoke("ingest", str(tmp_path / "nothing-here"), "--db", db_url, "-q").exit_code in (1, 2)
    assert invoke("show", "nope", "--db", db_url).exit_code == 1


def test_extract_json_without_a_database(seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(seed_path), "--json", "--no-facts", "--published", "2022-02-27")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert [d["role"] for d in record["documents"]] == ["main", "teaser", "teaser"]
    for key in ("persons", "organizations", "places", "countries_mentioned", "events", "quotes", "amounts", "stances"):
        assert record[key] == []
    assert not list(tmp_path.glob("*.db"))


def test_extract_says_which_document_was_over_its_budget(tmp_path: Path) -> None:
    page = tmp_path / "quotes.txt"
    page.write_text("Quote marks everywhere\n\n" + '"" ' * 50_000 + "\n")
    result = invoke("extract", str(page), "--json", env={"NEWSGRAPH_MAX_TOKENS": "1000"})
    assert result.exit_code == 0
    assert "X004" in result.stderr and "token budget" in result.stderr
    assert json.loads(result.stdout)["documents"] and json.loads(result.stdout)["quotes"] == []


def test_ingest_summary_tells_what_was_found(db_url: str) -> None:
    result = invoke("ingest", str(Path(__file__).resolve().parents[2] / "examples" / "pages"), "--db", db_url, "-q")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("In the database:"))
    assert "persons" in line and "events" in line and not line.startswith("In the database: 0 persons")
