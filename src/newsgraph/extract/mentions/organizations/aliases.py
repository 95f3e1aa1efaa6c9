"""Other names of an organization in the same document, and the mentions that share one entity.

"X, known as "Y"" / "dubbed Y"; "Federal Security Service (FSB)"; a descriptive apposition ("the
Russian military intelligence service, the GRU"); "the US Embassy in London" (a diplomatic
mission is also named by where it is). Later mentions of an alias join the name that introduced
it ("SDF"), a name without its organization word joins the full name ("Labour" → "Labour
Party"), and an unqualified generic body ("the Foreign Ministry") joins the one qualified body of
its kind in the document ("the German Foreign Office"), and a name that is the first words of one longer
name of the document joins it ("Kestrel" → "Kestrel Motor Company"). A party or union written with its kind
word in lower case is named without it ("the PASOK party": "PASOK", :func:`without_kind_word`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.mentions.index import DETERMINERS, HYPHENS, MentionIndex, country_of_text
from newsgraph.extract.mentions.seat import speaking_seat
from newsgraph.lexicon.gazetteer import lookup_place
from newsgraph.lexicon.known_orgs import KnownOrg, ends_with_org_word, is_org_word, lookup_org, org_key

# Grammatical constants: words that introduce another name of the same thing, and adverbs between.
_ALIAS_CUES = (("known", "as"), ("dubbed",), ("nicknamed",), ("aka",), ("a.k.a.",), ("also", "called"))
_ALIAS_ADVERBS = frozenset({"also", "commonly", "better", "widely", "sometimes", "locally", "internationally"})
# Grammatical constant: nouns that name a diplomatic mission, which takes the name of its site.
_MISSIONS = frozenset({"embassy", "consulate", "legation", "mission"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"})
_JOINERS = frozenset({"of", "for", "the", "and", "on", "in"})


@dataclass(slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    key: str
    known: KnownOrg | None = None
    generic: KnownOrg | None = None
    qualified: bool = False
    country: str | None = None
    international: bool = False
    aliases: list[str] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)


def _alias_after(ix: MentionIndex, i: int) -> tuple[int, int] | None:
    """The quoted or capitalised name right after token ``i``."""
    doc = ix.toks
    j = ix.next(i)
    if j >= 0 and doc[j].text in _QUOTES:
        j = ix.next(j)
    return capitalised_run(ix, j)


def capitalised_run(ix: MentionIndex, j: int) -> tuple[int, int] | None:
    """Capitalised words (and "of", "for", "the", "and" between them) from token ``j`` on."""
    doc = ix.toks
    if j < 0 or not (doc[j].text[:1].isupper() or doc[j].text[:1].isdigit()):
        return None
    k, last = j, j
    while k >= 0 and doc[k].text not in _QUOTES and not (doc[k].is_punct and doc[k].text not in HYPHENS):
        if not (doc[k].text[:1].isupper() or doc[k].text[:1].isdigit() or doc[k].lower_ in _JOINERS):
            break
        if doc[k].lower_ not in _JOINERS:
            last = k
        k = ix.next(k)
    return j, last + 1


def find_aliases(ix: MentionIndex, mentions: list[OrgMention]) -> None:
    """Aliases the text gives: "X, known as Y", "Name (ACRONYM)", a description in apposition."""
    doc = ix.toks
    by_end = {m.end - 1: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    for i, tok in enumerate(doc):
        for cue in _ALIAS_CUES:
            if tok.lower_ != cue[0]:
                continue
            last = i
            for word in cue[1:]:
                last = ix.next(last)
                if last < 0 or doc[last].lower_ != word:
                    break
            else:
                p = ix.prev(i)
                while p >= 0 and (doc[p].is_punct or doc[p].text in _QUOTES or doc[p].lower_ in _ALIAS_ADVERBS):
                    p = ix.prev(p)
                owner = by_end.get(p)
                alias = _alias_after(ix, last)
                if owner is not None and alias is not None:
                    _add_alias(ix, owner, alias, by_start)
    for m in mentions:
        _mission_site(ix, m)
        j = ix.next(m.end - 1)  # "Federal Security Service (FSB)"
        if j >= 0 and doc[j].text == "(":
            k = ix.next(j)
            close = ix.next(k) if k >= 0 else -1
            if close >= 0 and doc[close].text == ")" and _acronym(doc[k].text):
                _add_alias(ix, m, (k, k + 1), by_start)
        _description(ix, m)


def _mission_site(ix: MentionIndex, m: OrgMention) -> None:
    """ "the US Embassy in London": a diplomatic mission is also named by the place it is in."""
    if ix.toks[m.end - 1].lower_ not in _MISSIONS:
        return
    j = ix.next(m.end - 1)
    k = ix.next(j) if j >= 0 and ix.toks[j].lower_ == "in" else -1
    ent = ix.ent_at(k) if k >= 0 else None
    if ent is None or ent.start != k or ent.label not in ("GPE", "LOC"):
        return
    text = ix.text(m.start, ent.end)
    if text not in m.aliases:
        m.aliases.append(text)


def _acronym(text: str) -> bool:
    """ "FSB", "AfCFTA", "UOKiK": a short word starting with a capital, with two capitals or more."""
    return 2 <= len(text) <= 10 and text[0].isupper() and sum(c.isupper() for c in text) >= 2


def _add_alias(ix: MentionIndex, owner: OrgMention, span: tuple[int, int], by_start: dict[int, OrgMention]) -> None:
    text = ix.text(*span)
    if text and text not in owner.aliases:
        owner.aliases.append(text)
    other = by_start.get(span[0])
    if other is not None and other is not owner:
        other.key = owner.key
    else:
        owner.extra_spans.append(span)


def _description(ix: MentionIndex, m: OrgMention) -> None:
    """ "the Russian military intelligence service, the GRU": a lower-case description in apposition."""
    doc = ix.toks
    p = ix.prev(m.start)
    if p >= 0 and doc[p].lower_ == "the":
        p = ix.prev(p)
    if p < 0 or doc[p].text != ",":
        return
    q = ix.prev(p)
    if q < 0 or not doc[q].is_lower or not is_org_word(doc[q].text):
        return
    first = q
    k = ix.prev(q)
    while k >= 0 and (
        (doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].lower_ not in DETERMINERS) or k in ix.country_at
    ):
        first = k
        k = ix.prev(k)
    if first < q:
        text = ix.text(first, q + 1)
        if text not in m.aliases:
            m.aliases.append(text)
        m.extra_spans.append((first, q + 1))


def join_generic(ix: MentionIndex, mentions: list[OrgMention]) -> None:
    """An unqualified "Foreign Ministry" joins the one qualified Foreign Ministry of its document, unless its
    clause places it in a capital ("In Beijing, Foreign Ministry spokesperson X said", "the Foreign Ministry
    told reporters in Tokyo", :func:`~newsgraph.extract.mentions.seat.speaking_seat`): then it is that
    country's (the qualified one of that country if the document names one)."""
    for m in mentions:
        if m.generic is None or m.qualified:
            continue
        qualified = {o.key: o.country for o in mentions if o.generic is m.generic and o.qualified}
        seat = speaking_seat(ix, m.start, m.end)
        if seat is not None:
            m.key = next((k for k, c in qualified.items() if c == seat), f"g:{m.generic.name}:{seat}")
            m.country = seat
        elif len(qualified) == 1:
            m.key = next(iter(qualified))


def join_aliases(mentions: list[OrgMention]) -> None:
    """Every later "SDF" joins the "Syrian Democratic Forces (SDF)" that introduced the alias, and a
    name without its organization word ("Labour", "Salling") the full name ("Labour Party")."""
    owner: dict[str, str] = {}
    for m in mentions:
        for alias in m.aliases:
            owner.setdefault(org_key(alias), m.key)
        words = tuple(m.text.split())
        cut = ends_with_org_word(words)
        if cut and len(words) > cut and m.known is None and m.generic is None:  # "Labour" for "Labour Party"
            owner.setdefault(org_key(" ".join(words[:-cut])), m.key)
    for m in mentions:
        target = owner.get(org_key(m.text))
        if target is not None and m.key.startswith("n:"):
            m.key = target


def _head_words(text: str) -> set[str]:
    """The words that name what kind of body a name is: its last word and the word before its first "of"
    or "for" ("Senate of Ruritania" → senate, ruritania; "Supreme Court" → court), lower case."""
    words = [w.lower() for w in text.split()]
    heads = {words[-1]} if words else set()
    for k in range(1, len(words)):
        if words[k] in ("of", "for"):
            heads.add(words[k - 1])
            break
    return heads


def join_heads(mentions: list[OrgMention]) -> None:
    """A body named by one word ("the Senate", "the Court", "the House") is the longer-named body of the
    document whose head word it is ("Senate of Ruritania", "Supreme Court", "House of Representatives"),
    not a second organization; with several, the one named last before it (else the first after it).
    A well-known name joined so ("Congress" in a story about another country's congress) takes the
    longer name's identity and country, unless the table knows the two as different bodies."""
    for m in mentions:
        words = m.text.split()
        if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
            continue
        word = words[0].lower()
        longer = [o for o in mentions if o.key != m.key and len(o.text.split()) > 1 and word in _head_words(o.text)]
        if not longer:
            continue
        before = [o for o in longer if o.start < m.start]
        target = max(before, key=lambda o: o.start) if before else min(longer, key=lambda o: o.start)
        if m.known is not None and target.known is not None and target.known != m.known:
            continue  # "Taliban" beside "Pakistani Taliban": two bodies the table tells apart
        m.key, m.known, m.generic, m.qualified = target.key, None, None, False
        m.country, m.international = target.country, target.international


def join_country_prefixed(ix: MentionIndex, mentions: list[OrgMention]) -> None:
    """ "United States Democratic Party", "US Senate": a country written before the name of a body the
    document also names without it ("the Democratic Party", "the Senate") is the same body."""
    by_key: dict[str, OrgMention] = {}
    for m in mentions:
        by_key.setdefault(org_key(m.text), m)
        if m.known is not None:
            by_key.setdefault(org_key(m.known.name), m)
    for m in mentions:
        country = ix.country_at.get(m.start)
        if country is None or country.start != m.start or country.end >= m.end or (m.generic and m.qualified):
            continue  # a qualified "Italian Foreign Ministry" has its country's key (join_generic)
        other = by_key.get(org_key(ix.text(country.end, m.end)))
        if other is not None and other.known is not None and m.known not in (None, other.known):
            continue  # "Pakistani Taliban" (Tehrik-i-Taliban Pakistan) beside "the Taliban": two bodies
        if other is not None and other is not m and other.key != m.key:
            m.key = other.key


def join_first_words(mentions: list[OrgMention]) -> None:
    """ "Kestrel" after "Kestrel Motor Company": a name that is not a well-known one and is the first words of
    exactly one longer name of the document is that body, unless the longer one is its branch in a place
    ("Harmony Party" beside "Harmony Party of Borduria")."""
    keys = {m.key: m for m in mentions}
    for m in mentions:
        if m.known is not None or m.generic is not None:
            continue
        words = org_key(m.text).split()
        longer = {
            o.key: o
            for o in keys.values()
            if o.key != m.key
            and (w := org_key(o.text).split())[: len(words)] == words
            and len(w) > len(words)
            and not _branch(o.text.split()[len(words) :])
        }
        if len(longer) != 1:
            continue
        target = next(iter(longer.values()))
        m.key, m.known, m.generic, m.qualified = target.key, target.known, target.generic, target.qualified
        m.country, m.international = target.country or m.country, target.international


def _branch(rest: list[str]) -> bool:
    """ "of Borduria", "in Borduria": the rest of a longer name that makes it a body's branch in a place."""
    if len(rest) < 2 or rest[0].lower() not in ("of", "in", "for"):
        return False
    place = " ".join(rest[1:])
    return country_of_text(place) is not None or lookup_place(place, alternates=False) is not None


# Lower-case kind words a party's or union's own name is written with ("the New Democracy party", "the RMT union").
_KIND_WORDS = frozenset({"party", "union"})


def without_kind_word(name: str) -> str | None:
    """A name without the lower-case kind word written after it ("Movement Toward Socialism party" ->
    "Movement Toward Socialism", "PASOK party" -> "PASOK"), when what stays is a name of its own: two
    capitalised words or more, or an acronym ("Democratic party" keeps its word)."""
    words = name.split()
    if len(words) < 2 or words[-1] not in _KIND_WORDS:
        return None
    rest = words[:-1]
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _JOINERS for w in rest):
        return None
    named = len([w for w in rest if w not in _JOINERS]) >= 2 or (
        len(rest) == 1 and rest[0].isupper() and len(rest[0]) >= 2
    )
    return " ".join(rest) if named and rest[-1] not in _JOINERS else None


# Words an acronym skips ("Southern African Development Community" SADC, "National League for Democracy" NLD).
_INITIAL_SKIPS = frozenset({"of", "for", "the", "and", "on", "in", "a", "an", "to", "de", "et", "&"})


def _initials(text: str) -> tuple[str, str]:
    """The initials of a name's words, of every word and without the small words ("National League for
    Democracy": "NLFD", "NLD")."""
    words = [w for w in text.replace("-", " ").split() if w[:1].isalnum()]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIPS).upper()
    return every, content


def join_acronyms(mentions: list[OrgMention]) -> None:
    """ "the ADB" beside "the Asian Development Bank", "the GKNB" beside "the State Committee for National
    Security" (its letters in another language's order are not matched): an acronym no parenthesis
    defined that spells the initials of exactly one longer name of the document is that body."""
    for m in mentions:
        letters = m.text.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        targets = {
            o.key: o for o in mentions if o.key != m.key and len(o.text.split()) > 1 and letters in _initials(o.text)
        }
        if len(targets) != 1:
            continue
        target = next(iter(targets.values()))
        if m.known is not None and target.known is not None:
            continue  # two bodies the table knows apart
        old = m.key
        for o in mentions:
            if o.key == old:
                o.key, o.known = target.key, target.known or o.known
                o.country, o.international = target.country or o.country, target.international


def join_tails(mentions: list[OrgMention]) -> None:
    """ "the Security Council" beside "the UN Security Council", "the Judiciary Committee" beside "the House
    Judiciary Committee": a name of several words that a longer name of the document ends with, the only
    one that does, is that body (not a generic body, whose kind :func:`join_generic` joins), unless the longer
    name is the body's branch in a place ("Iowa Democratic Party")."""
    for m in mentions:
        words = org_key(m.text).split()
        if len(words) < 2 or m.generic is not None or m.known is not None:
            continue
        targets = {
            o.key: o
            for o in mentions
            if o.key != m.key and len(w := org_key(o.text).split()) > len(words) and w[-len(words) :] == words
        }
        if len(targets) != 1:
            continue
        target = next(iter(targets.values()))
        before = " ".join(target.text.split()[: -len(words)])
        if lookup_org(before, generic=None) is None and lookup_place(before, alternates=False) is not None:
            continue  # "Iowa Democratic Party": the party's branch in a place
        m.key, m.known, m.generic, m.qualified = target.key, target.known, target.generic, target.qualified
        m.country, m.international = target.country or m.country, target.international
