"""Pathological pages, generated (never stored): the cases of issue 12 that hung or blew up newsgraph."""

from __future__ import annotations


def quote_page(marks: int = 100_000) -> str:
    """About 1.5 bytes per quote mark: ``"" "" ...`` (the 150 kB page with 100,000 marks)."""
    return "Quote marks everywhere\n\n" + '"" ' * (marks // 2) + "\n"


def speech_sentence(quotes: int) -> str:
    """One sentence of ``quotes`` attributed quotations: every mark is indexed for its speaker."""
    return "Talks in Astana\n\n" + 'The minister said "we agree" and ' * quotes + "left.\n"


def long_sentence(size: int = 205_000) -> str:
    """One run-on sentence of ``size`` bytes naming people, countries, places and figures."""
    clause = (
        "President Vladimir Putin of Russia met Kazakh officials in Astana on Monday, "
        "the ministry said, and 40 percent of voters in Ukraine backed the plan, "
    )
    body = (clause * (size // len(clause) + 1))[:size].rsplit(" ", 1)[0]
    return "One long sentence\n\n" + body + ".\n"
