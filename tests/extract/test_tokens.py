"""Token records: what the extractors scan instead of the spaCy tokens, equal to them and built once."""

from __future__ import annotations

import pytest

from newsgraph.extract.tokens import Tok, doc_memo, doc_text, sentence_bounds, token_records

TEXT = (
    "The harbour board met on Monday in Port Elsen.\n\n"
    'Its chair, Mara Quill, said the new pier would cost $4.5 million. "We start in May," she added.'
)


@pytest.mark.parametrize("text", [TEXT])
def test_records_copy_the_tokens(nlp, text: str) -> None:
    doc = nlp(text)
    toks = token_records(doc)
    assert len(toks) == len(doc)
    for rec, tok in zip(toks, doc, strict=True):
        for name in Tok.__slots__:
            expected = getattr(tok, name)
            if name == "is_sent_start":
                expected = bool(expected)
            if name == "ent_type_" and tok.ent_iob not in (1, 3):
                expected = ""
            assert getattr(rec, name) == expected, (tok.i, name)
        assert rec.end_char == tok.idx + len(tok.text)


@pytest.mark.parametrize("text", [TEXT, ""])
def test_text_and_sentences_match_the_doc(nlp, text: str) -> None:
    doc = nlp(text)
    assert doc_text(doc) == doc.text
    bounds = sentence_bounds(doc)
    assert bounds == [(t.sent.start, t.sent.end) for t in doc]


def test_built_once_per_doc(nlp) -> None:
    doc = nlp(TEXT)
    assert token_records(doc) is token_records(doc)
    assert doc_text(doc) is doc_text(doc)
    assert sentence_bounds(doc) is sentence_bounds(doc)


def test_doc_memo_one_per_owners(nlp) -> None:
    doc = nlp(TEXT)
    owner = object()
    memo = doc_memo(doc, "test.memo", owner, "2026-03-01")
    memo[1] = "answer"
    assert doc_memo(doc, "test.memo", owner, "2026-03-01") is memo
    assert doc_memo(doc, "test.memo", object(), "2026-03-01") == {}  # another owner: a memo of its own
    assert doc_memo(doc, "test.memo", owner, None) == {}
    assert doc_memo(doc, "test.other", owner, "2026-03-01") == {}


def test_records_read_through_the_word_caches_copy_the_tokens(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The strings of words and tags are read once per vocabulary: a second document's records (the same
    words, other tags) and those built after the caches were emptied (past their bound) are the tokens' too."""
    from newsgraph.extract import tokens

    texts = [TEXT, "Mara Quill met the board. The board met Mara Quill in May; its chair said they would start."]
    monkeypatch.setattr(tokens, "_WORDS_MAX", 40)
    for text in texts + texts:
        doc = nlp(text)
        for rec, tok in zip(token_records(doc), doc, strict=True):
            assert (rec.text, rec.lower_, rec.pos_, rec.tag_, rec.dep_, rec.lemma_) == (
                tok.text,
                tok.lower_,
                tok.pos_,
                tok.tag_,
                tok.dep_,
                tok.lemma_,
            )
            assert (rec.is_space, rec.is_punct, rec.is_lower, rec.like_num) == (
                tok.is_space,
                tok.is_punct,
                tok.is_lower,
                tok.like_num,
            )
    assert len(tokens._words.lexical) + len(tokens._words.tagged) <= 40 + 2 * len(nlp(texts[1]))
