"""Tests of the developer scripts under ``scripts/`` (the lexicon compiler)."""
