"""Quoted statements for the stances: the quotations of a sentence and who speaks them."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.extract.events.actors import DocContext
from newsgraph.extract.stance_quotes import quote_spans, quote_speaker


def test_a_quotation_begun_in_an_earlier_sentence_is_open_at_the_start(parse: Callable[[str], Doc]) -> None:
    doc = parse('The spokesman spoke. "The islands are ours. The patrols are lawful," Zhou said.')
    last = list(doc.sents)[-1]
    assert last.text.startswith("The patrols")  # the sentence begins inside the quotation
    assert [doc.text[a:b] for a, b in quote_spans(last)] == ["The patrols are lawful,"]


def test_a_sentence_of_quotation_only_is_spoken_by_the_speaker_before_it(parse: Callable[[str], Doc]) -> None:
    doc = parse('"We have no choice," the minister told reporters. "These measures are protectionism."')
    ctx = DocContext(doc, None, None)
    sents = list(doc.sents)
    last = sents[-1]
    inside = {t.i for t in last if any(a <= t.idx < b for a, b in quote_spans(last))}
    speaker = quote_speaker(last, inside, ctx)
    assert speaker is not None and speaker.text == "minister"


def test_a_sentence_with_words_of_its_own_needs_its_own_speaker(parse: Callable[[str], Doc]) -> None:
    doc = parse('"We have no choice," the minister told reporters. Talks went on "for hours".')
    ctx = DocContext(doc, None, None)
    last = list(doc.sents)[-1]
    inside = {t.i for t in last if any(a <= t.idx < b for a, b in quote_spans(last))}
    assert quote_speaker(last, inside, ctx) is None


def test_a_line_break_closes_what_the_paragraph_left_open(parse: Callable[[str], Doc]) -> None:
    doc = parse('The envoy spoke. "The border is closed. It stays closed\n\nTrade resumed on Monday. Fees rose.')
    sents = list(doc.sents)
    assert [doc.text[a:b].strip() for a, b in quote_spans(sents[2])] == ["It stays closed"]  # open to its end
    after = [s for s in sents if s.text.startswith(("Trade", "Fees"))]
    assert after and all(quote_spans(s) == [] for s in after)  # the next paragraph starts outside


def test_curly_marks_open_and_close_across_sentences(parse: Callable[[str], Doc]) -> None:
    doc = parse("The mayor spoke. \u201cThe pier is safe. The ferries run.\u201d The council agreed. Work began.")
    sents = list(doc.sents)
    ferries = next(s for s in sents if s.text.startswith("The ferries"))
    assert [doc.text[a:b] for a, b in quote_spans(ferries)] == ["The ferries run."]
    assert all(quote_spans(s) == [] for s in sents if s.text.startswith(("The council", "Work")))
