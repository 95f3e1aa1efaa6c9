"""What every command shares (newsgraph.cli.common): settings from options and environment, failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_fixtures import invoke


def test_env_var_selects_the_database(fixtures: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = invoke("ingest", str(fixtures / "pages" / "simple.html"), "--no-extract", "-q", env={"NEWSGRAPH_DB": url})
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()


@pytest.mark.parametrize("env", [{"NEWSGRAPH_BATCH_SIZE": "many"}, {"NEWSGRAPH_MAX_BYTES": "0"}])
def test_a_bad_setting_is_a_usage_error(fixtures: Path, db_url: str, env: dict[str, str]) -> None:
    result = invoke("ingest", str(fixtures / "pages" / "simple.html"), "--db", db_url, "--no-extract", "-q", env=env)
    assert result.exit_code == 2 and "error:" in result.output


def test_fail_prints_the_error_and_gives_the_exit(capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli.common import fail
    from newsgraph.core.errors import NotFound

    exit_ = fail(NotFound("no such [thing]"), 3)
    assert exit_.exit_code == 3


def test_an_unreachable_database_fails_with_exit_1(tmp_path: Path) -> None:
    result = invoke("list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1 and "error:" in result.output
