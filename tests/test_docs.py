"""The README documents every command and every setting (datasette's test_docs idea)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from newsgraph.cli.app import app
from newsgraph.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
DOCUMENTED_SETTINGS = ("db", "max_bytes", "model", "batch_size")


def _commands() -> list[str]:
    return sorted((c.name or c.callback.__name__).replace("_", "-") for c in app.registered_commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"newsgraph {re.escape(command)}\b", README), f"`newsgraph {command}` is not in README.md"


@pytest.mark.parametrize("name", DOCUMENTED_SETTINGS)
def test_documented_settings_exist_and_are_in_the_readme(name: str) -> None:
    assert name in {f.name for f in fields(Settings)}
    assert f"NEWSGRAPH_{name.upper()}" in README


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    command = 'pip install -e ".[test]" && python -m pytest'
    assert command in README and command in ci


def test_code_is_ruff_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the test extras)")
    result = subprocess.run([ruff, "check", "src", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
