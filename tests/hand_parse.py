"""Docs parsed by hand, for tests that reproduce the parser's own mistakes exactly."""

from __future__ import annotations

from spacy.tokens import Doc


def hand_parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    tags: list[str],
    pos: list[str],
    lemmas: list[str] | None = None,
) -> Doc:
    """A Doc with the given heads, labels, tags, parts of speech and (optionally) lemmas."""
    from newsgraph.ingest.nlp import load_nlp

    return Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
