"""Event triggers: the verbs and nouns that name an event, with the actors and targets they name.

:func:`verb_candidate` tries the patterns of a verb's lemma (hand-written rows first, then those
compiled from the CAMEO dictionary) and reads its actor (the subject, a by-agent, an implicit agent)
and targets (the pattern's argument slots); :func:`noun_candidate` does the same for an event noun
carried by a light verb ("held talks") or naming its own actor ("Russia's invasion"). Whatever is
behind an object that is no actor ("the government's decision", "condemned the attack": who
attacked) is found through the document's :class:`~newsgraph.extract.events.memory.EventMemory`.
The coder (:mod:`newsgraph.extract.events.coder`) decides which candidates become events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.extract.events.actors import (
    STATE_BODIES,
    Actor,
    DocContext,
    is_passive,
    located,
    np_countries,
    np_span,
    pobjs,
    subjects,
)
from newsgraph.extract.events.arguments import (
    clause_of,
    fallback_heads,
    objects,
    own_actor_heads,
    preps,
    slot_heads,
)
from newsgraph.extract.events.issuers import reporting_state, statement_issuers
from newsgraph.extract.events.memory import EventMemory, is_definite, verb_antecedent
from newsgraph.extract.events.modality import Modality, clause_modality
from newsgraph.extract.events.needs import ClauseFacts, needs_ok
from newsgraph.extract.events.nominal import in_protest, light_verb, no_event_noun, noun_pattern, undergo_verb
from newsgraph.extract.events.row_index import rows_to_try
from newsgraph.extract.syntax import PERSONAL
from newsgraph.lexicon.cues import noun_cue
from newsgraph.lexicon.events import anaphor_types, light_verbs, sector_of, verb_patterns
from newsgraph.lexicon.titles import titles

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.lexicon.events import NounPattern

__all__ = ["Candidate", "describes_noun", "doers", "is_event_noun", "noun_candidate", "verb_candidate"]

POINTING = frozenset({"it", "this", "that"})  # words that point back at an act told before
_WHEN = frozenset({"DATE", "TIME"})
_SPOKEN = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"})  # events of words: "from X" spoke


@dataclass(slots=True)
class Candidate:
    type: str
    mode: str | None
    trigger: list[Token]
    clause: Token
    actors: list[Actor]
    targets: list[Actor]
    modality: Modality
    nominal: bool = False
    extent: tuple[int, int] | None = None  # char span of the logical object, for the evidence
    cameo: str | None = None  # the CAMEO code of the compiled pattern that found it; None: hand-written


# ---- targets -------------------------------------------------------------------------------
def is_event_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (noun_pattern(tok) is not None or bool(anaphor_types(tok.lemma_)))


def _pointed(tok: Token) -> Token | None:
    """The event noun "it" points at earlier in its sentence ("condemned the attack, calling it X")."""
    if tok.lower_ not in POINTING or tok.pos_ != "PRON":
        return None
    for t in reversed(tok.doc[max(0, tok.i - 40) : tok.i]):
        if is_event_noun(t) and t.dep_ != "compound":
            return t
        if t.is_sent_start:
            break
    return None


def doers(head: Token, ctx: DocContext, memory: EventMemory, depth: int = 0) -> list[Actor]:
    """Who is behind an event noun: its own actor ("Russia's invasion"), else the doer of the event it
    refers back to ("the attack"), else, for an event about an event ("an investigation into the
    shooting"), the doer of that one."""
    own = own_actor_heads(head) or _speakers_from(head)
    if own:
        return [a for h in own for a in ctx.actors(h)]
    told = verb_antecedent(head, ctx)  # "launched a satellite ... the launch"
    doer = None if told else memory.doer(head)
    if told or doer is not None:
        return told or [doer]
    pat = noun_pattern(head)
    if pat is not None and depth == 0:
        for word in pat.target:
            for obj in (o for c in head.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)):
                if is_event_noun(obj):
                    found = doers(obj, ctx, memory, depth + 1)
                    if found:
                        return found
    return []


def _speakers_from(noun: Token) -> list[Token]:
    """Who spoke the words an event noun of words names with "from" ("rejected the criticism from Washington",
    "drew condemnation from Seoul"); "from" after other event nouns is a place ("withdrawal from")."""
    pat = noun_pattern(noun)
    if pat is None or pat.type not in _SPOKEN or "from" in pat.target:
        return []
    froms = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for o in pobjs(c)]
    return [o for o in froms if o.pos_ in ("PROPN", "NOUN")]


def _head_actors(heads: list[Token], ctx: DocContext, memory: EventMemory, *, pointing: bool = False) -> list[Actor]:
    out: list[Actor] = []
    for h in heads:
        event = (_pointed(h) if pointing else None) or (h if is_event_noun(h) else None)
        if event is not None:
            out.extend(doers(event, ctx, memory))
        elif len(heads) == 1:
            out.extend(ctx.actors(h))
        else:
            out.append(ctx.actor(h))
    if len(heads) > 1:
        ctx.share_countries(out)  # "acquitted Andrew Johnson and Bill Clinton": the conjuncts of one object
    return out


def _behind(heads: list[Token], ctx: DocContext, memory: EventMemory) -> list[Actor]:
    """Who is behind objects that are no actors: "the government's decision", "the conclusions of the
    summit" (who met), "the memoranda of understanding between X and Y" (two levels down)."""
    for _ in range(2):
        found: list[Actor] = []
        deeper: list[Token] = []
        for f in (f for h in heads for f in fallback_heads(h)):
            if is_event_noun(f):
                found.extend(doers(f, ctx, memory))
            else:
                found.extend([ctx.actor(f)] if f.head.lower_ == "between" else ctx.actors(f))
                deeper.append(f)
        if any(a.entity_like for a in found):
            return [a for a in found if a.entity_like]
        heads = deeper
    return []


def _targets(
    slots: Sequence[str],
    tok: Token,
    clause: Token,
    ctx: DocContext,
    memory: EventMemory,
    *,
    pointing: bool = False,
    consult: bool = False,
) -> list[Actor]:
    """Targets from the pattern's slots; behind an object that is no actor, whoever it belongs to ("the
    government's decision"), except for consultations ("hosted Trump's town hall" meets nobody)."""
    first: list[Actor] = []
    for slot in slots:
        heads = slot_heads(slot, tok, clause)
        if not heads:
            continue
        # "condemned Russia's invasion of Ukraine", "condemned the attack": the target is who attacked
        actors = _head_actors(heads, ctx, memory, pointing=pointing)
        if any(a.entity_like for a in actors):
            return [a for a in actors if a.entity_like]
        if slot in ("obj", "near") and not consult and not any(is_event_noun(h) for h in heads):
            behind = _behind(heads, ctx, memory)
            if behind:
                return behind
        first = first or actors
    return first


def _implicit(noun: str, tok: Token, targets: list[Actor], ctx: DocContext) -> Actor:
    """The unnamed agent of a passive ("71 people were arrested": the police of that place)."""
    hit = sector_of(noun)
    state = hit is not None and hit.sector in STATE_BODIES
    here = located(tok) if state else []  # "arrested in Utrecht": Dutch
    here = here or ([c] if state and (c := reporting_state(tok, ctx, STATE_BODIES)) else [])  # "the KGB said"
    country = here[0] if here else next((t.country for t in targets if t.country), None)
    country = country or ctx.location_country(tok) or ctx.dominant
    if country is None and state:
        country = ctx.leading  # "nine suspects were arrested": the police of the country the story names most
    return Actor(noun, None, country, hit.sector if hit else None, tok.idx, tok.idx + len(tok), -1, agentive=True)


def _actor_list(heads: list[Token], ctx: DocContext) -> list[Actor]:
    heads = [_author(h) for h in heads]
    if len(heads) == 1:
        return ctx.actors(heads[0])
    return [a for h in heads for a in ctx.actors(h)]


def _generic(tok: Token) -> bool:
    """A participle that describes a kind of people, not an act: "people accused of crimes" (a bare plural,
    no determiner, number or possessor), "anyone accused of crimes" (an indefinite pronoun)."""
    noun = tok.head
    if tok.dep_ == "acl" and noun.lower_ in _ANYONE:
        return True
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in tok.children):
        # "people who had been accused of crimes": a kind of people, as the participle would say
        bare = not any(c.dep_ in ("det", "nummod", "poss", "amod", "compound") for c in noun.children)
        return noun.lower_ in _ANYONE or (bare and noun.lemma_.lower() in _KINDS_OF_PEOPLE)
    return (
        tok.dep_ == "acl"
        and noun.tag_ in ("NNS", "NNPS")
        and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)
    )


_FEELINGS = frozenset({"heart", "thought", "prayer", "sympathy"})
_ASKED = frozenset({"receive", "get", "take", "answer"})
_KINDS_OF_PEOPLE = frozenset({"people", "person", "individual"})  # "people who were accused": any such people
_ANYONE = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "whoever", "those"})


def _author(head: Token) -> Token:
    """Who is behind a statement that acts ("the Turkish statement called for ...", "a letter from X urged"):
    its own actor when it names one, else the statement itself; whose heart or thoughts go out to someone."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in _FEELINGS:  # "my heart goes out to the families"
        return next((c for c in head.children if c.dep_ == "poss"), head)
    if head.pos_ != "NOUN" or noun_cue(head.lemma_) is None:
        return head
    own = own_actor_heads(head)
    return own[0] if own else head


def _statement_authors(clause: Token) -> list[Token]:
    """The authors of the statement a passive event was done in ("was condemned in a joint statement by
    Egypt, Greece and Cyprus", "was criticised in a letter from 40 MPs")."""
    if not is_passive(clause):
        return []
    for c in clause.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "through", "via"):
            for o in pobjs(c):
                if o.pos_ == "NOUN" and noun_cue(o.lemma_) is not None:
                    own = own_actor_heads(o)
                    own += [x for p in o.children if p.dep_ == "prep" and p.lower_ == "from" for x in pobjs(p)]
                    if own:
                        return own
    return []


# ---- triggers ----------------------------------------------------------------------------
def verb_candidate(tok: Token, ctx: DocContext, memory: EventMemory) -> Candidate | None:
    pats = verb_patterns().get(tok.lemma_.lower())
    if not pats or tok.dep_ == "amod" or any(c.dep_ == "det" for c in tok.children):
        return None  # "the accused", "the detained": a participle used as a noun names people, no act
    near: dict[int, ClauseFacts] = {}
    described = describes_noun(tok) or _nonfinite(tok)
    pos = tok.pos_  # a verb tries dozens of rows: its part of speech and clause read once, not per row
    clauses: dict[str, Token] = {}
    for pat in rows_to_try(pats, tok):  # the rows whose needed words the sentence has, in order
        if pat.cameo is not None and described:
            break  # compiled rows code reported events, not what a clause describes or aims at
        if (pat.pos == "ADJ") != (pos == "ADJ") or (pat.pos != "ADJ" and pos != "VERB"):
            continue
        clause = clauses.get(pat.pos)
        if clause is None:
            clause = clauses[pat.pos] = clause_of(tok, pat.pos)
        if not needs_ok(pat, clause, near):
            continue
        if pat.type is None:
            return None  # "gave a statement": the verb with these words is no event
        if pat.cameo is not None and any(no_event_noun(o) for o in objects(clause)):
            return None  # "issued a flash flood warning": the object names no event ("* WARNING" is a threat)
        actors = [] if "subj" in pat.target else _actor_list(statement_issuers(clause) or subjects(clause), ctx)
        # a characterization ("condemned the attack, calling it a crime") may point at its event with "it"
        targets = _targets(
            pat.target,
            tok,
            clause,
            ctx,
            memory,
            pointing=any(n.kind == "eval" for n in pat.needs),
            consult=pat.type == "CONSULT",
        )
        if not actors:
            actors = _actor_list(_statement_authors(clause), ctx)  # "was condemned in a statement by X"
        if not actors:
            for slot in pat.actor:
                actors = _actor_list(slot_heads(slot, tok, clause), ctx)
                if not actors and slot.startswith("default:") and not _generic(tok):
                    actors = [_implicit(slot.partition(":")[2], tok, targets, ctx)]
                if actors:
                    break
        default = next((s.partition(":")[2] for s in pat.target if s.startswith("default:")), None)
        if default and actors and not any(t.entity_like for t in targets):
            hit = sector_of(default)  # "the government dropped the measures": for its own people
            targets = [
                Actor(
                    default,
                    None,
                    actors[0].country,
                    hit.sector if hit else None,
                    tok.idx,
                    tok.idx + len(tok),
                    -1,
                    agentive=True,
                )
            ]
        trigger = [tok, *(c for c in tok.children if c.dep_ == "prt")]
        objs = objects(clause)
        extent = None
        if objs:
            lo, hi = np_span(objs[0])
            extent = (tok.doc[lo].idx, tok.doc[hi - 1].idx + len(tok.doc[hi - 1]))
        return Candidate(
            pat.type, pat.mode, trigger, clause, actors, targets, clause_modality(tok), extent=extent, cameo=pat.cameo
        )
    return None


def describes_noun(tok: Token) -> bool:
    """A clause that modifies a noun ("a law that would allow X to extradite", "a bill legalising
    abortion"), or one inside such a clause: it says what the noun is, not what happened. The walk up
    stops after 64 links (a run-on sentence of thousands of conjoined clauses would make it quadratic)."""
    for _ in range(64):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("acl", "relcl"):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "prep", "pobj"):
            return False
        tok = tok.head
    return False


_NONFINITE = frozenset({"VB", "VBG", "VBN"})


def _nonfinite(tok: Token) -> bool:
    """A non-finite clause under another verb or a preposition ("to come close to matching", "after
    meeting"): the hand-written rows read its modality; the compiled ones leave it alone."""
    return (
        tok.tag_ in _NONFINITE
        and tok.dep_ in ("xcomp", "pcomp", "advcl", "csubj")
        and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in tok.children)
    )


def noun_candidate(tok: Token, ctx: DocContext, memory: EventMemory) -> Candidate | None:
    if tok.ent_type_ in _WHEN:
        return None  # "in March": a month, not a march
    pat = noun_pattern(tok)
    if pat is None:
        return None
    light = light_verb(tok, hosted=pat.type == "CONSULT")
    parties = _deal_parties(tok, light, ctx) if pat.type == "AGREE" else []
    if parties:
        # "a deal between Israel and Bahrain", "announced deals between X and Y", "brokered a deal between X and Y":
        # the sides the phrase names agree with each other; who announces or brokers it is no party to it
        # its clause is the noun, so that the broker's own event on the light verb ("brokered") does not hide it
        modality = clause_modality(light) if light is not None else clause_modality(tok, nominal=True)
        return Candidate(pat.type, pat.mode, _nominal_trigger(light, tok), tok, parties, [], modality, nominal=True)
    if pat.noun in _TIES and (light is None or not _opens_ties(light)):
        return None  # "had poor relations", "a deal establishing relations": a state, or the deal's content
    passive_light = light is not None and is_passive(light)  # "was granted a pardon": received, not given
    undergone = pat.type in _UNDERGONE or (pat.type == "ASSAULT" and pat.mode in _HEAVY)
    undergoer = undergo_verb(tok) if (light is None or passive_light) and undergone else None
    if undergoer is not None:
        return _undergone(pat, tok, undergoer, ctx)
    if light is not None:
        actors = _actor_list(subjects(light), ctx)
        modality = clause_modality(light)
        own = clause_modality(tok, nominal=True)
        if modality.is_fact and not own.is_fact and (own.cue or "").lower() not in (light.lower_, light.lemma_):
            modality = own  # "no talks were held", "made no attempt"; the light verb is no cue of its own noun
            # ("went on strike" is no intent, "offered assistance" no mere offer of an event)
        # a noun on a preposition of the verb ("arrested X on a charge of Y") is an event of its own beside the
        # verb's, not its manner: its clause is the noun
        # ("walked out in protest" is the verb's manner: a verb that is an event of its own wins)
        clause = tok if tok.dep_ == "pobj" and not in_protest(tok) else light
    elif pat.standalone or pat.implicit:
        actors = _actor_list(own_actor_heads(tok), ctx)
        modality = clause_modality(tok, nominal=True)
        attributing = _attribution_verb(tok)
        if attributing is not None and modality.is_fact:
            modality = clause_modality(attributing)  # "no group claimed the attack": nobody is its actor
        clause = tok
    else:
        return None
    targets: list[Actor] = []
    for word in pat.target:
        heads = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == word for o in pobjs(c)]
        if not heads and light is not None:
            heads = [o for p in preps(light, word) for o in pobjs(p)]
        heads = [h for h in heads if h.ent_type_ not in _WHEN]  # "an offensive on Wednesday"
        if heads:
            found = _head_actors(heads, ctx, memory)
            targets = targets or found
            if any(a.entity_like for a in found):
                targets = found
                break
    if not targets and light is None and is_definite(tok) and (by := _attribution_verb(tok)) is not None:
        untold = memory.untold_target(pat.type)  # "drones struck X. Y claimed the attacks": the attacks on X
        if untold is not None:
            targets = [untold]
            modality = clause_modality(by)  # an admission of the attack told before, no mere allegation
    if not targets and light is not None:  # "granted the prisoner a pardon", "gave Ukraine aid": the recipient
        recipients = [c for c in light.children if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN")]
        if not recipients and tok.dep_ == "pobj":  # "arrested X on a charge of fraud": X is charged
            recipients = [o for o in objects(light) if o.pos_ in ("NOUN", "PROPN")]
        if not recipients and pat.type == "COOPERATE" and light.dep_ == "conj":
            # "recognized Israel and opened relations": with the side the first verb acted on
            recipients = [o for o in objects(light.head) if o.pos_ == "PROPN"]
        targets = _head_actors(recipients, ctx, memory) if recipients else []
    if light is None and pat.implicit and not actors and _new_mention(tok):
        # "protests in Hong Kong"; "the protests" only points back at them
        actors = _implicit_group(pat.implicit, tok, ctx)
        if actors and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and modality.is_fact:
            modality = clause_modality(tok.head)  # "protests are not reported in Mosul"
    trigger = _nominal_trigger(light, tok)
    type_, mode = pat.type, pat.mode
    if light is not None and light.lemma_.lower() in _OFFERING and type_ in _OFFERED and mode != "praise":
        type_, mode = "AGREE", None  # "offered military assistance": a promise of aid (the codebook's AGREE)
    if type_ == "ASSAULT" and tok.lemma_.lower() in _VERBAL_ATTACKS and _in_words(actors, targets, ctx):
        type_, mode = "ACCUSE", "disapprove"  # "his attacks on mail-in voting": words, not force
    if type_ == "PROTEST" and light is not None and light.lemma_.lower() in _COMPLAINING:
        type_, mode = "ACCUSE", "disapprove"  # "lodged a strong protest with the ambassador": a complaint
    return Candidate(type_, mode, trigger, clause, actors, targets, modality, nominal=True)


# Types a subject can undergo with its giver unsaid ("received criticism", "faced charges", "won praise",
# "received threats", "faced sanctions"); force is left out ("came under fire" is as often words as shots).
_COMPLAINING = frozenset({"lodge", "file", "register", "deliver", "send", "submit", "issue"})
_UNDERGONE = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "SANCTION", "CONCEDE"})
_UNNAMED_GIVER = {
    "ACCUSE": "critics", "SUPPORT": "supporters", "CONCEDE": "authorities", "convict": "court",
    "ASSAULT": "unidentified attackers",
}  # fmt: skip
# ... but fire of heavy weapons is shots ("came under mortar fire", "came under shelling")
_HEAVY = frozenset({"heavy-weapons", "aerial", "drone", "explosives"})


def _undergone(pat: NounPattern, tok: Token, verb: Token, ctx: DocContext) -> Candidate | None:
    """A nominal event the verb's subject suffers: the subject is the target, "from X" (on the noun or the
    verb) the actor, else an unnamed giver of no country."""
    if pat.mode == "convict" and verb.lemma_.lower() == "face":
        return None  # "faces a fine of up to ...": a penalty the law provides, not one given
    if tok.lemma_.lower() == "question" and verb.lemma_.lower() in _ASKED:
        return None  # "the candidates received ten questions": asked, not accused ("faced questions" is)
    passive = is_passive(verb)  # "was granted a pardon by X": the passive subject receives, the agent gives
    receivers = [c for c in verb.children if c.dep_ == "nsubjpass"] if passive else subjects(verb)
    targets = _actor_list(receivers, ctx)
    if not targets:
        return None
    givers = [o for h in (tok, verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for o in pobjs(c)]
    if passive:
        by = [c for h in (verb, tok) for c in h.children if c.dep_ == "agent" or c.lower_ == "by"]
        givers += [o for c in by for o in pobjs(c)]
    givers = givers or [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]  # "the party's"
    if givers:
        actors = _actor_list(givers, ctx)
    elif pat.mode == "endorse":
        return None  # "won the nomination": whose, the sentence does not say
    else:
        label = _UNNAMED_GIVER.get(pat.mode or "", _UNNAMED_GIVER.get(pat.type, "unnamed"))
        # a pardon or a sentence comes from the authorities (the courts) of the one who receives it
        country = targets[0].country if pat.type == "CONCEDE" or pat.mode == "convict" else None
        actors = [Actor(label, None, country, None, tok.idx, tok.idx + len(tok), -1, agentive=True, inferred=True)]
    trigger = _nominal_trigger(verb, tok)
    # the noun is the clause: a verb row of the undergoing verb ("received") does not hide it
    return Candidate(pat.type, pat.mode, trigger, tok, actors, targets, clause_modality(verb), nominal=True)


def _nominal_trigger(verb: Token | None, noun: Token) -> list[Token]:
    """The words of a nominal event's trigger: the verb that carries it when it comes first ("held talks")."""
    return [verb, noun] if verb is not None and verb.i < noun.i else [noun]


def _deal_parties(tok: Token, light: Token | None, ctx: DocContext) -> list[Actor]:
    """The sides of an agreement named by "between X and Y" on the noun, on a participle that describes it
    ("the deal brokered between X and Y") or on its light verb, when they are two or more with countries and
    the sentence acts on the deal (a light verb or a participle: signed, announced, brokered)."""
    acts = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if light is None and not acts:
        return []  # "the agreement between X and Y is void": a deal told before, no act here
    hosts = [tok, *acts] if light is None else [tok, *acts, light]
    # "a deal establishing relations between X and Y", "a deal to normalize ties between X and Y"
    for act in [*acts, *(x for a in acts for x in a.children if x.dep_ == "xcomp")]:
        hosts.extend(o for o in act.children if o.dep_ == "dobj" and o.lemma_.lower() in _TIES)
    for host in hosts:
        for prep in (c for c in host.children if c.dep_ == "prep" and c.lower_ == "between"):
            found = [ctx.actor(o) for o in pobjs(prep)]  # pobjs gives every conjunct once
            ctx.share_countries(found)
            if len(found) >= 2 and all(a.country is not None for a in found):
                return found
    return []


def _in_words(actors: list[Actor], targets: list[Actor], ctx: DocContext) -> bool:
    """A person attacking a person or something abstract (no name, no place, no group): an attack in words."""
    doc = ctx.doc

    def person(a: Actor) -> bool:
        if a.head < 0 or a.sector in _ARMED:  # "rebels launched attacks on the army": force
            return False
        head = doc[a.head]  # "his attacks", "Smith's attacks", "the president's attacks"
        return head.lower_ in PERSONAL or ctx.is_person(head) or (head.lemma_.lower(),) in titles()

    def abstract(a: Actor) -> bool:
        return person(a) or (a.head >= 0 and doc[a.head].lemma_.lower() in _verbal_objects())

    return bool(actors) and bool(targets) and all(person(a) for a in actors) and all(abstract(t) for t in targets)


# Verbs that offer what a noun names: the offer of aid or cooperation is AGREE (PLOVER: "agree to, offer, promise
# ... to cooperate"), the aid itself comes later.
_OFFERING = frozenset({"offer", "pledge", "promise"})
_OFFERED = frozenset({"AID", "COOPERATE", "SUPPORT"})
_TIES = frozenset({"relation", "relations", "tie", "ties"})
# what makes ties an event: a side opens, establishes, restores, normalizes, resumes or deepens them, in a clause
# of its own (not "a deal establishing relations", whose sides are the deal's)
_TIES_ACTS = frozenset({"open", "establish", "restore", "normalize", "normalise", "resume", "strengthen", "deepen"})


def _opens_ties(light: Token) -> bool:
    return light.lemma_.lower() in _TIES_ACTS and light.dep_ not in ("acl", "relcl", "xcomp", "advcl", "pcomp")


_VERBAL_ATTACKS = frozenset({"attack"})  # a noun that names an attack in words as often as one in force
_ARMED = frozenset({"MIL", "REB", "POL", "SPY"})  # sectors whose attacks are force, whoever they hit


@lru_cache(maxsize=1)
def _verbal_objects() -> frozenset[str]:
    """What one attacks in words (the objects of the verb table's "attack" rows coded ACCUSE): a policy, a
    ruling, an inquiry, a vote."""
    rows = verb_patterns().get("attack", ())
    needs = [n for p in rows if p.type == "ACCUSE" and not p.cameo for n in p.needs if n.kind == "obj"]
    return frozenset(w for n in needs for w in n.words)


def _attribution_verb(tok: Token) -> Token | None:
    """The verb that gives a nominal event its actor ("claimed credit for the attack", "the attack was
    attributed to X"), when the noun hangs from one within three steps."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ == "VERB":
            kinds = {lv.kind for lv in light_verbs().get(head.lemma_.lower(), ())}
            return head if "attribution" in kinds else None
        cur = head
    return None


_SPANS = frozenset({"day", "week", "month", "night", "year", "hour", "weekend", "wave", "series", "round", "spate"})


def _new_mention(tok: Token) -> bool:
    """A nominal event told as news: not a compound ("protest vote"), not definite ("the protests": told
    before), not a label ("referred to the protests as riots")."""
    if tok.dep_ == "compound" or is_definite(tok):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("as", "for"):
        return False  # "referred to as riots", "jailed for peaceful protest": a label or a reason, no protest told
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() not in _SPANS:
        return False  # "a note of protest", "the right of protest"; not "two days of protests", "a wave of strikes"
    # "peaceful protest is a right": protest in general (a bare singular as a copula's subject)
    return not (tok.tag_ == "NN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and not list(tok.rights))


def _implicit_group(noun: str, tok: Token, ctx: DocContext) -> list[Actor]:
    """The unnamed actors of a nominal event ("protests in Hong Kong": protesters there), when a place is known."""
    hit = sector_of(noun)
    found = np_countries(tok, locative=True) or located(tok)
    country = found[0] if found else ctx.location_country(tok) or ctx.dominant
    if country is None:
        return []
    return [
        Actor(
            noun,
            None,
            country,
            hit.sector if hit else None,
            tok.idx,
            tok.idx + len(tok),
            -1,
            agentive=True,
            inferred=True,
        )
    ]
