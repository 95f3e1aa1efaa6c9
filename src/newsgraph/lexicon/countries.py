"""Country names, demonyms and capitals → ISO 3166-1 alpha-3.

pycountry has no demonyms and ``lookup("Russia")`` fails, so newsgraph keeps
its own table (``data/countries.tsv``) of common names and demonyms. Matching is
case-sensitive on the first letter (demonyms are capitalised in English) and
tolerant of a trailing possessive (``Kazakhstan's``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.lexicon.loader import read_table


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries keyed by ISO alpha-3."""
    out: dict[str, Country] = {}
    for row in read_table("countries.tsv"):
        out[row["iso3"]] = Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            name=row["name"],
            aliases=tuple(a for a in row["aliases"].split(";") if a),
            capitals=tuple(c for c in row["capitals"].split(";") if c),
        )
    return out


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        for name in (c.name, *c.aliases):
            index.setdefault(_key(name), c.iso3)
    return index


@lru_cache(maxsize=1)
def _capital_index() -> dict[str, str]:
    return {_key(cap): c.iso3 for c in countries().values() for cap in c.capitals}


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same words many times per document
def _key(text: str) -> str:
    text = text.strip().replace("\u2019", "'")
    for suffix in ("'s", "'"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split()).lower()


def country_code(text: str | None) -> str | None:
    """ISO alpha-3 for a country name or demonym (``"Kazakh"`` → ``"KAZ"``), else None."""
    if not text:
        return None
    key = _key(text)
    code = _name_index().get(key)
    if code is None and key.endswith("s"):  # plural demonyms not listed ("Germans")
        code = _name_index().get(key[:-1])
    return code


def capital_country(text: str | None) -> str | None:
    """ISO alpha-3 of the country whose capital is ``text`` (``"Moscow"`` → ``"RUS"``)."""
    if not text:
        return None
    return _capital_index().get(_key(text))


def country_name(iso3: str) -> str | None:
    c = countries().get(iso3)
    return c.name if c else None


def all_names() -> dict[str, str]:
    """Every lower-cased name and demonym → ISO alpha-3 (for phrase matchers)."""
    return dict(_name_index())
