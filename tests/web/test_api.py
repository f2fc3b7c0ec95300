"""The JSON API with the test client: CONTRACT.md's routes, limits and the one error shape."""

from __future__ import annotations

import duckdb
import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE_ID
from tidings.web import create_app, pages
from tidings.web.params import MAX_PAGE_SIZE, MAX_QUERY_STRING


def _error(response, status: int) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


def test_api_health_says_what_the_database_holds(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert (body["documents"], body["events"]) == (6, 9)
    assert (body["first_date"], body["last_date"]) == ("2021-01-26", "2022-03-05")


@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"hostile-0", "hostile-1", "d3-0", "d3-1", "d1-0", "d2-0", "d4-0", "d4-1", "d5-0"}),
    ({"country": "chn"}, {"d4-0", "d4-1"}),
    ({"source": "UKR"}, {"d3-0", "d3-1"}),
    ({"source": "ukr", "target": "RUS"}, {"d3-1"}),
    ({"target": "person/moon-jae-in"}, {"d4-0", "d4-1"}),
    ({"actor_id": "org/nato"}, {"d3-0"}),
    ({"event_type": "request"}, {"d3-0"}),
    ({"start": "2022-03-01", "end": "2022-03-01"}, {"d3-0", "d3-1"}),
    ({"q": "JETS"}, {"d3-0"}),
    ({"country": "", "start": "", "q": " "}, {"hostile-0", "hostile-1", "d3-0", "d3-1", "d1-0",
                                              "d2-0", "d4-0", "d4-1", "d5-0"}),
])
def test_api_events_filter(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert {e["event_id"] for e in body["events"]} == expected
    assert body["total"] == len(expected)


def test_api_events_are_newest_first_in_pages(client):
    everything = client.get("/api/events").json()["events"]
    dates = [e["date"] for e in everything if e["date"]]
    assert dates == sorted(dates, reverse=True) and everything[-1]["date"] is None
    page = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert (page["total"], page["limit"], page["offset"]) == (9, 3, 3)
    assert page["events"] == everything[3:6]
    assert "doc_title" in page["events"][0]


@pytest.mark.parametrize(("params", "parameter"), [
    ({"limit": MAX_PAGE_SIZE + 1}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"start": "2022-13-01"}, "start"),
    ({"start": "2022-03-02", "end": "2022-03-01"}, "end"),
    ({"country": "Ukraine"}, "country"),
    ({"country": "U1A"}, "country"),
    ({"event_type": "INVADE"}, "event_type"),
    ({"q": "x" * 201}, "q"),
])
def test_api_events_refuse_bad_parameters_by_name(client, params, parameter):
    error = _error(client.get("/api/events", params=params), 422)
    assert error["details"][0]["parameter"] == parameter
    assert parameter in error["message"]


def test_api_unknown_event_type_lists_the_valid_ones(client):
    message = _error(client.get("/api/events?event_type=INVADE"), 422)["message"]
    assert "ASSAULT" in message and "CONSULT" in message


def test_api_event_by_id(client):
    event = client.get("/api/events/d4-0").json()
    assert (event["event_type"], event["mode"], event["cameo"]) == ("CONSULT", "phone", "041")
    assert event["source"][0]["id"] == "person/xi-jinping"
    assert "'nope'" in _error(client.get("/api/events/nope"), 404)["message"]


def test_api_document_has_text_and_spans_into_it(client):
    doc = client.get(f"/api/documents/{HOSTILE_ID}").json()
    assert doc["title"].startswith("<script>")  # JSON carries the text as it is
    text = doc["text"]
    for event in doc["events"]:
        spans = event["evidence"]["document"]
        assert text[slice(*spans["trigger"])] == "attacked"
        assert text[slice(*spans["source"][0])] == "Russia"
    _error(client.get("/api/documents/nope"), 404)


def test_api_dyad_timeline_counts_and_scores_per_period(client):
    body = client.get("/api/dyads/rus/ukr/timeline").json()
    assert (body["a"], body["b"], body["period"]) == ("RUS", "UKR", "month")
    assert [(p["period"], p["events"], p["material_conflict"]) for p in body["periods"]] == [
        ("2022-02-01", 2, 2), ("2022-03-01", 3, 3)]
    assert body["periods"][0]["mean_goldstein"] == -10.0
    one_way = client.get("/api/dyads/UKR/RUS/timeline?both_directions=false&period=year").json()
    assert [(p["period"], p["events"]) for p in one_way["periods"]] == [("2022-01-01", 1)]


@pytest.mark.parametrize("url", ["/api/dyads/RUS/UKR/timeline?period=fortnight",
                                 "/api/dyads/RUSSIA/UKR/timeline", "/api/dyads/R1S/UKR/timeline"])
def test_api_dyad_timeline_refuses_bad_input(client, url):
    _error(client.get(url), 422)


def test_api_openapi_documents_the_contract_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}",
            "/api/dyads/{a}/{b}/timeline", "/api/health"} <= set(paths)
    assert not any(path.startswith("/documents") for path in paths)  # pages stay out of it


def test_api_unknown_routes_and_methods_get_the_error_shape(client):
    _error(client.get("/api/nothing"), 404)
    _error(client.post("/api/events"), 405)


def test_api_refuses_an_oversized_query_string(client):
    error = _error(client.get("/api/events", params={"q": "x" * (MAX_QUERY_STRING + 1)}), 414)
    assert str(MAX_QUERY_STRING) in error["message"]


def test_api_responses_carry_security_headers(client):
    headers = client.get("/api/health").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_api_server_failure_is_one_clean_error(web_db, knowledge_base, monkeypatch):
    def broken(*args, **kwargs):
        raise duckdb.IOException("disk on fire at /secret/path")

    monkeypatch.setattr("tidings.web.api.list_events", broken)
    monkeypatch.setattr(pages, "list_events", broken)
    app = create_app(web_db, knowledge_base=knowledge_base)  # its shutdown closes its store
    with TestClient(app, raise_server_exceptions=False) as client:
        error = _error(client.get("/api/events"), 500)
        assert "secret" not in error["message"] and "Traceback" not in error["message"]
        page = client.get("/events")
        assert page.status_code == 500 and "secret" not in page.text


def test_api_database_is_opened_read_only(app):
    with pytest.raises(duckdb.Error, match="read-only"):
        app.state.web.store.con.execute("DELETE FROM events")
