"""The world map: Natural Earth country outlines shipped in the package, events drawn on them.

Equirectangular: x = longitude + 180, y = 90 - latitude, so the outline file's paths and
the event points share one 360 by 180 coordinate system (scripts/build_world_map.py).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

# The part of the world drawn: from the Arctic coasts down to Cape Horn (no Antarctica).
VIEW_BOX = (0, 6, 360, 144)


@dataclass(frozen=True)
class CountryShape:
    iso3: str | None
    name: str
    path: str


@dataclass(frozen=True)
class ShadedCountry:
    shape: CountryShape
    events: int
    opacity: float
    href: str | None


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str
    href: str
    quad_class: int


def load_world() -> list[CountryShape]:
    """The country outlines bundled with the package."""
    data = json.loads(files("tidings.web").joinpath("static/map/world.json").read_text("utf-8"))
    return [CountryShape(c["iso3"], c["name"], c["d"]) for c in data["countries"]]


def shade(world: Sequence[CountryShape], events_by_country: Mapping[str, int],
          link: Callable[[str], str]) -> list[ShadedCountry]:
    """Countries shaded by their number of events (square root, so small counts still show)."""
    peak = max(events_by_country.values(), default=0)
    shaded = []
    for shape in world:
        n = events_by_country.get(shape.iso3, 0) if shape.iso3 else 0
        opacity = round(0.15 + 0.85 * math.sqrt(n / peak), 2) if n else 0.0
        shaded.append(ShadedCountry(shape, n, opacity, link(shape.iso3) if n and shape.iso3 else None))
    return shaded


def points(events: Sequence[dict[str, Any]], link: Callable[[dict[str, Any]], str]) -> list[Point]:
    """One point per located event; the title says what happened where."""
    result = []
    for event in events:
        place = event["location"]
        title = f"{event['date'] or 'undated'} {event['event_type']} in {place['name']}"
        result.append(Point(round(place["longitude"] + 180, 2), round(90 - place["latitude"], 2),
                            title, link(event), event["quad_class"]))
    return result
