"""The ``newsgraph`` app (newsgraph.cli.app): its version and every command, in order."""

from __future__ import annotations

from tests.cli_fixtures import invoke


def test_version() -> None:
    assert invoke("--version").output.startswith("newsgraph ")


def test_every_command_in_the_order_help_lists_them() -> None:
    from newsgraph.cli.app import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names == [
        "ingest", "list", "show", "errors", "extract", "reprocess", "eval", "batch", "search", "related", "popular",
        "export", "serve", "token", "resolve", "entity", "events", "stances", "voices", "follow", "sources",
    ]  # fmt: skip
    listed = invoke("--help").output
    assert sorted(names, key=lambda n: listed.index(f"│ {n} ")) == names


def test_the_package_exposes_the_app() -> None:
    from newsgraph.cli import app as package_app
    from newsgraph.cli.app import app

    assert package_app is app
