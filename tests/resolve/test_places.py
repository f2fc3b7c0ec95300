import pytest

from tidings.resolve import load_gazetteer
from tidings.resolve.places import Gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(("name", "resolved", "country", "admin1", "feature", "precision"), [
    ("Beijing", "Beijing", "CHN", "CN.22", "P", "city"),
    ("Kharkiv", "Kharkiv", "UKR", "UA.07", "P", "city"),
    ("Kiev", "Kyiv", "UKR", "UA.12", "P", "city"),          # another name of the same city
    ("the United States", "United States", "USA", None, "A", "country"),
    ("Georgia", "Georgia", "GEO", None, "A", "country"),   # the country before the state
    ("Texas", "Texas", "USA", "US.TX", "A", "admin1"),
    ("Washington", "Washington", "USA", "US.DC", "P", "city"),
    ("Paris", "Paris", "FRA", "FR.11", "P", "city"),        # the largest of its name
])
def test_places_resolved_offline(gazetteer, name, resolved, country, admin1, feature, precision):
    place = gazetteer.resolve(name)
    assert (place.name, place.country, place.admin1, place.feature_class, place.precision) == (
        resolved, country, admin1, feature, precision)


def test_places_cities_have_coordinates_and_countries_do_not(gazetteer):
    kharkiv = gazetteer.resolve("Kharkiv")
    assert kharkiv.latitude == pytest.approx(49.98, abs=0.01)
    assert kharkiv.longitude == pytest.approx(36.25, abs=0.01)
    china = gazetteer.resolve("China")
    assert (china.latitude, china.longitude, china.geonameid) == (None, None, 1814991)


def test_places_country_from_the_text_picks_among_same_names():
    gazetteer = Gazetteer.from_geonames(
        countries=[{"iso": "US", "iso3": "USA", "name": "United States", "geonameid": 1},
                   {"iso": "CA", "iso3": "CAN", "name": "Canada", "geonameid": 2}],
        cities=[_city("London", "CA", 400_000, 10), _city("London", "US", 30_000, 11),
                _city("Londinium", "CA", 10, 12, ["London", "Old London"])],
        us_states=[])
    assert gazetteer.resolve("London").geonameid == 10
    assert gazetteer.resolve("London", country="USA").geonameid == 11
    assert gazetteer.resolve("Old London").geonameid == 12  # only another name of it


def test_places_unknown_place_keeps_its_name_with_nulls(gazetteer):
    place = gazetteer.resolve("  Donbas ", origin="dateline")
    assert place.name == "Donbas" and place.origin == "dateline"
    assert (place.country, place.latitude, place.longitude, place.precision,
            place.feature_class, place.admin1) == (None,) * 6


def test_places_country_codes(gazetteer):
    assert gazetteer.country_code("Ukraine") == "UKR" and gazetteer.country_code("Atlantis") is None
    assert gazetteer.country("KOR").name == "South Korea" and gazetteer.country("XXX") is None


def _city(name, iso2, population, geonameid, others=()):
    return {"name": name, "countrycode": iso2, "admin1code": "01", "latitude": 1.0,
            "longitude": 2.0, "population": population, "geonameid": geonameid,
            "alternatenames": list(others)}
