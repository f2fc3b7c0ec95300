"""The server-rendered pages with the test client: real data on each, escaping, errors."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import HOSTILE_ID


def _page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _marks(html: str, role: str) -> list[str]:
    return re.findall(rf'<mark class="{role}" data-marks="[^"]*">([^<]*)</mark>', html)


def test_pages_dashboard_shows_charts_dyads_actors_and_latest_events(client):
    html = _page(client, "/")
    assert "9 events from 6 documents" in html
    assert html.count('<rect class="q4"') >= 2  # material conflict in Feb and Mar 2022
    assert 'href="/dyads/RUS/UKR"' in html and 'href="/actors/person/xi-jinping"' in html
    assert 'href="/documents/hostile#event-hostile-0"' in html


def test_pages_dashboard_filters_its_charts(client):
    html = _page(client, "/?country=CHN")
    assert "q4" not in re.sub(r"swatch q4|badge q4", "", html)  # China-Korea: cooperation only
    assert ">AGREE</text>" in html and ">ASSAULT</text>" not in html  # rows of the type grid


def test_pages_chart_bars_link_to_the_events_of_their_period(client):
    html = _page(client, "/?country=UKR")
    assert 'href="/events?country=UKR&amp;start=2022-02-01&amp;end=2022-02-28"' in html


def test_pages_events_table_filters_and_pages(client):
    html = _page(client, "/events?source=UKR&event_type=")
    assert "Zelensky asked NATO for jets." in html and "Ukraine attacked Russia." in html
    assert "Xi Jinping" not in html
    first = _page(client, "/events?limit=4")
    assert "1–4 of 9" in first and 'href="/events?limit=4&amp;offset=4"' in first
    last = _page(client, "/events?limit=4&offset=8")
    assert "9–9 of 9" in last and 'rel="next"' not in last and 'rel="prev"' in last


def test_pages_document_highlights_each_event(client):
    html = _page(client, "/documents/d4")
    assert _marks(html, "trigger") == ["called", "agreed"]
    assert _marks(html, "source") == ["Xi Jinping", "Xi Jinping"]
    assert _marks(html, "target") == ["Moon Jae-in", "Moon Jae-in"]
    assert 'data-marks="0:sentence 0:trigger"' in html and 'data-marks="1:sentence 1:trigger"' in html
    assert "041 Discuss by telephone" in html or "041 " in html
    assert "triggers.tsv:1" in html and "0.80" in html
    assert 'href="https://news.example/d4"' in html


def test_pages_document_renders_hostile_text_inert(client):
    html = _page(client, f"/documents/{HOSTILE_ID}")
    body = html.split("<main>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<svg onload" not in body
    assert "&lt;script&gt;window.pwned = &#39;text&#39;&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=&#34;window.pwned=&#39;target&#39;&#34;&gt; Ukraine" in body
    assert "javascript:" not in html  # the url is not a link
    assert html.count("<script") == 1  # the page's own /static/app.js only


@pytest.mark.parametrize("url", ["/", "/events", "/events?q=pwned", "/map", "/dyads/RUS/UKR",
                                 "/actors/country/RUS"])
def test_pages_never_put_hostile_text_into_markup(client, url):
    html = _page(client, url)
    assert html.count("<script") == 1 and "<img" not in html and "onerror=\"" not in html


def test_pages_dyad_draws_the_timeline_and_both_directions(client):
    html = _page(client, "/dyads/rus/ukr")
    assert "Russia" in html and "Ukraine" in html
    assert "5 events in both directions" in html
    assert '<polyline class="goldstein"' in html
    assert "Russia → Ukraine" in html and "Ukraine → Russia" in html
    weekly = _page(client, "/dyads/RUS/UKR?period=week")
    assert weekly.count('<circle class="goldstein"') == 2  # the weeks of 21 and 28 February


def test_pages_dyad_picker_redirects(client):
    response = client.get("/dyads?a=chn&b=kor", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dyads/CHN/KOR"


def test_pages_map_shades_countries_and_places_events(client):
    html = _page(client, "/map")
    assert '<a href="/events?country=UKR"><path class="country active"' in html
    assert re.search(r'<circle class="point q4" cx="216\.23" cy="40\.01"', html)  # Kharkiv
    only_china = _page(client, "/map?country=CHN")
    assert '<circle class="point' not in only_china


def test_pages_actor_shows_roles_over_time_and_events(client):
    html = _page(client, "/actors/person/xi-jinping")
    assert "Xi Jinping" in html and "Roles over time" in html
    assert re.search(r"President · CHN GOV · 2013–today", html)
    assert "2 events (2 as source, 0 as target)" in html
    assert "Xi Jinping called Moon Jae-in." in html


def test_pages_actor_known_only_to_the_knowledge_base(client):
    html = _page(client, "/actors/person/moon-jae-in")
    assert "Roles over time" in html
    html = _page(client, "/actors/person/emmanuel-macron")
    assert "No events in this database." in html


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/documents/nope", 404, "no document"),
    ("/actors/person/nobody", 404, "no actor"),
    ("/nothing", 404, "Not Found"),
    ("/events?start=yesterday", 422, "start"),
    ("/dyads/CHN/KOREA", 422, "b"),
])
def test_pages_errors_are_pages(client, url, status, message):
    html = _page(client, url, status)
    assert message in html and "Traceback" not in html


def test_pages_static_assets_ship_with_the_package(client):
    for asset in ("/static/style.css", "/static/app.js", "/static/map/world.json",
                  "/static/map/LICENSE-world-atlas.txt"):
        assert client.get(asset).status_code == 200
