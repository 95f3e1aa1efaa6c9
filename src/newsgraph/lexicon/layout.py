"""Accessors for ``page_layout.tsv``: block headings, boilerplate, section labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.lexicon.loader import read_table


@dataclass(frozen=True, slots=True)
class Layout:
    headings: frozenset[str]
    sections: frozenset[str]
    boilerplate_line: re.Pattern[str]
    boilerplate_tail: re.Pattern[str]
    sources_line: re.Pattern[str]
    picture_line: re.Pattern[str]
    stub_titles: tuple[str, ...]
    dateline: re.Pattern[str]


def _key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold().rstrip(":")


@lru_cache(maxsize=1)
def layout() -> Layout:
    by_kind: dict[str, list[str]] = {}
    for row in read_table("page_layout.tsv"):
        by_kind.setdefault(row["kind"], []).append(row["pattern"])
    boiler = "|".join(f"(?:{p})" for p in by_kind.get("boilerplate", []))
    prefixes = lambda kind: "|".join(re.escape(p) for p in by_kind.get(kind, []))  # noqa: E731
    datelines = "|".join(f"(?:{p})" for p in by_kind.get("dateline", []))
    return Layout(
        headings=frozenset(_key(h) for h in by_kind.get("heading", [])),
        sections=frozenset(_key(s) for s in by_kind.get("section", [])),
        boilerplate_line=re.compile(rf"^\s*(?:{boiler})\s*$", re.IGNORECASE),
        boilerplate_tail=re.compile(rf"\s*(?:{boiler})\s*$", re.IGNORECASE),
        sources_line=re.compile(rf"^\s*(?:{prefixes('sources')})\s*:\s*(?P<rest>.*)$", re.IGNORECASE),
        picture_line=re.compile(rf"^\s*(?:{prefixes('picture')})\s*:\s*(?P<rest>.*)$", re.IGNORECASE),
        stub_titles=tuple(p.casefold() for p in by_kind.get("stub_title", [])),
        dateline=re.compile(rf"^\s*(?:{datelines})\s*$", re.IGNORECASE),
    )


def is_heading(line: str) -> bool:
    return _key(line) in layout().headings


def is_section(line: str) -> bool:
    return _key(line) in layout().sections
