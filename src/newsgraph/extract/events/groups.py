"""Unnamed groups and the place they belong to: "activists", "the police" of the story's place;
"European countries", "Western allies" or "leaders of African Union member states" of no one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.syntax import SUBJ, np_span, pobjs, token_country
from newsgraph.lexicon.actors import actor_code
from newsgraph.lexicon.events import actor_nouns, body_anaphors, people_noun, sector_of
from newsgraph.lexicon.known_orgs import is_igo, lookup_org
from newsgraph.lexicon.titles import find_titles, title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

GROUP_HEADS = frozenset({"country", "nation", "government", "state", "capital"})
_ABROAD = frozenset({"international", "global", "multilateral", "overseas", "western", "world"})
FOREIGN_HEADS = frozenset({"donor", "lender", "creditor"})  # who gives to a country is of others
LOCAL_SECTORS = frozenset({"CVL", "OPP", "POL", "JUD", "MED", "LEG", "MIL", "GOV", "REB"})
QUANT = frozenset(
    {"all", "most", "many", "some", "several", "none", "both", "each", "few", "dozens", "hundreds", "thousands"}
    | {"tens", "scores", "millions"}
)
COLLECTIVE = frozenset({"group", "handful", "crowd", "number"})  # with "of": its people ("a group of traders")


def counted(tok: Token) -> list[Token]:
    """What a count or a collective counts ("dozens of tractors", "a group of traders"), else nothing."""
    if not (tok.lower_ in QUANT or tok.lower_ in COLLECTIVE or tok.pos_ == "NUM"):
        return []
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]


def is_weapon(tok: Token) -> bool:
    """A craft or munition that stands for the force firing it (``sectors.tsv``'s weapon column)."""
    return (hit := sector_of(tok.lemma_.lower())) is not None and hit.weapon


def local_group(head: Token, sector: str | None) -> bool:
    """An unnamed domestic group ("activists", "the police") takes the country of its place;
    "European countries" or "Western allies" do not."""
    lemma = head.lemma_.lower()
    people = sector is None and people_noun(lemma, head.tag_ == "NNS")
    if lemma in GROUP_HEADS or (sector not in LOCAL_SECTORS and not people):
        return False  # a sector of its own place, or people and groups named by what they are ("critics")
    if is_weapon(head):
        return False  # "drones hit a refinery in Belgorod": fired at the place, not from it
    if any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "LOC") for c in head.children):
        return False
    if lemma in FOREIGN_HEADS or any(c.dep_ == "amod" and c.lower_ in _ABROAD for c in head.children):
        return False  # "international donors", "Western diplomats", "creditors": not of the story's country
    return not of_international(head)


def of_international(head: Token) -> bool:
    """A group of an intergovernmental body ("leaders of African Union member states"): of no one country."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in pobjs(c):
                lo, hi = np_span(o)
                names, run = [], []  # the capitalised runs of the phrase: "African Union", "AU"
                for t in [*o.doc[lo:hi], None]:
                    if t is not None and t.text[:1].isupper():
                        run.append(t.text)
                    elif run:
                        names, run = [*names, " ".join(run)], []
                if any((hit := sector_of(n)) is not None and hit.sector == "IGO" for n in names):
                    return True
    return False


def _igo(name: str) -> bool:
    """An intergovernmental body's name: in the sector table, the organization table or the event-data actors'
    (the Southern African Development Community, the African Union Commission)."""
    if ((hit := sector_of(name)) is not None and hit.sector == "IGO") or is_igo(name):
        return True
    return (code := actor_code(name)) is not None and code.sector == "IGO"


def _body_served(head: Token) -> str | None:
    """The intergovernmental body a person or group phrase serves, named after "for", "of", "at" or "from" ("a
    spokesman for the U.N. secretary-general", "officials at the IMF", "observers from the Southern African
    Development Community"), not a country's mission to it."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from")):
        for obj in pobjs(prep):
            if any(token_country(t) for t in obj.subtree):
                return None  # "the spokesman of the Russian mission to the UN"
            for x in [obj, *(t for t in obj.subtree if t.dep_ in ("compound", "nmod"))]:
                lo = min((t.i for t in x.subtree if t.dep_ not in ("det", "case", "prep", "pobj")), default=x.i)
                name = head.doc[lo : x.i + 1].text
                if x.text[:1].isupper() and _igo(name):
                    return name
    return None


def igo_side(head: Token) -> str | None:
    """The intergovernmental body a group phrase stands for: named as its modifier ("European Union leaders",
    "NATO allies"), or referred back to by "the bloc" / "the alliance" (``body_anaphors.tsv``: the body the
    story named last). Such a side is of no country."""
    if head.text in _SEATS and _names_body(head.doc, _SEATS[head.text]):
        return _SEATS[head.text][0]  # "Brussels expected Romania to ...": the Union seated there, in a story about it
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.text.islower()):  # "the bloc" tagged PROPN
        return None
    mods = [c for c in head.children if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < head.i]
    lemma = head.lemma_.lower()
    people = lemma in actor_nouns() or lemma in GROUP_HEADS or sector_of(lemma) is not None
    if any(c.dep_ in ("poss", "amod") and token_country(c) for c in mods):
        return None  # "Russia's U.N. ambassador", "the Russian NATO envoy": a country's, to the body
    for c in mods if people else ():  # "EU leaders", not "a Security Council resolution"
        lo = min(t.i for t in c.subtree if t.dep_ not in ("det", "case"))
        name = head.doc[lo : c.i + 1].text
        if c.text[:1].isupper() and _igo(name):
            return name
    if people and (body := _body_served(head)) is not None:
        return body  # "a spokesman for the U.N. secretary-general", "an official of the African Union"
    need = body_anaphors().get(lemma)
    if need is None or mods or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    for ent in reversed(head.doc.ents):  # the latest body whose name holds the word: the one meant
        name = ent.text.removeprefix("the ").removeprefix("The ")
        known = lookup_org(name)
        full = f"{name} {known.name}".lower() if known is not None else name.lower()
        if ent.end > head.i or ent.label_ not in ("ORG", "NORP", "GPE") or need not in full:
            continue
        if _igo(name):
            return name
        if need:  # "the agency" after "Turkey's disaster agency AFAD": that one, no intergovernmental body
            return None
    return None


# the city a body sits in, named for the body when the story names it ("Brussels" for the European Union)
_SEATS = {"Brussels": ("European Union", "European Commission", "European Council", "European Parliament")}


def _names_body(doc: Doc, bodies: tuple[str, ...]) -> bool:
    """Whether the document names one of ``bodies`` (a name or an alias the organization table knows)."""
    known = (lookup_org(e.text.removeprefix("the ")) for e in doc.ents)
    return any(k is not None and k.name in bodies for k in known)


_SIDES = frozenset({"country", "nation", "government", "side", "leader", "state", "capital", "delegation", "minister",
                    "president", "army", "military", "force", "neighbour", "neighbor", "ally", "rival"})  # fmt: skip


def two_sides(head: Token) -> bool:
    """A phrase for the two sides a story is about ("the two countries", "both governments", "the leaders of
    the two countries", "commanders from both sides"), not naming either."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if head.lemma_.lower() == "party":  # "both parties" to a conflict; "the two parties" of an election are not
        return any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in head.children)
    if head.lemma_.lower() not in _SIDES:  # "officials from both sides", "envoys of the two governments"
        whose = [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for o in pobjs(c)]
        return any(two_sides(o) for o in whose)
    of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]
    if any(o.lemma_.lower() not in _SIDES for o in of):
        return False  # "both sides of the aisle", "both sides of the debate": not two countries
    if any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in head.children):
        return True
    return any(two_sides(o) for o in of)


def the_two(clause: Token) -> bool:
    """The clause's subject is "the two" or "both" alone, pointing back at two sides ("The two agreed")."""
    subj = [c for c in clause.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].lower_ in ("two", "both") and not list(subj[0].rights)


def reciprocal(clause: Token) -> bool:
    """The act of ``clause`` is aimed at "each other" or "one another": each actor at the others."""
    return any(tok.i > 0 and (tok.lower_, tok.doc[tok.i - 1].lower_) in _RECIPROCAL for tok in clause.subtree)


_RECIPROCAL = frozenset({("other", "each"), ("another", "one")})  # (word, the word before it)


def demonym_plural(head: Token) -> bool:
    """People named by their nation ("Hongkongers", "Ukrainians" the model left untagged): they can act."""
    return head.tag_ in ("NNS", "NNPS") and head.text[:1].isupper() and token_country(head) is not None


def international(found: object) -> bool:
    """A person or an organization the mentions extractor resolved that belongs to an intergovernmental body:
    its organization, role or own name names one ("the chairman of the African Union Commission", "the OSCE
    Representative on Freedom of the Media", "the European Union")."""
    role = getattr(found, "role", None)
    if role and getattr(found, "country", None) and _envoy(role):
        return False  # "Russia's deputy U.N. ambassador": a country's envoy to the body, not its official
    texts = [getattr(found, key, None) for key in ("organization", "role")]
    if getattr(found, "role", "missing") == "missing":  # an organization: its own name
        texts.append(getattr(found, "name", None))
    return any(_names_igo(t) for t in texts if t)


def _envoy(role: str) -> bool:
    return any(t.envoy for _, _, t in find_titles(title_words(role)))


_CONNECTORS = frozenset({"of", "for", "and", "on", "the"})


def _names_igo(text: str) -> bool:
    """Whether a run of capitalised words in ``text`` (or a part of one) is an intergovernmental body's name."""
    if is_igo(text):  # the table's name of a body, whole
        return True
    runs: list[list[str]] = [[]]
    for word in text.replace(",", " ").split():
        if word[:1].isupper() or (runs[-1] and word in _CONNECTORS):  # "Organization of American States"
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    spans = ((run, i, j) for run in runs for i in range(len(run)) for j in range(i + 1, min(len(run), i + 6) + 1))
    return any(_igo(" ".join(run[i:j])) for run, i, j in spans)


def partitive_whole(tok: Token, sent_start: int) -> Token | None:
    """The group "them" takes part of ("expelled 230 of them", "detained nine of them") or that an act is done
    to ("ordered two diplomats to leave, accusing them of ..."): the latest plural noun named before it in the
    sentence that is not a subject (the subject is who acts on them)."""
    if tok.lower_ != "them":
        return None
    partitive = tok.head.lower_ == "of" and tok.head.head.pos_ in ("NUM", "ADJ", "PRON")
    if not partitive and tok.dep_ != "dobj":
        return None
    plural = [
        t for t in tok.doc[sent_start : tok.i]
        if t.tag_ == "NNS" and t.dep_ not in SUBJ and t.ent_type_ not in ("DATE", "TIME", "MONEY", "QUANTITY")
    ]  # fmt: skip
    return plural[-1] if plural else None


# Parts of a body that speak or act for it ("the army's media wing", "the ministry's press office")
_UNITS = frozenset({"wing", "office", "branch", "arm", "unit", "division", "department", "bureau", "service",
                    "team", "command", "headquarters", "cell", "directorate", "secretariat"})  # fmt: skip


def owner_sector(head: Token) -> str | None:
    """The sector of the body a part of it belongs to ("the Pakistani army's media wing": the army's, MIL)."""
    if head.lemma_.lower() not in _UNITS:
        return None
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and (hit := sector_of(c.lemma_.lower())) is not None:
            return hit.sector
    return None
