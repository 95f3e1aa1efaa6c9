"""A person's country from the context when no role says it (issue 11, "Entity identity"): which country
cues around a mention can be the person's, and the cues that are the person's by grammar.

:func:`newsgraph.extract.mentions.persons.find_roles` asks these before its context fallbacks
(:func:`~newsgraph.extract.mentions.roles.country_near`):

- :func:`possessive_country`: a country's possessive right before the name is the person's country
  ("Ruritania's Jane Roe said", as "Ruritania's foreign minister Jane Roe" is through the role);
- :func:`relative_country`: a relative clause that gives the office ("X, who heads Ruritania's electoral
  commission", "X, who is Ruritania's envoy") names the person's country;
- :func:`second_role_country`: a title before the name that names no country ("Colonel Jane Roe") and one
  after it that does ("..., a spokeswoman for the Ruritanian army") — the second gives the country;
- :func:`foreign_cues`: cues that are never the person's — words inside a quotation the person is not
  inside (a speaker's quoted words name the others: "We ask Ruritania to ...," spokesman X said), a country
  in what the person's own clause does to someone ("X praised the Ruritanian troops", "X thanked his
  Ruritanian counterpart"), and a country inside another person's role of the same office ("Ruritanian
  President A held talks with President B": two presidents are of two countries);
- :func:`body_country`: a role-holder with no country of his own in his sentence speaks for the state body
  named just before ("Ruritania's defence ministry denied it. ... spokesman X said"): the body's country;
- :func:`definite_body_country`: a person introduced as an official of a state body named by a bare definite
  noun ("The government's chief negotiator, X", "The military's spokesman, Major General X", "The head of the
  army delegation, General X") belongs to the country the text gave that body when it first named it with one
  ("Yemen's government", "Myanmar's military government", "the Sudanese army"), however far before; the story's
  dateline, the venue of talks held abroad, is not that body's country;
- :func:`pronoun_subject_country`: a role opened by "its" or "their" ("Its deputy minister, X") is held in the
  subject of the sentence before, and takes the first country that subject names ("Uzbekistan's Energy
  Ministry denied it.", "Solomon Islands backed China.");
- :func:`respectively`: "his Greek, Cypriot and French counterparts, A, B and C, respectively": the n-th
  country of the list goes to the n-th name;
- :func:`envoy_country`: an ambassador whose title names no country, summoned, told or handed a note by the
  host ("Deputy Foreign Minister X handed Ambassador Y a note of protest"), is the other side's envoy: the
  country the document names most after the one the context gives (the host's);
- :func:`voice_of_body`: a role that points back at a body ("the agency's coordinator", "the group's executive
  director", "a researcher at the group", "its country director") or a bare "spokeswoman X" is held in the
  organization the text names last before it (a bare spokesperson's: the one that spoke, its sentence's
  subject): an international body's official has no country ("The IOM said ... said X, the agency's
  coordinator in southern Peru"), a national body's has its country;
- :func:`apposed_org`: an indefinite apposition after a name that names a body ("X, a member of the governing
  Social Democratic Party", "X, a senior figure in the banned Rescue Party", "X, a PDP member") gives the person's
  organization, whatever role an earlier mention gave.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

from newsgraph.extract.mentions.index import APOSTROPHES
from newsgraph.extract.mentions.roles import country_near, main_country
from newsgraph.lexicon.countries import capital_country
from newsgraph.lexicon.known_orgs import international_name
from newsgraph.lexicon.titles import find_titles, title_sector, title_words

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from newsgraph.extract.mentions.index import MentionIndex
    from newsgraph.extract.mentions.roles import Cue, OrgRef, RoleInfo
    from newsgraph.extract.tokens import Tok

__all__ = [
    "apposed_org",
    "body_country",
    "context_country",
    "definite_body_country",
    "envoy_country",
    "foreign_cues",
    "possessive_country",
    "pronoun_subject_country",
    "quote_ids",
    "relative_country",
    "respectively",
    "seat_country",
    "second_role_country",
    "voice_of_body",
]


class PersonMention(Protocol):
    """What these rules read of a person mention (:class:`~newsgraph.extract.mentions.persons.PersonMention`)."""

    start: int
    end: int
    role: RoleInfo | None
    country: str | None


_OPENING = frozenset("“«„")
_CLOSING = frozenset("”»")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Up the parse from a name to the noun phrase it is part of ("spokesman [X]", "[X], a spokesman").
_NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod", "poss", "pobj", "prep"})
# Nouns of state bodies whose officials speak for them ("the defence ministry", "Ruritania's army").
_BODIES = frozenset(
    {"ministry", "government", "army", "military", "embassy", "police", "presidency", "cabinet", "junta"}
    | {"administration", "forces", "office", "authorities", "navy", "department", "secretariat", "command"}
)
# What a clause does to someone or says about something: its objects and its reported clause ("X thanked
# [his Ruritanian counterpart]", "X said [Ruritanian troops crossed]"), not where it happens ("born in London").
_ACTED_ON = frozenset({"dobj", "dative", "ccomp", "iobj"})
_TOWARDS = frozenset({"with", "to", "against", "toward", "towards"})
# Verbs of a relative clause that say what a person heads or is ("who heads", "who serves as").
_HEADING = frozenset({"head", "lead", "chair", "run", "direct", "command", "represent", "serve", "be", "preside"})
_RELATIVE_WORDS = 10  # tokens of a relative clause searched for the country
_BODY_SENTENCES = 3  # earlier sentences searched for the body a role-holder speaks for
# Title groups whose holders speak for a body rather than hold an office of their own ("spokesman X").
_BODY_VOICES = frozenset({"spokesperson", "official"})
# Sectors of a state's own officials: a minister, a spokesperson, an officer, a police chief.
_STATE_SECTORS = frozenset({"GOV", "MIL", "POL"})
# Words that point back at a body named before ("the agency's", "its", "at the group").
_POINTING = frozenset({"its", "their"})
_BACK_PREPS = frozenset({"at", "of", "for", "with"})
# Title groups one person per country holds at a time: two holders in one story are of two countries.
_ONE_A_COUNTRY = frozenset({"president", "prime minister", "vice president", "minister"})


def quote_ids(ix: MentionIndex) -> list[int]:
    """For each token, the number of the quotation it is inside (its marks excluded), -1 outside; a
    paragraph ends every quotation."""
    out = [-1] * len(ix.toks)
    current, count, para = -1, 0, 0
    for i, tok in enumerate(ix.toks):
        if ix.para_of[i] != para:
            para, current = ix.para_of[i], -1
        text = tok.text
        if text in _OPENING or (text == '"' and current < 0):
            count += 1
            current = count
        elif text in _CLOSING or text == '"':
            current = -1
        else:
            out[i] = current
    return out


def possessive_country(ix: MentionIndex, start: int) -> str | None:
    """ "Ruritania's Jane Roe": the country whose possessive stands right before the name."""
    mark = ix.prev(start)
    if mark < 0 or ix.toks[mark].text not in APOSTROPHES:
        return None
    q = ix.prev(mark)
    span = ix.country_at.get(q) if q >= 0 else None
    return span.iso3 if span is not None and span.end == mark else None


def relative_country(ix: MentionIndex, end: int) -> str | None:
    """ "X, who heads Ruritania's electoral commission": the country in a relative clause right after the
    name whose verb says what the person heads or is (not "who is visiting Ruritania")."""
    toks = ix.toks
    comma = ix.next(end - 1)
    who = ix.next(comma) if comma >= 0 and toks[comma].text == "," else -1
    verb = ix.next(who) if who >= 0 and toks[who].lower_ == "who" else -1
    while verb >= 0 and toks[verb].pos_ == "ADV":  # "who currently heads"
        verb = ix.next(verb)
    if verb < 0 or toks[verb].lemma_.lower() not in _HEADING:
        return None
    p = ix.next(verb)
    if p >= 0 and toks[p].pos_ == "VERB":
        return None  # "who is visiting Ruritania": an act, not an office
    steps = 0
    while p >= 0 and steps < _RELATIVE_WORDS and toks[p].text not in (",", ".", ";"):
        span = ix.country_at.get(p)
        if span is not None and not ix.patron(span):
            return span.iso3
        p, steps = ix.next(p), steps + 1
    return None


def seat_country(ix: MentionIndex, role: RoleInfo | None) -> str | None:
    """ "In Beijing, Foreign Ministry spokesperson X said": a state official whose title names no country, right
    after the capital the sentence opens with, speaks from that country's seat of government."""
    if role is None or role.described or role.country or role.international:
        return None
    if title_sector(role.text) not in _STATE_SECTORS:
        return None
    comma = ix.prev(role.start)
    if comma < 0 or ix.toks[comma].text != ",":
        return None
    first = ix.sent_bounds[ix.sent_of[role.start]][0] if ix.sent_bounds else 0
    while first < comma and ix.toks[first].is_space:
        first += 1
    if ix.toks[first].lower_ != "in" or comma - first < 2:
        return None
    return capital_country(ix.text(first + 1, comma))


def second_role_country(ix: MentionIndex, role: RoleInfo, other: RoleInfo | None) -> str | None:
    """The country of a role after the name when the one before it names none ("Colonel X, a spokesman for
    the Ruritanian army"); ``other`` is that second role, already completed."""
    if role.country is not None or role.international or other is None or other.start < role.end:
        return None
    return other.country


def _group(role: RoleInfo | None) -> str | None:
    """The office group of a role's last title ("Foreign Minister" → "minister")."""
    if role is None:
        return None
    found = [t.group for _lo, _hi, t in find_titles(title_words(role.text)) if t.kind == "title"]
    return found[-1] if found else None


def _office(ix: MentionIndex, role: RoleInfo) -> str:
    """A role's words less its country ("Ruritanian Foreign Minister" → "foreign minister")."""
    return " ".join(ix.toks[i].lower_ for i in range(role.start, role.end) if i not in ix.country_at)


def _clause_after(ix: MentionIndex, mention: PersonMention) -> set[int]:
    """Tokens of what the clause whose subject the person is does to someone or says, after the subject ("X
    praised [the Ruritanian troops]", "X said [Ruritanian soldiers crossed]", "X met [with Ruritanian
    officials]")."""
    doc = ix.doc
    tok = doc[mention.end - 1]
    steps = 0
    while tok.dep_ in _NAME_DEPS and tok.head.i != tok.i and steps < 6:
        tok, steps = tok.head, steps + 1
    if tok.dep_ not in _SUBJECTS:
        return set()
    out: set[int] = set()
    for child in tok.head.children:
        if child.i < mention.end:
            continue
        if child.dep_ in _ACTED_ON or (child.dep_ == "prep" and child.lower_ in _TOWARDS):
            out.update(t.i for t in child.subtree)
    return out


def foreign_cues(
    ix: MentionIndex, mentions: Sequence[PersonMention], k: int, cues: Sequence[Cue], quotes: list[int]
) -> list[Cue]:
    """``cues`` less the ones that cannot be mention ``k``'s country (see the module docstring)."""
    mention = mentions[k]
    inside = quotes[mention.start]
    same_office: set[int] = set()
    if mention.role is not None and _group(mention.role) in _ONE_A_COUNTRY:
        office = _office(ix, mention.role)
        for j, other in enumerate(mentions):
            if j != k and other.role is not None and _office(ix, other.role) == office:
                same_office.update(range(other.role.start, other.role.end))
    after = _clause_after(ix, mention)
    return [
        c
        for c in cues
        if not (quotes[c.start] >= 0 and quotes[c.start] != inside)
        and c.start not in same_office
        and not (c.start in after and c.start in ix.country_at)  # a country acted on; a place is where it happens
    ]


def body_country(ix: MentionIndex, mention: PersonMention, cues: Sequence[Cue]) -> str | None:
    """The country of the state body named last before the mention in the sentences before it (this
    paragraph or the one before), when its own sentence names no country before it."""
    sent = ix.sent_of[mention.start]
    para = ix.para_of[mention.start]
    doc = ix.doc
    for c in reversed(cues):
        if c.end > mention.start:
            continue
        s = ix.sent_of[c.start]
        if s == sent:
            return None  # the sentence names a country before the name: country_near's cue
        if s < sent - _BODY_SENTENCES or ix.para_of[c.start] < para - 1:
            return None
        head = doc[c.end - 1].head
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in _BODIES and head.i >= c.end:
            return c.iso3
    return None


def context_country(
    ix: MentionIndex,
    mentions: Sequence[PersonMention],
    k: int,
    cues_and_quotes: tuple[Sequence[Cue], list[int]],
    skip: Collection[int],
) -> tuple[str | None, bool]:
    """(country, only the document's) of mention ``k`` from its context: a spokesperson's body, else a cue
    that can be the person's near the mention (a role-holder's in the sentences before too), else the
    country the document is about (True), else a country the person's own quoted words name (True)."""
    cues, quotes = cues_and_quotes
    mention = mentions[k]
    titled = mention.role is not None and not mention.role.described  # a common noun is no title
    own = foreign_cues(ix, mentions, k, cues, quotes)
    found = body_country(ix, mention, own) if _speaks_for_unnamed_body(ix, mention.role) else None
    found = found or _opening_official_country(ix, mention)
    found = found or country_near(ix, mention.start, mention.end, skip, earlier_sentences=titled, cues=own)
    if found is not None:
        return found, False
    main = main_country(ix) or _leading_country(cues)
    if main is not None:
        return main, True
    # "Ruritania wants good relations," the minister said: what a speaker's own words name, last
    said = [c for c in cues if quotes[c.start] >= 0 and _said_by(ix, mention, c)]
    return (said[-1].iso3 if said else None), True


# Nouns of the state bodies a story names bare and definite once it has named them with their country ("the
# government", "the army", "the junta"), and the most words between the name and such a noun before it.
_STATE_BODIES = frozenset({"government", "army", "military", "junta", "regime", "administration", "navy", "police"})
_DEFINITE_WINDOW = 8


def definite_body_country(ix: MentionIndex, mention: PersonMention, cues: Sequence[Cue]) -> str | None:
    """The country of the state body a person is introduced as an official of by a bare definite noun (see the
    module docstring): the last cue before the mention that the same noun, or a body that noun qualifies ("the
    military" after "Myanmar's military government"), was named with; None when the words before the name
    name a country themselves or point at no such body."""
    role = mention.role
    if role is not None and (role.country is not None or role.international):
        return None
    lo = min(mention.start, role.start if role is not None else mention.start)
    sent_start = ix.sent_bounds[ix.sent_of[lo]][0] if ix.sent_bounds else 0
    toks, noun = ix.toks, None
    for i in range(lo - 1, max(sent_start, lo - _DEFINITE_WINDOW) - 1, -1):
        tok = toks[i]
        if i in ix.country_at or tok.pos_ in ("VERB", "AUX") or tok.ent_type_ in ("GPE", "NORP", "PERSON"):
            return None  # "Sudan's army spokesman", a clause: not a bare body's official
        if tok.lemma_.lower() in _STATE_BODIES and tok.pos_ == "NOUN":
            det = next((toks[j] for j in range(i - 1, max(sent_start, i - 3) - 1, -1) if toks[j].pos_ == "DET"), None)
            if det is None or det.lower_ != "the" or any(ix.toks[j].pos_ == "PROPN" for j in range(det.i + 1, i)):
                return None
            noun = tok.lemma_.lower()
            break
    return None if noun is None else _antecedent_country(ix, noun, lo, cues)


def _antecedent_country(ix: MentionIndex, noun: str, lo: int, cues: Sequence[Cue]) -> str | None:
    """The last cue before token ``lo`` that names the state body ``noun`` ("army": "the Sudanese army"), or a body
    ``noun`` qualifies ("military": "Myanmar's military government")."""
    doc = ix.doc
    for c in reversed(cues):
        if c.end > lo:
            continue
        head = doc[c.end - 1].head
        if head.i < c.end or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if head.lemma_.lower() == noun or (
            head.lemma_.lower() in _BODIES and any(ch.lower_ == noun for ch in head.children if ch.i < head.i)
        ):
            return c.iso3
    return None


def _opening_official_country(ix: MentionIndex, mention: PersonMention) -> str | None:
    """ "Hungary backed Warsaw. Foreign Minister X said ...", "Pakistan's aviation ministry closed its airspace to
    India. Aviation Minister X defended the move": a state official whose title names no country and opens the
    sentence speaks for the state the sentence before has as its subject, not for the side its object names."""
    role = mention.role
    if role is None or role.described or title_sector(role.text) not in _STATE_SECTORS:
        return None
    sent = ix.sent_of[mention.start]
    first = ix.sent_bounds[sent][0] if ix.sent_bounds else 0
    while first < role.start and (ix.toks[first].is_space or ix.toks[first].lower_ == "the"):
        first += 1
    if first != role.start or sent == 0 or ix.para_of[ix.sent_bounds[sent - 1][0]] != ix.para_of[first]:
        return None
    return _subject_country(ix, sent - 1)


def _subject_country(ix: MentionIndex, sent: int) -> str | None:
    """The first country the subject of sentence ``sent``'s main clause names ("Uzbekistan's Energy Ministry")."""
    lo, hi = ix.sent_bounds[sent]
    roots = [t for t in ix.doc[lo:hi] if t.dep_ == "ROOT"]
    subjects = [c for r in roots[:1] for c in r.children if c.dep_ in _SUBJECTS]
    for subject in subjects[:1]:
        for t in subject.subtree:
            span = ix.country_at.get(t.i)
            if span is not None and not ix.patron(span):
                return span.iso3
    return None


def _leading_country(cues: Sequence[Cue]) -> str | None:
    """The country the document names first and most, more often than any other (a story split between two
    countries that names no dateline: its persons with no other cue are most likely of the one it leads with)."""
    counts: dict[str, int] = {}
    for c in cues:
        counts[c.iso3] = counts.get(c.iso3, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] <= ranked[1][1]) or ranked[0][0] != cues[0].iso3:
        return None
    return ranked[0][0]


_POINTED_WORDS = 8  # the most tokens between a sentence's opening "Its" and the name its role is of


def pronoun_subject_country(ix: MentionIndex, mention: PersonMention, cues: Sequence[Cue] = ()) -> str | None:
    """ "Uzbekistan's Energy Ministry denied it. Its deputy minister, X, said ...", "Solomon Islands backed China.
    Its prime minister, X, ...": a role opened by "its" or "their" is held in what the sentence before (in the same
    paragraph) has as its subject; the first country that subject names is the person's."""
    role = mention.role
    if role is None or role.country is not None or role.international:
        return None
    sent = ix.sent_of[mention.start]
    first = ix.sent_bounds[sent][0] if ix.sent_bounds else 0
    while first < mention.start and ix.toks[first].is_space:
        first += 1
    if ix.toks[first].lower_ not in _POINTING or mention.start - first > _POINTED_WORDS:
        return None  # "Its spokesman, Commander X": the sentence opens with the pointer, the name soon after
    before = first
    if sent == 0 or not ix.sent_bounds or ix.para_of[ix.sent_bounds[sent - 1][0]] != ix.para_of[before]:
        return None
    found = _subject_country(ix, sent - 1)
    if found is None and cues:  # "The army delegation said it would stay. Its head, General X": the army's country
        lo, hi = ix.sent_bounds[sent - 1]
        roots = [t for t in ix.doc[lo:hi] if t.dep_ == "ROOT"]
        subject = next((c for r in roots[:1] for c in r.children if c.dep_ in _SUBJECTS), None)
        words = [subject, *(c for c in subject.children if c.dep_ == "compound")] if subject is not None else []
        body = next((w.lemma_.lower() for w in words if w.lemma_.lower() in _STATE_BODIES), None)
        definite = subject is not None and any(c.lower_ == "the" for c in subject.children if c.dep_ == "det")
        found = _antecedent_country(ix, body, lo, cues) if body and definite else None
    return found


def _speaks_for_unnamed_body(ix: MentionIndex, role: RoleInfo | None) -> bool:
    """A spokesperson or official whose role does not name the body ("spokesman X", "ministry spokesman
    X"; not "spokesman for the Example Front X")."""
    if role is None or _group(role) not in _BODY_VOICES or role.organization is not None:
        return False
    return not any(ix.toks[i].lower_ in ("for", "of", "at") for i in range(role.start, role.end))


def _said_by(ix: MentionIndex, mention: PersonMention, cue: Cue) -> bool:
    """The quotation holding ``cue`` is in the mention's sentence."""
    return ix.sent_of[cue.start] == ix.sent_of[mention.start]


def voice_of_body(ix: MentionIndex, mention: PersonMention, orgs: Sequence[OrgRef]) -> None:
    """Fill the role of ``mention`` from the body it points back at (see the module docstring): its
    organization, and no country (an international body's: :attr:`RoleInfo.international`) or the body's."""
    role = mention.role
    if role is None or role.country is not None or role.organization is not None or role.international:
        return
    bare = _bare_voice(ix, role)
    pointing = None if bare else _points_back(ix, role)
    if not bare and pointing is None:
        return
    sent, para = ix.sent_of[mention.start], ix.para_of[mention.start]
    near = [
        o
        for o in orgs
        if o.end <= mention.start and ix.para_of[o.start] >= para - 1 and ix.sent_of[o.start] >= sent - _BODY_SENTENCES
    ]
    # the body that acted or spoke (a subject: "The RSF reacted. Its spokesman", "The CNRP ... was dissolved by the
    # Supreme Court ... its leader"); "the agency's" may name any body named last
    subjects = [o for o in near if _subject(ix, o.end - 1)]
    org = max(subjects or (near if pointing == "noun" else []), key=lambda o: o.start, default=None)
    if org is None:
        return
    if any(org.end <= c.start < mention.start and _subject(ix, c.end - 1) for c in ix.countries):
        return  # a country that acted after the body is what "its" points at ("Hungary abstained. Its minister")
    international = org.country is None and (org.international or international_name(org.name))
    if bare and not international:  # a state body's spokesperson: its country is body_country's
        mention.organization = mention.organization or org.name
        return
    role.organization = org.name
    role.country, role.international = org.country, international


def _subject(ix: MentionIndex, i: int) -> bool:
    """Token ``i`` heads a clause's subject, or a name in apposition to one ("The U.N. refugee agency, UNHCR")."""
    tok = ix.doc[i]
    while tok.dep_ in ("appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _SUBJECTS


def _bare_voice(ix: MentionIndex, role: RoleInfo) -> bool:
    """ "spokeswoman X", "A spokeswoman, X": a spokesperson's title, nothing else and nothing before it."""
    words = [ix.toks[i] for i in range(role.start, role.end) if ix.toks[i].lower_ not in ("a", "an", "the")]
    if _group(role) != "spokesperson" or len(words) != 1:
        return False
    p = ix.prev(words[0].i)
    return p < 0 or ix.sent_of[p] != ix.sent_of[words[0].i] or ix.toks[p].is_punct


# Lower-case nouns of a body's kind that open a role and point back at the body named before ("party spokesman X";
# not "coalition spokesman", as often a military coalition the text names only so).
_KIND_NOUNS = frozenset({"party"})


def _points_back(ix: MentionIndex, role: RoleInfo) -> str | None:
    """ "its country director" ("pronoun"), "the agency's coordinator", "a researcher at the group" ("noun"): the
    role names its body by a possessive pronoun, or by a common noun with the definite article; else None."""
    toks = ix.toks
    before = ix.prev(role.start)
    if before >= 0 and toks[before].lower_ in _POINTING:
        return "pronoun"  # "Its country director, X"
    if toks[role.start].text in _KIND_NOUNS:
        return "noun"  # "party spokesman X": the party named just before
    for i in range(before if before >= 0 else role.start, role.end):  # "the commission's president, X" too
        if toks[i].lower_ in _POINTING:
            return "pronoun"
        if toks[i].text in APOSTROPHES and i >= 2 and toks[i - 1].is_lower and _definite(toks, i - 1):
            # "the agency's coordinator", "the paramilitary group's negotiator"; "the government's negotiator"
            # is the state's (body_country)
            return None if toks[i - 1].lemma_.lower() in _BODIES else "noun"
    prep = role.end if role.end < len(toks) else -1
    if prep < 0 or toks[prep].lower_ not in _BACK_PREPS or prep + 2 >= len(toks) or toks[prep + 1].lower_ != "the":
        return None
    noun = toks[prep + 2]  # "a researcher at the group", not "at the group's office"
    end = prep + 3 >= len(toks) or toks[prep + 3].text in (",", ".", ";")
    return "noun" if noun.is_lower and noun.pos_ == "NOUN" and end else None


def _definite(toks: Sequence[Tok], noun: int) -> bool:
    """The common noun at ``noun`` opens with "the", at most two lower-case modifiers between ("the group",
    "the paramilitary group", "the rebel alliance")."""
    j = noun - 1
    while j >= 0 and noun - j <= 3 and toks[j].is_lower and toks[j].pos_ in ("ADJ", "NOUN"):
        j -= 1
    return j >= 0 and noun - j <= 3 and toks[j].lower_ == "the"


def _only_listing(ix: MentionIndex, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` only join list items (commas, "and", "or")."""
    return all(ix.toks[i].lower_ in (",", "and", "or") or ix.toks[i].is_space for i in range(start, end))


def respectively(ix: MentionIndex, mentions: Sequence[PersonMention]) -> None:
    """ "his Greek, Cypriot and French counterparts, A, B and C, respectively": the n-th country of
    the list goes to the n-th name."""
    for r, tok in enumerate(ix.toks):
        if tok.lower_ != "respectively":
            continue
        sent = ix.sent_of[r]
        names = [m for m in mentions if m.end <= r and ix.sent_of[m.start] == sent]
        if not names or not _only_listing(ix, names[-1].end, r):
            continue
        run = [names[-1]]
        for m in reversed(names[:-1]):
            if not _only_listing(ix, m.end, run[0].start):
                break
            run.insert(0, m)
        countries = [c for c in ix.countries if c.end <= run[0].start and ix.sent_of[c.start] == sent]
        listed = countries[-len(run) :]
        if len(run) < 2 or len(listed) != len(run):
            continue
        if all(_only_listing(ix, a.end, b.start) for a, b in pairwise(listed)):
            for m, c in zip(run, listed, strict=True):
                m.country = m.country or c.iso3


# What is done to an envoy by the host: an object, a recipient, "with"/"to" the envoy, a passive subject.
_ACTED_ON_ENVOY = frozenset({"dobj", "dative", "iobj", "nsubjpass"})


def envoy_country(ix: MentionIndex, mention: PersonMention, cues: Sequence[Cue]) -> str | None:
    """The country of an ambassador the host acts on (see the module docstring), else None."""
    role = mention.role
    if role is None or role.country is not None or role.international or _group(role) != "ambassador":
        return None
    tok, steps = ix.doc[mention.end - 1], 0
    while tok.dep_ in _NAME_DEPS - {"pobj", "prep"} and tok.head.i != tok.i and steps < 6:
        tok, steps = tok.head, steps + 1
    acted_on = tok.dep_ in _ACTED_ON_ENVOY or (tok.dep_ == "pobj" and tok.head.lower_ in _TOWARDS)
    if not acted_on:
        return None
    host = country_near(ix, mention.start, mention.end, cues=cues) or main_country(ix)
    counts: dict[str, int] = {}
    for c in cues:
        if c.iso3 != host:
            counts[c.iso3] = counts.get(c.iso3, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if host is None or not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None  # no host to tell apart, or no one other side
    return ranked[0][0]


# Marks that end an apposition ("X, a member of the party, said"), and the most words one may take.
_APPOSITION_ENDS = frozenset({",", ";", ".", "(", ")", "\u2014", "\u2013", '"', "\u201d"})
_APPOSITION_WORDS = 12


def apposed_org(ix: MentionIndex, end: int, orgs: Sequence[OrgRef]) -> OrgRef | None:
    """The organization named in an indefinite apposition right after the name ending at token ``end`` ("Rui
    Almeida, a member of the governing Social Democratic Party, denied it", "X, a senior figure in the banned
    Rescue Party", "Governor X, a PDP member"): a description of the person, so the body named in it is theirs."""
    j = ix.next(end - 1)
    if j < 0 or ix.toks[j].text != ",":
        return None
    k = ix.next(j)
    if k < 0 or ix.toks[k].lower_ not in ("a", "an"):
        return None
    stop, n = k, 0
    while stop >= 0 and ix.toks[stop].text not in _APPOSITION_ENDS and n < _APPOSITION_WORDS:
        stop, n = ix.next(stop), n + 1
    limit = stop if stop >= 0 else len(ix.toks)
    if stop >= 0 and ix.toks[stop].text not in _APPOSITION_ENDS:
        return None  # a clause, not an apposition
    return next((o for o in orgs if k < o.start and o.end <= limit), None)
