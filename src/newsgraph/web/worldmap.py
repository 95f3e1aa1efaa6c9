"""The world choropleth of the stance map: one inline SVG path per country, coloured by position.

Country outlines are Natural Earth's 1:110m admin-0 shapes (public domain), projected and
rounded by ``scripts/compile_world_map.py`` into ``data/world-110m.json`` (see ``data/NOTICE``).
Colours come from the same ``pos-*`` classes as the stance board (``static/app.css``); a
country without a cell is ``pos-empty`` ("nothing found"). Every label is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from newsgraph.core.errors import NewsgraphError

DATA = Path(__file__).resolve().parent / "data" / "world-110m.json"


class WorldMapMissing(NewsgraphError):
    """The compiled country shapes are not in the package."""

    code = "V001"
    reason = "world map missing"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is missing: reinstall newsgraph, or compile it with "
            "`python scripts/compile_world_map.py GEOPANDAS_WHEEL`"
        )


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """``{width, height, countries: [{iso3, name, d}]}``, read once."""
    if not DATA.exists():
        raise WorldMapMissing(DATA)
    return dict(json.loads(DATA.read_text(encoding="utf-8")))


def map_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes of the countries drawn on the map."""
    return frozenset(c["iso3"] for c in world()["countries"])


def choropleth(
    cells: Mapping[str, Mapping[str, Any]],
    *,
    issue: str,
    css_class: Callable[[str | None], str],
    label: Callable[[str], str],
) -> Markup:
    """The map of one issue: ``cells`` maps a country code to its cell (``position``, ``date``).

    Each path carries ``data-country`` and, where a cell exists, ``data-key`` (``COUNTRY|issue``,
    the key of the page's evidence data) and ``data-position``; its ``<title>`` names the
    country and its position.
    """
    w = world()
    title = f"Positions on {issue}"
    parts = [
        f'<svg class="worldmap" id="stance-map" viewBox="0 0 {w["width"]} {w["height"]}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
        '<defs><pattern id="hatch-none" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>',
    ]
    for c in w["countries"]:
        code = c["iso3"]
        cell = cells.get(code)
        name = label(code) if label(code) != code else c["name"]
        if cell is None:
            parts.append(
                f'<path class="country pos-empty" data-country="{code}" d="{c["d"]}">'
                f"<title>{escape(name)}: nothing found</title></path>"
            )
            continue
        position = str(cell["position"])
        when = f" ({cell['date']})" if cell.get("date") else ""
        parts.append(
            f'<path class="country has-cell {css_class(position)}" data-country="{code}" '
            f'data-key="{escape(code)}|{escape(issue)}" data-position="{escape(position)}" tabindex="0" '
            f'd="{c["d"]}"><title>{escape(name)}: {escape(position)}{escape(when)}</title></path>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


__all__ = ["WorldMapMissing", "choropleth", "map_codes", "world"]
