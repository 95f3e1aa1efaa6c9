from __future__ import annotations

import pytest

from newsgraph.core.errors import ModelMissing
from newsgraph.ingest.nlp import load_nlp, parse, parse_one


@pytest.mark.parametrize(
    "text",
    ["Ministers meet in the capital\n\nImage removed.\n\nThe talks began on Monday. They ended late."],
)
def test_line_breaks_start_sentences_and_offsets_match_the_body(text: str) -> None:
    doc = parse_one(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[:2] == ["Ministers meet in the capital", "Image removed."]
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


@pytest.mark.parametrize("texts", [["One short text.", "Another one, about a vote in parliament."]])
def test_parse_batches_in_order(texts: list[str]) -> None:
    assert [d.text for d in parse(texts, batch_size=1)] == texts


@pytest.mark.parametrize("name", ["no_such_model_xyz"])
def test_missing_model_says_how_to_install(name: str) -> None:
    with pytest.raises(ModelMissing) as info:
        load_nlp(name)
    assert "pip install" in str(info.value)


def test_the_paragraph_component_runs_before_the_parser() -> None:
    names = load_nlp().pipe_names
    assert names.index("newsgraph_paragraphs") < names.index("parser")
