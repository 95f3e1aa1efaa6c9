"""Event and stance lexicons: every table loads, validates and answers its typed accessors."""

from __future__ import annotations

import pytest

from newsgraph.lexicon import events as lex
from newsgraph.lexicon.loader import LexiconError

PLOVER_16 = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def test_plover_has_the_16_types() -> None:
    assert set(lex.plover_types()) == set(PLOVER_16)


@pytest.mark.parametrize("name", ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"])
def test_cooperative_types_score_positive(name: str) -> None:
    assert lex.plover_types()[name].intensity > 0


@pytest.mark.parametrize(
    "name", ["ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
)
def test_hostile_types_score_negative(name: str) -> None:
    assert lex.plover_types()[name].intensity < 0


@pytest.mark.parametrize(("name", "mode"), [("CONSULT", "phone"), ("COERCE", "cyber"), ("ASSAULT", "aerial")])
def test_modes_and_cameo_roots(name: str, mode: str) -> None:
    ptype = lex.plover_types()[name]
    assert mode in ptype.modes
    assert ptype.cameo_root.isdigit()


def test_request_is_mild() -> None:
    assert 0 < lex.plover_types()["REQUEST"].intensity < lex.plover_types()["CONSULT"].intensity + 2


def test_every_pattern_uses_a_known_type_and_mode() -> None:
    types = lex.plover_types()
    for pats in lex.verb_patterns().values():
        for p in pats:
            assert p.mode is None or p.mode in types[p.type].modes
    for npats in lex.noun_patterns().values():
        for n in npats:
            assert n.mode is None or n.mode in types[n.type].modes


@pytest.mark.parametrize("lemma", ["call", "speak", "withdraw"])
def test_verb_patterns_most_specific_first(lemma: str) -> None:
    pats = lex.verb_patterns()[lemma]
    hand = [p for p in pats if p.cameo is None]
    compiled = [p for p in pats if p.cameo is not None]
    assert pats == (*hand, *compiled)  # the hand-written rows are tried first
    for group in (hand, compiled):
        assert [len(p.needs) for p in group] == sorted((len(p.needs) for p in group), reverse=True)


def test_compiled_rows_add_only_worded_patterns_beneath_hand_rows() -> None:
    pats = lex.verb_patterns()["withdraw"]  # hand rows: "withdraw troops", "withdraw the bill", ...
    assert all(p.specific for p in pats if p.cameo is not None)
    bare = lex.verb_patterns()["abduct"]  # no hand row: the compiled bare verb codes it
    assert any(not p.specific and p.type == "ASSAULT" for p in bare)


def test_no_event_rows_stop_the_search() -> None:
    """Compiled rows and hand-written senses ("backed away", "hails from") may be marked as no event."""
    none = [p for pats in lex.verb_patterns().values() for p in pats if p.type is None]
    assert any(p.cameo for p in none)
    hand = [p for p in none if not p.cameo]
    assert {p.lemma for p in hand} >= {"back", "hail"}
    assert all(p.needs for p in hand)  # a verb's bare sense is never "no event": a hand row names its words


@pytest.mark.parametrize(("need", "kind"), [("arg:aid", "arg"), ("subj:embassy", "subj")])
def test_compiled_need_kinds(need: str, kind: str) -> None:
    assert lex._parse_need("t", "x", need).kind == kind


def test_verb_lexicon_coverage() -> None:
    """The issue's floor: at least 2,000 patterns and 350 trigger lemmas, each type with 20 lemmas."""
    pats = [p for ps in lex.verb_patterns().values() for p in ps if p.type is not None]
    lemmas_by_type: dict[str, set[str]] = {}
    for p in pats:
        lemmas_by_type.setdefault(p.type or "", set()).add(p.lemma)
    assert len(pats) >= 2000
    assert len({p.lemma for p in pats}) >= 350
    assert set(lemmas_by_type) == set(lex.plover_types())
    assert min(len(v) for v in lemmas_by_type.values()) >= 20


@pytest.mark.parametrize(("lemma", "kind", "word"), [("call", "prep", "for"), ("hold", "word", "responsible")])
def test_verb_pattern_conditions(lemma: str, kind: str, word: str) -> None:
    assert any(n.kind == kind and word in n.words for p in lex.verb_patterns()[lemma] for n in p.needs)


@pytest.mark.parametrize(
    ("head", "noun", "standalone"), [("call", "phone call", True), ("talks", "talks", True), ("war", "war", False)]
)
def test_noun_patterns(head: str, noun: str, standalone: bool) -> None:
    pat = lex.noun_patterns()[head][0]
    assert (pat.noun, pat.standalone) == (noun, standalone)


@pytest.mark.parametrize(("verb", "kind"), [("hold", "light"), ("attribute", "attribution"), ("receive", "undergo")])
def test_light_verbs(verb: str, kind: str) -> None:
    assert lex.light_verbs()[verb][0].kind == kind


@pytest.mark.parametrize(
    ("phrase", "sector", "country"),
    [
        ("riot police", "POL", None),
        ("the Kremlin", "GOV", "RUS"),
        ("troops", "MIL", None),
        ("parliament", "LEG", None),
        ("activists", None, None),
        ("activist", "CVL", None),
        ("intelligence service", "SPY", None),
        ("NATO", "IGO", None),
        ("rebels", None, None),
    ],
)
def test_sector_of(phrase: str, sector: str | None, country: str | None) -> None:
    hit = lex.sector_of(phrase)
    assert (hit.sector if hit else None) == sector
    if hit is not None:
        assert hit.country == country


def test_envoys_are_marked() -> None:
    ambassador, president = lex.hand_sector("ambassador"), lex.hand_sector("president")  # titles.tsv rows
    assert ambassador is not None and ambassador.envoy and president is not None and not president.envoy


def test_titles_are_not_repeated_in_sectors() -> None:
    from newsgraph.lexicon.titles import titles

    title_phrases = {" ".join(w) for w, t in titles().items() if t.sector}
    assert set(lex.sectors()) & title_phrases <= {"state"}  # "the state" is an actor; "state" a title word


def test_stance_cues_have_valid_positions() -> None:
    cues = lex.stance_cues()
    assert {c.kind for c in cues} == {"absence", "position", "quote", "issue"}
    for c in cues:
        if c.kind in ("absence", "position", "quote"):
            assert c.position in lex.POSITIONS


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("could", "modal"),
        ("will", "future"),
        ("plan", "intent"),
        ("deny", "denial"),
        ("if", "condition"),
        ("never", "negation"),
    ],
)
def test_modality_kinds(word: str, kind: str) -> None:
    assert kind in lex.modality_kinds(word)


@pytest.mark.parametrize("word", ["attack", "the", ""])
def test_modality_kinds_empty_for_plain_words(word: str) -> None:
    assert lex.modality_kinds(word) == frozenset()


@pytest.mark.parametrize(("type_", "mode"), [("FIGHT", None), ("ASSAULT", "spaceship")])
def test_unknown_type_or_mode_is_an_error(type_: str, mode: str | None) -> None:
    with pytest.raises(LexiconError):
        lex._check_type("event_verbs.tsv", "x", type_, mode)


@pytest.mark.parametrize("cell", ["word", "near:x", "obj"])
def test_bad_condition_is_an_error(cell: str) -> None:
    with pytest.raises(LexiconError):
        lex._parse_need("event_verbs.tsv", "x", cell)


@pytest.mark.parametrize("cell", ["subject", "prep", "default"])
def test_bad_slot_is_an_error(cell: str) -> None:
    with pytest.raises(LexiconError):
        lex._parse_slots("event_verbs.tsv", "x", cell)


@pytest.mark.parametrize(
    ("noun", "types"),
    [("attack", ("ASSAULT",)), ("operation", ("ASSAULT", "MOBILIZE")), ("request", ("REQUEST",)), ("weather", ())],
)
def test_anaphor_types(noun: str, types: tuple[str, ...]) -> None:
    assert lex.anaphor_types(noun) == types


@pytest.mark.parametrize(("noun", "place"), [("region", True), ("town", True), ("government", False)])
def test_place_nouns(noun: str, place: bool) -> None:
    assert lex.is_place_noun(noun) is place


@pytest.mark.parametrize(
    ("word", "polarity"),
    [
        ("void", "negative"),
        ("Violation", "negative"),
        ("biased", "negative"),
        ("justified", "positive"),
        ("blue", None),
    ],
)
def test_evaluation(word: str, polarity: str | None) -> None:
    assert lex.evaluation(word) == polarity


@pytest.mark.parametrize(
    ("word", "polarity"), [("ugly", "negative"), ("Liar", "negative"), ("career", None), ("good", "positive")]
)
def test_strong_valence(word: str, polarity: str | None) -> None:
    assert lex.strong_valence(word) == polarity


@pytest.mark.parametrize(
    ("cell", "kind"),
    [("eval:negative", "eval"), ("comp", "comp"), ("nocomp", "nocomp"), ("if", "if"), ("tocomp", "tocomp")],
)
def test_new_conditions_parse(cell: str, kind: str) -> None:
    assert lex._parse_need("event_verbs.tsv", "x", cell).kind == kind


@pytest.mark.parametrize("cell", ["eval:sad", "eval:"])
def test_bad_eval_condition_is_an_error(cell: str) -> None:
    with pytest.raises(LexiconError):
        lex._parse_need("event_verbs.tsv", "x", cell)


@pytest.mark.parametrize("cell", ["comp", "agent", "speaker", "default:people"])
def test_new_slots_parse(cell: str) -> None:
    assert lex._parse_slots("event_verbs.tsv", "x", cell) == (cell,)


@pytest.mark.parametrize(("type_", "sector"), [("CONSULT", "CVL"), ("AID", "CVL")])
def test_drop_actor_sectors(type_: str, sector: str) -> None:
    assert sector in lex.plover_types()[type_].drop_actor_sectors


@pytest.mark.parametrize(
    ("head", "implicit", "patient"), [("protest", "protester", False), ("killing", None, True), ("attack", None, False)]
)
def test_noun_implicit_actor_and_possessor(head: str, implicit: str | None, patient: bool) -> None:
    pat = lex.noun_patterns()[head][-1]
    assert (pat.implicit, pat.patient_possessor) == (implicit, patient)


@pytest.mark.parametrize("lemma", ["call", "find", "conclude", "characterize"])
def test_characterizing_verbs_can_disapprove(lemma: str) -> None:
    kinds = {w for p in lex.verb_patterns()[lemma] for n in p.needs if n.kind == "eval" for w in n.words}
    assert "negative" in kinds


def test_compevent_condition_names_plover_types() -> None:
    need = lex._parse_need("event_verbs.tsv", "x", "compevent:assault|COERCE")
    assert (need.kind, need.words) == ("compevent", frozenset({"ASSAULT", "COERCE"}))
    with pytest.raises(LexiconError):
        lex._parse_need("event_verbs.tsv", "x", "compevent:FIGHT")


@pytest.mark.parametrize(("need", "types"), [("compfuture:ASSAULT|protest", {"ASSAULT", "PROTEST"})])
def test_compfuture_need_keeps_plover_types(need: str, types: set[str]) -> None:
    parsed = lex._parse_need("t", "x", need)
    assert parsed.kind == "compfuture" and parsed.words == frozenset(types)


def test_compfuture_need_rejects_unknown_types() -> None:
    with pytest.raises(LexiconError):
        lex._parse_need("t", "x", "compfuture:FIGHT")


@pytest.mark.parametrize(
    ("noun", "types"), [("decision", ()), ("criticism", ("ACCUSE",)), ("veto", ("REJECT",)), ("weather", None)]
)
def test_act_types(noun: str, types: tuple[str, ...] | None) -> None:
    assert lex.act_types(noun) == types


@pytest.mark.parametrize(("word", "hazard"), [("typhoon", True), ("Virus", True), ("survivor", False)])
def test_is_hazard(word: str, hazard: bool) -> None:
    assert lex.is_hazard(word) is hazard


def test_body_anaphors_name_the_word_a_body_must_hold() -> None:
    from newsgraph.lexicon.events import body_anaphors

    table = body_anaphors()
    assert table["bloc"] == "" and table["union"] == "union"
    assert all(noun.islower() and " " not in noun for noun in table)


def test_context_sectors_list_their_cues_in_order_of_preference() -> None:
    from newsgraph.lexicon.events import context_sectors

    table = context_sectors()
    assert [sector for sector, _ in table["officer"]] == ["POL", "MIL"]
    assert all(cues and all(w == w.lower() for w in cues) for rows in table.values() for _, cues in rows)


def test_helped_nouns() -> None:
    from newsgraph.lexicon.events import is_helped_noun

    assert is_helped_noun("wounded") and is_helped_noun("Survivor") and not is_helped_noun("minister")


def test_yielding_verbs() -> None:
    from newsgraph.lexicon.events import is_yielding

    assert is_yielding("allow") and is_yielding("hand", "over") and is_yielding("Revisit")
    assert not is_yielding("hand") and not is_yielding("comment") and not is_yielding("attack")


def test_crews_can_act() -> None:
    from newsgraph.lexicon.events import actor_nouns

    assert "crew" in actor_nouns() and "officer" not in actor_nouns()  # officers take their force from the story


@pytest.mark.parametrize(
    ("lemma", "plural", "expected"),
    [
        ("trucker", True, True),  # an agent noun by its ending
        ("grower", True, True),
        ("vendor", True, True),
        ("crew", False, True),  # listed in actor_nouns.tsv, singular or plural
        ("trucker", False, False),  # the ending counts on plural nouns only
        ("tractor", True, False),  # a thing with an agent noun's ending
        ("paper", True, False),
        ("sister", True, False),  # kin act in their private lives
        ("officer", True, False),  # the story decides an officer's sector (context_sectors.tsv)
        ("road", True, False),
    ],
)
def test_people_noun(lemma: str, plural: bool, expected: bool) -> None:
    from newsgraph.lexicon.events import people_noun

    assert people_noun(lemma, plural) is expected


def test_a_mission_is_an_international_body_s() -> None:
    from newsgraph.lexicon.events import sector_of

    # observer, peacekeeping and IMF missions: of the body that sends them, not of the country they are in
    assert sector_of("mission").sector == "IGO" and sector_of("mission").country is None


def test_an_office_is_a_government_body() -> None:
    from newsgraph.lexicon.events import sector_of

    assert sector_of("office").sector == "GOV" and sector_of("human rights office").sector == "GOV"


@pytest.mark.parametrize("phrase", ["riot police", "Foreign Minister", "the Kremlin", "a bakery"])
def test_sector_of_memoized_answers_as_computed(phrase: str) -> None:
    assert lex.sector_of(phrase) == lex.sector_of.__wrapped__(phrase)
    assert lex.sector_of(phrase) is lex.sector_of(phrase)
