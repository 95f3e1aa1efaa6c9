"""HTML pages (newsgraph.ingest.read.html): one parse, one extraction, the metadata the page declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.core.errors import NoText
from newsgraph.ingest.read.html import MAX_DEPTH, comparison_cannot_win, main_text, page_metadata, parse_tree, read_html
from newsgraph.ingest.read.related import related_teasers

BODY = (
    "<p>The regional water board voted on Thursday to raise the reservoir wall by two metres before the "
    "spring floods, after three villages downstream asked for better protection.</p>"
    "<p>Work starts in April, the board's chairwoman said, and the cost is shared with the province.</p>"
)


def page(head: str = "", body: str = BODY) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body><article>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "title", "url", "date"),
    [
        (
            "<title>Board raises reservoir wall | Valley Post</title><meta property='og:title' content='Board "
            "raises reservoir wall'><link rel='canonical' href='https://valley.example/wall'>"
            "<meta property='article:published_time' content='2023-11-09T08:00:00Z'>",
            "Board raises reservoir wall",
            "https://valley.example/wall",
            "2023-11-09",
        ),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Reservoir wall to rise", "datePublished": "2022-05-17"}</script>',
            "Reservoir wall to rise",
            None,
            "2022-05-17",
        ),
    ],
)
def test_metadata_come_from_meta_tags_and_json_ld(head: str, title: str, url: str | None, date: str) -> None:
    data = page_metadata(parse_tree(page(head)), None)
    assert (data["title"], data["url"], data["date"]) == (title, url, date)


@pytest.mark.parametrize("dateline", ["Thursday, November 9, 2023"])
def test_a_page_without_a_date_tag_takes_the_date_its_text_prints(dateline: str) -> None:
    raw = read_html(page("<title>Reservoir wall</title>", f"<p>{dateline}</p>{BODY}"), source="wall.html")
    assert raw.published == "2023-11-09" and raw.title == "Reservoir wall"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("https://valley.example/given", "https://valley.example/given"), (None, "https://valley.example/wall")],
)
def test_the_url_given_wins_over_the_canonical_link(given: str | None, expected: str) -> None:
    raw = read_html(page("<link rel='canonical' href='https://valley.example/wall'>"), source="w.html", url=given)
    assert raw.url == expected and raw.meta["hostname"] == "valley.example"


@pytest.mark.parametrize(("depth", "warned"), [(MAX_DEPTH - 10, False), (MAX_DEPTH + 10, True)])
def test_only_a_tree_deeper_than_the_limit_is_flattened(depth: int, warned: bool) -> None:
    html = "<html><body>" + "<div>" * depth + BODY + "</div>" * depth + "</body></html>"
    raw = read_html(html, source="deep.html")
    assert "reservoir wall" in raw.text and ("warnings" in raw.meta) is warned


@pytest.mark.parametrize("name", ["related_block.html"])
def test_teasers_read_from_the_parsed_tree_equal_those_read_from_the_markup(fixtures: Path, name: str) -> None:
    html = (fixtures / "pages" / name).read_text(encoding="utf-8")
    tree = parse_tree(html)
    assert related_teasers(tree, "https://news.example/") == related_teasers(html, "https://news.example/") != []


@pytest.mark.parametrize("body", ["<p>Menu</p>", ""])
def test_a_page_without_article_text_is_no_text(body: str) -> None:
    with pytest.raises(NoText):
        read_html(page("<title>Nothing here</title>", body), source="empty.html")


LONG_BODY = BODY + (
    "<p>Engineers from the province will inspect the old wall in March and report on the state of its "
    "foundations, which were last examined when the reservoir was built half a century ago.</p>"
    "<p>Residents of the three villages will be asked to a meeting in the school hall before the work starts, "
    "the board said, and a telephone line will answer questions about road closures.</p>"
)
NAV = "<nav><ul>" + "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in ("home", "region", "weather")) + "</ul></nav>"
SIDEBAR = (
    "<div class='sidebar'>"
    + "<p>Also on the site: the week's weather, the ferry timetable and more.</p>" * 12
    + "</div>"
)


SHORT_BODY = BODY.split("</p>")[0] + "</p>"


@pytest.mark.parametrize(
    ("body", "shortcut"),
    [
        # the usual article page: the fast extraction is the full one
        (NAV + f"<article>{LONG_BODY}</article>", True),
        # under trafilatura's minimum size (jusText may be tried), with a teaser block, under half the page's text
        (NAV + f"<article>{SHORT_BODY}</article>", False),
        (NAV + f"<article>{LONG_BODY}</article><div class='teaser'><p>Next week: bridges.</p></div>", False),
        (NAV + f"<article>{LONG_BODY}</article>{SIDEBAR}", False),
    ],
)
def test_the_text_is_trafilaturas_full_extraction_whichever_path_gives_it(body: str, shortcut: bool) -> None:
    import trafilatura

    html = f"<!DOCTYPE html><html><head><title>Reservoir wall</title></head><body>{body}</body></html>"
    options = {"url": None, "include_comments": False, "include_tables": False, "favor_precision": True}
    full = trafilatura.bare_extraction(parse_tree(html), **options)
    fast = trafilatura.bare_extraction(parse_tree(html), fast=True, **options)
    assert comparison_cannot_win(fast, parse_tree(html), html) is shortcut
    assert main_text(parse_tree(html), html, None).text == full.text
