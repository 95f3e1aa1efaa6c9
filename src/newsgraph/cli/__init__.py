"""The ``newsgraph`` command (Typer + Rich): one module per group of commands."""

from newsgraph.cli.app import app

__all__ = ["app"]
