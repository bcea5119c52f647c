"""Behaviour in headless Chromium (Debian's, driven by Playwright; never a downloaded browser).

Every page these tests load is watched (checkers.watch_failures): a failed request, a response
of 400 or more (the theme's own probes included) or a console error fails the test."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from checkers import watch_failures
from conftest import ALL_PAGES
from test_pages import KIELIKYLPY

# Every kind of page, in both languages: PAGE_TYPES' and the newsletter's.
EVERY_PAGE = ALL_PAGES + ["/fi/uutiskirje/", "/sv/nyhetsbrev/"]
SEARCH_LOADS = re.compile(r"/search\.js$|/workers/search\.[0-9a-f]+\.min\.js$|/search/search_index\.json$|/lunr/")


@pytest.fixture(scope="module")
def served(served_fixture_site):
    return served_fixture_site


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


def open_page(browser, url: str, width: int = 1300, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    failures = watch_failures(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, failures


@pytest.mark.parametrize("lang, other, word, hreflang", [("fi", "sv", "På svenska", "sv-FI"), ("sv", "fi", "Suomeksi", "fi")])
def test_the_language_link_is_a_visible_word_on_a_phone_and_reaches_the_counterpart(served, browser, lang, other,
                                                                                     word, hreflang):
    page, failures = open_page(browser, served + KIELIKYLPY[lang], 390, 844)
    link = page.locator("a.mdx-language__link")
    assert link.count() == 1
    assert link.inner_text().strip() == word and link.is_visible()
    assert link.get_attribute("lang") == other and link.get_attribute("hreflang") == hreflang
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    link.click()
    page.wait_for_url(served + KIELIKYLPY[other])
    assert page.locator("html").get_attribute("lang") == other
    page.wait_for_load_state("networkidle")
    assert failures == []
    page.close()


@pytest.mark.parametrize("path", EVERY_PAGE)
def test_pages_load_only_from_their_own_origin_and_nothing_fails(served, browser, path):
    page = browser.new_page()
    failures = watch_failures(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in requests if not u.startswith("data:")}
    assert origins == {served}
    assert failures == []
    assert not [u for u in requests if u.endswith("sitemap.xml")]  # the old language menu's probes
    page.close()


@pytest.mark.parametrize("path", [KIELIKYLPY["fi"], "/sv/"])
def test_search_code_and_index_load_only_when_the_search_is_opened(served, browser, path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    failures = watch_failures(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if SEARCH_LOADS.search(u)] == []
    page.click('label.md-header__button[for="__search"]')  # the search button on a phone
    page.locator(".md-search__input").wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.wait_for_load_state("networkidle")
    page.locator(".md-search-result__meta").filter(has_text=re.compile("Kirjoita|Skriv")).wait_for(timeout=10_000)
    loaded = {urlsplit(u).path.rsplit("/", 1)[-1] for u in requests if SEARCH_LOADS.search(u)}
    assert {"search.js", "search_index.json"} <= loaded and any(name.startswith("search.") and name.endswith(".min.js")
                                                               for name in loaded)
    assert failures == []
    page.close()


def search(browser, served: str, lang: str, query: str, width: int = 1300):
    page = browser.new_page(viewport={"width": width, "height": 900})
    failures = watch_failures(page)
    page.goto(f"{served}/{lang}/")
    page.click(".md-search__input")
    page.keyboard.type(query, delay=30)  # searched as typed, on input events
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d|Ei |Inga ")).wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the last keystroke's answer
    return page, failures


@pytest.mark.parametrize("lang, query, expected", [
    ("fi", "kielikylpy", "Kielikylpyopetuksen kehittäminen 2026"),
    ("sv", "språkbad", "Utveckling av språkbadsundervisningen 2026"),
    # Inflected Finnish as typed: the start of "kielikylpyopetukseen" (illative) finds the genitive title,
    # and "kehittämi" every "kehittäminen".
    ("fi", "kielikylpyopetukse", "Kielikylpyopetuksen kehittäminen 2026"),
    ("fi", "kehittämi", "Lukiokoulutuksen kehittäminen 2027"),
])
def test_site_search_finds_calls_in_each_language(served, browser, lang, query, expected):
    page, failures = search(browser, served, lang, query)
    items = page.locator(".md-search-result__item")
    assert any(expected in items.nth(i).inner_text() for i in range(items.count()))
    assert failures == []
    page.close()


@pytest.mark.parametrize("lang, query", [("fi", "perusopetus"), ("sv", "grundläggande")])
def test_search_lists_calls_first_each_with_its_status_and_period(served, browser, lang, query):
    page, failures = search(browser, served, lang, query)
    items = page.locator(".md-search-result__item")
    kinds = []
    for i in range(items.count()):
        item = items.nth(i)
        href = item.locator("a").get_attribute("href")
        is_call = "/rahoitushaut/" in href or "/finansiering/" in href
        kinds.append(is_call)
        if is_call:
            badge = item.locator(".mdx-status")
            assert badge.count() == 1 and badge.inner_text().strip(), href
            text = item.inner_text()
            assert re.search(r"\d{1,2}\.\d{1,2}\.\d{4}", text), text  # the period: its dates
    assert True in kinds and False in kinds, kinds  # a topic listing matched too: the order is tested
    assert kinds == sorted(kinds, reverse=True), kinds
    assert failures == []
    page.close()


@pytest.mark.parametrize("lang, none, count, clear", [
    ("fi", "Ei hakutuloksia", "1 hakutulos", "Tyhjennä"),
    ("sv", "Inga sökresultat", "1 sökresultat", "Rensa"),
])
def test_search_speaks_proper_finnish_and_swedish(served, browser, lang, none, count, clear):
    page, failures = search(browser, served, lang, "xqzxqz")
    assert page.inner_text(".md-search-result__meta").strip() == none
    assert page.locator(".md-search__options button[type=reset]").get_attribute("aria-label") == clear
    page.fill(".md-search__input", "")
    page.keyboard.type("kerhotoim" if lang == "fi" else "klubbverk", delay=30)
    page.locator(".md-search-result__meta").filter(has_text=count).wait_for(timeout=10_000)
    html = page.content()
    assert "dokument" not in html.lower() and "Tyhjää" not in html
    assert failures == []
    page.close()
