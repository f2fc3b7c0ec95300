"""Screenshots of every page of the web UI, for the README: docs/screenshots/*.png.

Serves a database (the demo one by default: `make run` or `tidings demo` builds it) on
loopback and photographs each page with the system's Chromium, as the browser tests do:

    .venv/bin/python scripts/screenshots.py --db tidings-demo.duckdb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the live server and browser set-up of the browser tests

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.web.live import launch_chromium, live_server  # noqa: E402

from tidings.web import create_app  # noqa: E402

PAGES = {
    "dashboard": "/",
    "events": "/events?country=KOR",
    "document": "/documents/sample-001",
    "dyad": "/dyads/CHN/KOR",
    "map": "/map",
    "actor": "/actors/person/xi-jinping",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=str(ROOT / "tidings-demo.duckdb"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with live_server(create_app(args.db)) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        for name, path in PAGES.items():
            page.goto(base + path)
            page.screenshot(path=str(args.out / f"{name}.png"))
            print(f"{args.out / name}.png  ←  {path}")
        browser.close()


if __name__ == "__main__":
    main()
