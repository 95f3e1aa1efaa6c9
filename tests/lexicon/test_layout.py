from __future__ import annotations

import pytest

from newsgraph.lexicon.layout import is_heading, is_section, layout


@pytest.mark.parametrize("line", ["Related articles", "RELATED ARTICLES", "Editor’s choice", "Popular:", "most read"])
def test_headings_in_any_capitalisation(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize("line", ["News", "news", "World"])
def test_sections(line: str) -> None:
    assert is_section(line)


@pytest.mark.parametrize(
    ("line", "boiler"),
    [("Image removed.", True), ("(Click the image to read more).", True), ("The image was removed.", False)],
)
def test_boilerplate_lines(line: str, boiler: bool) -> None:
    assert bool(layout().boilerplate_line.match(line)) is boiler


@pytest.mark.parametrize(("line", "rest"), [("Sources: A, B", "A, B"), ("Picture: X (Y)", None)])
def test_sources_line(line: str, rest: str | None) -> None:
    m = layout().sources_line.match(line)
    assert (m.group("rest") if m else None) == rest
