"""Fixtures of the web-source tests: the local HTTP server, answering 404 for /robots.txt (all allowed).

A test that needs a robots.txt registers it with ``expect_oneshot_request``: pytest-httpserver
tries one-shot handlers before permanent ones, and a fetcher reads robots.txt once per origin.
"""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver
