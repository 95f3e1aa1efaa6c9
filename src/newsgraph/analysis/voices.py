"""Voices: who said what on an issue without speaking for a country, shown apart from the stance board.

Rows come from the ``voices`` table (:mod:`newsgraph.extract.voices` finds them: a governor, a legislator,
a party leader, a candidate, a commentator taking a position on the document's issue). Each row keeps its
speaker (name and entity), the speaker's country when known, the issue label its document gave, the position
and the evidence. Where :mod:`newsgraph.kb.issues` put that label in an issue cluster, the row also carries
the cluster's ``issue_key`` and ``issue_label`` (the stance board's column); else ``issue_key`` is None and
``issue_label`` is its own label. The date of a row is its own, else its document's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import desc, func, or_, select
from sqlalchemy.engine import Connection

from newsgraph.analysis.stances import cell_issues, issue_matches, matching_issues
from newsgraph.store.filters import NO_FILTERS, Filters, document_date, first_page
from newsgraph.store.schema import documents, voices
from newsgraph.store.schema_kb import issue_cluster_members, issue_clusters
from newsgraph.store.sql import contains

__all__ = ["list_voices", "voice_issues"]

Rows = list[dict[str, Any]]


def voice_issues(conn: Connection) -> list[str]:
    """Every issue label some voice spoke on, sorted."""
    return sorted(i for i in conn.execute(select(voices.c.issue).distinct()).scalars() if i)


def _issue_labels(conn: Connection, issue: str, exact: bool) -> list[str]:
    """The stored labels an issue filter selects: a board column's (``exact``: the cluster named so, with
    its members), else every label whose words or whose cluster's label hold the topic words."""
    if exact:
        return cell_issues(conn, issue)
    return sorted({i for i in voice_issues(conn) if issue_matches(i, issue)} | set(matching_issues(conn, issue)))


def list_voices(
    conn: Connection,
    f: Filters = NO_FILTERS,
    *,
    issue: str | None = None,
    person: str | None = None,
    entity: str | None = None,
    exact: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> tuple[Rows, int]:
    """Voices, newest first, with their document's title, and how many match.

    ``issue`` takes topic words as the stance board does (``exact``: a column of the board), ``person`` part of the
    speaker's name or an entity id, ``entity`` the speaker's entity id, ``f.country`` the speaker's country
    and ``f.since`` / ``f.until`` the row's date (its own, else its document's)."""
    date = func.coalesce(voices.c.date, func.substr(document_date(), 1, 10))
    src = (
        voices.join(documents, documents.c.id == voices.c.document_id)
        .outerjoin(first_page, first_page.c.id == documents.c.first_page_id)
        .outerjoin(issue_cluster_members, issue_cluster_members.c.issue == voices.c.issue)
        .outerjoin(issue_clusters, issue_clusters.c.key == issue_cluster_members.c.cluster_key)
    )
    cluster = (
        issue_clusters.c.key.label("issue_key"),
        func.coalesce(issue_clusters.c.label, voices.c.issue).label("issue_label"),
    )
    query = select(voices, *cluster, documents.c.title, date.label("day")).select_from(src)
    query = query.where(*f.date_range(date))
    if f.country:
        query = query.where(voices.c.country == f.country)
    if issue:
        labels = _issue_labels(conn, issue, exact)
        if not labels:
            return [], 0
        query = query.where(voices.c.issue.in_(labels))
    if person:
        query = query.where(or_(contains(voices.c.speaker, person), voices.c.speaker_entity_id == person.strip()))
    if entity:
        query = query.where(voices.c.speaker_entity_id == entity)
    total = int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())
    query = query.order_by(desc(date).nulls_last(), voices.c.id).limit(limit).offset(offset)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    for row in rows:
        row["date"] = row.pop("day")
    return rows, total
