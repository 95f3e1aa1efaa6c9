"""Speakers of quotations (newsgraph.extract.events.quoted)."""

from __future__ import annotations

import pytest

from newsgraph.extract.events.quoted import QuotedChars, quote_speakers


@pytest.mark.parametrize(("char", "inside"), [(0, False), (5, True), (9, False), (10, False), (21, True), (30, False)])
def test_quoted_chars_finds_offsets_inside_quotations(char: int, inside: bool) -> None:
    assert (char in QuotedChars([(5, 9), (20, 25)])) is inside


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Putin said "we will not give in" on Monday.', "Putin"),
        ('"We will not give in," the minister said.', "minister"),
        ('The minister said: "We will not give in."', "minister"),
    ],
)
def test_a_quotation_takes_the_subject_of_its_speech_verb(nlp, text: str, speaker: str) -> None:
    doc = nlp(text)
    [(start, end, who)] = quote_speakers(doc.text, list(doc.sents))
    assert "give in" in doc.text[start:end]
    assert doc[who].text == speaker


def test_a_page_of_only_quote_marks_has_no_speakers(nlp) -> None:
    doc = nlp('"" "" "" ""')
    assert all(who == -1 for _, _, who in quote_speakers(doc.text, list(doc.sents)))


def test_a_document_context_is_no_reference_cycle(parse) -> None:
    from newsgraph.extract.events.actors import DocContext
    from newsgraph.extract.events.quoted import LazyText

    doc = parse('"We agree," the minister said.')
    text = LazyText(doc)
    assert text() == doc.text and text() is text()  # read once
    ctx = DocContext(doc)
    assert ctx.text == doc.text
    # the quotations read the text through an object that holds the Doc only, not a closure over the context
    assert isinstance(ctx.quoted._text, LazyText) and ctx.quoted._text.doc is doc
