"""Quotes: quote-mark pairing, fragments, attribution and speaker resolution on short texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Person
from newsgraph.extract.quotes.attribution import extract_quotes


def _quotes(parse: Callable[[str], Doc], text: str, **kw) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in extract_quotes(parse(text), "d1", **kw)]


# ---------------------------------------------------------------- attribution patterns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The bridge will reopen next spring," Mayor Lena Ortiz said on Tuesday.',
            [("The bridge will reopen next spring", "Lena Ortiz", "say")],
        ),
        (
            '"We expect heavy rain all week," said Tom Baker, a forecaster.',
            [("We expect heavy rain all week", "Tom Baker", "say")],
        ),
        (
            'According to Maria Lopez, "the factory will close by the end of the year."',
            [("the factory will close by the end of the year.", "Maria Lopez", "according")],
        ),
        (
            "Governor Ali Hassan made a statement, \u201cThe roads will stay closed until the storm passes.\u201d",
            [("The roads will stay closed until the storm passes.", "Ali Hassan", "statement")],
        ),
        (
            "Sara Kim said that if the talks fail, \u201c[the union] will strike for a whole week.\u201d",
            [("[the union] will strike for a whole week.", "Sara Kim", "say")],
        ),
        (
            'Coach Ben Ruiz told reporters: "We played badly and we all know it."',
            [("We played badly and we all know it.", "Ben Ruiz", "tell")],
        ),
        (
            'Olga Petrova left the room, saying "the vote was rigged from the very start".',
            [("the vote was rigged from the very start", "Olga Petrova", "say")],
        ),
        (
            '"The plan is ready to go," Paul Weber warned, "and it will start in May."',
            [
                ("The plan is ready to go", "Paul Weber", "warn"),
                ("and it will start in May.", "Paul Weber", "warn"),
            ],
        ),
        (
            'Rescue chief Hans Mertens was quoted as saying "the search will go on through the night."',
            [("the search will go on through the night.", "Hans Mertens", "say")],
        ),
        (
            'The embassy issued a warning. "All citizens are advised to leave while flights still run," it said.',
            [("All citizens are advised to leave while flights still run", "embassy", "say")],
        ),
        (
            'Gerald Fitch reacted on Twitter, "Sad news that the old drummer has died, I remember playing with him."',
            [("Sad news that the old drummer has died, I remember playing with him.", "Gerald Fitch", "react")],
        ),
    ],
)
def test_attribution_patterns(parse: Callable[[str], Doc], text: str, expected: list[tuple]) -> None:
    assert _quotes(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    ['"Prices rose again in every single shop. Wages did not follow at all," the economist Ana Silva said.'],
)
def test_multi_sentence_quote_gives_one_record(parse: Callable[[str], Doc], text: str) -> None:
    (quote,) = extract_quotes(parse(text), "d1")
    assert quote.text == "Prices rose again in every single shop. Wages did not follow at all"
    assert quote.speaker == "Ana Silva"
    assert quote.text in quote.evidence.sentence and quote.evidence.sentence in text


@pytest.mark.parametrize(
    "text",
    ['"We will cut taxes for everyone [...] and we will build more homes for young families," Jo Lind said.'],
)
def test_elision_inside_a_sentence_stays(parse: Callable[[str], Doc], text: str) -> None:
    assert [q.text for q in extract_quotes(parse(text), "d1")] == [
        "We will cut taxes for everyone [...] and we will build more homes for young families",
    ]


def test_elision_at_a_quotation_edge_is_dropped(parse: Callable[[str], Doc]) -> None:
    text = '"[...] The port is closed for repairs. All ships must wait outside the bay [...]," Ivo Marr said.'
    assert [q.text for q in extract_quotes(parse(text), "d1")] == [
        "The port is closed for repairs. All ships must wait outside the bay",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Judge Mary Cole opened the hearing. She said \u201cthe court will not accept any delay from anyone.\u201d",
        'Police questioned Laura Bennett about the crash. She told them "I did not see the other car at all."',
    ],
)
def test_pronoun_speaker_resolves_to_person(parse: Callable[[str], Doc], text: str) -> None:
    quotes = extract_quotes(parse(text), "d1")
    assert len(quotes) == 1
    assert quotes[0].speaker in ("Mary Cole", "Laura Bennett")


@pytest.mark.parametrize(
    "text",
    ['Delegates from five countries met in Oslo. They said the treaty is "fair to every member state that signed it".'],
)
def test_they_resolves_to_group_subject(parse: Callable[[str], Doc], text: str) -> None:
    (quote,) = extract_quotes(parse(text), "d1")
    assert quote.speaker == "Delegates from five countries"


@pytest.mark.parametrize(
    ("text", "person", "speaker", "role"),
    [
        (
            '"Vaccines must reach every country quickly," the WHO chief said.',
            Person(name="Ines Berg", role="Director General", organization="WHO"),
            "Ines Berg",
            "Director General",
        ),
        (
            '"Our defences are ready for any threat," Berg said in Geneva.',
            Person(name="Ines Berg", aliases=["Berg"], role="Director General"),
            "Ines Berg",
            "Director General",
        ),
    ],
)
def test_speaker_resolved_to_known_person(
    parse: Callable[[str], Doc], text: str, person: Person, speaker: str, role: str
) -> None:
    (quote,) = extract_quotes(parse(text), "d1", [person])
    assert (quote.speaker, quote.speaker_role) == (speaker, role)


@pytest.mark.parametrize(
    "text",
    [
        "The head of the agency, Omar Reyes, opened the meeting. "
        '"Our budget is far too small for this task," the agency chief said.'
    ],
)
def test_role_noun_resolved_to_person_the_document_titles(parse: Callable[[str], Doc], text: str) -> None:
    (quote,) = extract_quotes(parse(text), "d1")
    assert quote.speaker == "Omar Reyes"


@pytest.mark.parametrize(
    "text",
    [
        '"We have seen a sharp rise in attacks on our networks," a spokesperson for the Interior Ministry stated. '
        'The spokesperson added that the ministry was "working day and night to stop them".'
    ],
)
def test_role_phrase_kept_and_reused(parse: Callable[[str], Doc], text: str) -> None:
    quotes = extract_quotes(parse(text), "d1")
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("spokesperson for the Interior Ministry", "state"),
        ("spokesperson for the Interior Ministry", "add"),
    ]
    assert quotes[0].speaker_role == "spokesperson for the Interior Ministry"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We will rebuild the old school," Ravi Patel said. "The children deserve a safe place to learn."',
            "Ravi Patel",
        ),
        (
            'Nora Diaz said the plan was late. It could now be "safely assumed" that the city wanted '
            '"to delay the whole project until after the next election in spring."',
            "Nora Diaz",
        ),
    ],
)
def test_quote_without_cue_continues_last_speaker(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    quotes = extract_quotes(parse(text), "d1")
    assert quotes[-1].speaker == speaker
    assert quotes[-1].cue is None
    assert "safely assumed" not in [q.text for q in quotes]


@pytest.mark.parametrize(
    "text",
    [
        'The group, known as "Red Fox," used a tool called "Night Owl" and was ready "right now".',
        'A report by the "Institute for Peace and Conflict Studies" came out today.',
        'The council keeps a "deeply unfair and unwise" rule for new tenants.',
    ],
)
def test_fragments_and_names_are_not_quotes(parse: Callable[[str], Doc], text: str) -> None:
    assert extract_quotes(parse(text), "d1") == []


@pytest.mark.parametrize("text", ['"Nobody knows what will happen to the old harbour next year."'])
def test_unattributed_quote_left_out_unless_asked(parse: Callable[[str], Doc], text: str) -> None:
    assert extract_quotes(parse(text), "d1") == []
    (quote,) = extract_quotes(parse(text), "d1", keep_unattributed=True)
    assert quote.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        '"Prices\u00a0will\u00a0rise\u00a0again\u00a0soon,"\u00a0the\u00a0governor\u00a0said.',
        "\u201cWe will keep the border open for all trucks,\u201d said Lina Park.",
    ],
)
def test_evidence_points_at_the_quote(parse: Callable[[str], Doc], text: str) -> None:
    (quote,) = extract_quotes(parse(text), "doc-7")
    ev = quote.evidence
    assert ev.doc == "doc-7"
    assert text[ev.start : ev.end] == quote.text
    assert quote.text in ev.sentence


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        '"',
        '" " " "',
        'He said "unfinished \u201c nested \u201d and \u00ab odd \u00bb marks',
        "\u200b\u00a0\ufeff\U0001f600 \u201d\u201c",
        'Nobody said "a thing that matters to anyone at all here" and "" "',
    ],
)
def test_odd_input_does_not_crash(parse: Callable[[str], Doc], text: str) -> None:
    quotes = extract_quotes(parse(text), "d1", keep_unattributed=True)
    assert all(q.evidence.start <= q.evidence.end for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The airline transports weapons and fighters across the region," according to a tweet on Monday by '
            "US Secretary of State Tom Hill.",
            "Tom Hill",
        ),
        (
            'The commission met on Thursday. The commission released a statement which said, "The status of the '
            'monument as a museum must be maintained."',
            "commission",
        ),
    ],
)
def test_the_author_of_a_statement_speaks_not_the_statement(
    parse: Callable[[str], Doc], text: str, speaker: str
) -> None:
    speakers = {s for _, s, _ in _quotes(parse, text, keep_unattributed=True)}
    assert speakers and all(s and speaker.lower() in s.lower() for s in speakers), speakers


@pytest.mark.parametrize(
    "text",
    [
        'The senator called the new tax law "a total disaster" on Monday.',  # nobody named speaks
        'Senator Ana Holm did not call the plan "a disaster" on Monday.',
        'The crowd outside the hall chanted "Deport them!" for an hour.',
        'He said the term "natural born citizen" is not defined in the document.',
        'Police detained eight people for "spreading rumors," including a doctor.',
    ],
)
def test_a_phrase_of_three_words_is_no_quote_but_a_verdict(parse: Callable[[str], Doc], text: str) -> None:
    assert _quotes(parse, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Rosa Vidal described the flood as a \u201cnational tragedy\u201d.", ("national tragedy", "Rosa Vidal")),
        ('Karl Meyer called the inquiry "The Great Distraction" in a speech.', ("The Great Distraction", "Karl Meyer")),
        (
            'Minister Ana Holm condemned the move as "unjustified and unlawful."',
            ("unjustified and unlawful.", "Ana Holm"),
        ),
        ('The ministry of Velmar dismissed the claims as "fabrications".', ("fabrications", "ministry of Velmar")),
        (
            'Economy Minister Ana Holm accused the fund of "moving the goalposts" and said Velmar met every target.',
            ("moving the goalposts", "Ana Holm"),
        ),
    ],
)
def test_a_verdict_of_three_words_is_a_quote(parse: Callable[[str], Doc], text: str, expected: tuple) -> None:
    assert [(q, s) for q, s, _ in _quotes(parse, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Minister Ana Holm rejected the claims as "baseless and politically motivated."',
            ("baseless and politically motivated.", "Ana Holm"),
        ),
        (
            'The foreign ministry in Lima rejected the accusations as "groundless speculation about our sailors."',
            ("groundless speculation about our sailors.", "foreign ministry"),
        ),
        (
            'Senator Rosa Vidal slammed the budget as "a gift to the rich and powerful".',
            ("a gift to the rich and powerful", "Rosa Vidal"),
        ),
    ],
)
def test_a_verdict_of_four_to_seven_words_is_a_quote(parse: Callable[[str], Doc], text: str, expected: tuple) -> None:
    assert [(q, s) for q, s, _ in _quotes(parse, text)] == [expected]


def test_a_long_name_after_a_naming_verb_is_a_quote(parse: Callable[[str], Doc]) -> None:
    text = 'Lena Ford referred to the inquiry as "The Great Hoax of Our Time" on Friday.'
    assert _quotes(parse, text) == [("The Great Hoax of Our Time", "Lena Ford", "refer")]


@pytest.mark.parametrize(
    "text",
    [
        '"Two years ago," Dana Wolf said, "we started this firm with nothing but a laptop and a phone."',
        'Ivan Horak noted the plan fits the "green growth" strategy of the government.',
        'Lucia Bern said the prize went to a film called "The Long Road Home".',
    ],
)
def test_short_phrases_that_are_not_quotes(parse: Callable[[str], Doc], text: str) -> None:
    texts = [q for q, _, _ in _quotes(parse, text)]
    assert all(len(q.split()) > 3 for q in texts), texts


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Hugo Lenz said the trial would not be fair, saying he expected "a verdict written long before the '
            'hearing began".',
            "Hugo Lenz",
        ),
        (
            'A witness described how the fire spread, stating, "I saw the flames jump from one roof to the next '
            'in seconds."',
            "witness",
        ),
        (
            'The Daily Star quoted Mira Sen as saying "the port will reopen to all ships next week".',
            "Mira Sen",
        ),
    ],
)
def test_speaker_found_past_a_subject_that_cannot_speak(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    ((_, got, _),) = _quotes(parse, text)
    assert got is not None and speaker in got


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The judge Omar Nadir ruled, according to the summary, "that the order was made for an improper '
            'purpose and is void."',
            "Omar Nadir",
        ),
        (
            'According to its press release, the Northern Hockey League was "suspending all games until the end '
            'of the month at least".',
            "Northern Hockey League",
        ),
    ],
)
def test_according_to_a_document_is_its_author(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    ((_, got, _),) = _quotes(parse, text)
    assert got is not None and speaker in got


@pytest.mark.parametrize(
    "text",
    ['The memo said "the board has no right to cancel the vote without a second reading of the bill".'],
)
def test_a_document_is_never_the_speaker(parse: Callable[[str], Doc], text: str) -> None:
    speakers = {s for _, s, _ in _quotes(parse, text, keep_unattributed=True)}
    assert "memo" not in speakers


def test_one_unnamed_member_is_not_the_member_named_before(parse: Callable[[str], Doc]) -> None:
    text = (
        'MP Sarah Quinn spoke first. "We will fight on," MP Sarah Quinn said. '
        'One MP told the radio, "We know that most voters wanted to stay in the union."'
    )
    quotes = _quotes(parse, text)
    assert quotes[-1][1] != "Sarah Quinn"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Refusing to resign, Hana Vogel backed a deal in which Piet Dekker became deputy. "
            '"Only the voters can remove me," she declared.',
            "Hana Vogel",
        ),
        (
            "Rui Costa, of the Vale Verde town council, described the damage. "
            '"The storm was very strong. The old bridge has collapsed," he said.',
            "Rui Costa",
        ),
    ],
)
def test_pronoun_after_a_relative_clause_or_a_quoted_sentence(
    parse: Callable[[str], Doc], text: str, speaker: str
) -> None:
    quotes = _quotes(parse, text)
    assert quotes and {s for _, s, _ in quotes} == {speaker}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            'The minister dismissed the report as "pure fiction from start to finish" on Friday.',
            "pure fiction from start to finish",
            "minister",
        ),
        (
            'Alma Reyes suffered "three broken ribs and a cut", according to a hospital spokesperson.',
            "three broken ribs and a cut",
            "spokesperson",
        ),
        (
            'Nils Berg said the new rules would be "a heavy burden for small farms" this year.',
            "a heavy burden for small farms",
            "Nils Berg",
        ),
    ],
)
def test_phrase_inside_a_clause_with_its_cue(parse: Callable[[str], Doc], text: str, quote: str, speaker: str) -> None:
    ((got_quote, got_speaker, _),) = _quotes(parse, text)
    assert got_quote == quote
    assert got_speaker is not None and speaker in got_speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Spokesman Ivo Marek warned that Velmar would take "firm countermeasures" against the ban.',
            ("firm countermeasures", "Ivo Marek"),
        ),
        (
            'Minister Ana Holm said the government had conveyed its "grave concern" to the envoy.',
            ("grave concern", "Ana Holm"),
        ),
        (
            'Spokeswoman Lena Ford said the country stood "side by side" with its neighbours.',
            ("side by side", "Lena Ford"),
        ),
    ],
)
def test_a_short_object_of_a_reported_clause_is_a_quote(
    parse: Callable[[str], Doc], text: str, expected: tuple
) -> None:
    assert [(q, s) for q, s, _ in _quotes(parse, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        'The shop sold 300 "party poppers" before the holiday, the owner said.',  # narration: no reported clause
        'Minister Ana Holm said the police had arrested members of "Red Dawn" on Monday.',  # a name
        'Minister Ana Holm said "thanks" to the crowd.',  # the speech verb's own object
    ],
)
def test_a_short_object_that_is_no_quote(parse: Callable[[str], Doc], text: str) -> None:
    texts = [q for q, _, _ in _quotes(parse, text)]
    assert all(len(q.split()) > 3 for q in texts), texts


def test_short_phrase_in_another_clause_is_not_the_speakers(parse: Callable[[str], Doc]) -> None:
    text = 'The union criticized the plan as unfair, pointing to the "open market" as the only judge.'
    assert [q for q, _, _ in _quotes(parse, text)] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Part of the judge\'s statement read, "The law treats men and women differently without any good reason."',
            "judge",
        ),
        (
            'The decree signed by Bishop Anton Klee read "Every case of abuse must be reported to the police at once."',
            "Anton Klee",
        ),
    ],
)
def test_a_text_that_reads_is_its_authors(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    ((_, got, _),) = _quotes(parse, text)
    assert got is not None and speaker in got


def test_a_role_noun_reuses_only_the_same_role(parse: Callable[[str], Doc]) -> None:
    text = (
        'The father said "I love my children more than anything in this world." '
        'The mother said "I hope to see my children again one day very soon."'
    )
    assert [s for _, s, _ in _quotes(parse, text)] == ["father", "mother"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Governor Ines Marsh addressed the public: "Nobody should take this flood lightly."', "Ines Marsh"),
        (
            'Senator Paul Kerr gave a different account of the meeting: "I left early and the vote came later."',
            "Paul Kerr",
        ),
    ],
)
def test_quote_introduced_by_a_colon(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    quotes = _quotes(parse, text)
    assert quotes and {s for _, s, _ in quotes} == {speaker}


def test_quote_after_a_quote_continues_its_speaker(parse: Callable[[str], Doc]) -> None:
    text = (
        'Mayor Anna Roth spoke first. "The bridge will be rebuilt," Roth continued. '
        '"Every family in this town deserves a safe way to reach the hospital."'
    )
    quotes = _quotes(parse, text)
    assert quotes[-1][1] == "Anna Roth"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We stand with every family tonight" tweeted Mayor of Leeds Ravi Shah after the fire.', "Ravi Shah"),
        ('The ruling of the Court, released on Monday, read in part, "[I]t is found that the law is void."', "Court"),
        ('One of the nurses said "we had no masks for weeks and nobody in charge listened to us".', "nurses"),
        (
            'One of the parties, the Green League, said it had "clear promises that the tax would never rise".',
            "Green League",
        ),
        ('The storm followed a track described by the Coast Bulletin as "wild and hard to predict".', "Coast Bulletin"),
        ('Lena Ford referred to the inquiry as "The Great Hoax of Our Time" on Friday.', "Lena Ford"),
    ],
)
def test_speakers_a_parse_hides(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    quotes = _quotes(parse, text)
    assert quotes and all(s is not None and speaker in s for _, s, _ in quotes), quotes


@pytest.mark.parametrize(
    "text",
    [
        'A new study found "strong links between the dust and the illness in every town we checked".',
        'The governor tweeted her reasoning saying, "Today I signed the bill that protects our rivers."',
    ],
)
def test_a_study_or_a_reasoning_never_speaks(parse: Callable[[str], Doc], text: str) -> None:
    speakers = {s for _, s, _ in _quotes(parse, text, keep_unattributed=True)}
    assert not {s for s in speakers if s and ("study" in s or "reasoning" in s)}


def test_quote_after_a_weak_cue_in_the_sentence_before(parse: Callable[[str], Doc]) -> None:
    text = (
        'Senator Joan Pike criticized the decision on Twitter. "This plan leaves our allies alone and helps '
        'nobody but our enemies."'
    )
    ((_, speaker, cue),) = _quotes(parse, text)
    assert (speaker, cue) == ("Joan Pike", None)


def test_they_is_not_a_subject_inside_a_reported_clause(parse: Callable[[str], Doc]) -> None:
    text = (
        "The researchers suggested the warm waters weaken the coral defences. "
        'They reported, "The algae spread faster than any model predicted in our tests."'
    )
    ((_, speaker, _),) = _quotes(parse, text)
    assert speaker == "researchers"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"Our town is flooding. The river rose overnight. Help us now!" Mayor Ada Lenz told the world on Friday '
            "via Twitter.",
            "Ada Lenz",
        ),
        ('Rita Moss, also on Twitter, defended her vote, "I stand by every word I said in that debate."', "Rita Moss"),
    ],
)
def test_attribution_after_a_long_quotation_or_a_defence(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    quotes = _quotes(parse, text)
    assert quotes and {s for _, s, _ in quotes} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The appeals court found the order "was made for the improper purpose of silencing the council".', "court"),
        ('Mayor Ida Lund was directing the agencies to "finish their reviews before the end of the year".', "Ida Lund"),
    ],
)
def test_courts_find_and_officials_direct(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    quotes = _quotes(parse, text)
    assert quotes and all(s is not None and speaker in s for _, s, _ in quotes), quotes


def test_he_is_not_the_subject_of_what_he_reported(parse: Callable[[str], Doc]) -> None:
    text = (
        'Prime Minister Ivo Dane spoke on Monday. He said Lena Ruiz is "a model of honesty for me"; however, '
        '"to remove any doubts about our trust, I offered to resign", he added.'
    )
    quotes = _quotes(parse, text, persons=[Person(name="Ivo Dane", role="Prime Minister")])
    assert quotes[-1][1] == "Ivo Dane"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            'Mayor Tom Berg rejected Ana Ruiz\'s statement: "Her plan would close every school in the north."',
            "Tom Berg",
            None,
        ),
        ('Mayor Tom Berg made a statement: "The plan would close every school in the north."', "Tom Berg", "statement"),
    ],
)
def test_colon_after_a_speech_noun(parse: Callable[[str], Doc], text: str, speaker: str, cue: str | None) -> None:
    ((_, got, got_cue),) = _quotes(parse, text)
    assert (got, got_cue) == (speaker, cue)


def test_a_name_run_into_a_title_phrase(parse: Callable[[str], Doc]) -> None:
    text = (
        'Former US Ambassador to the United Nations Jane Roe wrote on Twitter, "We must always stand with the '
        'friends who stood with us."'
    )
    assert [s for _, s, _ in _quotes(parse, text, persons=[Person(name="Jane Roe")])] == ["Jane Roe"]


@pytest.mark.parametrize(
    "text",
    [
        'The spokesman for President Jane Roe said "the talks will resume next week in the capital city".',
        'The adviser to Jane Roe said "the talks will resume next week in the capital city".',
    ],
)
def test_a_name_in_a_role_complement_is_not_the_speaker(parse: Callable[[str], Doc], text: str) -> None:
    speakers = [s for _, s, _ in _quotes(parse, text, persons=[Person(name="Jane Roe", role="President")])]
    assert speakers and "Jane Roe" not in speakers


def test_a_known_name_after_an_organizations_title(parse: Callable[[str], Doc]) -> None:
    text = (
        '"Tomas was the kindest teacher I have ever known," said the University of Lund\'s rector, Pradeep Okafor. '
        'Okafor talked of his "many years of patient work with the students of the evening school".'
    )
    quotes = _quotes(parse, text, persons=[Person(name="Pradeep Okafor", aliases=["Okafor"])])
    assert [s for _, s, _ in quotes] == ["Pradeep Okafor", "Pradeep Okafor"]


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n  \n"])
def test_a_quotation_that_runs_over_paragraphs_keeps_its_speaker(parse: Callable[[str], Doc], gap: str) -> None:
    text = (
        'Mayor Ada Lenz said: "We have waited ten years for this bridge and the town will finally have it.'
        f'{gap}"Every family will be able to reach the hospital in under ten minutes and nobody will be cut off."\n'
    )
    assert [s for _, s, _ in _quotes(parse, text)] == ["Ada Lenz", "Ada Lenz"]


def test_a_closed_quotation_does_not_speak_for_the_next_paragraph(parse: Callable[[str], Doc]) -> None:
    text = (
        'Mayor Ada Lenz said: "We have waited ten years for this bridge and the town will finally have it."\n\n'
        '"Every family will be able to reach the hospital in under ten minutes and nobody will be cut off."\n'
    )
    assert [s for _, s, _ in _quotes(parse, text)] == ["Ada Lenz"]


def test_quote_after_a_colon_runs_over_paragraphs(parse: Callable[[str], Doc]) -> None:
    text = (
        "Party chairman Tomas Reyes writes:"
        '\n\n"It is a long road, I will admit it, but our candidate may win enough districts.'
        '\n\nThink about it for a moment, who would vote for us? Nobody else stands for the valley."'
    )
    assert [(s, c) for _, s, c in _quotes(parse, text)] == [("Tomas Reyes", "write"), ("Tomas Reyes", None)]


def test_what_stands_in_apposition_to_a_name_is_no_other_speaker(parse: Callable[[str], Doc]) -> None:
    text = (
        "Party chairman Oscar Lindqvist, whose Twitter bio includes the hashtags #MAGA and #TRUMP2020, said: "
        '"We will rebuild the school before the winter comes."'
    )
    assert [s for _, s, _ in _quotes(parse, text)] == ["Oscar Lindqvist"]


def test_it_is_no_speaker_without_a_body_before(parse: Callable[[str], Doc]) -> None:
    text = 'The storm moved north. "Nobody expected the river to rise so fast this year," it said.'
    assert _quotes(parse, text) == []


def test_a_denied_cue_further_up_introduces_no_quotation(parse: Callable[[str], Doc]) -> None:
    text = (
        "Omar Haddad said his government had not asked for money and would not turn the apology into "
        '"a negotiation about money and nothing else".'
    )
    assert [s for _, s, _ in _quotes(parse, text)] == ["Omar Haddad"]


def test_it_in_a_clause_is_the_body_that_governs_it(parse: Callable[[str], Doc]) -> None:
    text = (
        "Armenia asked the alliance to hold urgent talks on what it called "
        '"an encroachment on our sovereign territory".'
    )
    assert [s for _, s, _ in _quotes(parse, text)] == ["Armenia"]


def test_he_is_the_named_person_before_a_role_in_his_report(parse: Callable[[str], Doc]) -> None:
    text = (
        "Omar Haddad said the army chief had spoken with his counterpart and asked for help. "
        'Joint patrols would start "within the next two weeks at the latest", he said.'
    )
    people = [Person(name="Omar Haddad", role="spokesman", country="BFA")]
    assert [s for _, s, _ in _quotes(parse, text, persons=people)] == ["Omar Haddad"]


def test_a_speaker_named_by_another_word_of_the_name_is_the_person(parse: Callable[[str], Doc]) -> None:
    text = (
        "Prime Minister Abiy Ahmed met the visitors on Monday. "
        '"This is an act of courage that honours both our nations," Abiy said.'
    )
    people = [Person(name="Abiy Ahmed", role="Prime Minister", country="ETH")]
    assert [s for _, s, _ in _quotes(parse, text, persons=people)] == ["Abiy Ahmed"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'In Velmar, spokeswoman Vera Lind said Norland would respond to the move "in a measured and lawful way."',
            "Vera Lind",
        ),
        (
            'The envoy, Tom Reyes, said Caldera had urged both sides "to pull back from the border at once".',
            "Tom Reyes",
        ),
        (
            'The minister, Ida Holm, told the radio that the courts would settle it "without pressure from anyone".',
            "Ida Holm",
        ),
        (
            'The Harbour Agency denied that its guards had fired, saying in a statement that "smugglers shot first '
            'from the pier at the guards".',
            "Harbour Agency",
        ),
    ],
)
def test_a_cue_inside_a_reported_clause_quotes_the_reporter(
    parse: Callable[[str], Doc], text: str, speaker: str
) -> None:
    (quote,) = extract_quotes(parse(text), "d1")
    assert quote.speaker == speaker


def test_pronoun_prefers_the_person_the_mentions_know(parse: Callable[[str], Doc]) -> None:
    text = (
        "Trade Minister Ana Kerova said Velmar had waited for Dodoma to reopen the border. "
        '"We have waited long enough for an answer from them," she told reporters.'
    )
    (quote,) = extract_quotes(parse(text), "d1", [Person(name="Ana Kerova", role="Trade Minister")])
    assert quote.speaker == "Ana Kerova"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The border guards of Velmar gave a different account. In a statement carried by the state news agency, "
            "they accused Norland forces of firing first.\n\n"
            '"The Norland side provoked this incident and bears full responsibility for it," the statement said.',
            "border guards of Velmar",
        ),
        (
            "The Harbour Agency accused Norland of shelling the port. It said its guards had fired back at once.\n\n"
            '"Norland keeps shelling the port to hide its own failures at home," the statement said.',
            "Harbour Agency",
        ),
    ],
)
def test_the_statement_goes_back_to_its_author(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    (quote,) = extract_quotes(parse(text), "d1")
    assert quote.speaker == speaker


def test_the_statement_without_an_author_nearby_has_no_speaker(parse: Callable[[str], Doc]) -> None:
    text = 'The plan was announced in May. "We will not accept a port left without guards," the statement said.'
    assert extract_quotes(parse(text), "d1") == []


def test_he_goes_to_an_unnamed_office_holder_who_was_the_subject(parse: Callable[[str], Doc]) -> None:
    text = (
        "Reporter Selin Arda was detained on Monday. Speaking in the capital, Velmar's justice minister defended "
        'the prosecutors. "No one in this country is arrested for journalism," he said.'
    )
    (quote,) = extract_quotes(parse(text), "d1")
    assert quote.speaker == "Velmar's justice minister"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The embassy of Velmar said it was "deeply concerned" by the arrests.',
            ("deeply concerned", "embassy of Velmar"),
        ),
        ('Commissioner Ana Holm said the bloc "deeply regrets" the decision.', ("deeply regrets", "Ana Holm")),
        (
            'Spokeswoman Ana Holm warned that Norland would respond "in kind" to any new expulsion.',
            ("in kind", "Ana Holm"),
        ),
    ],
)
def test_a_short_quoted_predicate_of_reported_speech_is_a_quote(
    parse: Callable[[str], Doc], text: str, expected: tuple
) -> None:
    assert [(q, s) for q, s, _ in _quotes(parse, text)] == [expected]


def test_a_cue_of_a_thing_in_a_reported_clause_quotes_the_reporter(parse: Callable[[str], Doc]) -> None:
    text = 'Minister Ana Holm said the vote confirmed that Norland "cannot be trusted with the reactor."'
    assert [s for _, s, _ in _quotes(parse, text)] == ["Ana Holm"]


def test_a_name_the_tagger_misses_is_a_person_with_an_office_in_apposition(parse: Callable[[str], Doc]) -> None:
    text = (
        'The Norland embassy rejected the accusations as "groundless smears spread by people with motives".\n\n'
        "Tibet Dorje, a spokesman for the Velmar Exile Congress, welcomed the summons. "
        '"This is an important first step, but words are not enough," he said.'
    )
    assert [s for _, s, _ in _quotes(parse, text)][-1] == "Tibet Dorje"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the sentence after the quotation names whose words they were
        (
            "The union called the arrest a kidnapping.\n\n"
            '"They want to frighten us back into our homes. They have only united us." Those were the words of '
            "union president Rosa Vidal, speaking at a rally.",
            "Rosa Vidal",
        ),
        (
            'The envoy, Helen Holm, spoke after the vote.\n\n"Our colleagues have been locked up for doing their '
            "jobs and keeping clinics open.\" The words were Holm's, spoken to reporters outside the chamber.",
            "Helen Holm",
        ),
        # a colon after a clause the parse hangs on the quotation's verb
        (
            "The ministry regretted the death.\n\nSpokesman Greg Hale put it bluntly at a briefing in Oslo: "
            '"Countries that refuse to take back their own citizens will face consequences."',
            "Greg Hale",
        ),
    ],
)
def test_speaker_named_around_a_quotation_without_a_cue(parse: Callable[[str], Doc], text: str, speaker: str) -> None:
    assert [s for _, s, _ in _quotes(parse, text)] == [speaker]
