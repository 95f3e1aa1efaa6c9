"""newsgraph: who did what to whom, who said what, and who stayed silent — with evidence.

The Python API mirrors the CLI::

    import newsgraph
    hits = newsgraph.search("protest", event_type="PROTEST", db="sqlite:///newsgraph.db")
    record = newsgraph.extract("page.txt", published="2022-02-27")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.core.version import __version__

if TYPE_CHECKING:
    from newsgraph.store.search import Hit


def search(query: str, *, db: str | None = None, limit: int = 20, offset: int = 0, **filters: str | None) -> list[Hit]:
    """Ranked full-text search (filters: country, person, event_type, since, until; a bad one raises BadFilter)."""
    from newsgraph.core.settings import Settings, normalize_db_url
    from newsgraph.store.db import Store
    from newsgraph.store.filters import Filters

    wanted = Filters.make(**filters)
    settings = Settings.load(db=normalize_db_url(db) if db else None)
    with Store(settings.db) as store:
        return store.search(query, wanted, limit=limit, offset=offset)


def extract(path: str, *, published: str | None = None) -> list[dict[str, Any]]:
    """The OUTPUT.md records of the pages in ``path`` (a file or folder), without any database."""
    from newsgraph.core.errors import NewsgraphError
    from newsgraph.core.settings import Settings
    from newsgraph.extract.runner import Analyzer
    from newsgraph.ingest.record import iter_records

    settings = Settings.load()
    records = iter_records([path], max_bytes=settings.max_bytes, published=published, analyzer=Analyzer(settings))
    return [r for r in records if not isinstance(r, NewsgraphError)]


__all__ = ["__version__", "extract", "search"]
