"""newsgraph's linguistic knowledge: data files under ``data/`` and one loader module per table.

Hand-written tables (titles, sectors, verb and noun patterns, cues, countries, themes, ...) and tables
compiled from the open event-data dictionaries by ``scripts/compile_lexicons.py`` (``cameo_verbs.tsv``,
``agents.tsv``, ``office_holders.tsv``, ``actor_codes.tsv``; licences in ``data/NOTICE``). Every table
is validated when first read; an error names the file and the row.
"""
