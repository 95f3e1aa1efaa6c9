"""The web pages (Jinja2, autoescaped), served by the same app as the API.

Home, article reader, entity page, stance board, timeline, actor network, search and
the offline API docs. Pages hold no inline script or style (the Content-Security-Policy
forbids both): behaviour is in ``static/*.js``, data reaches it through JSON data
blocks (``|tojson``, which escapes ``<``, ``>``, ``&`` and quotes) or the JSON API.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsgraph.analysis.overview import WINDOW_DAYS, home, stance_board
from newsgraph.analysis.stances import Replay, replay_points
from newsgraph.analysis.timeline import period_events, time_bins
from newsgraph.analysis.voices import list_voices
from newsgraph.api.deps import CacheDep, ConnDep, CountryQ, DateQ, EventTypeQ
from newsgraph.core.version import __version__
from newsgraph.lexicon.countries import country_name
from newsgraph.store import queries
from newsgraph.store.filters import Filters
from newsgraph.web.charts import bars
from newsgraph.web.highlight import fact_details, fact_spans, highlight, snippet_html
from newsgraph.web.worldmap import choropleth, map_codes

HERE = Path(__file__).resolve().parent
router = APIRouter(include_in_schema=False)

# Statements per stance cell sent to the page (the newest; the "as of" slider replays them); the JSON API has all.
HISTORY = 12
# The periods the home page offers, in days of the data (0: all of it).
WINDOWS = (7, 30, 90, 365, 0)
# Voices listed under the stance board and on a person's page (the newest; GET /api/voices has all).
VOICES = 50
# Heaviest edges drawn by the network page (a force layout in the browser stays fluid up to a few hundred).
NETWORK_EDGES = 300
# Rows per page of the timeline's event table.
PER_PAGE = 25
# Stance positions → CSS class; any other phrase the text used is "pos-other".
POSITION_CLASSES = {
    "supports": "pos-supports",
    "opposes": "pos-opposes",
    "neutral": "pos-neutral",
    "no official statement": "pos-none",
}


def country_label(code: str | None) -> str:
    """``Kazakhstan`` for ``KAZ``; the code itself when unknown."""
    if not code:
        return ""
    return country_name(code) or code


def position_class(position: str | None) -> str:
    return POSITION_CLASSES.get((position or "").lower(), "pos-other")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the templates are the package's files: no stat() of each one on every page
    )
    env.filters["country"] = country_label
    env.filters["position_class"] = position_class
    env.filters["snippet"] = snippet_html
    env.globals["version"] = __version__
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status_code=status, code=code, message=message)


@router.get("/", response_class=HTMLResponse)
def home_page(
    request: Request,
    conn: ConnDep,
    cache: CacheDep,
    since: DateQ = None,
    until: DateQ = None,
    days: Annotated[int, Query(ge=0, le=36_600, description="the last N days of the data; 0: all")] = WINDOW_DAYS,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """The dashboard: counts, events per day by type and the top lists of a period (the last ``days`` days
    of the data unless ``since`` / ``until``), the stance map of the issue most countries spoke on, and
    the latest articles, paginated."""
    f = Filters.make(since=since, until=until)
    data = cache.get(conn, ("home", since, until, days, page), lambda: home(conn, f, page=page, days=days))
    period = Filters.make(since=data["since"], until=data["until"])
    chart = cache.get(conn, ("time_bins", None, None, data["since"], data["until"]), lambda: time_bins(conn, period))
    board = cache.get(conn, ("stances", None, None, None, False), lambda: stance_board(conn))
    replay = cache.get(conn, ("replay", None, None), lambda: replay_points(conn, last=HISTORY))
    issue = most_active_issue(board["cells"])
    on_issue = {c["country"]: c for c in board["cells"] if c["issue"] == issue}
    return render(
        request,
        "home.html",
        **data,
        days=days,
        windows=WINDOWS,
        chart=chart,
        map_issue=issue,
        stance_map=choropleth(on_issue, issue=issue or "", css_class=position_class, label=country_label),
        data=stance_data([c for c in board["cells"] if c["issue"] == issue], replay),
        query={k: v for k, v in (("since", since), ("until", until), ("days", days)) if v is not None},
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: ConnDep, article_id: str) -> HTMLResponse:
    """The reader; related articles are fetched by ``reader.js`` from the API after the page shows."""
    doc = queries.get_article(conn, article_id)
    facts = doc["facts"]
    return render(
        request,
        "article.html",
        doc=doc,
        facts=facts,
        text=highlight(doc["body"], fact_spans(facts)),
        details=fact_details(facts, doc["id"]),
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, conn: ConnDep, entity_id: str) -> HTMLResponse:
    ent = queries.get_entity(conn, entity_id)
    voices, voice_count = list_voices(conn, entity=entity_id, limit=VOICES) if ent.get("kind") == "person" else ([], 0)
    return render(request, "entity.html", ent=ent, chart=bars(ent["timeline"]), voices=voices, voice_count=voice_count)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    conn: ConnDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(pattern="^(person|organization|place|country)?$")] = None,
) -> HTMLResponse:
    rows, total = queries.list_entities(conn, q=q, kind=kind or None, limit=100)
    return render(request, "entities.html", rows=rows, total=total, q=q or "", kind=kind or "")


@router.get("/stances", response_class=HTMLResponse)
def stances_page(
    request: Request,
    conn: ConnDep,
    cache: CacheDep,
    issue: Annotated[str | None, Query(max_length=200)] = None,
    as_of: DateQ = None,
) -> HTMLResponse:
    """The world map of one issue (the chosen one, else the one with most countries) above the board."""
    f = Filters.make(until=as_of)
    board = cache.get(
        conn, ("stances", issue or None, as_of, None, False), lambda: stance_board(conn, f, issue=issue or None)
    )
    replay = cache.get(
        conn, ("replay", issue or None, as_of), lambda: replay_points(conn, f, issue=issue or None, last=HISTORY)
    )
    grid = {(c["country"], c["issue"]): c for c in board["cells"]}
    map_issue = issue or most_active_issue(board["cells"])
    on_issue = {c["country"]: c for c in board["cells"] if c["issue"] == map_issue}
    drawn = map_codes()
    # Who else spoke on the chosen issue (topic words, as the board takes them), else on the map's issue
    voice_issue = issue or map_issue
    voices, voice_count = list_voices(conn, f, issue=voice_issue, exact=not issue, limit=VOICES)
    return render(
        request,
        "stances.html",
        voices=voices,
        voice_count=voice_count,
        voice_issue=voice_issue or "",
        board=board,
        grid=grid,
        issue=issue or "",
        as_of=as_of or "",
        map_issue=map_issue,
        stance_map=choropleth(on_issue, issue=map_issue or "", css_class=position_class, label=country_label),
        on_issue=sorted(on_issue, key=country_label),
        off_map=sorted(code for code in on_issue if code not in drawn),
        data=stance_data(board["cells"], replay, exact=not issue, as_of=as_of),
    )


def most_active_issue(cells: list[dict[str, Any]]) -> str | None:
    """The issue on which most countries have a cell (ties: alphabetical)."""
    counts = Counter(c["issue"] for c in cells)
    return min(counts, key=lambda i: (-counts[i], i)) if counts else None


def stance_data(
    cells: list[dict[str, Any]], replay: Replay, *, exact: bool = True, as_of: str | None = None
) -> dict[str, Any]:
    """What ``stances.js`` needs: per ``COUNTRY|issue`` key the cell's latest ``HISTORY`` positions with
    their dates (oldest first, for the "as of" replay; ``more``: how many earlier ones the cell has; the
    evidence is fetched from ``/api/stances/history`` when a cell is opened), every date of them, and the
    position → class table."""
    out: dict[str, Any] = {}
    dates: set[str] = set()
    for c in cells:
        points = replay.get((c["country"], c["issue"]), [])
        history = [{"date": d, "position": p} for d, p in points[-HISTORY:]]
        dates.update(h["date"] for h in history if h["date"])
        out[f"{c['country']}|{c['issue']}"] = {
            "country": c["country"],
            "name": country_label(c["country"]),
            "issue": c["issue"],
            "exact": exact,
            "history": history,
            "more": max(0, c["statements"] - len(history)),
            "latest": {k: c["evidence"][k] for k in ("date", "position", "sentence", "document_id", "title", "issue")},
        }
    return {"cells": out, "dates": sorted(dates), "classes": POSITION_CLASSES, "as_of": as_of}


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    conn: ConnDep,
    cache: CacheDep,
    country: CountryQ = None,
    event_type: Annotated[EventTypeQ, Query(alias="type")] = None,
    since: DateQ = None,
    until: DateQ = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Events per bin on a true time axis (drawn by ``timeline.js``), and the range's events, paginated."""
    f = Filters.make(country=country, event_type=event_type, since=since, until=until)
    chart = cache.get(conn, ("time_bins", country, event_type, since, until), lambda: time_bins(conn, f))
    rows, total = cache.get(
        conn,
        ("period", since, until, country, event_type, PER_PAGE, (page - 1) * PER_PAGE),
        lambda: period_events(conn, f, limit=PER_PAGE, offset=(page - 1) * PER_PAGE),
    )
    query = {k: v for k, v in (("country", country), ("type", event_type), ("since", since), ("until", until)) if v}
    return render(
        request,
        "timeline.html",
        chart=chart,
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // PER_PAGE)),
        query=query,
        reset={k: v for k, v in query.items() if k in ("country", "type")},
        whole_range=_whole_range(query, chart),
        country=country or "",
        event_type=event_type or "",
        since=since or "",
        until=until or "",
        all_types=_plover_types(),
    )


def _whole_range(query: dict[str, str], chart: dict[str, Any]) -> dict[str, str]:
    """The timeline's query for every date (the link shown when the default range left events out)."""
    whole = chart.get("whole") or {}
    kept = {k: v for k, v in query.items() if k in ("country", "type")}
    return kept | ({"since": whole["first"], "until": whole["last"]} if whole else {})


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    country: CountryQ = None,
    event_type: Annotated[EventTypeQ, Query(alias="type")] = None,
    since: DateQ = None,
    until: DateQ = None,
    min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    """The form and the box; ``network.js`` fetches ``/api/events/network`` with the same filters."""
    query = {"country": country, "type": event_type, "since": since, "until": until}
    src = {k: v for k, v in query.items() if v} | {"min_weight": min_weight, "limit": NETWORK_EDGES}
    return render(
        request,
        "network.html",
        country=country or "",
        event_type=event_type or "",
        since=since or "",
        until=until or "",
        min_weight=min_weight,
        src="/api/events/network?" + urlencode(src),
        all_types=_plover_types(),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    conn: ConnDep,
    cache: CacheDep,
    q: Annotated[str, Query(max_length=500)] = "",
    country: CountryQ = None,
) -> HTMLResponse:
    from newsgraph.store.search import SearchError, search

    try:
        key = ("search", q, 50, 0, country, None, None, None, None)
        f = Filters.make(country=country)
        hits = cache.get(conn, key, lambda: search(conn, q, f, limit=50)) if q.strip() else []
    except SearchError as exc:
        return render(request, "search.html", q=q, hits=[], country=country or "", error=exc.message)
    return render(request, "search.html", q=q, hits=hits, country=country or "")


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    return render(request, "docs.html")


def _plover_types() -> list[str]:
    from newsgraph.lexicon.events import plover_types

    return sorted(plover_types())


__all__ = ["country_label", "position_class", "render", "render_error", "router", "templates"]
