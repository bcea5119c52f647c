"""Behaviour in headless Chromium (Debian's, driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from test_pages import KIELIKYLPY


@pytest.fixture(scope="module")
def served(served_fixture_site):
    return served_fixture_site


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


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
