"""The knowledge base from the command line (newsgraph.cli.kb): resolve, entity, events."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_fixtures import ingest_seed, invoke


def test_resolve_entity_and_events_on_the_seed(seed_path: Path, db_url: str) -> None:
    ingest_seed(seed_path, db_url)
    caught_up = invoke("resolve", "--db", db_url)
    assert caught_up.exit_code == 0 and caught_up.output.startswith("0 documents resolved")  # ingest resolved them
    rebuilt = invoke("resolve", "--all", "--db", db_url)
    assert rebuilt.exit_code == 0 and not rebuilt.output.startswith("0 documents")
    found = invoke("entity", "Putin", "--why", "--json", "--db", db_url)
    assert found.exit_code == 0, found.output
    payload = json.loads(found.output)
    assert payload["entity"]["name"] == "Vladimir Putin" and payload["merges"]
    offices = payload["entity"]["offices"]  # the dated office-holder table, as of the articles' dates
    assert any(o["country"] == "RUS" and o["during"] for o in offices)
    countries = payload["provenance"]["countries"]  # where each country came from, document by document
    assert countries[0]["country"] == "RUS" and countries[0]["evidence"]
    assert payload["provenance"]["roles"][0]["forms"]
    shown = invoke("entity", "Putin", "--why", "--db", db_url)
    assert "Why these names are one entity" in shown.output
    assert "country from the office-holder table" in shown.output
    assert "Country RUS:" in shown.output and "Role " in shown.output
    events = invoke("events", "--json", "--db", db_url)
    assert events.exit_code == 0 and all({"type", "day", "sources"} <= set(e) for e in json.loads(events.output))


def test_unknown_names_and_bad_filters_fail(db_url: str) -> None:
    assert invoke("entity", "Nobody Atall", "--db", db_url).exit_code == 1
    assert invoke("events", "--type", "PARTY", "--db", db_url).exit_code == 1
    assert invoke("events", "--since", "2030", "--db", db_url).exit_code == 1  # nothing matches
