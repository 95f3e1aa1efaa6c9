"""Well-known organizations (``data/organizations.tsv``) and organization words (``data/org_words.tsv``).

Names are matched case-insensitively but must start with a capital letter as
written; acronyms follow stricter rules so that the pronoun "Who" never finds
the World Health Organization: an acronym of up to three letters matches only
as written (``"WHO"``), a longer one also in title case (``"Nato"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from newsgraph.core.textnorm import KEY_CACHE_SIZE
from newsgraph.lexicon.loader import LexiconError, read_table


@dataclass(frozen=True, slots=True)
class KnownOrg:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    generic: bool  # a kind of body every country has ("Foreign Ministry"), qualified by the text


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for the same names many times per document
def org_key(text: str) -> str:
    """Comparison key: case-folded, curly apostrophes straightened, ``the`` and possessive dropped."""
    text = " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text.casefold()


@lru_cache(maxsize=1)
def known_orgs() -> tuple[KnownOrg, ...]:
    out = []
    for row in read_table("organizations.tsv"):
        kind = row["kind"] or "org"
        if kind not in ("org", "generic"):
            raise LexiconError(f"organizations.tsv: unknown kind {kind!r} for {row['name']!r}")
        out.append(
            KnownOrg(
                name=row["name"],
                aliases=tuple(a for a in row["aliases"].split(";") if a),
                country=row["country"] or None,
                sector=row["sector"] or None,
                generic=kind == "generic",
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[str, KnownOrg]]]:
    index: dict[str, list[tuple[str, KnownOrg]]] = {}
    for org in known_orgs():
        for form in (org.name, *org.aliases):
            index.setdefault(org_key(form), []).append((form, org))
    return index


def org_keys() -> Iterable[str]:
    """The comparison key (:func:`org_key`) of every name and alias of the table."""
    return _index().keys()


@lru_cache(maxsize=1)
def max_org_name_words() -> int:
    return max((len(k.split()) for k in _index()), default=1)


@lru_cache(maxsize=1)
def org_first_words() -> frozenset[str]:
    """Lower-cased first words of every name and alias (a quick test before a full lookup)."""
    out = set()
    for key in _index():
        words = re.split(r"[\s\-/]+", key)
        if words:
            out.add(words[0])
    return frozenset(out)


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _case_ok(written: str, form: str) -> bool:
    written = " ".join(written.replace("\u2019", "'").split())
    if written.lower().startswith("the "):
        written = written[4:]
    if not written or not written[0].isupper():
        return False
    if not _is_acronym(form):
        return True
    core = written[:-2] if written.endswith("'s") else written
    if core == form:
        return True
    letters = sum(c.isalpha() for c in form)
    return letters > 3 and core == form[0] + form[1:].lower()


@lru_cache(maxsize=KEY_CACHE_SIZE)  # asked for the same candidate names many times per document
def lookup_org(text: str, *, generic: bool | None = False) -> KnownOrg | None:
    """The table row whose name or alias is ``text`` (case rules above).

    ``generic``: False = named organizations only, True = generic bodies only, None = either.
    """
    for form, org in _index().get(org_key(text), ()):
        if (generic is None or org.generic == generic) and _case_ok(text, form):
            return org
    return None


@lru_cache(maxsize=1)
def org_words() -> dict[tuple[str, ...], str | None]:
    """Organization words (lower-case word tuples) → the sector they imply, or None."""
    rows = read_table("org_words.tsv")
    return {tuple(r["word"].lower().replace("-", " ").split()): r["sector"] or None for r in rows}


@lru_cache(maxsize=KEY_CACHE_SIZE)  # pure, and asked for most words of a document, many times
def is_org_word(word: str) -> bool:
    return (word.lower().rstrip("."),) in org_words()


def org_word_sector(word: str) -> str | None:
    return org_words().get(tuple(word.lower().replace("-", " ").split()))


@lru_cache(maxsize=1)
def _international_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_table("international_words.tsv"))


def international_name(name: str) -> bool:
    """Whether an organization's name makes it an international or regional body's ("World ...")."""
    words = [w for w in re.split(r"[\s\-\u2013/]+", name.lower()) if w]
    table = _international_words()
    return any(w in table for w in words) or any(f"{a} {b}" in table for a, b in pairwise(words))


@lru_cache(maxsize=1)
def _document_words() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in read_table("document_words.tsv"):
        if r["kind"] not in ("legal", "plan"):
            raise LexiconError(f"document_words.tsv: {r['word']}: kind must be legal or plan, got {r['kind']!r}")
        out[r["word"].lower()] = r["kind"]
    return out


def is_document_word(word: str) -> bool:
    """Whether ``word`` ends names of laws, treaties and other documents ("Act", "Treaty")."""
    return word.lower() in _document_words()


def is_legal_document_word(word: str) -> bool:
    """Whether ``word`` names a legal instrument ("Act", "Constitution"; not "Programme")."""
    return _document_words().get(word.lower()) == "legal"


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(r["noun"].lower() for r in read_table("person_nouns.tsv"))


def is_person_noun(word: str) -> bool:
    """Whether a person's name can modify ``word`` ("the Trump administration", "the Obama era")."""
    return word.lower() in _person_nouns()


@lru_cache(maxsize=1)
def _portfolios() -> frozenset[str]:
    return frozenset(" ".join(r["portfolio"].lower().split()) for r in read_table("portfolios.tsv"))


def is_portfolio(text: str) -> bool:
    """Whether ``text`` names a government portfolio ("State", "Foreign Affairs", "Health")."""
    return " ".join(text.replace("&", "and").lower().split()) in _portfolios()


def ends_with_org_word(words: tuple[str, ...]) -> int:
    """Length of the longest organization-word phrase that ends ``words`` (0 if none)."""
    table = org_words()
    lowered = tuple(w.lower() for w in words)
    for n in (3, 2, 1):
        if len(lowered) >= n and lowered[-n:] in table:
            return n
    return 0


def is_igo(name: str | None) -> bool:
    """Whether ``name`` is a known intergovernmental body (the UN, NATO, the WHO, the EU). Event data codes the
    officials of such a body as the body, not as their country of birth ("NATO Secretary-General X")."""
    known = lookup_org(name) if name else None
    return known is not None and known.sector == "IGO"
