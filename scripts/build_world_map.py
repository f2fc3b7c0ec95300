"""Build the web map's country outlines from world-atlas's Natural Earth TopoJSON.

The web UI draws its map offline from `src/tidings/web/static/map/world.json`: one SVG
path per country in an equirectangular projection (x = longitude + 180, y = 90 - latitude,
so the view box is 360 by 180), keyed by ISO 3166-1 alpha-3. This script makes that file
from the npm package `world-atlas` (ISC licence; the data is Natural Earth, public domain):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_world_map.py /tmp/package/countries-110m.json

and copies the package's LICENSE beside the output.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import pycountry

OUTPUT = Path(__file__).resolve().parents[1] / "src/tidings/web/static/map"
Point = tuple[float, float]
ANTARCTICA = "010"  # below the part of the world the map draws


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute (longitude, latitude) points of each arc (TopoJSON arcs are delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arc indexes; a negative index ~i is arc i reversed."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[Point]) -> list[Point]:
    """Longitudes made continuous across the antimeridian (179 then -179 becomes 179, 181)."""
    result = points[:1]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        lon += 360 * round((previous - lon) / 360)
        result.append((lon, lat))
    return result


def svg_rings(points: list[Point]) -> str:
    """The ring, and its copy shifted by 360 degrees where it crosses the antimeridian, so
    that the map's view box clips each part to its side of the world."""
    ring = unwrap(points)
    lons = [lon for lon, _ in ring]
    shifts = [0] + [360] * (min(lons) < -180) + [-360] * (max(lons) > 180)
    return "".join(svg_ring([(lon + shift, lat) for lon, lat in ring]) for shift in shifts)


def svg_ring(points: list[Point]) -> str:
    """`M x y L ...Z` at 0.1 degree, repeated points dropped."""
    coords: list[str] = []
    for lon, lat in points:
        xy = f"{lon + 180:.1f} {90 - lat:.1f}"
        if not coords or coords[-1] != xy:
            coords.append(xy)
    return "M" + "L".join(coords) + "Z" if len(coords) > 2 else ""


def alpha3(numeric: str | None) -> str | None:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else None


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA:
            continue
        polygons = (geometry["arcs"] if geometry["type"] == "MultiPolygon"
                    else [geometry["arcs"]])
        path = "".join(svg_rings(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)
        shapes.append({"iso3": alpha3(geometry.get("id")), "name": geometry["properties"]["name"],
                       "d": path})
    return shapes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text())
    OUTPUT.mkdir(parents=True, exist_ok=True)
    world = {"source": "Natural Earth 1:110m admin-0 countries, via world-atlas 2.0.2",
             "view_box": [0, 0, 360, 180], "countries": countries(topology)}
    (OUTPUT / "world.json").write_text(json.dumps(world, separators=(",", ":")) + "\n")
    shutil.copy(args.topojson.parent / "LICENSE", OUTPUT / "LICENSE-world-atlas.txt")


if __name__ == "__main__":
    main()
