"""Loads the data files that carry newsgraph's linguistic knowledge.

Lexicons are tab-separated files under ``lexicon/data/``: a header line, then
one row per entry; lines starting with ``#`` are comments. Each extractor reads
its tables through :func:`read_table` so a missing or malformed file fails with
a message naming the file and line.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from newsgraph.core.errors import NewsgraphError


class LexiconError(NewsgraphError):
    code = "L001"
    reason = "lexicon"


@lru_cache(maxsize=64)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lexicon/data/<name>`` as dicts keyed by the header columns."""
    path = resources.files("newsgraph.lexicon") / "data" / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon file {name!r} is missing from the package; reinstall newsgraph") from exc
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{lineno}: {len(cells)} columns, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    if header is None:
        raise LexiconError(f"lexicon file {name!r} has no header line")
    return tuple(rows)
