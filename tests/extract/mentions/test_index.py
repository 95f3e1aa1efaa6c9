"""MentionIndex: sentences, paragraphs, titles, countries and well-known organizations per token."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.mentions.index import MentionIndex, country_of_text, first_word, strip_name


@pytest.fixture(scope="module")
def index() -> Callable[[str], MentionIndex]:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()

    def build(text: str) -> MentionIndex:
        doc: Doc = parse_one(text)
        return MentionIndex(doc)

    return build


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Kazakh", "KAZ"),
        ("the Netherlands", "NLD"),
        ("Tajikistan\u2019s", "TJK"),
        ("Kyrgyzstanis", "KGZ"),
        ("Hong Kongers", "HKG"),
        ("US", "USA"),
        ("Us", None),
        ("russia", None),
        ("Berlin", None),
    ],
)
def test_country_of_text(text: str, iso3: str | None) -> None:
    assert country_of_text(text) == iso3


@pytest.mark.parametrize(
    ("text", "word"), [("Guinea-Bissau", "guinea"), ("RFE/RL", "rfe"), (" United Kingdom", "united")]
)
def test_first_word(text: str, word: str) -> None:
    assert first_word(text) == word


@pytest.mark.parametrize(("text", "name"), [("the Kremlin's", "Kremlin"), ("  New\u00a0 York ", "New York")])
def test_strip_name(text: str, name: str) -> None:
    assert strip_name(text) == name


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Belgian and Dutch police met in the Netherlands.",
            [("Belgian", "BEL"), ("Dutch", "NLD"), ("Netherlands", "NLD")],
        ),
        ("Georgia's wine and Michael Jordan's shoes.", [("Georgia", "GEO")]),
        ("They asked us about the US and the UK.", [("US", "USA"), ("UK", "GBR")]),
        # a country named like a state of a country the document names is the state
        ("Senators Ann Holt of Ohio and Bob Reyes of Georgia voted in the US Senate.", [("US", "USA")]),
        (
            "Senator Bob Reyes of Georgia met Georgian officials in the US.",
            [("Georgia", "GEO"), ("Georgian", "GEO"), ("US", "USA")],
        ),
        # a country's word the model took into a name that a title follows ("[Tajik Energy] Minister X")
        ("Tajik Energy Minister Davlatali Saidzoda rejected the request.", [("Tajik", "TJK")]),
        ("", []),
    ],
)
def test_countries(index: Callable[[str], MentionIndex], text: str, found: list[tuple[str, str]]) -> None:
    ix = index(text)
    assert [(ix.text(c.start, c.end), c.iso3) for c in ix.countries] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Kremlin denied it, and anti-Kremlin groups marched.", ["Kremlin", "Kremlin"]),
        ("Nato's chief met WHO officials. Who knows?", ["NATO", "World Health Organization"]),
    ],
)
def test_known_orgs(index: Callable[[str], MentionIndex], text: str, found: list[str]) -> None:
    assert [span.org.name for span in index(text).known_orgs] == found


@pytest.mark.parametrize(
    ("text", "title", "phrase"),
    [
        ("The Secretary-General spoke.", "Secretary-General", "secretary general"),
        ("Prime Minister Jane Roe spoke.", "Prime Minister", "prime minister"),
    ],
)
def test_titles(index: Callable[[str], MentionIndex], text: str, title: str, phrase: str) -> None:
    ix = index(text)
    (start, (end, found)), *_ = ix.titles_starting.items()
    assert (ix.text(start, end), found.phrase) == (title, phrase)
    assert ix.titles_ending[end - 1][0] == start


@pytest.mark.parametrize("text", ["Presidents Ana Lima and Jorge Paz met."])
def test_plural_titles_read_singular(index: Callable[[str], MentionIndex], text: str) -> None:
    ix = index(text)
    assert ix.plural_titles == {0}
    assert ix.role_text(0, 1) == "President"


@pytest.mark.parametrize(("text", "paragraphs"), [("One here.\n\nTwo there.", 2), ("Only one.", 1)])
def test_paragraphs_and_sentences(index: Callable[[str], MentionIndex], text: str, paragraphs: int) -> None:
    ix = index(text)
    assert max(ix.para_of) + 1 == paragraphs
    assert len(ix.sent_bounds) >= paragraphs


@pytest.mark.parametrize(("text", "second"), [("Word\u00a0 Kyrgyzstan next.", "Kyrgyzstan"), ("Hi  there", "there")])
def test_prev_next_skip_spaces(index: Callable[[str], MentionIndex], text: str, second: str) -> None:
    ix = index(text)
    j = ix.next(0)
    assert ix.doc[j].text == second
    assert ix.prev(j) == 0
    assert ix.prev(0) == -1


@pytest.mark.parametrize(
    "text",
    [
        "Kazakh President Tokayev met Vladimir Putin in Moscow on Monday.",
        "Officials\u00a0of the World Bank and the IMF met.\n\nAnother paragraph, about Peru.",
        "",
    ],
)
def test_tokens_copied_once_match_the_doc(text: str) -> None:
    from newsgraph.extract.evidence import char_evidence
    from newsgraph.ingest.nlp import parse_one

    doc = parse_one(text)
    ix = MentionIndex(doc)
    assert ix.body == doc.text
    assert [(t.text, t.idx, t.pos_) for t in ix.toks] == [(t.text, t.idx, t.pos_) for t in doc]
    assert [(e.start, e.end, e.label, e.text) for e in ix.ents] == [
        (e.start, e.end, e.label_, e.text) for e in doc.ents
    ]
    assert ix.sent_bounds == ([(s.start, s.end) for s in doc.sents] if len(doc) else [])
    for e in doc.ents:
        assert ix.evidence("d", e.start, e.end) == char_evidence("d", doc, e.start_char, e.end_char)


@pytest.mark.parametrize(("text", "inside"), [("US Secretary of State Jo Bell spoke.", ["Secretary", "of", "State"])])
def test_in_title(index: Callable[[str], MentionIndex], text: str, inside: list[str]) -> None:
    ix = index(text)
    assert [t.text for t in ix.toks if ix.in_title[t.i]] == inside


@pytest.mark.parametrize(
    ("text", "patron"), [("An Iranian-backed militia fired.", True), ("An Iranian militia fired.", False)]
)
def test_patron(index: Callable[[str], MentionIndex], text: str, patron: bool) -> None:
    ix = index(text)
    (span,) = ix.countries
    assert ix.patron(span) is patron


@pytest.mark.parametrize(("text", "iso3"), [("Polska", "POL"), ("Deutschland", "DEU")])
def test_country_endonyms(text: str, iso3: str) -> None:
    assert country_of_text(text) == iso3


def test_word_prefixes() -> None:
    from newsgraph.extract.mentions.index import word_prefixes

    assert word_prefixes(["united arab emirates", "peru", "foo "]) == {"united", "united arab", "foo"}


@pytest.mark.parametrize(
    "text",
    [
        "The Economic Community of West African States met the World Health Organization in Abuja.",
        "Officials of the United Arab Emirates\u2019 Foreign Ministry and the International Monetary Fund's team.",
        "the the The World Bank , WHO and Who said the Kyrgyzstanis and Hong Kongers left New Zealand.",
        "A   spokesman\u00a0for  the  European\n\nUnion and  the Red   Cross.",
    ],
)
def test_longest_match_with_prefixes_finds_what_it_finds_without(
    index: Callable[[str], MentionIndex], text: str
) -> None:
    from newsgraph.extract.mentions.index import country_key_prefixes, org_key_prefixes
    from newsgraph.lexicon.known_orgs import lookup_org

    ix = index(text)
    for i in range(len(ix.toks)):
        for lookup, prefixes, longest in (
            (country_of_text, country_key_prefixes(), 10),
            (lookup_org, org_key_prefixes(), 24),
            (lambda t: lookup_org(t, generic=None), org_key_prefixes(), 24),
        ):
            assert ix.longest_match(i, longest, lookup, prefixes) == ix.longest_match(i, longest, lookup), i
