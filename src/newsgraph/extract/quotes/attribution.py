"""Direct quotations with their speaker and cue verb.

How it works, in three steps over one parsed ``Doc``:

1. **Quote marks are paired at character level** (:func:`~newsgraph.extract.quotes.spans.find_quote_spans`,
   in :mod:`newsgraph.extract.quotes.spans`), paragraph by paragraph.
2. **Fragments are set aside**: spans of at most three words ("right now", "APT28,", scare
   quotes, terms) are not returned, unless they are a named speaker's verdict, the complement
   of a verb of judging ('condemned the levy as "illegal and absurd"', 'called the search "a
   crude stunt"'), or the predicate of a clause a speech verb reports ('said it was "gravely
   alarmed"': the development gold lists these as quotes); title-case names
   ("Center for Geopolitical Expertise") are names, unless a naming verb with a speaker of
   its own governs them ('referred to it as "The Great Giveaway of Our Time"'); quotes of
   fewer than eight words inside a sentence are kept only with a speech cue. Spans are
   logged at debug level as fragments.
3. **Attribution** uses the parse around the span (the cues and who speaks for each are found
   once per document by :class:`~newsgraph.extract.quotes.cue_index.QuoteIndex`): the speech
   cue (``speech_verbs.tsv``) that governs the quoted words in the dependency tree, else the
   subject of the clause a colon ends ('The governor addressed the crowd: "..."'), else the
   nearest cue outside the quotes in the quote's sentences or in a short sentence right after
   it ("X said", "said X", "according to X", "X made a statement, '...'", "X said that ...
   '...'", '"..." X told reporters.'). The speaker is the cue's
   subject (the agent of a passive, the object of "according to"; past a subject that
   cannot speak, "the trial would be unfair, saying ...", the clause above; "quoted X as
   saying": X; a document, "according to the summary", gives its author or the clause's
   subject), then resolved: a
   person in ``persons`` (full name), a name the document spells out in full, an
   organization, a role noun ("the Nato chief") resolved to the one person whose role
   and organisation fit, or kept as a role phrase; "he"/"she" go to the last person who
   spoke or was the subject of this or the previous sentence, else the latest person
   named (not a subject of a relative or reported clause); "it" of a speech verb to the body that
   was a subject in this or the two sentences before ('The embassy issued a warning. "...," it
   said.'); "X was quoted as saying": X. A quote with no cue of its own that stands alone
   as a sentence, or runs to eight words or more, continues the last
   speaker: of a cue in its paragraph (a weak cue only from the sentence before), or of the
   last quotation of its paragraph or of the one before when that quotation runs on into it
   (its ``cue`` is then ``None``). In an interview transcript
   (:mod:`newsgraph.extract.quotes.transcript`) "you" in a question is the interviewee,
   "I"/"we" in an answer the answerer, and a quote with no cue of its own belongs to the
   answerer (to nobody in a question). A quote whose speaker stays unknown is left out
   (``keep_unattributed=True`` keeps it with ``speaker=None``).

**One record per quotation.** A quotation (the words between one pair of quote marks) is
returned as one :class:`Quote`, however many sentences it spans; its evidence holds those
sentences. A writer's elision mark ("[...]") inside it stays, one at either edge is dropped.
A quotation split around its attribution (``"...," Ortiz said, "..."``) is two quotations,
so two records with one speaker; a quotation running over several paragraphs gives a
record per paragraph.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsgraph.core.budget import check
from newsgraph.core.model import Organization, Person, Quote
from newsgraph.extract.evidence import char_evidence
from newsgraph.extract.quotes.cue_index import CLAUSE_LINKS, CueHit, QuoteIndex, can_speak
from newsgraph.extract.quotes.spans import QuoteSpan, find_quote_spans, is_name, quote_words, trimmed
from newsgraph.extract.quotes.speakers import Speaker, SpeakerResolver
from newsgraph.extract.quotes.transcript import find_transcript
from newsgraph.extract.tokens import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

# Calibrated on the seed and Wikinews: scare quotes and quoted names run to 3 words
# (4 for names, caught by the title-case test); quoted passages inside a sentence
# without any cue are at least 8 words in the quotations we checked.
_MAX_FRAGMENT_WORDS = 3
_LONG_QUOTE_WORDS = 8
_MAX_PATH_STEPS = 6
# The links from a reported clause up to the verb that reports it ("said [Norland would respond]",
# "denied [that its officers had used ...], saying").
_REPORTED = frozenset({"ccomp", "advcl", "xcomp", "conj"})
_CLOSING_MARKS = frozenset({'"', "\u201d", "\u00bb", "'", "\u2019"})
# The sentence right after a closing mark may be its attribution ('"..." Ana Ruiz told reporters on Monday.').
_TAIL_TOKENS = 16
# An elision the writer marked inside a quotation: "[...]", "[…]", "(...)".
_ELISION = re.compile(r"\s*[\[(]\s*(?:\.\s?\.\s?\.|\u2026)\s*[\])]\s*")
_ELISION_END = re.compile(r"\s*[\[(]\s*(?:\.\s?\.\s?\.|\u2026)\s*[\])][\s.]*$")
# Verbs of judging whose complement in quote marks is the speaker's verdict ('condemned it as "illegal"'),
# and the links of such a complement to its verb ('called the raids "a provocation"').
_VERDICT_VERBS = frozenset(
    {"condemn", "denounce", "dismiss", "reject", "criticize", "criticise", "slam", "decry", "brand", "hail"}
    | {"praise", "welcome", "call", "describe", "label", "accuse", "charge"}
)
_VERDICT_LINKS = frozenset({"oprd", "xcomp", "attr"})
# Verbs whose "of" phrase is the speaker's charge ('accused the board of "moving the goalposts"').
_ACCUSING = frozenset({"accuse", "charge"})
# The links of a short quotation to the clause it is the predicate of ('said it was "gravely alarmed"').
_REPORTED_LINKS = frozenset({"acomp", "attr", "ccomp", "xcomp"})
# The links of a short quotation to the verb of a reported clause whose object or manner it is
# ('said it had lodged "stern representations"', 'said Washington stood "shoulder to shoulder" with it').
_OBJECT_LINKS = frozenset({"dobj", "npadvmod", "advmod", "conj"})
# A quoted phrase in these relations to a noun after it names a kind of thing ("outward growth" plan).
_PREMODIFIERS = frozenset({"compound", "nmod"})
# Verbs that give a thing a name or a verdict: after them a quoted title-case phrase is what the speaker
# called it ("called it 'The Big Lie'", "referred to the vote as 'The Great Hoax'").
_NAMING_CUES = frozenset(
    {"call", "dub", "label", "brand", "describe", "term", "characterize", "characterise", "refer", "dismiss"}
    | {"denounce", "condemn", "criticize", "criticise", "hail", "praise", "laud", "attack"}
)


def extract_quotes(
    doc: Doc,
    doc_id: str,
    persons: Sequence[Person] = (),
    organizations: Sequence[Organization] = (),
    *,
    keep_unattributed: bool = False,
) -> list[Quote]:
    """Every direct quotation of ``doc`` with its speaker, the speaker's role and the cue lemma.

    Quotations whose speaker cannot be named ("we can say, '...'", "it was said") are left
    out unless ``keep_unattributed`` is true, in which case they come with ``speaker=None``.
    """
    text = doc_text(doc)
    if not text.strip():
        return []
    spans = find_quote_spans(text)
    if not spans:
        return []
    resolver = SpeakerResolver(doc, persons, organizations, doc_id=doc_id)
    resolver.transcript = find_transcript(text, resolver.persons)
    index = QuoteIndex(doc, spans, resolver)
    found: list[tuple[QuoteSpan, int, int, CueHit | None, Speaker | None]] = []
    for span in spans:
        check()  # the document's time budget (newsgraph.core.budget)
        start, end = trimmed(text, span)
        inner = text[start:end]
        words = quote_words(inner)
        if len(words) <= _MAX_FRAGMENT_WORDS:
            verdict = _fragment(index, start, end) if words else None
            if verdict is None:
                log.debug("fragment %r at %d: not a quotation", inner[:60], start)
                continue
            found.append((span, start, end, *verdict))
            continue
        if is_name(words, inner):
            hit = _naming_cue(index, start, end)
            if hit is None:
                log.debug("name %r at %d: not a quotation", inner[:60], start)
                continue
            found.append((span, start, end, hit, hit.speaker))
            continue
        is_quote, hit, speaker = _attribute(index, span, start, end, len(words))
        if speaker is None and len(words) < _LONG_QUOTE_WORDS:
            # a short phrase of a speaker's own judgement or reported words, as a fragment's ('rejected the claims
            # as "baseless and politically motivated"', 'said it was "deeply alarmed by the arrests"')
            verdict = _fragment(index, start, end)
            if verdict is not None:
                found.append((span, start, end, *verdict))
                continue
        if not is_quote:
            log.debug("fragment %r at %d: no speech cue, not a quotation", inner[:60], start)
            continue
        if speaker is None and not keep_unattributed:
            log.debug("quotation %r at %d: no speaker found; left out", inner[:60], start)
            continue
        if speaker is not None and (hit is None or not hit.negated):
            last = index.token_range(end - 1, end)[0]
            index.said.append((max(last, hit.token.i if hit else 0), speaker, not span.closer))
        found.append((span, start, end, hit, speaker))
    return _build(doc, doc_id, found)


def _attribute(
    index: QuoteIndex, span: QuoteSpan, start: int, end: int, n_words: int
) -> tuple[bool, CueHit | None, Speaker | None]:
    """(is it a quotation, its cue, its speaker): a cue makes a quotation; without one, a
    quotation must stand alone as a sentence or be long, and continues the last speaker."""
    a, b = index.token_range(start, end)
    if not index.has_dep or a >= b:
        return n_words >= _LONG_QUOTE_WORDS, None, None
    hit = _cue_on_path(index, a, b)
    if hit is None or hit.cue.kind == "noun":  # 'Lund rejected Ruiz's statement: "..."' is Lund's
        introduced = _colon_speaker(index, span)
        if introduced is not None:
            clause_cue, speaker = introduced
            return True, (hit if hit is not None and hit.speaker == speaker else clause_cue), speaker
    if hit is None:
        hit = _nearest_cue(index, span, a, b)
    elif (outer := _reporting_cue(index, hit)) is not None:
        hit = outer
    if hit is not None:
        return True, hit, hit.speaker or _continued_speaker(index, a, start)
    if (owner := _words_of(index, span, b)) is not None:
        return True, None, owner
    if n_words < _LONG_QUOTE_WORDS and not _stands_alone(index, a, b):
        return False, None, None
    return True, None, _continued_speaker(index, a, start)


def _reporting_cue(index: QuoteIndex, hit: CueHit) -> CueHit | None:
    """The speech verb that reports the clause a cue stands in, when the cue's own subject is no person:
    'she said Norland would respond "in a measured way"', 'said Caldera had urged them "to pull back at
    once"', 'told the radio that the courts would settle it "without pressure"' quote her, not Norland,
    Caldera or the courts (a verb of the reported clause that the tables also list as a cue)."""
    speaker = hit.speaker  # a person or an office holder speaks for themselves; not "the vote", "the vessel"
    if speaker is not None and (speaker.kind == "person" or (speaker.kind == "role" and speaker.group is not None)):
        return None
    node = hit.token
    for _ in range(3):  # a speech noun's verb: "saying in a statement"
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    for _ in range(_MAX_PATH_STEPS):
        if node.dep_ not in _REPORTED or node.head is node:
            return None
        node = node.head
        outer = index.cues.get(node.i)
        if outer is not None and outer.cue.kind == "verb" and not outer.negated and outer.speaker is not None:
            return outer if outer.speaker != hit.speaker else None
    return None


def _fragment(index: QuoteIndex, start: int, end: int) -> tuple[CueHit | None, Speaker] | None:
    """The cue and speaker of a few quoted words that are a verdict or words a speech verb reports."""
    return _verdict(index, start, end) or _reported_words(index, start, end) or _reported_object(index, start, end)


def _verdict(index: QuoteIndex, start: int, end: int) -> tuple[CueHit | None, Speaker] | None:
    """A few quoted words that are a speaker's verdict on something: the complement of a verb of judging
    ('condemned the levy as "illegal and absurd"', 'dismissed the claims as "inventions"', 'called the search
    "a crude stunt"', 'accused the board of "moving the goalposts"'), with that verb's speaker; a scare quote
    or a term is none."""
    a, b = index.token_range(start, end)
    if not index.has_dep or a >= b:
        return None
    doc = index.doc
    for tok in doc[a:b]:
        if a <= tok.head.i < b or tok.head is tok:
            continue
        verb = tok.head
        if verb.lower_ == "as" and verb.dep_ == "prep":  # "condemned the move as", "what she condemned as"
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        elif verb.lower_ == "of" and verb.dep_ == "prep":  # "accused the board of", "accused them of"
            owner = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
            if owner.lemma_ not in _ACCUSING:
                continue
            verb = owner
        elif tok.dep_ not in _VERDICT_LINKS:
            continue
        if verb.lemma_ not in _VERDICT_VERBS or index.in_quote[verb.i]:
            continue
        hit = index.cues.get(verb.i)
        if hit is not None:
            return (hit, hit.speaker) if hit.speaker is not None and not hit.negated else None
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        subject = index.subject_of(verb)
        speaker = index.resolver.resolve(subject) if subject is not None and can_speak(subject) else None
        return (None, speaker) if speaker is not None else None
    return None


def _reported_words(index: QuoteIndex, start: int, end: int) -> tuple[CueHit | None, Speaker] | None:
    """A few quoted words that are the predicate of a clause a speech verb reports, or a whole phrase of manner
    in it, with its speaker: 'said it was "gravely alarmed"', 'said the bloc "sorely regrets" the decision',
    'urged the city to "act now"', 'warned that they would answer "in kind"'; a quoted noun that is an
    object ('sold 300 "party poppers"') is a term, not a quotation."""
    a, b = index.token_range(start, end)
    if not index.has_dep or a >= b:
        return None
    roots = [t for t in index.doc[a:b] if not a <= t.head.i < b and t.head is not t]
    root = roots[0] if len(roots) == 1 else None
    if root is None or not (root.dep_ in _REPORTED_LINKS or (root.dep_ == "prep" and root.i == a)):
        return None  # a predicate, or a whole phrase of manner ('would respond "with firmness"')
    hit = _cue_on_path(index, a, b)
    hit = (_reporting_cue(index, hit) or hit) if hit is not None else None
    if hit is None or hit.cue.kind != "verb" or hit.speaker is None or hit.negated:
        return None
    return hit, hit.speaker


def _reported_object(index: QuoteIndex, start: int, end: int) -> tuple[CueHit | None, Speaker] | None:
    """A few quoted words that are what a clause reported by a speech verb does or has, or how ('warned that
    China would take "resolute countermeasures"', 'said it had lodged "stern representations"', 'said the
    United States stood "shoulder to shoulder" with Canada', 'said his party had "no confidence whatsoever"'):
    the speech verb's speaker's words. Not a quoted name or title (capitalised words), nor things counted
    ('sold 300 "party poppers"': a term), nor the speech verb's own object or words in narration (no speech
    verb reports their clause)."""
    a, b = index.token_range(start, end)
    if not index.has_dep or a >= b:
        return None
    roots = [t for t in index.doc[a:b] if not a <= t.head.i < b and t.head is not t]
    if len(roots) != 1 or roots[0].dep_ not in _OBJECT_LINKS:
        return None
    if all(t.text[:1].isupper() for t in index.doc[a:b] if t.is_alpha):
        return None  # "APT28", "Operation Dawn": a name
    if any(c.dep_ == "nummod" for c in roots[0].children):
        return None  # 'sold 300 "party poppers"': things counted are a term
    node, clause = roots[0].head, False
    for _ in range(_MAX_PATH_STEPS):  # up to the speech verb, through a reported clause
        hit = index.cues.get(node.i)
        if hit is not None:
            ok = clause and hit.cue.kind == "verb" and hit.speaker is not None and not hit.negated
            return (hit, hit.speaker) if ok else None
        if node.dep_ not in _REPORTED or node.head is node:
            return None
        node, clause = node.head, True
    return None


def _colon_speaker(index: QuoteIndex, span: QuoteSpan) -> tuple[CueHit | None, Speaker] | None:
    """A quotation introduced by a colon speaks for the subject of the clause before it ('The governor
    addressed the crowd: "..."', 'Lund rejected the claim: "..."', 'X put it bluntly at a briefing: "..."'),
    with that clause's cue if it has one."""
    text = index.text
    i = span.start - 2
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    colon = index.token_range(i, i + 1)[0]
    doc = index.doc
    lo, _ = index.sent_bounds(index.sent_index(colon))
    verbs = [t for t in doc[lo:colon] if t.pos_ in ("VERB", "AUX") and not index.in_quote[t.i]]
    main = [t for t in verbs if t.dep_ == "ROOT"] or [t for t in verbs if t.dep_ not in CLAUSE_LINKS]
    main = main or [t for t in verbs if t.head.i > colon]  # the parse hung the clause on the quotation's verb
    if not main:
        return None
    verb = main[-1]
    subject = index.subject_of(verb)
    if subject is None or not can_speak(subject):
        return None
    speaker = index.resolver.resolve(subject)
    if speaker is None:
        return None
    hit = index.cues.get(verb.i)
    return (hit if hit is not None and hit.speaker == speaker else None), speaker


def _words_of(index: QuoteIndex, span: QuoteSpan, b: int) -> Speaker | None:
    """The speaker the sentence right after a quotation names as the owner of its words ('"..." Those were the
    words of union leader Rosa Vidal, speaking at a rally.', '"..." The words were Holm's, spoken to reporters.')."""
    doc = index.doc
    k = index.sent_index(min(b, len(doc) - 1))
    if b < len(doc) and index.sent_index(b) == k and doc[b - 1].text not in _CLOSING_MARKS:
        k += 1  # the quotation ends inside its sentence: the next one
    if k >= len(index.sent_starts) or index.paragraph(doc[index.sent_starts[k]].idx) != index.paragraph(span.start):
        return None
    lo, hi = index.sent_bounds(k)
    lo = max(lo, b)
    words = next((t for t in doc[lo : min(hi, lo + 4)] if t.lemma_.lower() == "word" and t.tag_ == "NNS"), None)
    if words is None:
        return None
    for tok in doc[words.i + 1 : min(hi, words.i + 10)]:
        owner = (tok.dep_ == "pobj" and tok.head.lower_ == "of") or tok.dep_ in ("attr", "poss")
        if owner and (tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN"):
            return index.resolver.resolve(tok)
    return None


def _continued_speaker(index: QuoteIndex, a: int, start: int) -> Speaker | None:
    """Who says a quotation that names no speaker: in a transcript the one who answers (nobody in a
    question), else the last speaker."""
    transcript = index.resolver.transcript
    if transcript is not None and transcript.turn_at(start) is not None:
        name = transcript.answerer_at(start)
        return index.resolver.named(name) if name else None
    return _last_speaker(index, a, start)


def _naming_cue(index: QuoteIndex, start: int, end: int) -> CueHit | None:
    """A title-case phrase is a quotation only when a naming verb with a speaker of its own governs it
    inside the writer's clause ('she referred to the plan as "The Great Giveaway of Our Time"'); not one
    that opens its sentence nor one that modifies a noun outside the marks (the "Green Deal for Cities"
    plan)."""
    a, b = index.token_range(start, end)
    if not index.has_dep or a >= b:
        return None
    doc = index.doc
    lo, _ = index.sent_bounds(index.sent_index(a))
    if not any(t.is_alpha and not index.in_quote[t.i] for t in doc[lo:a]):
        return None
    for tok in doc[a:b]:
        if not a <= tok.head.i < b and tok.dep_ in _PREMODIFIERS and tok.head.i >= b:
            return None
    hit = _governing_cue(index, a, b) or _inverted_cue(index, a, b)
    if hit is None or hit.speaker is None or hit.negated or hit.cue.lemma not in _NAMING_CUES:
        return None
    return hit


def _heads_outside(index: QuoteIndex, a: int, b: int) -> Iterator[Token]:
    """The heads, outside tokens ``[a, b)``, that the quoted words hang from: where a walk up the tree starts."""
    for tok in index.doc[a:b]:
        if not (a <= tok.head.i < b or tok.head is tok):
            yield tok.head


def _governing_cue(index: QuoteIndex, a: int, b: int) -> CueHit | None:
    """The cue of the clause a quoted name belongs to: up from the phrase to its verb, then only from a
    reported clause to the verb that reports it ('said the plan would be called "..."'); an "according
    to" on the way counts."""
    for node in _heads_outside(index, a, b):
        for _ in range(_MAX_PATH_STEPS):
            hit = index.cues.get(node.i)
            if hit is not None:
                return hit
            hit = next((index.cues[c.i] for c in node.children if c.i in index.cues and c.dep_ == "prep"), None)
            if hit is not None and hit.cue.kind == "prep":
                return hit
            verb = node.pos_ in ("VERB", "AUX")
            if node.head is node or (verb and node.dep_ not in ("ccomp", "xcomp", "relcl")):
                break
            node = node.head
    return None


def _cue_on_path(index: QuoteIndex, a: int, b: int) -> CueHit | None:
    """The cue that governs the quoted words in the dependency tree."""
    for node in _heads_outside(index, a, b):
        for step in range(_MAX_PATH_STEPS):
            hit = index.cues.get(node.i)
            if hit is not None and not (hit.negated and step > 0):  # "had not asked for X and would not turn
                return hit  # it into '...'": a denied cue further up introduces no quotation
            for child in node.children:  # "made a statement, '...'"
                nhit = index.cues.get(child.i)
                if nhit is not None and nhit.cue.kind == "noun" and child.dep_ in ("dobj", "attr"):
                    return nhit
            if node.head is node:
                break
            node = node.head
    return _inverted_cue(index, a, b)


def _inverted_cue(index: QuoteIndex, a: int, b: int) -> CueHit | None:
    """A cue the parse hangs on the quoted words ('The ruling read, "[I]t is concluded ..."' with "read"
    under "concluded"): it still governs them."""
    for i in range(a, b):
        for child in index.doc[i].children:
            hit = index.cues.get(child.i)
            if hit is not None and not a <= child.i < b and child.dep_ in ("ccomp", "parataxis", "advcl"):
                return hit
    return None


def _nearest_cue(index: QuoteIndex, span: QuoteSpan, a: int, b: int) -> CueHit | None:
    """The closest non-weak cue outside quotes in the sentences the quotation touches."""
    first, last = index.sent_index(a), index.sent_index(b - 1)
    lo, _ = index.sent_bounds(first)
    _, hi = index.sent_bounds(last)
    doc = index.doc
    if first > 0:  # the splitter cut "X said:" or "X said ... and" from the quotation
        last_tok = next((t for t in reversed(doc[index.sent_bounds(first - 1)[0] : lo]) if not t.is_space), None)
        if last_tok is not None and last_tok.text not in (".", "!", "?") and not index.in_quote[last_tok.i]:
            lo = index.sent_bounds(first - 1)[0]
    if last + 1 < len(index.sent_starts):  # '"...," he said' cut off by the sentence splitter
        nlo, nhi = index.sent_bounds(last + 1)
        if nhi - nlo <= _TAIL_TOKENS and doc[nlo].idx - span.end <= 2:  # '"...!" Ana Ruiz told the world.'
            hi = nhi
    best: tuple[int, CueHit] | None = None
    lo_i = bisect.bisect_left(index.cue_order, lo)
    for i in index.cue_order[lo_i:]:
        if i >= hi:
            break
        hit = index.cues[i]
        if hit.cue.kind == "weak" or a <= i < b:
            continue
        idx = doc[i].idx
        dist = span.start - idx if idx < span.start else idx - span.end
        if best is None or dist < best[0]:
            best = (dist, hit)
    return best[1] if best else None


def _stands_alone(index: QuoteIndex, a: int, b: int) -> bool:
    """True when the quotation is (nearly) all of its sentences: no clause of its own around it."""
    first, last = index.sent_index(a), index.sent_index(b - 1)
    lo, _ = index.sent_bounds(first)
    _, hi = index.sent_bounds(last)
    outside = [t for t in index.doc[lo:hi] if not index.in_quote[t.i] and t.is_alpha]
    return len(outside) <= 2


def _last_speaker(index: QuoteIndex, a: int, start: int) -> Speaker | None:
    """Who spoke last before token ``a``: the speaker of the last affirmative, non-weak cue of the
    paragraph, or of the last quotation when that comes later ('"...," he continued. "..."'), also
    from the paragraph before when that quotation runs on into this one (its closing mark left out)."""
    para = index.paragraph(start)
    k = bisect.bisect_left(index.cue_order, a)
    best: tuple[int, Speaker] | None = None
    near = index.sent_index(a) - 1  # a weak cue counts just before: 'He criticized the plan. "It fails."'
    for i in reversed(index.cue_order[:k]):
        hit = index.cues[i]
        if index.paragraph(hit.token.idx) != para:
            break
        if hit.speaker is not None and (hit.cue.kind != "weak" or index.sent_index(i) >= near) and not hit.negated:
            best = (i, hit.speaker)
            break
    quoted = next(((i, s, run_on) for i, s, run_on in reversed(index.said) if i < a), None)
    if quoted is not None:
        i, speaker, run_on = quoted
        gap = para - index.paragraph(index.doc[i].idx)
        if (gap == 0 or (gap == 1 and run_on)) and (best is None or i > best[0]):
            best = (i, speaker)
    return best[1] if best else None


def _excerpt(text: str, start: int, end: int, short: bool = False) -> tuple[int, int] | None:
    """The quotation's record span: its inside without edge spaces, a trailing comma or an elision mark
    at either edge ("[...] we will build homes [...]"); one the writer put inside stays."""
    if is_name(quote_words(text[start:end]), text[start:end]):
        return start, end  # a name kept for its naming verb
    a, b = start, end
    while (m := _ELISION.match(text, a, b)) is not None and m.end() <= b:
        a = m.end()
    while (m := _ELISION_END.search(text, a, b)) is not None:
        b = m.start()
    a, b = trimmed(text, QuoteSpan(a, b, "", ""))
    return (a, b) if len(quote_words(text[a:b])) > _MAX_FRAGMENT_WORDS or short else None


def _build(
    doc: Doc,
    doc_id: str,
    found: list[tuple[QuoteSpan, int, int, CueHit | None, Speaker | None]],
) -> list[Quote]:
    """One :class:`Quote` per quotation (see the module docstring)."""
    text = doc_text(doc)
    out: list[Quote] = []
    for _span, start, end, hit, speaker in found:
        excerpt = _excerpt(text, start, end, short=len(quote_words(text[start:end])) <= _MAX_FRAGMENT_WORDS)
        if excerpt is None:
            continue
        a, b = excerpt
        out.append(
            Quote(
                text=text[a:b],
                speaker=speaker.name if speaker else None,
                evidence=char_evidence(doc_id, doc, a, b),
                speaker_role=speaker.role if speaker else None,
                cue=hit.cue.lemma if hit else None,
            )
        )
    return out
