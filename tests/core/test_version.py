"""The version is written once (core/version.py); the package root and the build read it from there."""

from __future__ import annotations

import re
import tomllib

import newsgraph
from newsgraph.core.version import __version__
from tests.conftest import ROOT


def test_the_root_re_exports_the_version() -> None:
    assert newsgraph.__version__ is __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_pyproject_reads_the_version_from_core() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in config["project"]["dynamic"] and "version" not in config["project"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newsgraph.core.version.__version__"}
