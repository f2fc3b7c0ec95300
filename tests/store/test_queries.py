from datetime import date

import pytest

from tests.store.factory import corpus
from tidings.store import EventFilter, Store, StoreError
from tidings.store.queries import (
    actor_summary,
    database_summary,
    dyad_timeline,
    event_locations,
    events_by_country,
    events_by_quad,
    get_document,
    get_event,
    list_events,
    top_actors,
    top_dyads,
    type_breakdown,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "q.duckdb"
    with Store(path) as writer:
        list(writer.write(corpus(), writer.start_run("tidings test", {})))
    with Store(path, read_only=True) as reader:
        yield reader


def _ids(events):
    return [e["event_id"] for e in events]


@pytest.mark.parametrize(("f", "expected"), [
    (EventFilter(), ["d3-0", "d3-1", "d1-0", "d2-0", "d4-0", "d4-1", "d5-0"]),
    (EventFilter(source="RUS"), ["d1-0", "d2-0", "d5-0"]),
    (EventFilter(source="zelensky"), ["d3-0"]),
    (EventFilter(source="person/xi-jinping", target="KOR"), ["d4-0", "d4-1"]),
    (EventFilter(target="RUS"), ["d3-1"]),
    (EventFilter(country="ukr"), ["d3-0", "d3-1", "d1-0", "d2-0", "d5-0"]),
    (EventFilter(country="IGO"), ["d3-0"]),
    (EventFilter(event_type="assault", start=date(2022, 1, 1), end=date(2022, 2, 28)),
     ["d1-0", "d2-0"]),
    (EventFilter(q="AT DAWN"), ["d2-0"]),
    (EventFilter(q="%"), []),
    (EventFilter(actor_id="org/nato"), ["d3-0"]),
    (EventFilter(source="'; DROP TABLE events; --"), []),
])
def test_queries_list_events_filters_newest_first(store, f, expected):
    events, total = list_events(store, f)
    assert _ids(events) == expected and total == len(expected)


def test_queries_list_events_pages_and_counts_all(store):
    events, total = list_events(store, EventFilter(), limit=2, offset=2)
    assert _ids(events) == ["d1-0", "d2-0"] and total == 7
    assert events[0]["doc_title"] == "Title of d1"


def test_queries_event_round_trips_the_contract_json(store):
    expected = {e.event_id: e.to_json() for doc in corpus() for e in doc.events}
    for event_id, event in expected.items():
        assert get_event(store, event_id) == event
    assert get_event(store, "nope") is None


def test_queries_document_spans_point_into_its_text(store):
    doc = get_document(store, "d4")
    assert doc["title"] == "Title of d4" and doc["date"] == date(2021, 1, 26)
    assert doc["flags"] == ["split-compound"] and doc["url"] == "https://news.example/d4"
    second = doc["events"][1]["evidence"]
    start, end = second["document"]["sentence"]
    assert doc["text"][start:end] == second["text"] == "Xi Jinping agreed with Moon Jae-in."
    trigger = second["document"]["trigger"]
    assert doc["text"][trigger[0]:trigger[1]] == "agreed"
    assert get_document(store, "nope") is None


def test_queries_dyad_timeline_by_month_both_directions(store):
    rows = dyad_timeline(store, "RUS", "UKR")
    assert rows == [
        {"period": date(2022, 2, 1), "events": 2, "mean_goldstein": -10.0, "verbal_coop": 0,
         "material_coop": 0, "verbal_conflict": 0, "material_conflict": 2},
        {"period": date(2022, 3, 1), "events": 1, "mean_goldstein": -10.0, "verbal_coop": 0,
         "material_coop": 0, "verbal_conflict": 0, "material_conflict": 1},
    ]
    one_way = dyad_timeline(store, "RUS", "UKR", period="week", both_directions=False)
    assert [(r["period"], r["events"]) for r in one_way] == [(date(2022, 2, 21), 2)]


def test_queries_unknown_period_names_the_choices(store):
    with pytest.raises(StoreError, match="choose one of day, week, month"):
        dyad_timeline(store, "RUS", "UKR", period="fortnight")


def test_queries_top_dyads_and_actors(store):
    dyads = top_dyads(store, limit=2)
    assert [(d["source"], d["target"], d["events"]) for d in dyads] == [
        ("RUS", "UKR", 3), ("CHN", "KOR", 2)]
    assert dyads[0]["first_date"] == dyads[0]["last_date"] == date(2022, 2, 24)
    actors = top_actors(store, limit=3, f=EventFilter(start=date(2022, 1, 1)))
    assert [(a["actor_id"], a["events"], a["as_source"], a["as_target"]) for a in actors] == [
        ("country/RUS", 3, 2, 1), ("country/UKR", 3, 1, 2), ("org/nato", 1, 0, 1)]


def test_queries_breakdowns_by_type_and_quad(store):
    f = EventFilter(start=date(2022, 1, 1))
    assert type_breakdown(store, "month", f) == [
        {"period": date(2022, 2, 1), "event_type": "ASSAULT", "quad_class": 4, "events": 2},
        {"period": date(2022, 3, 1), "event_type": "REQUEST", "quad_class": 1, "events": 1},
        {"period": date(2022, 3, 1), "event_type": "ASSAULT", "quad_class": 4, "events": 1},
    ]
    assert events_by_quad(store, "year") == [
        {"period": date(2021, 1, 1), "quad_class": 1, "events": 2},
        {"period": date(2022, 1, 1), "quad_class": 1, "events": 1},
        {"period": date(2022, 1, 1), "quad_class": 4, "events": 3},
    ]


def test_queries_locations_only_with_coordinates(store):
    located = event_locations(store)
    assert _ids(located) == ["d1-0"]
    assert located[0]["location"]["latitude"] == 49.99


def test_queries_actor_summary(store):
    assert actor_summary(store, "person/xi-jinping") == {
        "actor_id": "person/xi-jinping", "name": "Xi Jinping", "country": "CHN", "sector": "GOV",
        "events": 2, "as_source": 2, "as_target": 0, "first_date": date(2021, 1, 26),
        "last_date": date(2021, 1, 26)}
    assert actor_summary(store, "person/nobody") is None


def test_queries_events_by_country_counts_any_actor(store):
    assert events_by_country(store) == [
        {"country": "UKR", "events": 5}, {"country": "RUS", "events": 4},
        {"country": "CHN", "events": 2}, {"country": "KOR", "events": 2},
        {"country": "IGO", "events": 1}]
    assert events_by_country(store, EventFilter(event_type="REQUEST")) == [
        {"country": "IGO", "events": 1}, {"country": "UKR", "events": 1}]


def test_queries_database_summary(store):
    assert database_summary(store) == {"events": 7, "documents": 5, "rejects": 0,
                                       "first_date": date(2021, 1, 26),
                                       "last_date": date(2022, 3, 1)}


def test_country_filters_find_the_second_actor_of_a_compound_event(tmp_path):
    from dataclasses import replace

    from tests.store.factory import MOON, RUSSIA, XI, coded

    document = coded("c1", date(2021, 5, 1), [("Xi Jinping met Moon Jae-in.", "CONSULT", XI, MOON)])
    (event,) = document.events
    joint = replace(document, events=(replace(event, source=(XI, RUSSIA)),))
    with Store(tmp_path / "c.duckdb") as store:
        list(store.write([joint], store.start_run("tidings test", {})))
        for f in (EventFilter(source="RUS"), EventFilter(country="RUS"), EventFilter(country="KOR"),
                  EventFilter(source="CHN", target="KOR")):
            assert _ids(list_events(store, f)[0]) == ["c1-0"], f
        assert list_events(store, EventFilter(target="RUS"))[0] == []
