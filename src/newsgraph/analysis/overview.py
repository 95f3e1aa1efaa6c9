"""What the web pages and the API show that needs the analyses: related articles of a document, the
stance board with its issues, and the home page (latest articles, top events, most-mentioned).

The plain lists (articles, entities, events, quotes, amounts, timeline, network) are in
:mod:`newsgraph.store.queries`; these add :mod:`newsgraph.analysis.related`,
:mod:`newsgraph.analysis.stances` and :mod:`newsgraph.analysis.popular` on top of them.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.analysis.popular import popular, top_events
from newsgraph.analysis.related import related
from newsgraph.analysis.stances import board
from newsgraph.core.errors import NewsgraphError, NotFound
from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.queries import Rows, latest_date, list_articles, stance_issues

log = logging.getLogger(__name__)


def related_articles(conn: Connection, doc_id: str, *, limit: int = 10) -> Rows:
    """Related documents (:func:`newsgraph.analysis.related.related`), empty when they cannot be computed.

    Runs in a savepoint so a failure (e.g. the related-articles tables not migrated yet on
    PostgreSQL) leaves the caller's connection usable.
    """
    try:
        with conn.begin_nested():
            return related(conn, doc_id, limit=limit, method="text")
    except NotFound:
        raise
    except (SQLAlchemyError, NewsgraphError) as exc:
        log.warning("related articles of %s unavailable: %s", doc_id, exc)
        return []


def stance_board(conn: Connection, f: Filters = NO_FILTERS, *, issue: str | None = None) -> dict[str, Any]:
    """The board as it stood on ``f.until`` as ``{cells, issues, countries, all_issues}``: cells from
    :func:`newsgraph.analysis.stances.board`."""
    cells = [c.to_dict() for c in board(conn, f, issue=issue)]
    return {
        "cells": cells,
        "issues": sorted({c["issue"] for c in cells}),
        "countries": sorted({c["country"] for c in cells}),
        "all_issues": stance_issues(conn),
    }


def home(conn: Connection, f: Filters = NO_FILTERS, *, limit: int = 10) -> dict[str, Any]:
    """Latest articles, top events ("editor's choice") and most-mentioned entities ("popular") of a period.

    Without dates the period is the month of the newest stored date.
    """
    if not f.dated:
        newest = latest_date(conn)
        f = Filters.make(since=newest[:7]) if newest else f
    articles, total = list_articles(conn, role="main", limit=limit)
    choice = top_events(conn, f, limit=limit)
    people = popular(conn, f, limit=limit)
    if not choice and not people:  # an undated base: the whole of it
        choice, people = top_events(conn, limit=limit), popular(conn, limit=limit)
    return {"articles": articles, "articles_total": total, "top_events": choice, "popular": people, "since": f.since}


__all__ = ["home", "related_articles", "stance_board"]
