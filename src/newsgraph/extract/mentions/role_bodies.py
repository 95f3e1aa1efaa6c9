"""The organization a role names without a name of it (issue 11, persons' organization).

:func:`newsgraph.extract.mentions.roles.complete_role` fills a role's organization from the organization
mentions inside it, as the role writes them ("State Department spokesperson": the State Department, not the
table's "United States Department of State"; an acronym, :func:`acronym`, by its full name). When none is inside
it, the role may still name one:

- :func:`party_in`: a party word of ``party_words.tsv`` ("Democratic presidential nominee", "a Republican state
  representative", "Conservative leader"): the party of the story's country; :func:`party_before`: such a word
  right before a name with no title ("Democrat Rod Blagojevich", "Republican Kevin McCarthy");
- :func:`body_in`: a state body named by a common noun, as written ("Foreign ministry spokesperson", "Police
  spokesman", "a district police chief", "Rwandan army spokesman"); a ministry or department only with its
  portfolio ("a ministry spokesman" names none: which one the text tells elsewhere); :func:`body_before`: such a body
  written right before a role the finder read without it ("foreign ministry spokesman X", "navy spokesman Commander X");
- :func:`ministry_led`: a minister of a portfolio leads its ministry ("Interior Minister X": the Interior Ministry;
  "Minister of Culture and Fine Arts X": the Ministry of Culture and Fine Arts);
- :func:`department_led`: where a cabinet member is a secretary heading a department (the United States, the
  Philippines), the secretary of a portfolio leads its department ("Commerce Secretary X": the Department of
  Commerce; "Secretary of State X": the State Department);
- :func:`government_headed`: a sitting head of state or government named by the title alone, or with the country
  ("President", "South Korean President", "Prime Minister of Greece") holds office in the country's government.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.lexicon.countries import country_code, country_name
from newsgraph.lexicon.known_orgs import is_portfolio
from newsgraph.lexicon.parties import party_of
from newsgraph.lexicon.titles import find_titles, title_words

if TYPE_CHECKING:
    from newsgraph.extract.mentions.index import MentionIndex

__all__ = [
    "acronym",
    "body_before",
    "body_in",
    "department_led",
    "government_headed",
    "ministry_led",
    "party_before",
    "party_in",
]

# Entity labels of a party word standing alone ("Democratic" untagged or tagged NORP), not a word of a name.
_PARTY_WORD_LABELS = frozenset({"", "NORP"})

# Words of a state body a role names without a name of it ("foreign ministry spokesperson", "Police spokesman",
# "Judiciary spokesman", "Rwandan army spokesman"); a ministry or department only with its portfolio.
_PORTFOLIO_BODIES = frozenset({"ministry", "department"})
_BODY_WORDS = _PORTFOLIO_BODIES | {"police", "army", "military", "navy", "judiciary", "court", "commission", "council"}
# Words that qualify such a body before it ("district police", "provincial police", "Rwandan army").
_BODY_QUALIFIERS = frozenset(
    {"district", "provincial", "state", "federal", "national", "city", "municipal", "regional"}
)


def body_in(ix: MentionIndex, start: int, end: int) -> str | None:
    """A state body the role names by a common noun ("Foreign ministry spokesperson", "Police spokesman", "a
    district police chief", "Rwandan army spokesman"), as written: the body word and the portfolio, place or
    demonym words just before it, the one before the role's first word included (a sentence's first word left out
    of it); a ministry or department only with its portfolio."""
    for i in range(start, end):
        word = ix.toks[i].lower_
        if word not in _BODY_WORDS or ix.toks[i].pos_ not in ("NOUN", "PROPN"):
            continue
        j = i
        while j - 1 >= max(0, start - 1) and i - j < 2 and _body_qualifier(ix, j - 1):
            j -= 1
        if j == i and word in _PORTFOLIO_BODIES:
            return None
        return ix.text(j, i + 1)
    return None


def body_before(ix: MentionIndex, start: int) -> str | None:
    """A state body named by a common noun right before the role that begins at token ``start`` ("foreign ministry
    spokesman Zhou Ming'an", "navy spokesman Commander X"), as :func:`body_in` reads one inside a role."""
    i = ix.prev(start)
    return body_in(ix, i, i + 1) if i >= 0 else None


def _body_qualifier(ix: MentionIndex, i: int) -> bool:
    tok = ix.toks[i]
    if tok.lower_ == "foreign" or is_portfolio(tok.text) or tok.lower_ in _BODY_QUALIFIERS:
        return True
    return ix.ent_label(i) in ("NORP", "GPE") and tok.text[:1].isupper()


def party_in(ix: MentionIndex, start: int, end: int, home: str | None) -> str | None:
    """The party a party word in tokens ``[start, end)`` names in a story of country ``home``: a word of
    ``party_words.tsv`` standing alone, not inside another name ("the Democratic Republic of the Congo")."""
    for i in range(start, end):
        party = party_of(ix.toks[i].text, home)
        if party is not None and ix.ent_label(i) in _PARTY_WORD_LABELS:
            return party
    return None


def party_before(ix: MentionIndex, start: int, home: str | None) -> str | None:
    """The party a party word right before the name at token ``start`` names ("Democrat Rod Blagojevich",
    "Republican Kevin McCarthy", "the Conservative Pierre Poilievre") in a story of country ``home``."""
    i = ix.prev(start)
    return party_in(ix, i, i + 1, home) if i >= 0 else None


def acronym(text: str) -> bool:
    """One word of capitals, with or without points ("IMF", "U.N.", "ECOWAS")."""
    bare = text.replace(".", "")
    return " " not in text and bare.isupper() and bare.isalpha()


# Office groups of the heads of a state or a government (titles.tsv: president; prime minister, premier, chancellor).
_HEADS = frozenset({"president", "prime minister"})
_HEAD_TITLES = _HEADS | {"premier", "chancellor"}
# Words that may stand beside such a title without making it another office ("acting President", "President of").
_BESIDE_HEAD = frozenset({"the", "of", "acting", "interim", "incumbent", "current", "sitting"})


def government_headed(role: str | None, country: str | None, holds_office: bool = False) -> str | None:
    """ "Government of Greece" for a role that is only the title of a head of state or government, alone or with
    its country ("President", "South Korean President", "Prime Minister of Greece", "Greece's prime minister"), of
    a person of ``country``; the bare title only when ``holds_office`` (the office-holder table gives the person a term
    in the country's government then); None for any other office or qualifier ("former President", "company
    president", "President of the European Commission", "president-elect")."""
    name = country_name(country) if country else None
    if not role or name is None:
        return None
    words = title_words(role.replace(",", " "))
    found = [(lo, hi, t) for lo, hi, t in find_titles(words) if t.kind == "title"]
    if len(found) != 1 or found[0][2].group not in _HEADS or found[0][2].phrase not in _HEAD_TITLES:
        return None
    lo, hi, _t = found[0]
    rest = [w for w in words[:lo] + words[hi:] if w not in _BESIDE_HEAD]
    if (rest and country_code(" ".join(rest)) != country) or not (rest or holds_office):
        return None  # a bare "President" only for one the office-holder table knows: a union's or a firm's too
    return f"Government of {_with_article(name)}"


# Country names written with "the" ("the Philippines", "the United Kingdom", "the Czech Republic").
_WITH_THE = frozenset({"Philippines", "Bahamas", "Netherlands", "Maldives", "Comoros", "Gambia"})


def _with_article(name: str) -> str:
    words = name.split()
    if name in _WITH_THE or words[0] == "United" or "Republic" in words or words[-1] == "Islands":
        return f"the {name}"
    return name


# Words before or after "minister" that make it another office or none held now ("Prime Minister", "former").
_NOT_A_PORTFOLIO = frozenset({"prime", "chief", "first", "former", "ex", "shadow", "opposition", "regional"})


def ministry_led(role: str | None) -> str | None:
    """The ministry a minister of a portfolio leads, as the role writes the portfolio: "Interior Minister",
    "Water and Energy Minister", "Russia's Emergencies Minister" → "Interior Ministry", "Water and Energy Ministry",
    "Emergencies Ministry"; "Minister of Culture and Fine Arts" → "Ministry of Culture and Fine Arts". None for a
    minister of no portfolio written ("Prime Minister", "Minister", "former Interior Minister")."""
    words = (role or "").replace(",", " ").split()
    lower = [w.lower() for w in words]
    if "minister" not in lower or _NOT_A_PORTFOLIO.intersection(lower):
        return None
    k = lower.index("minister")
    if lower[k + 1 : k + 3] == ["of", "state"]:
        return None  # "Minister of State for Europe": a rank below a minister, of no ministry of its own
    if k + 2 < len(words) and lower[k + 1] == "of":  # "Minister of Culture and Fine Arts"
        return " ".join(["Ministry", *words[k + 1 :]])
    j = k
    while j > 0 and (
        _portfolio_word(words[j - 1]) or (lower[j - 1] == "and" and j > 1 and _portfolio_word(words[j - 2]))
    ):
        j -= 1
    if j == k:
        return None
    return " ".join([*(w.capitalize() if w.islower() and w != "and" else w for w in words[j:k]), "Ministry"])


def _portfolio_word(word: str) -> bool:
    # "Foreign Minister": the foreign ministry; "Homeland Security Secretary": the Department of Homeland Security
    return word.lower() in ("foreign", "homeland") or is_portfolio(word)


# Countries whose cabinet members are secretaries heading departments ("Commerce Secretary", "Trade Secretary").
_DEPARTMENT_STATES = frozenset({"USA", "PHL"})


def department_led(role: str | None, country: str | None) -> str | None:
    """The department a secretary of a portfolio leads, in a country whose cabinet is of departments: "Commerce
    Secretary", "Homeland Security Secretary" → "Department of Commerce", "Department of Homeland Security";
    "Secretary of State" → "State Department" (the United States'); None elsewhere, for a secretary of no portfolio
    ("Secretary", "Press Secretary", "Secretary-General") or one no longer in office."""
    if country not in _DEPARTMENT_STATES:
        return None
    words = (role or "").replace(",", " ").split()
    lower = [w.lower() for w in words]
    if "secretary" not in lower or _NOT_A_PORTFOLIO.intersection(lower):
        return None
    k = lower.index("secretary")
    if lower[k + 1 : k + 3] == ["of", "state"] and country == "USA":
        return "State Department"
    if k + 2 < len(words) and lower[k + 1] == "of":  # "Secretary of Homeland Security"
        return " ".join(["Department", *words[k + 1 :]])
    j = k
    while j > 0 and (
        _portfolio_word(words[j - 1]) or (lower[j - 1] == "and" and j > 1 and _portfolio_word(words[j - 2]))
    ):
        j -= 1
    if j == k or lower[j] == "foreign":
        return None  # "Foreign Secretary": the Philippines' Department of Foreign Affairs, not "of Foreign"
    portfolio = [w.capitalize() if w.islower() and w != "and" else w for w in words[j:k]]
    return "Department of the Treasury" if portfolio == ["Treasury"] else " ".join(["Department of", *portfolio])
