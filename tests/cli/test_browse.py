"""Looking at what is stored (newsgraph.cli.browse, views): list, show, stances, search, popular, related, --json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli_fixtures import ingest_seed, invoke


def test_ingest_extracts_and_show_lists_the_facts(seed_path: Path, db_url: str) -> None:
    result = invoke("ingest", str(seed_path), "--db", db_url, "-q", "--published", "2022-02-27")
    assert result.exit_code == 0, result.output
    listing = invoke("list", "--db", db_url, "--role", "main").output
    doc_id = next(line.split("│")[1].strip() for line in listing.splitlines() if "Central Asian" in line)
    shown = invoke("show", doc_id, "--db", db_url).output
    for expected in ("Entities", "Vladimir Putin", "Events", "CONSULT", "Quotes", "Matviyenko", "Amounts", "Stances"):
        assert expected in shown, expected


def test_stances_board_shows_the_silent_countries(seed_path: Path, db_url: str) -> None:
    invoke("ingest", str(seed_path), "--db", db_url, "-q", "--published", "2022-02-27")
    board = invoke("stances", "--db", db_url, "--issue", "Russia Ukraine conflict")
    assert board.exit_code == 0, board.output
    for country in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
        line = next(x for x in board.output.splitlines() if x.startswith(f"│ {country}"))
        assert "no official statement" in line
    assert invoke("stances", "--db", db_url, "--as-of", "2021-01-01").exit_code == 1


def test_search_ranks_and_filters(seed_path: Path, db_url: str) -> None:
    invoke("ingest", str(seed_path), "--db", db_url, "-q", "--published", "2022-02-27")
    hit = invoke("search", "protest", "--db", db_url, "--event-type", "PROTEST", "--country", "KAZ")
    assert hit.exit_code == 0 and "Central Asian" in hit.output and "gathered" in hit.output
    assert invoke("search", "protest", "--db", db_url, "--since", "2023-01-01").exit_code == 1
    assert invoke("search", "   ", "--db", db_url).exit_code == 2


def test_python_api_mirrors_the_cli(seed_path: Path, db_url: str) -> None:
    import newsgraph

    invoke("ingest", str(seed_path), "--db", db_url, "-q", "--published", "2022-02-27")
    hits = newsgraph.search("Matviyenko", db=db_url)
    assert hits and "Matviyenko" in hits[0].snippet


def test_popular_and_related_on_the_seed(seed_path: Path, db_url: str) -> None:
    ingest_seed(seed_path, db_url)
    people = invoke("popular", "--db", db_url, "--kind", "person")
    assert people.exit_code == 0 and "Vladimir Putin" in people.output
    events = invoke("popular", "--db", db_url, "--events", "--since", "2022")
    assert events.exit_code == 0 and "Most-reported events" in events.output
    assert invoke("popular", "--db", db_url, "--since", "2022-13").exit_code == 2
    assert invoke("popular", "--db", db_url, "--since", "2030").exit_code == 1
    listing = invoke("list", "--db", db_url, "--role", "main").output
    doc_id = next(line.split("│")[1].strip() for line in listing.splitlines() if "Central Asian" in line)
    related = invoke("related", doc_id, "--db", db_url, "--json", "--method", "text")
    assert related.exit_code == 0 and set(json.loads(related.output)) == {"related", "duplicates"}
    assert invoke("related", "ffffffff", "--db", db_url).exit_code == 1


def test_stances_refuse_a_bad_date(db_url: str) -> None:
    assert invoke("stances", "--db", db_url, "--as-of", "someday").exit_code == 2


def _narrow(*args: str) -> Any:
    """``newsgraph ARGS`` in an 80-column terminal."""
    return invoke(*args, env={"COLUMNS": "80"})


def test_list_is_sorted_by_date_and_wraps_titles_whole(seed_path: Path, db_url: str) -> None:
    ingest_seed(seed_path, db_url)
    rows = json.loads(invoke("list", "--db", db_url, "--json").output)["data"]
    dates = [r["date"] or "" for r in rows]
    assert rows and dates == sorted(dates, reverse=True)
    out = _narrow("list", "--db", db_url).output
    assert max(len(line) for line in out.splitlines()) <= 80
    words = set(re.findall(r"[\w’']+", out))
    for r in rows:  # wrapped between words, never cut inside one
        assert all(w in words for w in re.findall(r"[\w’']+", r["title"]) if len(w) > 3), r["title"]


def test_show_prints_each_fact_as_a_short_block(seed_path: Path, db_url: str) -> None:
    ingest_seed(seed_path, db_url)
    doc_id = json.loads(invoke("list", "--db", db_url, "--role", "main", "--json").output)["data"][0]["id"]
    out = _narrow("show", doc_id, "--db", db_url).output
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    events = lines[lines.index(next(x for x in lines if x.startswith("Events ("))) :]
    head = next(i for i, x in enumerate(events) if "Vladimir Putin (RUS) → Sadyr Zhaparov (KGZ)" in x)
    assert events[head].startswith("CONSULT")
    evidence = events[head + 1 : head + 3]
    assert evidence[0].startswith("    On Saturday morning he spoke on the phone")
    assert "Sadyr Zhaparov." in " ".join(evidence)  # two lines of evidence, not 15–40
    assert "No facts" not in out and "Stances (" in out and "no official statement" in out


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["errors"],
        ["search", "Putin"],
        ["popular"],
        ["popular", "--events"],
        ["stances"],
    ],
)
def test_every_listing_speaks_json(seed_path: Path, db_url: str, args: list[str]) -> None:
    ingest_seed(seed_path, db_url)
    result = _narrow(*args, "--db", db_url, "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert set(body) == {"data", "count"} and body["count"] >= len(body["data"])
    if args[0] != "errors":
        assert body["data"]
