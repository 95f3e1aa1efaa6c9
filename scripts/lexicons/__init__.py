"""Compilers from the open event-data dictionaries (``../shared/lexicons``) to newsgraph's data files.

Each compiler module exposes ``compile_files(ctx) -> dict[str, str]``: the compiled file names under
``src/newsgraph/lexicon/data/`` and their full text. ``scripts/compile_lexicons.py`` runs them all
and writes (or, with ``--check``, compares) the files. Shared helpers live in :mod:`lexicons.common`.
"""
