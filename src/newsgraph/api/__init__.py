"""The REST API (FastAPI): ``create_app(settings)`` serves it with the web pages."""

from __future__ import annotations

from newsgraph.api.app import create_app

__all__ = ["create_app"]
