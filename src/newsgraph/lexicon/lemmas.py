"""Lemma corrections for the spaCy model: ``lemma_fixes.tsv`` maps a word form and its part of speech to
the lemma the model's lemmatizer should have given ("raped" VERB → "rape", not "rap").

Event patterns, stance cues and themes all match lemmas, so one wrong lemma hides a verb from all of
them; the parse pipeline applies these fixes once per document (``ingest/nlp.py``).
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.lexicon.loader import LexiconError, read_table

POS_TAGS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[tuple[str, str], str]:
    """(lower-case form, part of speech) → lemma."""
    out: dict[tuple[str, str], str] = {}
    for row in read_table("lemma_fixes.tsv"):
        form, pos, lemma = row["form"].lower(), row["pos"], row["lemma"]
        if pos not in POS_TAGS or not form or not lemma:
            raise LexiconError(f"lemma_fixes.tsv: {form!r}: pos must be one of {sorted(POS_TAGS)} and lemma given")
        out[(form, pos)] = lemma
    return out
