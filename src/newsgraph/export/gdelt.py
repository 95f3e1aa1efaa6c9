"""GDELT-style exports: the GDELT 2.0 event table and the GKG 2.1 table.

Both files are tab-separated, UTF-8, one record per line and **without a header**, exactly
like GDELT's own files, so existing GDELT loaders read them unchanged. The column names
go into a sidecar file beside each (``gdelt_events.header.tsv``, ``gkg.header.tsv``):
one tab-separated line, ready for ``pandas.read_csv(..., header=None, names=...)``.

Event table (``gdelt_events.tsv``, the 61 columns of the GDELT 2.0 event codebook):

- one row per factual event; negated and hypothetical events are not facts and are left out.
- ``GLOBALEVENTID``: the newsgraph event id. ``SQLDATE`` / ``MonthYear`` / ``Year`` /
  ``FractionDate`` (year + day-of-year / 365): the event's own date when day-precise, else its
  document's publication date (GDELT's practice); empty when neither is known to the day.
- ``Actor1Code``: country + sector (``RUSGOV``; ``GOV`` when the country is unknown);
  ``Actor1CountryCode``: ISO 3166-1 alpha-3 (GDELT uses CAMEO country codes, which are
  alpha-3 for states); ``Actor1Type1Code``: the newsgraph sector (GOV, MIL, LEG, JUD, POL,
  OPP, CVL, MED, BUS, IGO, NGO, SPY, REB; CAMEO writes police as COP).
  Known-group, ethnic and religion codes are empty: newsgraph does not code them.
- ``IsRootEvent``: 1 when the event's sentence starts in the document's first paragraph.
- ``EventCode`` / ``EventBaseCode``: the CAMEO root followed by 0 (``040`` "consult, not
  specified below": newsgraph codes the root only); ``EventRootCode``: the CAMEO root.
- ``QuadClass`` from the root: 01-05 verbal cooperation (1), 06-08 material cooperation (2),
  09-13 verbal conflict (3), 14-20 material conflict (4).
- ``GoldsteinScale``: the event's intensity (-10..+10, calibrated on Goldstein values).
- ``NumArticles`` and ``NumMentions``: the pages that carry the event's document or one of its
  near-duplicates; ``NumSources``: 1.
- ``AvgTone``: GDELT's tone formula over the document's VADER scores:
  (share of positive words − share of negative words) × 100, in -100..+100.
- ``ActionGeo_*``: the event's place when it resolves to a stored place entity (by name or
  alias; its coordinates and country) or names a country (type 1). Types: 1 country,
  2 US state, 3 US city, 4 world city, 5 world state or region within one country; empty for
  areas that span countries. Country codes are ISO alpha-3 (GDELT writes FIPS 10-4).
  ``Actor1Geo_*`` / ``Actor2Geo_*`` are empty: newsgraph does not locate actors.
- ``DATEADDED``: when the document was stored (UTC); ``SOURCEURL``: its URL, else its page's
  URL, else the path it was read from.

GKG table (``gkg.tsv``, the 27 columns of GKG 2.1): one row per stored document (not
near-duplicates) with GDELT's delimiters (``;`` between blocks, ``#`` or ``,`` inside them,
``|`` and ``#`` in quotations). ``GKGRECORDID`` is ``<V2.1DATE>-<document id>``. Filled:
themes (newsgraph theme codes), locations, persons, organizations, tone, dates, quotations,
all names, amounts and the page title in ``V2EXTRASXML``; the rest is empty. In
``V1.5TONE`` the activity and self/group reference densities are empty.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlparse
from xml.sax.saxutils import escape

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.export.codes import PlaceInfo, actor_code, day_date, event_query, quad_class, resolve_places
from newsgraph.export.streaming import atomic_open, keyset
from newsgraph.store.filters import Filters, document_conditions, document_date, documents_with_page, first_page
from newsgraph.store.schema import (
    amounts,
    dates,
    documents,
    entities,
    events,
    mentions,
    quotes,
    themes,
)
from newsgraph.store.schema import tones as tones_table

# fmt: off
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The 61 columns of the GDELT 2.0 event codebook, in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)

# The 27 columns of the GKG 2.1 codebook, in order.
GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
    "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
    "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
# fmt: on

WEB_COLLECTION = 1  # V2SOURCECOLLECTIONIDENTIFIER: 1 = WEB


# -- pure helpers ---------------------------------------------------------------------------------


def gdelt_tone(positive: float | None, negative: float | None) -> float | None:
    """GDELT's Tone (positive % − negative %, -100..+100) from shares of words (0..1)."""
    if positive is None or negative is None:
        return None
    return round((positive - negative) * 100, 4)


def fraction_date(day: date) -> float:
    """GDELT FractionDate: year + day of year / 365, four decimals."""
    return round(day.year + day.timetuple().tm_yday / 365, 4)


def clean(text: Any, *delimiters: str) -> str:
    """A field value on one line, without tabs or the delimiters of the field it goes into."""
    if text is None:
        return ""
    return _clean(str(text), delimiters)


@lru_cache(maxsize=65536)  # names and codes repeat across documents: GKG calls this per mention
def _clean(text: str, delimiters: tuple[str, ...]) -> str:
    out = " ".join(text.split())
    for d in delimiters:
        out = out.replace(d, " ")
    return out


def number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def stamp(value: datetime | None) -> str:
    """YYYYMMDDHHMMSS, as GDELT writes DATEADDED."""
    return value.strftime("%Y%m%d%H%M%S") if value else ""


@lru_cache(maxsize=4096)
def _gazetteer_kind(name: str) -> str | None:
    from newsgraph.lexicon.gazetteer import lookup_place

    found = lookup_place(name)
    return found.kind if found else None


def geo_type(place: PlaceInfo) -> int | None:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state or region."""
    if place.is_country:
        return 1
    kind = _gazetteer_kind(place.name)
    us = place.country == "USA"
    if kind == "state":
        return 2 if us else 5
    if kind == "city":
        return 3 if us else 4
    if kind == "region" and place.country:
        return 5
    return None


def geo_fields(place: PlaceInfo | None) -> list[str]:
    """The 8 ``*Geo_*`` fields of a place (empty when there is none)."""
    if place is None:
        return [""] * len(_GEO)
    kind = geo_type(place)
    feature = place.country if place.is_country else ""
    return [
        number(kind),
        clean(place.name),
        place.country or "",
        "",
        "",
        number(place.lat),
        number(place.lon),
        feature or "",
    ]


def _actor(name: str | None, country: str | None, sector: str | None) -> list[str]:
    return [actor_code(country, sector), clean(name), country or "", "", "", "", "", sector or "", "", ""]


def event_row(ev: Mapping[str, Any], place: PlaceInfo | None) -> list[str]:
    """One GDELT 2.0 event record (61 fields) from an event row joined to its document."""
    day_text = day_date(ev["date"], ev["doc_date"])
    day = date.fromisoformat(day_text) if day_text else None
    root = ev["cameo_root"] or ""
    lead_end = ev["lead_end"] or 0  # 1-based position of the first line break; 0: one paragraph
    is_root = 1 if lead_end == 0 or ev["start"] < lead_end - 1 else 0
    articles = max(int(ev["num_articles"] or 0), 1)
    row = [
        str(ev["id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        number(fraction_date(day)) if day else "",
        *_actor(ev["actor"], ev["actor_country"], ev["actor_sector"]),
        *_actor(ev["target"], ev["target_country"], ev["target_sector"]),
        str(is_root),
        f"{root}0" if root else "",
        f"{root}0" if root else "",
        root,
        number(quad_class(root)),
        number(ev["intensity"]),
        str(articles),
        "1",
        str(articles),
        number(gdelt_tone(ev["positive"], ev["negative"])),
        *geo_fields(None),
        *geo_fields(None),
        *geo_fields(place),
        stamp(ev["created_at"]),
        clean(ev["source_url"]),
    ]
    assert len(row) == len(EVENT_COLUMNS)
    return row


# -- event table ------------------------------------------------------------------------------------


def write_header(path: Path, columns: Sequence[str]) -> Path:
    with atomic_open(path, encoding="utf-8", newline="\n") as out:
        out.write("\t".join(columns) + "\n")
    return path


def export_gdelt(conn: Connection, f: Filters, out_dir: Path) -> list[Path]:
    """``gdelt_events.tsv`` (no header, GDELT 2.0 column order) and its ``.header.tsv``."""
    path = out_dir / "gdelt_events.tsv"
    with atomic_open(path, encoding="utf-8", newline="\n") as out:
        for batch in keyset(conn, event_query(conn, f), events.c.id):
            places = resolve_places(conn, (r.place for r in batch))
            for r in batch:
                out.write("\t".join(event_row(r._mapping, places.get(r.place or ""))) + "\n")
    return [path, write_header(out_dir / "gdelt_events.header.tsv", EVENT_COLUMNS)]


# -- GKG ----------------------------------------------------------------------------------------------


def _blocks(items: Iterable[str]) -> str:
    return ";".join(items)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def tone_field(tone: Mapping[str, Any] | None, word_count: int) -> str:
    """V1.5TONE: Tone, Positive, Negative, Polarity, ActivityRefDensity, SelfGroupRefDensity, WordCount."""
    if tone is None or tone.get("positive") is None:
        return f",,,,,,{word_count}"
    pos, neg = tone["positive"] * 100, tone["negative"] * 100
    values = [gdelt_tone(tone["positive"], tone["negative"]), round(pos, 4), round(neg, 4), round(pos + neg, 4)]
    return ",".join(number(v) for v in values) + f",,,{word_count}"


def date_block(value: str | None, granularity: str | None, offset: int) -> str | None:
    """V2.1ENHANCEDDATES block: Resolution#Month#Day#Year#Offset (4 full date, 2 month, 1 year)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-") if p.isdigit()]
    if not parts:
        return None
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0
    resolution = 4 if day else 2 if month else 1
    return f"{resolution}#{month}#{day}#{year}#{offset}"


def location_block(place: PlaceInfo, *, offset: int | None = None) -> str:
    """V1LOCATIONS block (Type#FullName#Country#ADM1#Lat#Long#FeatureID); with ``offset`` the V2 form."""
    kind, name, country, adm1, adm2, lat, lon, feature = geo_fields(place)
    name = clean(name, "#", ";")
    if offset is None:
        return "#".join((kind, name, country, adm1, lat, lon, feature))
    return "#".join((kind, name, country, adm1, adm2, lat, lon, feature, str(offset)))


def source_common_name(url: str | None, sources: str | None, page_source: str | None) -> str:
    """The site's domain, else the first source the article credits, else the file it came from."""
    if url and "://" in url:
        host = urlparse(url).netloc.lower()
        return host.removeprefix("www.")
    try:
        credited = json.loads(sources or "[]")
    except ValueError:
        credited = []
    if credited:
        return clean(credited[0])
    return clean(PurePath(page_source).name) if page_source else ""


def gkg_row(doc: Mapping[str, Any], facts: Mapping[str, list[Mapping[str, Any]]]) -> list[str]:
    """One GKG 2.1 record (27 fields) from a document and its facts (lists ordered by offset)."""
    day_text = day_date(None, doc["doc_date"])
    when = datetime.fromisoformat(day_text) if day_text else doc["created_at"]
    record_date = stamp(when)
    theme_rows = facts.get("themes", [])
    people = [m for m in facts.get("mentions", []) if m["kind"] == "person"]
    orgs = [m for m in facts.get("mentions", []) if m["kind"] == "organization"]
    places = [m for m in facts.get("mentions", []) if m["kind"] in ("place", "country")]
    located: dict[str, tuple[PlaceInfo, int]] = {}
    for m in places:
        info = (
            PlaceInfo(m["name"], m["country"], m["lat"], m["lon"])
            if m["kind"] == "place"
            else _country_place(m["country"] or m["name"])
        )
        located.setdefault(m["entity_id"], (info, m["start"]))
    quotes_field = "#".join(
        f"{q['start']}|{q['end'] - q['start']}|{clean(q['cue'], '|', '#')}|{clean(q['text'], '|', '#')}"
        for q in facts.get("quotes", [])
    )
    names = [m for m in facts.get("mentions", []) if m["kind"] in ("person", "organization", "place")]
    amounts_field = _blocks(
        f"{number(a['value'])},{clean(a['about'] or a['unit'], ',', ';')},{a['start']}"
        for a in facts.get("amounts", [])
    )
    row = [
        f"{record_date}-{doc['id']}",
        record_date,
        str(WEB_COLLECTION),
        source_common_name(doc["url"], doc["sources"], doc["page_source"]),
        clean(doc["source_url"]),
        "",
        "",
        _blocks(_unique(clean(t["code"], ";") for t in theme_rows)),
        _blocks(f"{clean(t['code'], ',', ';')},{t['start']}" for t in theme_rows),
        _blocks(_unique(location_block(info) for info, _ in located.values())),
        _blocks(location_block(info, offset=start) for info, start in located.values()),
        _blocks(_unique(clean(m["name"], ";") for m in people)),
        _blocks(f"{clean(m['name'], ',', ';')},{m['start']}" for m in people),
        _blocks(_unique(clean(m["name"], ";") for m in orgs)),
        _blocks(f"{clean(m['name'], ',', ';')},{m['start']}" for m in orgs),
        tone_field(doc, len((doc["body"] or "").split())),
        _blocks(
            b for d in facts.get("dates", []) if (b := date_block(d["value"], d["granularity"], d["start"])) is not None
        ),
        "",
        "",
        "",
        "",
        "",
        quotes_field,
        _blocks(f"{clean(m['name'], ',', ';')},{m['start']}" for m in names),
        amounts_field,
        "",
        f"<PAGE_TITLE>{escape(clean(doc['title']))}</PAGE_TITLE>",
    ]
    assert len(row) == len(GKG_COLUMNS)
    return row


def _country_place(code: str) -> PlaceInfo:
    from newsgraph.lexicon.countries import country_name

    return PlaceInfo(country_name(code) or code, code, None, None, is_country=True)


_FACT_QUERIES = {
    "themes": select(themes.c.document_id, themes.c.code, themes.c.start).order_by(
        themes.c.document_id, themes.c.start, themes.c.id
    ),
    "mentions": select(
        mentions.c.document_id,
        mentions.c.entity_id,
        mentions.c.start,
        entities.c.kind,
        entities.c.name,
        entities.c.country,
        entities.c.lat,
        entities.c.lon,
    )
    .join(entities, entities.c.id == mentions.c.entity_id)
    .order_by(mentions.c.document_id, mentions.c.start, mentions.c.id),
    "dates": select(dates.c.document_id, dates.c.value, dates.c.granularity, dates.c.start).order_by(
        dates.c.document_id, dates.c.start, dates.c.id
    ),
    "quotes": select(quotes.c.document_id, quotes.c.text, quotes.c.cue, quotes.c.start, quotes.c.end).order_by(
        quotes.c.document_id, quotes.c.start, quotes.c.id
    ),
    "amounts": select(
        amounts.c.document_id, amounts.c.value, amounts.c.unit, amounts.c.about, amounts.c.start
    ).order_by(amounts.c.document_id, amounts.c.start, amounts.c.id),
}


def _facts_of(conn: Connection, doc_ids: list[str]) -> dict[str, dict[str, list[Mapping[str, Any]]]]:
    out: dict[str, dict[str, list[Mapping[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for name, query in _FACT_QUERIES.items():
        doc_col = query.selected_columns[0]
        for row in conn.execute(query.where(doc_col.in_(doc_ids))):
            out[row.document_id][name].append(row._mapping)
    return out


def export_gkg(conn: Connection, f: Filters, out_dir: Path) -> list[Path]:
    """``gkg.tsv`` (no header, GKG 2.1 column order), one row per document, and its ``.header.tsv``."""
    q = (
        select(
            documents.c.id,
            documents.c.title,
            documents.c.body,
            documents.c.url,
            documents.c.sources,
            documents.c.created_at,
            document_date().label("doc_date"),
            func.coalesce(documents.c.url, first_page.c.url, first_page.c.source).label("source_url"),
            first_page.c.source.label("page_source"),
            tones_table.c.positive,
            tones_table.c.negative,
        )
        .select_from(documents_with_page().outerjoin(tones_table, tones_table.c.document_id == documents.c.id))
        .where(documents.c.duplicate_of.is_(None), *document_conditions(f))
    )
    path = out_dir / "gkg.tsv"
    with atomic_open(path, encoding="utf-8", newline="\n") as out:
        for batch in keyset(conn, q, documents.c.id, size=500):
            facts = _facts_of(conn, [r.id for r in batch])
            for r in batch:
                out.write("\t".join(gkg_row(r._mapping, facts.get(r.id, {}))) + "\n")
    return [path, write_header(out_dir / "gkg.header.tsv", GKG_COLUMNS)]


__all__ = [
    "EVENT_COLUMNS",
    "GKG_COLUMNS",
    "PlaceInfo",
    "actor_code",
    "day_date",
    "event_query",
    "event_row",
    "export_gdelt",
    "export_gkg",
    "gdelt_tone",
    "gkg_row",
    "quad_class",
    "resolve_places",
]
