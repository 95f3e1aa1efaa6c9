"""Running the ``newsgraph`` command in-process for the tests under tests/cli."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from newsgraph.cli.app import app

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    """``newsgraph ARGS`` with a wide terminal (tables unwrapped); returns Click's result."""
    return runner.invoke(app, list(args), env={"COLUMNS": "200", **(env or {})})


def ingest_seed(seed_path: Any, db_url: str) -> None:
    """The seed page, extracted and resolved, into ``db_url``."""
    result = invoke("ingest", str(seed_path), "--db", db_url, "-q", "--published", "2022-02-27")
    assert result.exit_code == 0, result.output
