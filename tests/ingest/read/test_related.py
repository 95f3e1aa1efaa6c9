"""Related-story blocks of HTML pages (newsgraph.ingest.read.related) and the teaser documents they become."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.model import RawPage
from newsgraph.ingest.read import read_file
from newsgraph.ingest.read.related import MAX_BLOCK_SIBLINGS, Teaser, related_teasers
from newsgraph.ingest.segment import segment

PAGE_URL = "https://news.example/2024/03/05/quotas.html"


def test_the_links_under_each_block_heading_are_teasers_with_their_summary(fixtures: Path) -> None:
    html = (fixtures / "pages" / "related_block.html").read_text(encoding="utf-8")
    assert related_teasers(html, PAGE_URL) == [
        Teaser(
            "Harbour workers end week-long strike in Nordby",
            "https://news.example/2024/03/01/harbour-strike.html",
            "Dock workers returned to work after the port authority agreed to a pay rise.",
        ),
        Teaser("Scientists warn cod stocks at record low", "https://other.example/cod-stocks"),
        Teaser("Scientists warn cod stocks at record low", "https://other.example/cod-stocks"),
        Teaser("Council approves new bridge over the river Ness", "https://news.example/2024/02/27/bridge.html"),
    ]


def test_an_html_page_with_a_related_block_gives_a_main_document_plus_its_teasers(fixtures: Path) -> None:
    (page,) = list(read_file(fixtures / "pages" / "related_block.html", max_bytes=1_000_000))
    assert isinstance(page, RawPage)
    documents = segment(page).documents
    assert [(d.role, d.title, d.occurrences_in_page) for d in documents] == [
        ("main", "Ministers agree on new fishing quotas", 1),
        ("teaser", "Harbour workers end week-long strike in Nordby", 1),
        ("teaser", "Scientists warn cod stocks at record low", 2),
        ("teaser", "Council approves new bridge over the river Ness", 1),
    ]
    assert documents[1].body.startswith("Dock workers returned")
    assert "Harbour workers" not in documents[0].body


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><h2>Related articles</h2></body></html>",
        "<html><body><h2>Sport</h2><ul><li><a href='/a'>Home team wins the final match</a></li></ul></body></html>",
        "<html><body><h3>Read more</h3><ul><li><a href='/a'>More</a></li></ul></body></html>",
        "",
    ],
)
def test_no_block_or_no_headline_links_gives_no_teasers(html: str) -> None:
    assert related_teasers(html, PAGE_URL) == []


def test_a_heading_alone_in_its_wrapper_finds_the_list_after_the_wrapper() -> None:
    html = (
        "<html><body><div><div class='hd'><span>Editor's choice</span></div></div>"
        "<ul><li><a href='/x'>Parliament passes the budget bill</a></li></ul>"
        "<h2>Comments</h2><ul><li><a href='/y'>A reader comment that is long</a></li></ul></body></html>"
    )
    assert [t.title for t in related_teasers(html, PAGE_URL)] == ["Parliament passes the budget bill"]


def test_pathological_pages_stay_fast() -> None:
    import time

    deep = "<html><body>" + "<div>" * 400 + ("<p>" + "word " * 200 + "</p>") * 200 + "</div>" * 400 + "</body></html>"
    wide = "<html><body>" + ("<div><span>x</span><p>" + "word " * 50 + "</p></div>") * 5000 + "</body></html>"
    many = "<html><body>" + ("<h2>Related</h2>" + "<ul><li><a href='/x'>one two three</a></li></ul>" * 60) * 100
    started = time.perf_counter()
    assert related_teasers(deep, PAGE_URL) == [] and related_teasers(wide, PAGE_URL) == []
    assert len(related_teasers(many, PAGE_URL)) == 100 * MAX_BLOCK_SIBLINGS  # a block is cut after 50 items
    assert time.perf_counter() - started < 10  # about 0.5 s on the 2-core development machine
