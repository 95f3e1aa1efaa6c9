"""Compile Natural Earth's 110m country shapes into the stance map's SVG paths.

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    python scripts/compile_world_map.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The source is ``naturalearth_lowres`` (Natural Earth 1:110m admin-0 countries, public domain),
the copy shipped inside geopandas 0.14's wheel on PyPI. The shapefile and its dBASE table are
read here with ``struct`` (polygons and two text fields only: no GIS library needed); rings are
projected with the Natural Earth projection (Šavrič, Jenny, Patterson & Hurni 2011), rounded to
0.1 unit of an 800-unit-wide map and written as one SVG path per country into
``src/newsgraph/web/data/world-110m.json``, with its ``NOTICE``. Antarctica is left out (no
government of it takes positions; it would take a fifth of the map's height). The output is
deterministic: two runs give byte-identical files.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsgraph" / "web" / "data"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
WIDTH = 800.0
SKIP = {"ATA"}
NOTICE = """world-110m.json: country outlines from Natural Earth, 1:110m Cultural Vectors, Admin 0 -
Countries (naturalearthdata.com), public domain ("No permission is needed to use Natural Earth").
Read from the copy geopandas 0.14.4 ships (geopandas/datasets/naturalearth_lowres, with its
ISO_A3 fixes for France, Norway and Kosovo and Crimea drawn with Ukraine), projected with the
Natural Earth projection and rounded by scripts/compile_world_map.py. Antarctica left out.
"""


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection of a point in degrees (unit sphere)."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * p2 * (0.003971 - 0.001529 * p2)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """Records of a dBASE III table as text (fields stripped)."""
    count, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        at, row = 1, {}
        for name, size in fields:
            row[name] = rec[at : at + size].decode("utf-8", "replace").strip()
            at += size
        rows.append(row)
    return rows


def read_polygons(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record of a polygon shapefile as a list of rings of (lon, lat)."""
    shapes = []
    pos = 100
    while pos < len(data):
        _, length = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type != 5:
            raise SystemExit(f"shape type {shape_type} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = [*struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]), n_points]
        start = 44 + 4 * n_parts
        points = [struct.unpack("<dd", body[start + 16 * i : start + 16 * i + 16]) for i in range(n_points)]
        shapes.append([points[parts[j] : parts[j + 1]] for j in range(n_parts)])
    return shapes


def path_data(rings: list[list[tuple[float, float]]], scale: float, x0: float, y0: float) -> str:
    """One SVG path (absolute moves, relative lines) of projected rings, repeated points dropped."""
    out = []
    for ring in rings:
        pts: list[tuple[int, int]] = []
        for lon, lat in ring:
            x, y = natural_earth(lon, lat)
            p = (round((x - x0) * scale * 10), round((y0 - y) * scale * 10))
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) < 3:
            continue
        cmd = [f"M{pts[0][0] / 10:g} {pts[0][1] / 10:g}l"]
        steps = [f"{(b[0] - a[0]) / 10:g} {(b[1] - a[1]) / 10:g}" for a, b in itertools.pairwise(pts)]
        out.append(cmd[0] + " ".join(steps) + "z")
    return "".join(out).replace(" -", "-")


def compile_map(wheel: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel) as z:
        shp = z.read(MEMBER + ".shp")
        dbf = z.read(MEMBER + ".dbf")
    rows, shapes = read_dbf(dbf), read_polygons(shp)
    kept = [(r, s) for r, s in zip(rows, shapes, strict=True) if r["iso_a3"] not in SKIP and r["iso_a3"] != "-99"]
    xs, ys = [], []
    for _, rings in kept:
        for ring in rings:
            for lon, lat in ring:
                x, y = natural_earth(lon, lat)
                xs.append(x)
                ys.append(y)
    x0, y1 = min(xs), max(ys)
    scale = WIDTH / (max(xs) - x0)
    height = math.ceil((y1 - min(ys)) * scale)
    countries = [
        {"iso3": r["iso_a3"], "name": r["name"], "d": path_data(rings, scale, x0, y1)}
        for r, rings in sorted(kept, key=lambda item: item[0]["iso_a3"])
    ]
    return {"width": int(WIDTH), "height": height, "source": "Natural Earth 1:110m admin-0", "countries": countries}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="geopandas-0.14.4-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = compile_map(args.wheel)
    args.out.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    json.dump(data, buf, ensure_ascii=False, separators=(",", ":"))
    (args.out / "world-110m.json").write_text(buf.getvalue() + "\n", encoding="utf-8")
    (args.out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    print(f"{len(data['countries'])} countries, {len(buf.getvalue())} bytes → {args.out / 'world-110m.json'}")


if __name__ == "__main__":
    main()
