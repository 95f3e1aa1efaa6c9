"""Mentions of persons (with role and country), organizations, places and countries in one document.

``index`` builds the token indexes every mention extractor reads; ``persons``, ``roles`` and
``not_persons`` find people and their offices; ``organizations/`` finds bodies and their countries;
``places`` finds places and countries mentioned; ``collect`` merges them per document and per page.
"""
