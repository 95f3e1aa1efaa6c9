"""Interview transcripts: labelled turns, the interviewer's questions and who answers them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsgraph.core.model import Evidence, Person
from newsgraph.extract.quotes.attribution import extract_quotes
from newsgraph.extract.quotes.transcript import find_transcript

_INTERVIEW = (
    "Marta Quist, a candidate for mayor, spoke with our reporter. Quist runs on a plan to rebuild the harbour.\n\n"
    "((Reporter)) Why did you enter the race?\n\n"
    "((Marta Quist)) I love this city and I think it deserves better.\n\n"
    '((Reporter)) On your website you state "the harbour will be rebuilt within four years". How?\n\n'
    "((Marta Quist)) We will sell bonds. Our budget allows it.\n\n"
    "The election is held in May. Quist faces two rivals.\n"
)


def test_labels_questions_and_answers() -> None:
    transcript = find_transcript(_INTERVIEW)
    assert transcript is not None
    asks = [t.asks for t in transcript.turns]
    assert asks == [True, False, True, False]
    assert {t.answerer for t in transcript.turns if not t.asks} == {"Marta Quist"}
    assert transcript.interviewee_at(_INTERVIEW.index("On your website")) == "Marta Quist"
    assert transcript.turn_at(_INTERVIEW.index("The election")) is None


def test_unlabelled_answers_and_the_interviewee_from_the_introduction() -> None:
    text = (
        "Tomas Brod, who leads the farmers' union, answered questions by e-mail. Brod farms near Lund.\n\n"
        "Q: What do you want from the government?\n\n"
        "Fair prices. We cannot sell below cost for another year.\n\n"
        "Q: Will you strike?\n\n"
        "If we must, we will.\n"
    )
    brod = Person(name="Tomas Brod", mentions=[Evidence("d1", "", 0, 10), Evidence("d1", "", 72, 76)])
    transcript = find_transcript(text, [brod])
    assert transcript is not None
    assert [t.asks for t in transcript.turns] == [True, False, True, False]
    assert transcript.interviewee_at(text.index("Will you")) == "Tomas Brod"
    assert transcript.answerer_at(text.index("If we must")) == "Tomas Brod"


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday.\n\nUpdate: the meeting was moved to Tuesday.\n\nPhoto: City Hall at night.\n",
        "Note: the vote is final.\n\nThe mayor said she was pleased.\n",
    ],
)
def test_notes_and_captions_are_no_transcript(text: str) -> None:
    assert find_transcript(text) is None


def test_you_in_a_question_is_the_interviewee(parse: Callable[[str], Doc]) -> None:
    quotes = extract_quotes(parse(_INTERVIEW), "d1")
    assert [(q.text, q.speaker) for q in quotes] == [("the harbour will be rebuilt within four years", "Marta Quist")]


def test_i_in_an_answer_is_the_one_who_answers(parse: Callable[[str], Doc]) -> None:
    text = (
        "Marta Quist, a candidate for mayor, spoke with our reporter.\n\n"
        "((Reporter)) What did you promise?\n\n"
        '((Marta Quist)) I said "the harbour needs a new pier before anything else" at every debate.\n\n'
        "((Reporter)) And now?\n\n"
        "((Marta Quist)) We keep our word.\n"
    )
    assert [(q.speaker, q.cue) for q in extract_quotes(parse(text), "d1")] == [("Marta Quist", "say")]
