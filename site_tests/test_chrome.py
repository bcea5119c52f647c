"""The chrome around every page, as a visitor sees it in Chromium (issue 20): the site's full
name on a phone, the logo, the heading at full contrast, cards in line with their headings."""

from __future__ import annotations

import pytest

from checkers import watch_failures
from conftest import PAGE_TYPES

NAMES = {"fi": "Opetushallitus – Rahoitushaut", "sv": "Utbildningsstyrelsen – Finansiering"}


def opened(chromium, url: str, width: int, height: int = 844):
    page = chromium.new_page(viewport={"width": width, "height": height})
    failures = watch_failures(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, failures


@pytest.mark.parametrize("path", PAGE_TYPES["call closing soon"] + PAGE_TYPES["home"])
def test_the_full_site_name_is_visible_on_a_phone(served_fixture_site, chromium, path):
    page, failures = opened(chromium, served_fixture_site + path, 390)
    lang = path.split("/")[1]
    name = page.locator(".md-header__topic").first
    assert " ".join(name.inner_text().split()) == NAMES[lang]
    shown = page.evaluate("""() => { const el = document.querySelector('.md-header__topic .md-ellipsis');
        const box = el.getBoundingClientRect();
        return {fits: el.scrollWidth <= el.clientWidth + 1, right: box.right, height: box.height,
                overflow: getComputedStyle(el).textOverflow}; }""")
    assert shown["fits"] and shown["right"] <= 390, shown  # not cut to "Opetushallitus – Raho…"
    assert name.is_visible()
    assert failures == []
    page.close()


@pytest.mark.parametrize("path", PAGE_TYPES["home"])
def test_the_logo_is_the_agency_image_not_the_theme_icon(served_fixture_site, chromium, path):
    page, failures = opened(chromium, served_fixture_site + path, 1280, 900)
    logo = page.locator(".md-header .md-logo img")
    assert logo.count() == 1 and logo.is_visible()
    assert logo.get_attribute("src").endswith("assets/images/callsite-logo.svg")
    assert page.evaluate("document.querySelector('.md-header .md-logo img').naturalWidth") > 0  # loaded
    assert page.locator(".md-header .md-logo svg").count() == 0  # Material's book icon
    # The browser tab shows the same mark, not Material's favicon.
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    assert icon == page.evaluate("document.querySelector('.md-header .md-logo img').src")
    assert page.request.get(icon).ok
    assert failures == []
    page.close()


def test_the_language_choice_at_the_root_has_the_same_icon(served_fixture_site, chromium):
    page, failures = opened(chromium, served_fixture_site + "/", 1280, 900)
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    assert icon.endswith("/fi/assets/images/callsite-logo.svg") and page.request.get(icon).ok
    assert failures == []
    page.close()


def luminance(rgb: tuple[int, int, int]) -> float:
    channels = [c / 255 for c in rgb]
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


@pytest.mark.parametrize("path", [PAGE_TYPES["call closing soon"][0], PAGE_TYPES["archive"][1]])
def test_the_page_heading_is_at_full_contrast(served_fixture_site, chromium, path):
    page, failures = opened(chromium, served_fixture_site + path, 1280, 900)
    colour = page.evaluate("getComputedStyle(document.querySelector('#callsite-main h1')).color")
    parts = [float(x) for x in colour[colour.index("(") + 1:-1].split(",")]
    assert len(parts) == 3 or parts[3] == 1, colour  # opaque: Material's h1 is rgba(0, 0, 0, .54)
    ratio = (1.05) / (luminance(tuple(int(p) for p in parts[:3])) + 0.05)
    assert ratio >= 15, colour
    assert failures == []
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGE_TYPES["home"] + PAGE_TYPES["topic"])
def test_cards_line_up_with_their_headings(served_fixture_site, chromium, path, width):
    page, failures = opened(chromium, served_fixture_site + path, width)
    pairs = page.evaluate("""() => [...document.querySelectorAll('#callsite-main ul.mdx-cards')].map(list => {
        let heading = list.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
        return [heading ? heading.getBoundingClientRect().left : null,
                [...list.children].filter(c => !c.hidden).map(c => c.getBoundingClientRect().left)];
    })""")
    cards = [(heading, left) for heading, lefts in pairs for left in lefts if heading is not None]
    assert cards, pairs
    assert all(abs(heading - left) <= 1 for heading, left in cards), cards
    assert failures == []
    page.close()
