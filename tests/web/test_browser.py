"""The web UI in a real browser: Debian's Chromium driven by Playwright, against a live server."""

from __future__ import annotations

import os

import pytest

from tests.web.conftest import HOSTILE_ID, HOSTILE_SENTENCE, HOSTILE_TITLE
from tests.web.live import CHROMIUM, launch_chromium, live_server
from tidings.web import create_app

pytestmark = pytest.mark.browser
PAGES = ["/", "/events", f"/documents/{HOSTILE_ID}", "/documents/d4", "/dyads/RUS/UKR", "/map",
         "/actors/person/xi-jinping", "/events?q=pwned"]


@pytest.fixture(scope="module")
def base_url(web_db, knowledge_base):
    # An app of its own: the server's shutdown closes the app's store.
    with live_server(create_app(web_db, knowledge_base=knowledge_base)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium "
                    "(apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _focused(page, role: str) -> str:
    return "".join(page.locator(f"#text mark.focus-{role}").all_inner_texts())


def test_browser_dashboard_to_document_with_highlights(page, base_url):
    page.goto(base_url + "/")
    page.locator('a.doc-link[href="/documents/d4#event-d4-0"]').first.click()
    page.wait_for_url(f"{base_url}/documents/d4#event-d4-0")
    assert page.locator("h1").inner_text() == "Title of d4"
    assert page.locator("#text mark.trigger").all_inner_texts() == ["called", "agreed"]
    # The link's event is focused on arrival; clicking another card moves the focus to it.
    assert page.locator("#event-d4-0").get_attribute("class") == "event-card selected"
    assert (_focused(page, "trigger"), _focused(page, "source"), _focused(page, "target")) == (
        "called", "Xi Jinping", "Moon Jae-in")
    page.locator("#event-d4-1").click()
    assert (_focused(page, "trigger"), _focused(page, "target")) == ("agreed", "Moon Jae-in")
    assert _focused(page, "sentence") == "Xi Jinping agreed with Moon Jae-in."
    assert "CONSULT/phone" in page.locator("#event-d4-0").inner_text()
    page.locator("#event-d4-1").click()  # a second click shows every event again
    assert page.locator("#text mark[class^='focus-']").count() == 0


def test_browser_event_filters_and_paging(page, base_url):
    page.goto(base_url + "/events")
    page.fill("input[name=country]", "rus")
    page.select_option("select[name=event_type]", "ASSAULT")
    page.click("form.filters button")
    page.wait_for_url("**/events?*country=rus*")
    assert "1–6 of 6" in page.locator(".pager").first.inner_text()
    assert set(page.locator("table.events .badge").all_inner_texts()) == {"ASSAULT"}
    page.goto(base_url + "/events?limit=4")
    page.click("a[rel=next] >> nth=0")
    assert "5–8 of 9" in page.locator(".pager").first.inner_text()


def test_browser_hostile_article_renders_inert(page, base_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in PAGES:
        page.goto(base_url + path)
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert page.locator("main img, main script, main svg[onload]").count() == 0, path
    page.goto(f"{base_url}/documents/{HOSTILE_ID}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert HOSTILE_SENTENCE in page.locator("#text").inner_text()
    assert page.locator("#text mark.target").first.inner_text().startswith("<img src=x onerror=")
    assert dialogs == []


def test_browser_pages_load_only_their_own_assets_without_errors(page, base_url):
    requested: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    for path in PAGES:
        page.goto(base_url + path)
    assert requested and all(url.startswith(base_url) for url in requested)
    assert problems == []


def test_browser_map_country_leads_to_its_events(page, base_url):
    page.goto(base_url + "/map")
    assert page.locator("svg.map path.country").count() > 150
    assert page.locator("svg.map circle.point").count() == 3  # the events in Kharkiv
    page.locator('svg.map a[href="/events?country=UKR"] path').click()
    page.wait_for_url("**/events?country=UKR")
    assert "of 7" in page.locator(".pager").first.inner_text()


def test_browser_dyad_timeline_by_week(page, base_url):
    page.goto(base_url + "/dyads/RUS/UKR")
    assert page.locator("svg.chart circle.goldstein").count() == 2
    page.click("text=by week")
    page.wait_for_url("**/dyads/RUS/UKR?period=week")
    assert page.locator(".tabs a.active").inner_text() == "by week"


def test_browser_actor_page_draws_roles(page, base_url):
    page.goto(base_url + "/actors/person/xi-jinping")
    labels = page.locator("svg.chart text.label").all_text_contents()
    assert "President · CHN GOV · 2013–today" in labels
    assert page.locator("svg.chart rect.role").count() == len(labels)
