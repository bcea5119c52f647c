"""Behaviour in headless Chromium (Debian's, driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from test_pages import KIELIKYLPY

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(fixture_site):
    handler = functools.partial(_QuietHandler, directory=str(fixture_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_language_switcher_click_reaches_the_counterpart(served, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(served + KIELIKYLPY["fi"])
    page.hover(".md-select")
    page.click('a.md-select__link[hreflang="sv-FI"]')
    page.wait_for_url(served + KIELIKYLPY["sv"])
    assert page.locator("html").get_attribute("lang") == "sv"
    page.close()


@pytest.mark.parametrize("path", ["/", "/fi/", "/sv/", KIELIKYLPY["fi"], KIELIKYLPY["sv"], "/fi/arkisto/",
                                  "/sv/teman/sprakundervisning/", "/fi/404.html", "/404.html"])
def test_pages_request_only_their_own_origin(served, browser, path):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in requests if not u.startswith("data:")}
    assert origins == {served}
    page.close()


@pytest.mark.parametrize("lang, query, expected", [
    ("fi", "kielikylpy", "Kielikylpyopetuksen kehittäminen 2026"),
    ("sv", "språkbad", "Utveckling av språkbadsundervisningen 2026"),
])
def test_site_search_finds_calls_in_each_language(served, browser, lang, query, expected):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(f"{served}/{lang}/")
    page.click(".md-search__input")
    page.keyboard.type(query, delay=30)  # Material searches on key events, not on a programmatic fill
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    assert expected in first.inner_text()
    page.close()
