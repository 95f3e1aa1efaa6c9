"""Who speaks for a country: the offices whose words are a government's stance (issue 11, "Stances").

A stance is a government's (or an international body's) position. A body of the state (a government,
a ministry, an embassy, a parliament or army as a body, a country named as the actor) speaks for it; a
person does only while holding an office that speaks for the country: head of state or government,
minister, spokesperson, ambassador or diplomat, monarch, government official. Everyone else's position is
a *voice*, not the country's stance: a state governor or mayor, a legislator, a party leader or a
candidate, an adviser, anyone "former" or of the opposition, the officer of a body that is no state's (a union,
a party, an armed group: "FNSEA president X", "Hamas spokesman X"), and a person the text gives no office at all
(the office-holder table leaves terms open, so it cannot tell a former president from a sitting one).

The offices are the ``titles.tsv`` rows of sector GOV less the ones below the national government
(:data:`_NOT_NATIONAL`); the words that take a title out of office are :data:`_VOICE_MODIFIERS`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.core.model import Person
from newsgraph.extract.mentions.index import country_of_text
from newsgraph.lexicon.known_orgs import is_org_word, lookup_org, org_word_sector
from newsgraph.lexicon.titles import find_titles, title_words

if TYPE_CHECKING:
    from newsgraph.extract.events.actors import ActorResolver

__all__ = ["national_office", "speaks_for_country"]

# GOV titles whose holder does not speak for the country: sub-national executives, advisers, office staff,
# party or movement leaders, a president-elect before the oath.
_NOT_NATIONAL = frozenset(
    {"governor", "lieutenant governor", "mayor", "councillor", "councilor", "councilman", "councilwoman"}
    | {"chief minister", "first minister", "administrator", "adviser", "advisor", "aide", "commissioner"}
    | {"leader", "president elect", "chief of staff", "national security adviser", "national security advisor"}
)
# Words before a title that leave its holder without the office or below the national government.
_VOICE_MODIFIERS = frozenset(
    {"former", "ex", "retired", "late", "opposition", "regional", "provincial", "local", "incoming"}
    | {"would be", "self described", "party", "candidate", "city", "county", "municipal"}
)
# Words that name a legislature, whose chair ("Speaker of the National Assembly", "Chairman of the
# Federation Council") speaks for it as a body.
_LEGISLATURES = frozenset(
    {"parliament", "assembly", "council", "senate", "house", "congress", "duma", "legislature", "knesset"}
    | {"majlis", "bundestag", "diet", "yuan", "sejm", "rada", "cortes", "storting", "riksdag", "lok", "sabha"}
)
# Last words of a phrase that names a body, not its head, though a title is in it ("Justice Department").
_BODY_HEADS = frozenset(
    {"department", "ministry", "office", "agency", "embassy", "consulate", "commission", "secretariat"}
    | {"directorate", "administration", "service", "mission", "delegation"}
)
# Sectors of bodies that speak for their state as a body (a parliament votes, a ministry states).
_BODY_SECTORS = frozenset({"GOV", "LEG", "MIL"})
# Sectors of the bodies of a state (or of states: an international body) whose officers may speak for it
# ("Pentagon spokesman", "Kremlin aide", "NATO Secretary General").
_STATE_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "POL", "SPY", "IGO"})
# Marks that set a title apart from the name after it ("Japan's chief cabinet secretary, Hiroshi Kanemura"):
# read as spaces, or "secretary," is no title's word.
_SETTING_APART = re.compile(r"[,;:()\[\]\"“”]")


def _names_body(text: str) -> bool:
    """A phrase whose last word is a body of the state ("Justice Department", "Prosecutor General's Office")."""
    words = text.lower().replace("-", " ").split()
    # "the United States Consulate General": a consulate-general is a body, its "General" no officer's rank
    return bool(words) and (words[-1] in _BODY_HEADS or words[-2:] == ["consulate", "general"])


def _other_bodys_office(text: str) -> bool:
    """A title written after the name of a body that is no state's: "FNSEA president Arnaud Rousseau",
    "Hamas spokesman X", "the Houthis' chief negotiator" (a union, a party, an armed group, a company: the
    table's sector, else an acronym or a name ending in a kind word of no state body, "Farmers Union")."""
    raw = text.replace("\u2011", "-").replace("\u2010", "-").replace("-", " ").replace(".", " ").split()
    words = title_words(text)
    titles = [lo for lo, _hi, t in find_titles(words) if t.kind == "title"]
    if len(raw) != len(words) or not titles:
        return False
    k = titles[0]
    while k > 0 and raw[k - 1][:1].isupper():
        k -= 1
    run = [w for w in raw[k : titles[0]] if country_of_text(w) is None]
    if not run:
        return False
    name = " ".join(run).replace("\u2019", "'")
    name = name[:-2] if name.endswith("'s") else name.rstrip("'")
    known = lookup_org(name, generic=None)
    if known is not None:
        return known.sector not in _STATE_SECTORS
    last = name.split()[-1]
    if is_org_word(last):
        return org_word_sector(last) not in _STATE_SECTORS
    return len(run) == 1 and name.isupper() and len(name) >= 3


def national_office(role: str | None) -> bool | None:
    """True when a role phrase names an office that speaks for a country ("Foreign Minister", "a
    spokesman for the president", "Prime Minister of Spain"), False when it names one that does not
    ("Ohio Governor", "former President", "opposition leader", "Senator"), None when it names no title."""
    if not role:
        return None
    words = title_words(_SETTING_APART.sub(" ", role))
    found = find_titles(words)
    titles = [(lo, hi, t) for lo, hi, t in found if t.kind == "title"]
    if not titles:
        return None
    covered = {i for lo, hi, _t in titles for i in range(lo, hi)}
    free = [w for i, w in enumerate(words) if i not in covered]
    pairs = {" ".join(free[i : i + 2]) for i in range(len(free) - 1)}
    if any(w in _VOICE_MODIFIERS for w in free) or pairs & _VOICE_MODIFIERS:
        return False
    if any(t.group == "chair" for _lo, _hi, t in titles) and _LEGISLATURES.intersection(free):
        return True  # the chair of a national parliament speaks for it as a body
    return any(t.sector == "GOV" and t.phrase not in _NOT_NATIONAL for _lo, _hi, t in titles)


def _role_of(name: str | None, resolver: ActorResolver | None) -> tuple[bool, str | None]:
    """(the resolver knows a person by that name, the role it gives them)."""
    if resolver is None or not name:
        return False, None
    found = resolver.resolve(name)
    if isinstance(found, Person):
        return True, found.role
    return False, None


def speaks_for_country(
    text: str,
    name: str | None,
    sector: str | None,
    resolver: ActorResolver | None,
    *,
    person: bool,
) -> bool:
    """Whether an actor's words are its country's stance.

    ``text`` is the phrase that names it ("Ohio Governor Mike DeWine", "the Foreign Ministry"), ``name``
    its entity name, ``sector`` its actor sector and ``person`` whether the phrase names a person (a
    resolved mention of a person counts as one too). A body counts when its sector is a state's (GOV,
    LEG, MIL) or unknown; a person counts only with an office that speaks for the country, read from the
    phrase first, then from the role the document gives them elsewhere.
    """
    # "the governor of Louisiana": an office named without a name; not a body named by the title of whom it serves
    # ("the U.S. Justice Department", "the Prosecutor General's Office", "Australia's High Commission")
    text = _SETTING_APART.sub(" ", text)
    if _other_bodys_office(text):
        return False
    here = None if _names_body(text) else national_office(text)
    if here is not None:
        return here
    known, role = _role_of(name, resolver)
    if not (person or known):
        return sector in _BODY_SECTORS or sector is None
    return bool(national_office(role))
