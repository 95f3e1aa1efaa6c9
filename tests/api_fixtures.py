"""Databases and clients for the tests of the API, the web pages and the browser.

:func:`build` ingests, with the real pipeline and the session's one Analyzer:
the seed page (when ../shared is there), the example pages, and a page full of
XSS payloads (:data:`XSS_PAGE`); it then adds facts whose every text field is a
payload (:func:`add_hostile_facts`), so each template meets hostile values.
:func:`seeded_db` builds that database once per test session (SQLite);
:func:`client` wraps it in a ``TestClient``.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from newsgraph.api.app import create_app
from newsgraph.core.settings import Settings
from newsgraph.store import summaries
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.schema import documents, entities, entity_aliases, events, mentions, quotes, stances, voices
from newsgraph.store.sql import insert_ignore
from tests.conftest import ROOT, SEED
from tests.kb_fixtures import analyzer

EXAMPLES = ROOT / "examples" / "pages"
TOKEN = "test-token-0123456789abcdef"

# Each payload sets window.__xss or opens a dialog if it ever runs.
XSS_PAYLOADS = (
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg onload=\"window.__xss='svg'\">",
    "<a href=\"javascript:window.__xss='link'\">click me</a>",
    "</textarea><script>alert('textarea')</script>",
    '"><iframe src="javascript:alert(\'iframe\')"></iframe>',
    "<b onmouseover=\"window.__xss='hover'\">hover</b>",
    "'; window.__xss='quote'; //",
    "</script><script>window.__xss='json'</script>",
    "{{ 7*7 }} ${alert('template')}",
)
XSS_TITLE = "Minister <script>window.__xss='title'</script> meets dock workers in Westhaven"
XSS_PAGE = f"""{XSS_TITLE}

Image removed.

The minister Anna Berg met dock workers in Westhaven on Monday. {XSS_PAYLOADS[0]} \
The union said 1,200 members joined the strike.

"We will listen to every worker {XSS_PAYLOADS[1]}," Berg said. A leaflet read {XSS_PAYLOADS[2]} and {XSS_PAYLOADS[3]}.

Kazakhstan has not made an official statement on the strike. {XSS_PAYLOADS[4]} {XSS_PAYLOADS[5]} {XSS_PAYLOADS[6]}

The port authority said talks would resume on Wednesday. {XSS_PAYLOADS[7]} {XSS_PAYLOADS[8]} {XSS_PAYLOADS[9]}

Sources: Coastal <script>window.__xss='sources'</script> Times, Harbour Radio
Picture: Workers <img src=x onerror="window.__xss='caption'"> outside the gate (Credit <script>alert('credit')</script>)
"""

EXAMPLE_PAGES: dict[Path, str | None] = {
    EXAMPLES / "grain_deal.html": None,
    EXAMPLES / "brics_summit.txt": "2023-08-24",
}


def add_hostile_facts(conn: Any, doc_id: str) -> None:
    """Facts whose names, quotes, actors and evidence are XSS payloads, spanning the start of the body."""
    summaries.subtract(conn, [doc_id])  # counted again below, with these facts
    name = "Evil <img src=x onerror=\"window.__xss='entity'\"> Person"
    eid = entity_id("person", name)
    insert_ignore(conn, entities, [{"id": eid, "kind": "person", "name": name, "country": "KAZ", "role": name}])
    insert_ignore(conn, entity_aliases, [{"entity_id": eid, "alias": name}])
    span = {"sentence": "<script>window.__xss='sentence'</script>", "start": 0, "end": 12}
    conn.execute(mentions.insert().values(document_id=doc_id, entity_id=eid, text=name, role=name, **span))
    conn.execute(
        quotes.insert().values(
            document_id=doc_id,
            text="</textarea><script>alert('q')</script>",
            speaker=name,
            speaker_entity_id=eid,
            cue="<b>said</b>",
            **span,
        )
    )
    conn.execute(
        events.insert().values(
            document_id=doc_id,
            type="CONSULT",
            mode="<i>x</i>",
            actor=name,
            actor_entity_id=eid,
            actor_country="KAZ",
            target="<svg onload=alert('target')>",
            target_country="RUS",
            **span,
        )
    )
    conn.execute(
        stances.insert().values(
            document_id=doc_id,
            country="KAZ",
            issue="<script>alert('issue')</script>",
            position="<img src=x onerror=alert('pos')>",
            date="2024-05-06",
            **span,
        )
    )
    conn.execute(
        voices.insert().values(
            document_id=doc_id,
            speaker=name,
            speaker_entity_id=eid,
            speaker_role="<b onmouseover=alert('role')>mayor</b>",
            country="KAZ",
            issue="<script>alert('issue')</script>",
            position="<img src=x onerror=alert('voice')>",
            date="2024-05-06",
            **span,
        )
    )
    summaries.add(conn, [doc_id])


def build(url: str, folder: Path, *, with_seed: bool | None = None) -> dict[str, str]:
    """Ingest the pages into ``url``; returns title → id of the stored documents."""
    from newsgraph.ingest.pipeline import Pipeline

    folder.mkdir(parents=True, exist_ok=True)
    xss = folder / "xss_page.txt"
    xss.write_text(XSS_PAGE, encoding="utf-8")
    inputs: list[tuple[Path, str | None]] = [*EXAMPLE_PAGES.items(), (xss, "2024-05-06")]
    if with_seed is None:
        with_seed = SEED.exists()
    if with_seed:
        inputs.insert(0, (SEED, "2022-02-27"))
    with Store(url) as store:
        pipe = Pipeline(Settings.load(env={}, db=url), store=store, analyzer=analyzer())
        for path, published in inputs:
            summary = pipe.ingest([str(path)], published=published)
            assert not summary.errors, summary.errors
        with store.engine.begin() as conn:
            ids = {t: i for t, i in conn.execute(select(documents.c.title, documents.c.id))}
            add_hostile_facts(conn, ids[XSS_TITLE])
    return ids


@lru_cache(maxsize=1)
def seeded_db() -> tuple[str, dict[str, str]]:
    """(URL, title → id) of a SQLite database built once per test session."""
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-api-test-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    url = f"sqlite:///{folder / 'api.db'}"
    return url, build(url, folder / "pages")


def settings_for(url: str, **overrides: Any) -> Settings:
    return Settings.load(env={}, db=url, **overrides)


def client(url: str | None = None, **overrides: Any) -> TestClient:
    """A TestClient over ``url`` (default: the session's database)."""
    url = url or seeded_db()[0]
    app = create_app(settings_for(url, **overrides), analyzer=analyzer())
    return TestClient(app, raise_server_exceptions=False)


def seed_id() -> str:
    """The id of the seed's main article (skips, or fails in CI, without ../shared)."""
    from tests.conftest import require_shared

    require_shared(SEED)
    ids = seeded_db()[1]
    return ids["Russia busy keeping Central Asian states in line as Ukraine crisis unfolds"]


def assert_envelope(body: dict[str, Any], status: int, code: str | None = None) -> None:
    """The one error shape: ``{"error": {"code", "status", "message", "details"}}``."""
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "status", "message", "details"}, err
    assert err["status"] == status
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    if code is not None:
        assert err["code"] == code, err
