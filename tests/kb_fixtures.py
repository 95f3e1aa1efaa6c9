"""Small knowledge bases for the tests of search, related and popular.

Owned by the author of tests/test_related.py, test_popular.py and test_search.py:
other test modules should keep their fixtures in their own files.

Two kinds of database, each on SQLite and on PostgreSQL:

- :func:`build_handmade`: documents, entities, mentions and events written
  directly (no NLP), so a test knows every count and every word. Documents go
  through the same full-text indexing as ingest (``index_document``).
- :func:`build_ingested`: the fixture pages (tests/fixtures/pages, examples/pages)
  and three pages written here, ingested by the real pipeline and Analyzer.

Test modules wrap them in module-scoped fixtures with :func:`database`.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.store import summaries
from newsgraph.store.db import Store
from newsgraph.store.facts import entity_id
from newsgraph.store.schema import documents, entities, entity_aliases, events, mentions, now
from newsgraph.store.schema_kb import create_popular_indexes, create_related_tables
from newsgraph.store.search import index_document
from newsgraph.store.sql import insert_ignore
from tests.conftest import FIXTURES, ROOT, pg_schema_url

EXAMPLES = ROOT / "examples" / "pages"


@contextlib.contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A fresh database URL: a SQLite file in ``folder`` or a fresh PostgreSQL schema."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'kb.db'}"
        return
    with pg_schema_url("ng_kb") as url:
        yield url


def open_store(url: str) -> Store:
    """The store with every migration, plus those of related and popular (until they are registered)."""
    store = Store(url)
    with store.engine.begin() as conn:
        create_related_tables(conn)
        create_popular_indexes(conn)
    return store


# -- hand-made documents ---------------------------------------------------------------------------


@dataclass(slots=True)
class Ent:
    kind: str
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    times: int = 1  # mentions in the document


@dataclass(slots=True)
class Ev:
    type: str
    actor_country: str | None = None
    target_country: str | None = None
    negated: bool = False
    hypothetical: bool = False
    date: str | None = None


@dataclass(slots=True)
class Doc:
    key: str
    title: str
    body: str
    published: str | None
    entities: list[Ent] = field(default_factory=list)
    events: list[Ev] = field(default_factory=list)
    duplicate_of: str | None = None  # key of the original


def doc_id(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def add_documents(conn: Any, docs: list[Doc]) -> dict[str, str]:
    """Write documents with their facts; returns key → document id."""
    ids: dict[str, str] = {}
    for d in docs:
        ids[d.key] = did = doc_id(d.key)
        original = ids[d.duplicate_of] if d.duplicate_of else None
        conn.execute(
            documents.insert().values(
                id=did,
                role="main",
                title=d.title,
                body="" if original else d.body,
                published=d.published,
                content_hash=hashlib.sha256(d.key.encode()).hexdigest(),
                duplicate_of=original,
                similarity=0.93 if original else None,
                created_at=now(),
            )
        )
        if original:
            continue
        index_document(conn, did, d.title, d.body)
        for e in d.entities:
            eid = entity_id(e.kind, e.name)
            insert_ignore(conn, entities, [{"id": eid, "kind": e.kind, "name": e.name, "country": e.country}])
            insert_ignore(conn, entity_aliases, [{"entity_id": eid, "alias": a} for a in {e.name, *e.aliases}])
            start = max(d.body.find(e.name), 0)
            for _ in range(e.times):
                conn.execute(
                    mentions.insert().values(
                        document_id=did,
                        entity_id=eid,
                        text=e.name,
                        country=e.country,
                        sentence=d.body[:80],
                        start=start,
                        end=start + len(e.name),
                    )
                )
        for ev in d.events:
            conn.execute(
                events.insert().values(
                    document_id=did,
                    type=ev.type,
                    actor_country=ev.actor_country,
                    target_country=ev.target_country,
                    negated=ev.negated,
                    hypothetical=ev.hypothetical,
                    date=ev.date,
                    sentence=d.body[:80],
                    start=0,
                    end=10,
                )
            )
    summaries.add(conn, list(ids.values()))  # as Store.save_page does after a document's facts
    return ids


RUS = Ent("country", "RUS", "RUS")
UKR = Ent("country", "UKR", "UKR")
ODESA = Ent("place", "Odesa", "UKR")
KUBRAKOV = Ent("person", "Oleksandr Kubrakov", "UKR", aliases=("Kubrakov",), times=2)
UN = Ent("organization", "United Nations")

HANDMADE: list[Doc] = [
    Doc(
        "grain1",
        "Ukraine resumes grain exports from Odesa port",
        "Ukraine resumed grain exports from the port of Odesa on Tuesday. Three ships loaded with wheat and corn "
        "left the Black Sea port through a temporary grain corridor, the infrastructure minister Oleksandr Kubrakov "
        "said. Insurers had refused to cover the ships, and the grain corridor remains risky for the crews.",
        "2023-08-01",
        [UKR, ODESA, KUBRAKOV, Ent("place", "Black Sea")],
        [Ev("COOPERATE", "UKR", None)],
    ),
    Doc(
        "grain2",
        "Wheat ships sail through the Black Sea grain corridor",
        "More ships loaded with wheat sailed from Odesa through the Black Sea grain corridor, and insurers agreed "
        "to cover the crews. Grain exports from the port doubled in a week, the ministry said, although Russia "
        "warned that ships in the corridor could be treated as military targets.",
        "2023-08-10",
        [UKR, RUS, ODESA, Ent("place", "Black Sea")],
        [Ev("THREATEN", "RUS", "UKR"), Ev("ASSAULT", "RUS", "UKR", negated=True)],
    ),
    Doc(
        "grain2copy",
        "Wheat ships sail through the Black Sea grain corridor",
        "(syndicated copy: stored as a pointer to grain2)",
        "2023-08-10",
        duplicate_of="grain2",
    ),
    Doc(
        "minister",
        "Infrastructure minister visits Polish border crossing",
        "Oleksandr Kubrakov met Polish officials at the Dorohusk crossing to discuss queues of lorries, and promised "
        "more customs officers. He travelled on from Odesa by train.",
        "2023-08-20",
        [KUBRAKOV, ODESA, Ent("country", "POL", "POL"), Ent("place", "Dorohusk", "POL")],
        [Ev("CONSULT", "UKR", "POL", date="2023-08-19"), Ev("CONSULT", "UKR", "POL", date="2023-08-20")],
    ),
    Doc(
        "talks",
        "Russia rejects United Nations proposal on food exports",
        "Russia rejected a United Nations proposal to restart the food export deal. Kremlin officials said the "
        "proposal ignored their demands on fertiliser. Diplomats said talks might resume in September.",
        "2023-08-31T18:30:00Z",
        [RUS, UN, Ent("person", "Dmitry Peskov", "RUS", aliases=("Peskov",))],
        [Ev("REJECT", "RUS", None), Ev("CONSULT", "RUS", None, hypothetical=True)],
    ),
    Doc(
        "tram",
        "City council approves new tram line",
        "The city council approved a new tram line on Tuesday after a long debate about its cost and about the "
        "route through the old town. Construction starts in spring.",
        "2024-01-15",
        [Ent("organization", "City Council")],
        [Ev("COOPERATE", None, None)],
    ),
    Doc(
        "orchestra",
        "Orchestra celebrates its centenary with a free concert",
        "The national orchestra celebrated its hundredth season with a free open-air concert in the park. "
        "Thousands of listeners brought blankets and picnics.",
        "2024-02-03",
        [Ent("organization", "National Orchestra"), UN],
        [],
    ),
    Doc(
        "protest",
        "Farmers protest against cheap grain imports",
        "Polish farmers blocked roads near the border to protest against cheap grain imports from Ukraine, "
        "saying that prices of wheat had collapsed. Police said the protest was peaceful.",
        None,
        [Ent("country", "POL", "POL"), UKR],
        [Ev("PROTEST", "POL", "UKR")],
    ),
]


def build_handmade(url: str) -> dict[str, str]:
    with open_store(url) as store, store.engine.begin() as conn:
        return add_documents(conn, HANDMADE)


# -- ingested pages --------------------------------------------------------------------------------

WRITTEN_PAGES = {
    # name: (published, text)
    "grain_followup.txt": (
        "2023-07-20",
        "Ukraine looks for other routes for its grain after Russia quits the Black Sea deal\n\n"
        "Ukraine is looking for other routes to export its grain after Russia stopped taking part in the Black Sea "
        "Grain Initiative, the deal brokered by the United Nations and Turkey.\n\n"
        "Ukrainian President Volodymyr Zelensky said grain exports from the ports of Odesa should continue without "
        "Russia. Shipping companies said insurers would not cover ships sailing through the Black Sea.\n\n"
        "More than 32 million tonnes of grain were shipped under the deal, according to the United Nations.\n\n"
        "Sources: Example Wire\n",
    ),
    "harbour_deal.txt": (
        "2024-05-20",
        "Dock workers in Westhaven end strike after pay deal\n\n"
        "Dock workers in the port of Westhaven returned to work on Monday after the union accepted a pay rise of "
        "6%, ending a strike that had stopped the harbour for two weeks.\n\n"
        "The port authority said ships would be unloaded around the clock to clear the backlog.\n\n"
        "Sources: Coastal Times (Westhaven)\n",
    ),
    "choir.txt": (
        "2021-12-01",
        "Village choir wins national singing prize\n\n"
        "A village choir of forty singers won the national singing prize on Saturday with a programme of "
        "folk songs.\n\nThe choir will perform at the capital's concert hall in spring.\n",
    ),
}

FIXTURE_PAGES = {
    # path: published given on the command line (None: the page's own date, if any)
    EXAMPLES / "grain_deal.html": None,
    EXAMPLES / "brics_summit.txt": "2023-08-24",
    FIXTURES / "pages" / "no_teasers.txt": "2024-05-06",
    FIXTURES / "pages" / "headings_caps.txt": "2022-10-02",
    FIXTURES / "pages" / "teasers_first.txt": "2023-03-10",
    FIXTURES / "pages" / "simple.html": None,
}


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """One Analyzer for the whole test session: it caches the facts of the documents it parsed."""
    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer

    return Analyzer(Settings.load(env={}))


def build_ingested(url: str, folder: Path) -> None:
    """Ingest the fixture pages and the pages above, each with its own publication date."""
    from newsgraph.core.settings import Settings
    from newsgraph.ingest.pipeline import Pipeline

    folder.mkdir(parents=True, exist_ok=True)
    inputs: list[tuple[Path, str | None]] = list(FIXTURE_PAGES.items())
    for name, (published, body) in WRITTEN_PAGES.items():
        path = folder / name
        path.write_text(body, encoding="utf-8")
        inputs.append((path, published))
    store = open_store(url)
    try:
        pipe = Pipeline(Settings.load(env={}, db=url), store=store, analyzer=analyzer())
        for path, published in inputs:
            summary = pipe.ingest([str(path)], published=published)
            assert not summary.errors, summary.errors
    finally:
        store.close()
