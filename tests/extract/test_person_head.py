"""Whether a noun phrase's head names a person."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extract.person_head import is_title, person_head


def _tok(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        ("A spokesperson, Morgan Ortagus, said it.", "spokesperson", True),
        ("The ministry said it.", "ministry", False),
    ],
)
def test_person_head(parse, text: str, word: str, person: bool) -> None:
    assert person_head(_tok(parse(text), word)) is person


def test_a_country_tagged_as_a_person_is_no_person(parse) -> None:
    doc = parse("Seoul condemned the launch. Kenya said it would impose sanctions on Uganda.")
    kenya = _tok(doc, "Kenya")
    assert kenya.ent_type_ == "PERSON" and not person_head(kenya)  # so "it" is Kenya, the one who said it


def test_answered_once_per_document(parse) -> None:
    quill = _tok(parse("Chancellor Mara Quill was questioned by Ruritanian police in Port Elsen."), "Quill")
    assert person_head(quill) is person_head(quill) is person_head.__wrapped__(quill) is True


@pytest.mark.parametrize(
    ("text", "word", "title"),
    [("The minister spoke.", "minister", True), ("The government spoke.", "government", False)],
)
def test_is_title(parse, text: str, word: str, title: bool) -> None:
    assert is_title(_tok(parse(text), word)) is title
