"""What the web pages and the API show that needs the analyses: related articles of a document, the
stance board with its issues, and the home dashboard (counts, latest articles, top events and
most-mentioned entities of a period).

The plain lists (articles, entities, events, quotes, amounts, timeline, network) are in
:mod:`newsgraph.store.queries`; these add :mod:`newsgraph.analysis.related`,
:mod:`newsgraph.analysis.stances` and :mod:`newsgraph.analysis.popular` on top of them.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.analysis.popular import popular, top_events
from newsgraph.analysis.related import related
from newsgraph.analysis.stances import board, board_issues
from newsgraph.core.errors import NewsgraphError, NotFound
from newsgraph.store.filters import NO_FILTERS, Filters
from newsgraph.store.queries import Rows, latest_date, list_articles
from newsgraph.store.schema import entities
from newsgraph.store.schema_summary import day_totals

log = logging.getLogger(__name__)
# The home page's default period: the last 30 days of the data.
WINDOW_DAYS = 30


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


def stance_board(
    conn: Connection, f: Filters = NO_FILTERS, *, issue: str | None = None, history: bool = False
) -> dict[str, Any]:
    """The board as it stood on ``f.until`` as ``{cells, issues, countries, all_issues}``: cells from
    :func:`newsgraph.analysis.stances.board`, each with its latest statement only unless ``history``."""
    cells = [c.to_dict() for c in board(conn, f, issue=issue, history=history)]
    return {
        "cells": cells,
        "issues": sorted({c["issue"] for c in cells}),
        "countries": sorted({c["country"] for c in cells}),
        "all_issues": board_issues(conn),
    }


def counts(conn: Connection) -> dict[str, int]:
    """The base at a glance: main articles (near-duplicates apart), factual events (both from the per-day
    summary), persons, countries."""
    n = func.count()
    articles, n_events = conn.execute(
        select(func.coalesce(func.sum(day_totals.c.articles), 0), func.coalesce(func.sum(day_totals.c.events), 0))
    ).one()
    return {
        "articles": int(articles),
        "events": int(n_events),
        "persons": conn.execute(select(n).select_from(entities).where(entities.c.kind == "person")).scalar_one(),
        "countries": conn.execute(select(n).select_from(entities).where(entities.c.kind == "country")).scalar_one(),
    }


def window(conn: Connection, f: Filters = NO_FILTERS, *, days: int = WINDOW_DAYS) -> Filters:
    """The home page's period: ``f``'s dates when it has any, else the last ``days`` days *of the data*
    (ending on the newest stored date, not today); ``days=0``: the whole base."""
    if f.dated or days <= 0:
        return f
    newest = latest_date(conn)
    if not newest:
        return f
    if len(newest) < 10:  # only a year or a month is known
        return Filters.make(since=newest, until=newest)
    start = date.fromisoformat(newest) - timedelta(days=days - 1)
    return Filters.make(since=start.isoformat(), until=newest)


def home(
    conn: Connection, f: Filters = NO_FILTERS, *, limit: int = 10, page: int = 1, days: int = WINDOW_DAYS
) -> dict[str, Any]:
    """The dashboard: counts, latest articles (page ``page`` of ``limit``), and for the :func:`window`
    the most-reported events ("editor's choice") and most-mentioned entities ("popular")."""
    f = window(conn, f, days=days)
    articles, total = list_articles(conn, role="main", limit=limit, offset=(page - 1) * limit)
    choice = top_events(conn, f, limit=limit)
    people = popular(conn, f, limit=limit)
    return {
        "counts": counts(conn),
        "articles": articles,
        "articles_total": total,
        "page": page,
        "pages": max(1, -(-total // limit)),
        "top_events": choice,
        "popular": people,
        "since": f.since,
        "until": f.until,
    }


__all__ = ["WINDOW_DAYS", "counts", "home", "related_articles", "stance_board", "window"]
