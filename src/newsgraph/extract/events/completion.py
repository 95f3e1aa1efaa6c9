"""What a sentence implies about an event beyond what its trigger names, by the PLOVER codebook.

The coder (:mod:`newsgraph.extract.events.coder`) asks these rules when a candidate lacks something:

- **intent** (codebook, AGREE, CONCEDE and THREATEN): a subject that commits itself to an event —
  "will meet", "plans to join", "is ready to talk", or a reported "said it would withdraw" — has made
  an event of its own: AGREE for cooperation, CONCEDE for a concession or a retreat, THREATEN for
  force or coercion. The commitment words are data (``modality_cues.tsv``, kind ``commit``); "hopes to",
  "tries to" and "is expected to" stay hypothetical.
- **target from the place** (force, coercion and mobilization need no named recipient): an
  offensive "into north-eastern Syria" or a raid "in Iraq" by an actor of another country is aimed
  at that country.
- **unknown attacker** (ASSAULT with unknown perpetrators is an event): "was shot", "bombs struck
  the cathedral" code an assault by an unidentified actor on the victims the text names; the actor
  of an instrument with a country ("killed in a US operation") is that country.
- **object as text** (ACCUSE, REJECT, SUPPORT, THREATEN need no recipient): when the object is no
  actor ("criticised the proceedings"), the event keeps the object's words as its target, with no
  country.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import Actor, is_passive, np_countries, np_span, place_country, pobjs, subjects
from newsgraph.extract.events.arguments import acted_on, if_clause, own_actor_heads
from newsgraph.extract.events.groups import FOREIGN_HEADS, two_sides
from newsgraph.extract.events.modality import unsaid
from newsgraph.extract.events.needs import FUTURE_AUX, gives, told_to_come
from newsgraph.extract.events.nominal import noun_pattern
from newsgraph.extract.events.orders import orderer
from newsgraph.extract.events.triggers import Candidate, describes_noun, doers, is_event_noun
from newsgraph.lexicon.countries import country_name
from newsgraph.lexicon.cues import speech_verbs
from newsgraph.lexicon.events import actor_nouns, is_mishap, modality_kinds, verb_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.extract.events.actors import DocContext
    from newsgraph.extract.events.memory import EventMemory
    from newsgraph.extract.events.modality import Modality

__all__ = [
    "UNKNOWN_ATTACKER",
    "attack_subjects",
    "bereaved_target",
    "condition_side",
    "conditional_threat",
    "donor_recipient",
    "generic_issue",
    "home_target",
    "intended_type",
    "located_side",
    "located_target",
    "mediated_sides",
    "mishap_toll",
    "own_government",
    "place_target",
    "public_target",
    "purpose_target",
    "text_target",
    "threatened_named",
    "threatened_side",
    "unknown_attacker",
]  # fmt: skip

# The codebook's reading of an event told in the future or as an intent: cooperation (CONSULT, SUPPORT,
# COOPERATE, AID) is AGREE; a future concession stays CONCEDE and a future retreat is CONCEDE
# ("announced ... would withdraw troops"); force and coercion are THREATEN (PLOVER_MANUAL.tex,
# AGREE, CONCEDE and THREATEN, "Potential ambiguities").
_INTENDED = {
    "AGREE": "AGREE", "CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
    "CONCEDE": "CONCEDE", "RETREAT": "CONCEDE",
    "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN", "MOBILIZE": "THREATEN",
    "PROTEST": "THREATEN",  # "organizers said they would march on the residence": CAMEO 138, threaten to protest
    "THREATEN": "THREATEN",  # "said India would pay a heavy price": the threat is made by saying it
}  # fmt: skip
# Types a place can be the recipient of ("an offensive into Syria", "troops deployed to Iraq").
_PLACE_RECIPIENT = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_PLACE_PREPS = frozenset({"in", "into", "on", "across", "inside", "against"})
_INSTRUMENT_PREPS = frozenset({"in", "by", "during"})
# attack nouns that name an accident as often as an attack ("a fire killed nine"): no attack on their own
_ACCIDENT_NOUNS = frozenset({"fire"})
_REPORTED_FUTURE = frozenset({"would", "'d"})
# words of willingness or agreement: the yielding they govern is offered or accepted, not yet made
_WILLING = frozenset({"agree", "agreed", "willing", "ready", "prepared", "offer", "offered", "accept", "accepted"})
UNKNOWN_ATTACKER = "unidentified attackers"  # the actor label of an attack whose attacker the text does not name


def intended_type(cand: Candidate) -> str | None:
    """AGREE or THREATEN when the candidate is an event its subject commits to, else None."""
    if conditional_threat(cand):
        return "THREATEN"  # "said students would occupy campuses if the government ignored them"
    mod = cand.modality
    light = cand.nominal and cand.trigger[0].pos_ == "VERB"  # "would impose sanctions": the light verb's clause
    if (cand.nominal and not light) or mod.negated or not mod.hypothetical or mod.cue is None:
        return None
    cue = mod.cue.lower()
    if orderer(cand) is not None:
        return cand.type  # "ordered the army to deploy two battalions": a deployment ordered is made
    committed = "commit" in modality_kinds(cue)
    if not committed and cue in _REPORTED_FUTURE:
        committed = reported_clause(cand.clause)  # "said it would withdraw": a reported commitment
    if not committed:
        return None
    if cand.type == "ACCUSE" and cand.mode == "allege":
        return "THREATEN"  # "said he intended to sue", "will press charges": a threat of legal action
    if cand.type in ("CONCEDE", "RETREAT") and cue in _WILLING:
        return "AGREE"  # "is willing to withdraw", "agreed to release": CAMEO 035x, intent to yield, is AGREE
    if cand.type == "MOBILIZE" and (cue in _WILLING or _to_help(cand.clause)):
        return "AGREE"  # "offered to send officers to help patrol": military help offered (CAMEO 0312), no threat
    return _INTENDED.get(cand.type)  # "announced he would step down": the concession made known


_HELPING = frozenset({"help", "assist", "support", "reinforce", "bolster", "protect"})


def _to_help(clause: Token) -> bool:
    """A deployment whose purpose is to help ("to send troops to help patrol the border")."""
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _HELPING for c in clause.children)


# acts whose announcement under a condition is a threat (the codebook's THREATEN: "threaten ... unless")
_THREATENED = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT"})
_WILL = frozenset({"will", "would", "'ll", "'d"})


def conditional_threat(cand: Candidate) -> bool:
    """A reported act of force, coercion, protest or refusal that will come if the other side does (not) act:
    "said they would attack the capital unless the army withdrew" (CAMEO's conditional threats)."""
    clause = top = cand.clause
    light = cand.nominal and cand.trigger[0].pos_ == "VERB"  # "would stage a nationwide shutdown if ..."
    if cand.type not in _THREATENED or (cand.nominal and not light) or cand.modality.negated:
        return False
    while top.dep_ == "xcomp" and top.head.lemma_.lower() in _GOING_ON:  # "would keep blockading highways"
        top = top.head
    # "until the decree is repealed" conditions an act kept up or a protest ("would march until ...")
    lasting = top.i != clause.i or cand.type == "PROTEST"
    if not any(_condition(c, lasting) for c in (clause, top)):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _WILL for c in top.children):
        return False
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in speech_verbs()


_GOING_ON = frozenset({"keep", "continue", "remain"})


def _condition(verb: Token, lasting: bool) -> bool:
    if if_clause(verb) is not None:
        return True
    return lasting and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children) for c in verb.children
    )


def envoy_host_side(actor: Actor, target: Actor) -> Actor:
    """An envoy's host country is a side: the summoner of "the ambassador to Berlin" is Germany (``actor`` is
    given it); the one "its ambassador to Nicaragua" is recalled from is Nicaragua (the returned target)."""
    host = target.envoy_host
    if host is None or host == actor.country:
        return target
    if actor.country is None:
        actor.country = host
        return target
    return replace(target, country=host) if target.country in (None, actor.country) else target


def mishap_toll(clause: Token) -> bool:
    """A clause that tells the toll of an accident it hangs on, with no subject of its own ("crashed, killing")."""
    head = clause.head
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return clause.dep_ in ("advcl", "xcomp", "conj") and not own and head.i != clause.i and is_mishap(head.lemma_)


def threatened_side(cand: Candidate, ctx: DocContext) -> list[Actor]:
    """Whom a threat of a named act is aimed at: the target of that act ("threatened tariffs on Canada",
    "warned of sanctions against Iran")."""
    if cand.type != "THREATEN" or cand.nominal:
        return []
    for head in acted_on(cand.clause):
        pat = noun_pattern(head) if head.pos_ == "NOUN" else None
        if pat is None or pat.type not in _THREATENED:
            continue
        aimed = [o for c in head.children if c.dep_ == "prep" and c.lower_ in pat.target for o in pobjs(c)]
        found = [a for o in aimed for a in ctx.actors(o) if a.country is not None]
        if found:
            return found
    return []


def threatened_named(cand: Candidate, actor: Actor, ctx: DocContext) -> list[Actor]:
    """Whom a threat is aimed at when it names no other side as its object: the first other country the
    threatened act names after the trigger ("warned that Jordan would review its security coordination with
    Israel": Israel; "would take resolute measures to crush Taiwan independence forces": Taiwan)."""
    if cand.type != "THREATEN" or actor.country is None:
        return []
    own = {t.i for s in subjects(cand.clause) for t in s.subtree}
    last = cand.trigger[-1].i + _THREAT_REACH  # a run-on sentence's clause is not read to its end for each threat
    for tok in cand.clause.subtree:
        if tok.i > last:
            break
        if tok.i <= cand.trigger[-1].i or tok.i in own or tok.ent_type_ not in ("GPE", "NORP"):
            continue
        found = [a for a in ctx.actors(tok) if a.country not in (None, actor.country)]
        if found:
            return found[:1]
    return []


_THREAT_REACH = 60  # tokens after the trigger where a threatened act names its other side


def condition_side(cand: Candidate, ctx: DocContext) -> list[Actor]:
    """The side a conditional threat is aimed at: the subject of its condition ("if the government ignored")."""
    cond = if_clause(cand.clause)
    heads = subjects(cond) if cond is not None else []
    return [a for h in heads for a in ctx.actors(h) if a.entity_like]


def reported_clause(clause: Token) -> bool:
    """A that-clause of a speech verb with no condition: "X said it would ..."."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in speech_verbs() or unsaid(clause.head):
        return False  # "did not say it would", "stopped short of saying it would": no commitment made
    return not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in clause.children)


def place_target(cand: Candidate, actor: Actor) -> Actor | None:
    """The country of the place a forceful event is in or aimed at, when it is not the actor's own."""
    if cand.type not in _PLACE_RECIPIENT:
        return None
    anchors = [cand.clause, *(t for t in cand.trigger if t.i != cand.clause.i)]
    for anchor in anchors:
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS):
            for obj in pobjs(prep):
                code = place_country(obj) or _adjective_country(obj)
                if code and code != actor.country:
                    return Actor(obj.text, None, code, None, obj.idx, obj.idx + len(obj), obj.i, agentive=True)
    return None


def located_target(cand: Candidate) -> Actor | None:
    """A forceful event's target that names no country, given the country of the place the event is in
    ("an attack on oil facilities in Saudi Arabia": the facilities are Saudi)."""
    if cand.type not in _PLACE_RECIPIENT:
        return None
    raw = next((t for t in cand.targets if t.head >= 0 and not t.entity_like), None)
    if raw is None:
        return None
    anchors = [cand.clause, *(t for t in cand.trigger if t.i != cand.clause.i), cand.clause.doc[raw.head]]
    anchors += attack_subjects(cand.clause)  # "a car bombing in Kabul killed five": the attack's place
    for anchor in anchors:
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside")):
            for obj in pobjs(prep):
                code = place_country(obj) or _adjective_country(obj)
                if code:
                    return replace(raw, country=code)
    return None


def home_target(cand: Candidate, ctx: DocContext) -> Actor | None:
    """A forceful event's target that names no country and no place, given the country of the latest place
    of its paragraph, else of a story about one country ("three people were killed in a stabbing")."""
    if (cand.type not in _PLACE_RECIPIENT and cand.mode != "humanitarian") or not cand.modality.is_fact:
        return None  # an attack's victims or the people rescuers help
    raw = next((t for t in cand.targets if t.head >= 0 and not t.entity_like), None)
    if raw is None:
        return None
    head = cand.clause.doc[raw.head]
    if not (head.like_num or head.lemma_.lower() in actor_nouns()):
        return None  # people ("killed twelve", "a woman"), not things ("seized firearms")
    named = [c for n in attack_subjects(cand.clause) for c in np_countries(n, locative=True)]  # "a Kabul bombing"
    code = (named[0] if named else None) or ctx.location_country(cand.clause) or ctx.dominant
    return replace(raw, country=code, inferred=True) if code else None


def purpose_target(cand: Candidate, ctx: DocContext) -> Actor | None:
    """The target of an act of force named by the coercion it was meant for: "fired tear gas to disperse the
    crowd", "used water cannon to break up the rally" (the purpose verb a hand-written COERCE or ASSAULT row)."""
    if cand.type not in ("ASSAULT", "COERCE"):
        return None
    for anchor in dict.fromkeys([cand.clause, *cand.trigger]):
        for verb in anchor.children:
            if verb.dep_ not in ("advcl", "xcomp", "relcl") or verb.pos_ != "VERB":
                continue
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                continue
            rows = verb_patterns().get(verb.lemma_.lower(), ())
            if not any(p.cameo is None and p.type in ("COERCE", "ASSAULT") for p in rows):
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                found = ctx.actor(obj)
                if found.entity_like:
                    return found
    return None


# what donors give or pledge (AID, and the promise of it: AGREE)
_GIVEN = frozenset(
    {"fund", "aid", "money", "assistance", "loan", "grant", "donation", "relief", "vaccine", "supply", "million",
     "billion", "dollar", "euro", "pound", "yen"}
)  # fmt: skip


def donor_recipient(cand: Candidate, ctx: DocContext) -> Actor | None:
    """The recipient of aid given or pledged with none named, by donors foreign to the country the story names
    most: that country ("China and Russia have pledged funds" in a story about Syria's reconstruction)."""
    home = ctx.dominant or ctx.leading  # the country the story names most
    promised = not cand.modality.is_fact and intended_type(cand) == "AGREE"  # "said it would provide $700 million"
    helping = cand.type == "MOBILIZE" and promised  # "offered to send officers to help patrol the border"
    if (cand.type not in ("AID", "AGREE") and not helping) or home is None or not (cand.modality.is_fact or promised):
        return None
    raw = None if helping else next((t for t in cand.targets if t.head >= 0 and not t.entity_like), None)
    pledged = (cand.type == "AGREE" or promised) and not cand.nominal and gives(cand.clause)  # "pledged 200 million"
    if raw is None and (cand.type == "AID" or pledged or helping) and not any(t.entity_like for t in cand.targets):
        raw = country_side(home, cand.trigger[0], side=False)
    elif raw is None or (cand.clause.doc[raw.head].lemma_.lower() not in _GIVEN and not gives(cand.clause)):
        return None  # "pledged funds for the rebuilding": the help's recipient, not "the rebuilding"
    # a donor of another country, or a body of none ("the European Union pledged €250 million")
    if not cand.actors or any(a.country == home or (a.country is None and not _foreign(a, ctx)) for a in cand.actors):
        return None
    return replace(raw, country=home, inferred=True)


def _foreign(actor: Actor, ctx: DocContext) -> bool:
    """A donor of no one country: a body of nations, or donors, lenders, creditors ("international donors")."""
    return actor.sector == "IGO" or (actor.head >= 0 and ctx.doc[actor.head].lemma_.lower() in FOREIGN_HEADS)


def _adjective_country(tok: Token) -> str | None:
    """ "north-eastern Syria" is parsed with Syria as a modifier of a place word now and then."""
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and child.ent_type_ == "GPE":
            return place_country(child)
    return None


def unknown_attacker(cand: Candidate, ctx: DocContext, memory: EventMemory) -> Actor | None:
    """The actor of an assault whose text names only its victims: who did the attack it was done in or by
    ("killed in a US operation", "hit by Houthi drone strikes", "killed in the airstrike" told before), else
    an unidentified attacker ("was shot", "an attack on an air base near Mosul")."""
    if cand.type != "ASSAULT" or not cand.modality.is_fact or describes_noun(cand.clause):
        return None
    if cand.nominal:
        noun = cand.trigger[-1]
        return _unknown(noun) if _news(noun) and not memory.untold_target("ASSAULT") else None
    verb = cand.clause
    if cand.cameo is not None and not is_passive(verb):
        return None  # a compiled pattern's subject that is no actor ("factories matching output of weapons")
    if not is_passive(verb) and verb.tag_ == "VB":
        return None  # "attack the tourists!", "told him to attack": an order, its doer the one told, no attack
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in _INSTRUMENT_PREPS):
        for obj in pobjs(prep):
            if not is_event_noun(obj):
                continue  # "murdered in the Saudi consulate": a place, not the attack it was done in
            found = [a for a in doers(obj, ctx, memory) if a.entity_like]
            found += [a for h in own_actor_heads(obj) for a in [ctx.actor(h)] if a.entity_like]
            if found:
                return found[0]
            pat = noun_pattern(obj)
            if pat is not None and pat.type != "ASSAULT":
                return None  # "killed in a protest" is no named attack
    named = attack_subjects(verb)
    if not named and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        named = attack_subjects(verb.head)  # "a car bomb exploded near a station, killing four officers"
    for noun in named:  # "a car bombing killed five": the attack is named, not who did it
        found = [a for a in doers(noun, ctx, memory) if a.entity_like]
        found += [a for h in own_actor_heads(noun) for a in [ctx.actor(h)] if a.entity_like]
        return found[0] if found else _unknown(verb)
    if (shooter := _shooter(verb, ctx)) is not None:
        return shooter  # "two soldiers were killed when Azerbaijani forces opened fire": the shooters
    if verb.lemma_.lower() == "kill" and not any(
        p.dep_ in ("prep", "agent") and p.lower_ in _INSTRUMENT_PREPS and any(noun_pattern(o) for o in pobjs(p))
        for p in verb.children
    ):
        return None  # "was killed" alone may be an accident: an attack needs an attack named
    return _unknown(verb)


def _shooter(verb: Token, ctx: DocContext) -> Actor | None:
    """The side whose attack a passive harm happened in, told in a clause of time ("were killed when troops
    opened fire", "was wounded as police fired on the crowd")."""
    if not is_passive(verb):
        return None
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if not any(m.lower_ in ("when", "as", "after") for m in clause.children if m.dep_ in ("mark", "advmod")):
            continue
        rows = verb_patterns().get(clause.lemma_.lower(), ())
        fire = any(o.lemma_.lower() == "fire" for o in clause.children if o.dep_ == "dobj")
        if not fire and not any(r.type == "ASSAULT" and r.cameo is None for r in rows):
            continue
        found = [a for h in subjects(clause) for a in ctx.actors(h) if a.entity_like]
        if found:
            return found[0]
    return None


def attack_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb that are attacks ("a suicide bombing killed two", "the shelling wounded ten")."""
    return [
        c for c in verb.children
        if c.dep_ == "nsubj" and c.lemma_.lower() not in _ACCIDENT_NOUNS
        and (pat := noun_pattern(c)) is not None and pat.type == "ASSAULT"
    ]  # fmt: skip


def _unknown(tok: Token) -> Actor:
    return Actor(UNKNOWN_ATTACKER, None, None, None, tok.idx, tok.idx + len(tok), -1, agentive=True,
                 unknown=True)  # fmt: skip


def _news(noun: Token) -> bool:
    """A nominal attack told as news, not one the text refers back to: indefinite ("an attack on X"), or
    with a date or a number of its own ("the December 31 attack", "two bombings")."""
    if noun.dep_ == "compound":
        return False
    det = [c.lower_ for c in noun.children if c.dep_ == "det"]
    if not det or det[0] in ("a", "an"):
        return True
    return any(c.ent_type_ in ("DATE", "TIME", "CARDINAL") or c.pos_ == "NUM" for c in noun.children)


_ON_THE_PUBLIC = frozenset({"martial-law", "restrict", "curfew"})


_CONDOLING = frozenset({"condolence", "condolences", "sympathy", "sympathies"})


def public_target(cand: Candidate, actor: Actor) -> Actor | None:
    """The people a state of emergency, a curfew or a shutdown is imposed on, when the text names none: those
    of the imposing side's country ("declared a state of emergency", "began a two-day shutdown")."""
    if cand.type != "COERCE" or cand.mode not in _ON_THE_PUBLIC or actor.country is None:
        return None
    return _people("people", cand, actor.country)


def bereaved_target(cand: Candidate, actor: Actor, home: str | None) -> Actor | None:
    """The bereaved that condolences with no one named go to, of the story's country, else the speaker's
    ("gave his condolences via Twitter")."""
    if cand.type != "SUPPORT" or cand.trigger[-1].lemma_.lower() not in _CONDOLING or not (home or actor.country):
        return None
    return _people("the bereaved", cand, home or actor.country)


def _people(text: str, cand: Candidate, country: str | None) -> Actor:
    tok = cand.trigger[-1]
    return Actor(text, None, country, "CVL", tok.idx, tok.idx + len(tok), -1, agentive=True, inferred=True)


def text_target(cand: Candidate) -> Actor | None:
    """The object's words as the target of a verbal event whose object is no actor ("criticised the
    proceedings", "signed the treaty")."""
    if cand.type not in ("ACCUSE", "REJECT", "SUPPORT", "THREATEN"):
        return None
    found = next((t for t in cand.targets if t.head >= 0 and not t.entity_like and t.text), None)
    if found is None and not cand.nominal:
        for obj in [c for c in cand.clause.children if c.dep_ == "dobj"][:1]:  # not a that-clause's subject
            lo, hi = np_span(obj)
            words = obj.doc[lo:hi]
            found = Actor(words.text, None, None, None, words.start_char, words.end_char, obj.i)
    return found


_SPECIFIC = frozenset({"the", "this", "that", "these", "those"})


def generic_issue(target: Actor, doc: Doc) -> bool:
    """A target that is an issue named in general ("supports LGBT rights", "favored rank choice voting", "backed
    an open immigration policy"): no one, nobody's, and no particular thing told of ("hailed the pipeline",
    "supporting the law" are someone's acts). Backing an issue is a stance, not an act toward a side."""
    if target.head < 0 or target.agentive or target.named or (target.country is not None and not target.inferred):
        return False
    head = doc[target.head]
    if head.pos_ in ("PRON", "PROPN", "NUM") or head.lemma_.lower() in actor_nouns():
        return False
    return not any(
        (c.dep_ == "poss") or (c.dep_ == "det" and c.lower_ in _SPECIFIC) or (c.dep_ == "prep" and c.lower_ == "of")
        for c in head.children
    )


# Types of an act of cooperation or yielding: "will not negotiate", "would never give up" refuse it (REJECT)
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "COOPERATE", "CONCEDE", "RETREAT", "AID", "SUPPORT"})


def refused_type(cand: Candidate) -> str | None:
    """REJECT when the subject says it will not do what cooperation or yielding would be ("the government
    would not negotiate with terrorist groups", "we will never give up an inch"): the codebook's refusal."""
    if cand.nominal or not stated_refusal(cand.clause, cand.modality):
        return None
    if cand.type not in _COOPERATIVE or cand.trigger[0].lemma_ == "vote":
        return None  # "said he would not vote for X": a voter's choice, no refusal toward a side
    return "REJECT"


# verbs of acknowledging whose plain negation is a refusal whatever its tense ("does not recognise the sanctions")
_DISOWNING = frozenset({"accept", "recognise", "recognize"})


def stated_refusal(clause: Token, mod: Modality) -> bool:
    """A clause told as what its subject will not do ("would not negotiate", "won't budge", "neither X nor Y would
    endorse"), or a plain "does not accept", "did not recognise", under no condition."""
    told = (mod.cue or "").lower() in FUTURE_AUX or told_to_come(clause)
    condition = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)  # "if X will not"
    disowned = clause.lemma_.lower() in _DISOWNING and mod.cue in ("not", "n't") and _stated(clause)
    return mod.negated and (disowned or (mod.hypothetical and told)) and if_clause(clause) is None and not condition


def _stated(clause: Token) -> bool:
    """A clause a side states in the story: reported by a speech verb or inside a quotation (not the narrator's
    background: "Serbia does not recognise Kosovo's independence")."""
    if reported_clause(clause):
        return True
    before = clause.doc[clause.sent.start : clause.i].text
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


# people a warning advises rather than threatens ("warned residents to stay indoors")
_ADVISED = frozenset(
    {"people", "person", "resident", "public", "citizen", "motorist", "traveller", "traveler", "visitor", "driver",
     "tourist", "local", "commuter", "swimmer", "hiker", "user", "consumer", "parent", "passenger", "everyone"}
)  # fmt: skip


def advised(target: Actor, doc: Doc) -> bool:
    """A target that is the public at large, not a side (a hazard warning's addressees)."""
    return target.head >= 0 and not target.named and doc[target.head].lemma_.lower() in _ADVISED


def deployed_forces(cand: Candidate, ctx: DocContext) -> list[Actor]:
    """The forces an agentless passive deployment moves, as its actor ("2,000 Russian peacekeepers were
    deployed to the region": Russia's forces, "150 Spanish troops were flown out": Spain's): a deployment or a
    withdrawal is the act of the side whose forces move."""
    if cand.type not in ("MOBILIZE", "RETREAT") or cand.nominal or not is_passive(cand.clause):
        return []
    moved = [c for c in cand.clause.children if c.dep_ == "nsubjpass"]
    actors = [a for h in moved for a in ctx.actors(h)]
    # the trigger's row named the forces ("troops", "peacekeepers", "riot police"): those of a known country act
    # (or the story's own police and soldiers: "riot police were deployed around the building")
    return [
        replace(a, agentive=True)
        for a in actors
        if a.country is not None and (not a.inferred or (a.sector in ("POL", "MIL") and a.country == ctx.dominant))
    ]


def located_side(cand: Candidate, ctx: DocContext) -> Actor | None:
    """A target from the event's place, its purpose or the story's recipient of aid."""
    return located_target(cand) or home_target(cand, ctx) or purpose_target(cand, ctx) or donor_recipient(cand, ctx)


_MEDIATE = frozenset({"mediate", "broker", "arbitrate"})


def mediated_sides(cand: Candidate, actor: Actor, targets: list[Actor], ctx: DocContext) -> list[Actor]:
    """The sides a mediation brings together when the sentence names none ("Russia brokered a cease-fire
    agreement"): the two countries the story names most, when the mediator is neither of them."""
    offered = cand.type == "AGREE" and any(t.lemma_ in _MEDIATE for t in cand.trigger)  # "offered to mediate"
    if ((cand.type != "CONSULT" or cand.mode != "third-party") and not offered) or any(t.entity_like for t in targets):
        return []
    if ctx.pair is None or actor.country in ctx.pair or not cand.modality.is_fact:
        return []
    if actor.country is None and actor.sector != "IGO":
        return []  # a mediator of no known side (a body of nations, a country's envoy) mediates here
    return [country_side(code, cand.trigger[0], side=True) for code in ctx.pair]


_OWN_GOVERNMENT = frozenset({"government", "authorities", "administration", "cabinet"})


def own_government(target: Actor, actor: Actor, ctx: DocContext) -> Actor:
    """ "The government" named bare by a side of a country is that country's own ("Kazakh lawmakers called on the
    government to ...": Kazakhstan's), whatever government the story named before."""
    if target.head < 0 or target.named or actor.country is None or actor.sector == "IGO":
        return target
    head = ctx.doc[target.head]
    if head.lemma_.lower() not in _OWN_GOVERNMENT or target.country == actor.country or two_sides(head):
        return target  # "called on the two governments": the story's two sides (both_sides)
    mods = [c for c in head.children if c.dep_ in ("det", "poss", "amod", "compound", "prep")]
    if [c.lower_ for c in mods] != ["the"]:
        return target  # "its government", "the Syrian government", "the government of Iraq": named
    if actor.sector == "GOV" and ctx.dominant and ctx.dominant != actor.country:
        return replace(target, country=ctx.dominant, inferred=True)  # a foreign state's call: on the host's
    return replace(target, country=actor.country, inferred=True)


def country_side(code: str, trigger: Token, *, side: bool) -> Actor:
    """A country the sentence leaves unsaid, placed on the trigger for the evidence span: a side that acts
    (``side``, a mediation's party) or a recipient only (the story's country receiving aid)."""
    return Actor(country_name(code) or code, None, code, None, trigger.idx, trigger.idx + len(trigger), -1,
                 named=side, agentive=side, inferred=True)  # fmt: skip
