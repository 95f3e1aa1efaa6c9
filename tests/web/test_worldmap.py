"""The stance map's SVG: a path per country from the packaged Natural Earth shapes, coloured by position."""

from __future__ import annotations

import re

import pytest

from newsgraph.web.pages import country_label, position_class
from newsgraph.web.worldmap import choropleth, map_codes, world


def test_packaged_shapes_cover_the_world() -> None:
    w = world()
    codes = [c["iso3"] for c in w["countries"]]
    assert len(codes) == len(set(codes)) >= 170
    assert {"KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "UKR", "FRA", "NOR", "USA", "BRA"} <= map_codes()
    assert "ATA" not in codes and "-99" not in codes
    assert w["width"] == 800 and 300 < w["height"] < 450
    for c in w["countries"]:
        assert re.fullmatch(r"(M[-\d. ]+l[-\d. ]+z)+", c["d"]), c["iso3"]


@pytest.mark.parametrize(
    ("position", "css"),
    [("supports", "pos-supports"), ("no official statement", "pos-none"), ("welcomed it", "pos-other")],
)
def test_a_path_per_country_coloured_by_its_cell(position: str, css: str) -> None:
    cells = {"KAZ": {"position": position, "date": "2022-02-27"}}
    svg = str(choropleth(cells, issue="war <in> Ukraine", css_class=position_class, label=country_label))
    assert svg.count("<path ") == len(world()["countries"])
    kaz = re.search(r'<path class="([^"]+)" data-country="KAZ"[^>]*>', svg)
    assert kaz is not None and css in kaz.group(1).split() and "has-cell" in kaz.group(1).split()
    assert 'data-key="KAZ|war &lt;in&gt; Ukraine"' in svg
    assert "<title>Kazakhstan: " in svg and "(2022-02-27)" in svg
    fra = re.search(r'<path class="([^"]+)" data-country="FRA"', svg)
    assert fra is not None and fra.group(1) == "country pos-empty"
    assert "<in>" not in svg
