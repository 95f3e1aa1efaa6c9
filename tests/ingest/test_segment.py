from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.core.errors import NoText, SegmentError
from newsgraph.core.model import RawPage
from newsgraph.ingest.read import iter_pages
from newsgraph.ingest.segment import segment, split_caption, split_sources

ROOT = Path(__file__).resolve().parents[2]


def seg_file(path: Path, published: str | None = None):
    [page] = list(iter_pages([path], max_bytes=10**8, published=published))
    assert isinstance(page, RawPage)
    return segment(page)


def test_seed_matches_gold_segmentation(seed_path: Path, seed_gold_path: Path) -> None:
    gold = json.loads(seed_gold_path.read_text())["segmentation"]
    seg = seg_file(seed_path, "2022-02-27")
    assert len(seg.documents) == gold["documents"]
    main, teasers = seg.main, seg.teasers
    g = gold["main"]
    assert main.role == "main"
    assert main.title == g["title"]
    assert main.body.startswith(g["body_starts_with"])
    assert main.body.endswith(g["body_ends_with"])
    for banned in g["must_not_contain"]:
        assert banned not in main.body
    assert main.sources == g["sources"]
    assert main.picture_caption == g["picture_caption"]
    assert main.picture_credit == g["picture_credit"]
    assert main.published == "2022-02-27"
    assert len(teasers) == len(gold["teasers"])
    for doc, gt in zip(teasers, gold["teasers"], strict=True):
        assert doc.role == "teaser"
        assert doc.title == gt["title"]
        assert doc.section == gt["section"]
        assert doc.occurrences_in_page == gt["occurrences_in_page"]
        assert doc.body.startswith(gt["body_starts_with"])
        for banned in gt.get("body_must_not_contain", []):
            assert banned not in doc.body
        assert doc.published is None


@pytest.mark.parametrize("name", ["brics_summit.txt"])
def test_example_page(name: str) -> None:
    seg = seg_file(ROOT / "examples" / "pages" / name)
    assert seg.main.title.startswith("BRICS leaders invite six countries")
    assert seg.main.sources == ["Reuters", "Al Jazeera", "BBC News"]
    assert seg.main.picture_credit == "GCIS"
    assert [(t.title, t.occurrences_in_page, t.section) for t in seg.teasers] == [
        ("Finland becomes the 31st member of NATO", 2, "World"),
        ("Soldiers detain Niger's president and announce a takeover", 1, "World"),
    ]
    assert "Click the image" not in seg.teasers[0].body


@pytest.mark.parametrize("name", ["no_teasers.txt"])
def test_page_without_teasers(fixtures: Path, name: str) -> None:
    seg = seg_file(fixtures / "pages" / name)
    assert len(seg.documents) == 1
    assert seg.main.title == "Harbour workers strike over pay in coastal city"
    assert seg.main.sources == ["Coastal Times", "Harbour Radio"]
    assert (seg.main.picture_caption, seg.main.picture_credit) == ("Workers outside the port gate", "Coastal Times")
    assert seg.main.body.count("\n\n") == 1


@pytest.mark.parametrize("name", ["teasers_first.txt"])
def test_teaser_block_first_main_article_after(fixtures: Path, name: str) -> None:
    seg = seg_file(fixtures / "pages" / name)
    assert seg.main.title == "Parliament passes budget after late-night session"
    assert seg.main.body.startswith("Lawmakers passed")
    assert [t.title for t in seg.teasers] == ["Council approves new tram line"]
    assert seg.teasers[0].section == "NEWS"


@pytest.mark.parametrize("name", ["headings_caps.txt"])
def test_headings_in_other_capitalisation(fixtures: Path, name: str) -> None:
    seg = seg_file(fixtures / "pages" / name)
    assert seg.main.title.startswith("Floods force thousands")
    assert "RELATED" not in seg.main.body and "EDITOR" not in seg.main.body
    [teaser] = seg.teasers
    assert teaser.occurrences_in_page == 2 and teaser.section == "news"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("A with B (City), C (Town), and D (X)", ["A", "B", "C", "D"]),
        ("Reuters; AP", ["Reuters", "AP"]),
        ("Agency One & Agency Two", ["Agency One", "Agency Two"]),
    ],
)
def test_split_sources(line: str, expected: list[str]) -> None:
    assert split_sources(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The minister at the podium (Ministry press office)", ("The minister at the podium", "Ministry press office")),
        ("A crowd in the square © Jane Doe", ("A crowd in the square", "Jane Doe")),
        ("No credit here", ("No credit here", None)),
    ],
)
def test_split_caption(line: str, expected: tuple) -> None:
    assert split_caption(line) == expected


@pytest.mark.parametrize("text", ["Image removed.\n\nEditor's choice\n\n"])
def test_page_with_no_article_text_is_an_error(text: str) -> None:
    with pytest.raises(SegmentError):
        segment(RawPage(source="x", kind="text", text=text))


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "TEST PAGE:Self-publish yesterday",
            "Monday, March 15, 2021\n\n\nThis is a test page with some words in it to pass.",
        ),
        ("Real title", "Monday, March 15, 2021\xa0\n\n\n"),
    ],
)
def test_stub_records_are_explained(title: str, text: str) -> None:
    with pytest.raises(NoText) as info:
        segment(RawPage(source="r", kind="record", text=text, title=title))
    assert "stub" in info.value.message or "words" in info.value.message


@pytest.mark.parametrize("dateline", ["Friday, January 4, 2019 ", "4 January 2019", "2019-01-04"])
def test_record_dateline_is_removed(dateline: str) -> None:
    body = "The council met on Friday and agreed to build a new bridge over the river after years of debate."
    seg = segment(RawPage(source="r", kind="record", text=f"{dateline}\n\n\n{body}", title="Bridge approved"))
    assert seg.main.body == body


@pytest.mark.parametrize("text", ["Same title\n\nSame body paragraph, long enough to be a real article body text.\n"])
def test_ids_are_stable_and_content_based(text: str) -> None:
    a = segment(RawPage(source="a", kind="text", text=text))
    b = segment(RawPage(source="b", kind="text", text=text.replace("\n\n", "\n\n\n")))
    assert a.main.id == b.main.id


@pytest.mark.parametrize(
    "dateline", ["TUNIS, Tunisia, Monday, Nov. 9, 2026 (Wire) —", "Sfax, March 3 (AFP) -", "TUNIS –"]
)
def test_dateline_on_its_own_line_opens_the_body(dateline: str) -> None:
    body = "Police detained two men after a fire at a market in the old town, officials said on Monday."
    text = f"Two held after market fire\n\n{dateline}\n\n{body}\n\nThe market reopened later in the day.\n"
    main = segment(RawPage(source="t", kind="text", text=text)).main
    assert main.title == "Two held after market fire"
    assert main.body.startswith(f"{dateline} {body}")
