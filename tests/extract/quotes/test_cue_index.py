"""The cue index: speech cues of a document and the subject that speaks for each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.extract.quotes.cue_index import QuoteIndex
from newsgraph.extract.quotes.spans import find_quote_spans
from newsgraph.extract.quotes.speakers import SpeakerResolver


def _index(doc: Doc) -> QuoteIndex:
    return QuoteIndex(doc, find_quote_spans(doc.text), SpeakerResolver(doc))


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Eva Lind left early, adding that the talks had failed.", "adding", "Eva Lind"),
        ("The daily quoted Tom Reich as saying the deal was off.", "saying", "Tom Reich"),
        ("Ola Berg stated the trial would not be fair, saying nobody listened.", "saying", "Ola Berg"),
    ],
)
def test_cue_speakers(parse: Callable[[str], Doc], text: str, cue: str, speaker: str) -> None:
    index = _index(parse(text))
    hits = [h for h in index.cues.values() if h.token.text == cue]
    assert hits and hits[0].speaker is not None and hits[0].speaker.name == speaker


def test_words_inside_quote_marks_are_no_cues(parse: Callable[[str], Doc]) -> None:
    index = _index(parse('Ann Moe said "they told us nothing" after the meeting.'))
    assert [h.token.text for h in index.cues.values()] == ["said"]


def test_object_of_a_control_verb_speaks(parse: Callable[[str], Doc]) -> None:
    index = _index(parse("The outcry led Mayor Rita Holm to say she was sorry."))
    hits = [h for h in index.cues.values() if h.token.text == "say"]
    assert hits and hits[0].speaker is not None and hits[0].speaker.name == "Rita Holm"


def test_according_to_an_outlet_on_a_speech_verb_is_the_verbs_speaker(parse: Callable[[str], Doc]) -> None:
    index = _index(parse("According to the Daily Post, Mayor Lisa Kern said the bridge would close."))
    hits = [h for h in index.cues.values() if h.token.lower_ == "according"]
    assert hits and hits[0].speaker is not None and hits[0].speaker.name == "Lisa Kern"
