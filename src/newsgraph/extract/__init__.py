"""Extractors: pure functions over a parsed spaCy ``Doc``, each returning facts with evidence."""
