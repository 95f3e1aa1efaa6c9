"""Actors read from the parse: countries, sectors, names, pronouns and document memory."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Organization, Person
from newsgraph.extract.events.actors import DocContext, np_countries, subjects, token_country


class StubResolver:
    def __init__(self, known: dict[str, Person | Organization]) -> None:
        self.known = known

    def resolve(self, text: str) -> Person | Organization | None:
        return self.known.get(text)


def _tok(doc: Doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("Uzbek police arrested him.", "police", ["UZB"]),
        ("Kenya’s Foreign Ministry issued a warning.", "Ministry", ["KEN"]),
        ("The governments of Peru and Chile stayed silent.", "governments", ["PER", "CHL"]),
        ("Ankara responded.", "Ankara", ["TUR"]),
        ("The Kremlin responded.", "Kremlin", ["RUS"]),
        ("The Iranian ambassador to London left.", "ambassador", ["IRN"]),
    ],
)
def test_np_countries(parse, text: str, head: str, expected: list[str]) -> None:
    assert np_countries(_tok(parse(text), head)) == expected


@pytest.mark.parametrize(("text", "word", "code"), [("We met us there.", "us", None), ("US troops left.", "US", "USA")])
def test_token_country_needs_a_capital(parse, text: str, word: str, code: str | None) -> None:
    assert token_country(_tok(parse(text), word)) == code


@pytest.mark.parametrize(
    ("text", "head", "country", "sector"),
    [
        ("The police in Armenia dispersed the crowd.", "police", "ARM", "POL"),
        ("The Dutch government protested.", "government", "NLD", "GOV"),
        ("Serbians protested.", "Serbians", "SRB", "CVL"),
        ("Members of parliament walked out.", "Members", None, "LEG"),
        ("The Iranian ambassador to London left.", "ambassador", "IRN", "GOV"),
        # a group or a crowd of people: those people
        ("A group of Tanzanian grain traders appealed to Dodoma.", "group", "TZA", "CVL"),
    ],
)
def test_actor_country_and_sector(parse, text: str, head: str, country: str | None, sector: str) -> None:
    actor = DocContext(parse(text)).actor(_tok(parse(text), head))
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(("text", "host"), [("The Iranian ambassador to London left.", "GBR")])
def test_envoy_host(parse, text: str, host: str) -> None:
    doc = parse(text)
    assert DocContext(doc).actor(_tok(doc, "ambassador")).envoy_host == host


@pytest.mark.parametrize(
    ("text", "head", "countries"),
    [
        ("Russian officials and diplomats left.", "officials", ["RUS", "RUS"]),
        ("The governments of Peru and Chile stayed silent.", "governments", ["PER", "CHL"]),
    ],
)
def test_actors_split_and_fill_from_siblings(parse, text: str, head: str, countries: list[str]) -> None:
    doc = parse(text)
    assert [a.country for a in DocContext(doc).actors(_tok(doc, head))] == countries


@pytest.mark.parametrize(
    ("text", "pronoun", "name", "country"),
    [
        ("Ghanaian president John Mahama arrived. Later he met the press.", "he", "John Mahama", "GHA"),
        ("Brazilian president Lula da Silva said his country was ready.", "his", "Lula da Silva", "BRA"),
    ],
)
def test_pronouns_resolve_to_the_person(parse, text: str, pronoun: str, name: str, country: str) -> None:
    doc = parse(text)
    ctx = DocContext(doc)
    for sent in ctx.sents:
        if any(t.text == pronoun for t in sent):
            actor = ctx.actor(_tok(doc, pronoun))
            assert (actor.name, actor.country) == (name, country)
            return
        ctx.note_sentence(sent)
    pytest.fail("pronoun not found")


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [("Ghanaian president John Mahama spoke. Mahama left.", "Mahama", "GHA")],
)
def test_person_memory(parse, text: str, word: str, country: str) -> None:
    doc = parse(text)
    assert DocContext(doc).actor(_tok(doc, word, 1)).country == country


@pytest.mark.parametrize(("text", "word", "country"), [("Vice President Ana Paz spoke.", "Paz", "BOL")])
def test_resolver_gives_a_person_country(parse, text: str, word: str, country: str) -> None:
    doc = parse(text)
    resolver = StubResolver({"Ana Paz": Person(name="Ana Paz", country=country, role="vice president")})
    actor = DocContext(doc, resolver).actor(_tok(doc, word))
    assert (actor.name, actor.country, actor.named) == ("Ana Paz", country, True)


@pytest.mark.parametrize(
    ("text", "head", "country"),
    [("Protesters gathered in Minsk on Sunday. Police arrested activists.", "activists", "BLR")],
)
def test_unnamed_group_takes_the_place_of_the_paragraph(parse, text: str, head: str, country: str) -> None:
    doc = parse(text)
    assert DocContext(doc).actor(_tok(doc, head)).country == country


@pytest.mark.parametrize(
    ("text", "word", "country", "inferred"),
    [
        # a story that names one country (twice): its unplaced people and bodies are that country's
        ("The mayor of Gdańsk was stabbed in Poland. Later, Marek Nowak condemned the attack.", "Nowak", "POL", True),
        # a story naming two countries evenly gives no such guess
        ("Poland and Chile met. Later, Marek Nowak condemned the attack.", "Nowak", None, False),
        # a city acting stands for its country
        ("Greece and Turkey met. Athens expelled the ambassador.", "Athens", "GRC", False),
        # leaders of an intergovernmental body's members belong to no one country, not to the summit's host
        (
            "Leaders of African Union (AU) member states met in Niamey, Niger's capital, and in Niger again.",
            "Leaders",
            None,
            False,
        ),
    ],
)
def test_named_actor_takes_the_story_country(parse, text: str, word: str, country: str | None, inferred: bool) -> None:
    doc = parse(text)
    actor = DocContext(doc).actor(_tok(doc, word))
    assert (actor.country, actor.inferred) == (country, inferred)


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Troops crossed the river and invaded the town.", "invaded", "Troops"),
        ("Students gathered outside the embassy to protest.", "protest", "Students"),
        ("The minister asked the police to leave.", "leave", "police"),
        ("The town was attacked by rebels.", "attacked", "rebels"),
        ("The town was attacked.", "attacked", None),
    ],
)
def test_subjects(parse, text: str, verb: str, subject: str | None) -> None:
    found = subjects(_tok(parse(text), verb))
    assert (found[0].text if found else None) == subject


@pytest.mark.parametrize("text", ["", "   ", "\u00a0\u00a0", "Some of them said most of them left."])
def test_odd_input(parse, text: str) -> None:
    doc = parse(text)
    ctx = DocContext(doc)
    for tok in doc:
        ctx.actor(tok)


def _walk_to(ctx: DocContext, doc: Doc, word: str, nth: int = 0):
    """Note the sentences before the one holding ``word`` (as the coders do) and return its token."""
    tok = _tok(doc, word, nth)
    for sent in ctx.sents:
        if sent.start <= tok.i < sent.end:
            return tok
        ctx.note_sentence(sent)
    raise AssertionError(word)


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ('"We urge Serbian leaders to reconsider," the German foreign minister said.', "We", "DEU"),
        ('The Dutch minister wrote: "I count on Turkey to act."', "I", "NLD"),
        ('"While we wait," he said, "we urge restraint." The Dutch minister left.', "we", None),
        ("We met them there.", "We", None),  # outside a quotation "we" is nobody we know
    ],
)
def test_self_pronoun_in_a_quotation_is_its_speaker(parse, text: str, word: str, country: str | None) -> None:
    doc = parse(text)
    ctx = DocContext(doc)
    assert ctx.actor(_walk_to(ctx, doc, word)).country == country


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("The French minister and his Italian counterpart met. They called on Libya to act.", ["FRA", "ITA"]),
        ("Egypt, Greece and Cyprus met in Athens. They left.", ["EGY", "GRC", "CYP"]),
    ],
)
def test_plural_pronoun_takes_the_coordinated_subject(parse, text: str, members: list[str]) -> None:
    doc = parse(text)
    ctx = DocContext(doc)
    they = _walk_to(ctx, doc, "They")
    assert ctx.actor(they).country == members[0]
    assert [a.country for a in ctx.plural_members(they)] == members


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # a part tied to a country earlier keeps it ("government forces", "Members of Parliament")
        ("The SDF signed a deal with the government of Syria. Government forces moved north.", "forces", "SYR"),
        ("The Parliament of Iraq voted. Members of Parliament walked out.", "Members", "IRQ"),
        # ... but not a person's title tied later in the text
        ("Foreign ministers arrived in Cairo. The Italian foreign minister joined.", "ministers", "EGY"),
        # places the gazetteer knows
        ("Police in Nairobi arrested students.", "Police", "KEN"),
        ("An assembly of foreign ministers in Cairo met.", "assembly", "EGY"),
    ],
)
def test_country_from_the_document(parse, text: str, word: str, country: str) -> None:
    doc = parse(text)
    assert DocContext(doc).actor(_tok(doc, word)).country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [("Talks went on. The story was long. It was a long day. Officials in Peru spoke.", None)],
)
def test_subject_it_does_not_reach_far_back(parse, text: str, country: str | None) -> None:
    doc = parse(text)
    ctx = DocContext(doc)
    assert ctx.resolve_pronoun(_walk_to(ctx, doc, "It")) is None or country is not None


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("The Kenyan ministry said it had expelled the envoy.", "it", "KEN"),
        ("Brazil's president said he would attend the summit.", "he", "BRA"),
        ("The Danish police said they had detained two men.", "they", "DNK"),
    ],
)
def test_a_pronoun_subject_of_a_reported_clause_is_the_reporter(parse, text: str, pronoun: str, expected: str) -> None:
    doc = parse(text)
    actor = DocContext(doc).resolve_pronoun(_tok(doc, pronoun))
    assert actor is not None and actor.country == expected


def test_a_possessive_in_a_reported_clause_is_the_reporter(parse) -> None:
    doc = parse("Burkina Faso's government said that its army had killed 32 militants.")
    actor = DocContext(doc).resolve_pronoun(_tok(doc, "its"))
    assert actor is not None and actor.country == "BFA"


def test_an_unnamed_group_is_of_the_country_a_story_names_most(parse) -> None:
    text = (
        "Iraq's government met Iranian envoys. Iraqi officials blamed Iran for the attack on Iraq. "
        "Protesters blocked the road to the port, and gunmen fired on a patrol."
    )
    doc = parse(text)
    ctx = DocContext(doc)
    assert ctx.dominant is None and ctx.leading == "IRQ"
    assert [a.country for a in ctx.actors(_tok(doc, "Protesters"))] == ["IRQ"]
    assert [a.country for a in ctx.actors(_tok(doc, "gunmen"))] == ["IRQ"]


def test_unnamed_soldiers_of_a_one_country_story(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Gunmen attacked a village in Burkina Faso on Monday. Burkina Faso's government declared three days of "
        "mourning. The army chief of staff spoke by telephone with his Malian counterpart on Tuesday."
    )
    found = {(e.type, e.actor_country) for e in extract_events(parse(text), "d1") if e.type == "CONSULT"}
    assert ("CONSULT", "BFA") in found


def test_a_wire_dateline_counts_as_a_mention_of_its_country(parse) -> None:
    text = "NAIROBI, June 2 (AP) - Ugandan and Kenyan officials were in Kisumu. Uganda said the talks went well."
    ctx = DocContext(parse(text))
    assert ctx.leading == "KEN"  # Uganda twice, Kenya twice in the text: the dateline breaks the tie
    assert DocContext(parse(text.split(" - ", 1)[1])).leading is None


def test_the_place_of_a_word_is_the_latest_named_before_it(parse) -> None:
    doc = parse("Warplanes struck targets in southern Lebanon, killing 14 people, after rockets were fired at Israel.")
    ctx = DocContext(doc)
    assert ctx.location_country(next(t for t in doc if t.text == "people")) == "LBN"
    assert ctx.location_country(doc[0]) == "LBN"  # none before: the sentence's first


def test_it_takes_up_the_singular_subject_not_a_plural_one_after_it(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = (
        "Libya's government said its border guards had taken 87 migrants to a detention center. "
        "It accused Tunisia of dumping migrants in the desert."
    )
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("ACCUSE", "LBY", "TUN") in facts


def test_an_object_pronoun_is_not_its_own_clause_s_subject(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Coast guards intercepted boats carrying migrants, and authorities expelled 230 of them on Tuesday."
    events = extract_events(parse(text), "d")
    assert [(e.actor, e.target) for e in events if e.trigger == "expelled"] == [("authorities", "migrants")]


def test_them_of_a_number_is_the_plural_named_before(parse) -> None:
    from newsgraph.extract.events.groups import partitive_whole

    doc = parse("About 150 residents protested and police detained nine of them.")
    them = next(t for t in doc if t.text == "them")
    assert partitive_whole(them, 0) is None  # the residents are a subject: no plural object before
    doc = parse("Police stopped buses carrying migrants and detained nine of them.")
    them = next(t for t in doc if t.text == "them")
    assert partitive_whole(them, 0).text == "migrants"


def test_an_envoy_in_a_capital_is_posted_to_its_country(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("Egypt recalled its ambassador in Addis Ababa for consultations on Tuesday.")
    assert ("SANCTION", "EGY", "ETH") in {(e.type, e.actor_country, e.target_country) for e in extract_events(doc, "d")}


def test_a_participle_after_a_comma_is_the_orderer_s_act_on_them(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "Poland ordered two Belarusian diplomats to leave within 72 hours, accusing them of planning sabotage."
    facts = {(e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")}
    assert ("ACCUSE", "POL", "BLR") in facts and ("ACCUSE", "BLR", "POL") not in facts


def test_actor_hands_out_copies_of_its_cached_actor(parse) -> None:
    """DocContext.actor copies its cached actor field by field (no dataclasses.replace): every field, equal, new."""
    from dataclasses import fields

    from newsgraph.extract.events.actors import Actor

    assert [f.name for f in fields(Actor)] == list(Actor.__slots__)  # the order DocContext._fields reads them in
    doc = parse("The Kenyan government expelled two diplomats on Monday.")
    ctx = DocContext(doc)
    head = next(t for t in doc if t.text == "government")
    first, second = ctx.actor(head), ctx.actor(head)
    assert first == second and first is not second and first.country == "KEN"
    first.country = "XXX"  # a caller may change its copy
    assert ctx.actor(head).country == "KEN"


def test_the_officer_of_an_international_body_named_by_its_is_of_that_body(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse(
        "The African Union Commission said it was ready to host talks in Addis Ababa. According to a statement "
        "from the commission, its chairperson also spoke by phone with Sudan's foreign minister."
    )
    resolver = StubResolver({"African Union Commission": Organization("African Union Commission")})
    found = [e for e in extract_events(doc, "d", resolver=resolver) if e.type == "CONSULT"]
    assert [(e.actor_country, e.actor_sector, e.target_country) for e in found] == [(None, "IGO", "SDN")]


def test_contexts_share_the_actors_read_from_the_parse_alone(parse) -> None:
    doc = parse("The Peruvian government closed the port. It said the ships would return.")
    first = DocContext(doc)
    for sent in first.sents:
        first.note_sentence(sent)
    gov, it = _tok(doc, "government"), _tok(doc, "It")
    assert first.actor(it).country == "PER"  # "It": the government the first sentence named
    second = DocContext(doc)
    assert second.actor(gov) == first.actor(gov)
    assert gov.i in second._parsed and second._parsed is first._parsed  # built once for both
    # a pronoun's referent is what its own context has read: the second has noted no sentence
    assert it.i not in first._parsed
    assert second.actor(it).country is None
    assert DocContext(doc, StubResolver({}))._parsed == {}  # another resolver: answers of its own


def test_an_object_pronoun_of_a_purpose_clause_is_not_the_doer_it_shares(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    doc = parse("DAKAR (Reuters) - Hundreds of students marched in Dakar. Police used tear gas to disperse them.")
    found = {(e.type, e.target) for e in extract_events(doc, "d") if e.type in ("ASSAULT", "COERCE")}
    assert found == {("COERCE", "students")}  # crowd control told as a dispersal is the dispersal (events/coder.py)


def test_the_army_of_a_story_about_two_countries_is_the_leading_ones(parse) -> None:
    # "the army" with no country in a story naming Chad most (but not twice as often as Sudan): Chad's
    from newsgraph.extract.events.coder import extract_events

    doc = parse(
        "Chad closed its border with Sudan on Monday. Chad said fighters had crossed from Sudan. Chad's "
        "government called the raids an attack on its sovereignty. The army has sent an additional 1,200 "
        "soldiers to Ouaddai province."
    )
    sent = [(e.type, e.actor_country) for e in extract_events(doc, "d") if e.type == "MOBILIZE"]
    assert sent == [("MOBILIZE", "TCD")]


def test_a_country_s_own_body_named_like_an_international_one_keeps_its_country(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "North Korea fired a missile on Monday. Japan's National Security Council condemned the launch."
    assert ("ACCUSE", "JPN") in {(e.type, e.actor_country) for e in extract_events(parse(text), "d")}


def test_a_part_of_a_body_acts_for_it(parse) -> None:
    from newsgraph.extract.events.coder import extract_events

    text = "The Pakistani army's media wing accused India of a deliberate violation of the border."
    assert ("ACCUSE", "PAK", "IND") in {
        (e.type, e.actor_country, e.target_country) for e in extract_events(parse(text), "d")
    }
