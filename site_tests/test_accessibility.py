"""Accessibility in headless Chromium: axe-core (WCAG 2.0/2.1 A and AA) on every page type in
both languages, a skip link and visible focus by keyboard, and the facts without JavaScript."""

from __future__ import annotations

import pytest

from checkers import watch_failures
from conftest import ALL_PAGES, NODE_MODULES, PAGE_TYPES

AXE_SOURCE = (NODE_MODULES / "axe-core" / "axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    # page.evaluate of the source, not a <script> tag: a strict CSP would block an injected tag.
    page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]


def axe_at(chromium, url: str, width: int, height: int) -> tuple[list[dict], list[str]]:
    """axe's violations on ``url`` at that window size, and the requests that failed on the way."""
    page = chromium.new_page(viewport={"width": width, "height": height})
    failures = watch_failures(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    page.close()
    return violations, failures


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} -- "
                     + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                 for n in v["nodes"][:5])
                     for v in violations)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_axe_finds_no_wcag_violations(served_fixture_site, chromium, path):
    violations, failures = axe_at(chromium, served_fixture_site + path, 1300, 900)
    assert violations == [], describe(violations)
    assert failures == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_axe_finds_no_violations_on_a_phone_either(served_fixture_site, chromium, path):
    violations, failures = axe_at(chromium, served_fixture_site + path, 375, 740)
    assert violations == [], describe(violations)
    assert failures == []


@pytest.mark.parametrize("path", [url for name, pair in PAGE_TYPES.items() if name != "root" for url in pair])
def test_first_tab_reaches_a_visible_skip_link_to_the_content(served_fixture_site, chromium, path):
    page = chromium.new_page(viewport={"width": 1300, "height": 900})
    page.goto(served_fixture_site + path)
    page.keyboard.press("Tab")
    # Material fades the skip link in on focus; a link that never becomes opaque is not visible
    # (polled with evaluate: wait_for_function needs the eval that the pages' CSP forbids)
    for _ in range(30):
        if page.evaluate("parseFloat(getComputedStyle(document.activeElement).opacity)") > 0.9:
            break
        page.wait_for_timeout(100)
    focused = page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
        return {cls: el.classList.contains("md-skip") ? "md-skip" : el.className, href: el.getAttribute('href'), width: box.width, height: box.height,
                top: box.top, outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                visibility: style.visibility, opacity: parseFloat(style.opacity), transform: style.transform};
    }""")
    assert focused["cls"] == "md-skip" and focused["href"] == "#callsite-main", focused
    assert focused["width"] > 10 and focused["height"] > 10 and focused["top"] >= 0, focused
    assert focused["visibility"] == "visible" and focused["opacity"] > 0.5, focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "callsite-main"
    # the next Tab lands inside the content, not back in the header
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#callsite-main')")
    page.close()


@pytest.mark.parametrize("path", ["/fi/", "/sv/arkiv/", "/fi/aiheet/kieltenopetus/"])
def test_keyboard_focus_is_visible_on_links(served_fixture_site, chromium, path):
    page = chromium.new_page(viewport={"width": 1300, "height": 900})
    page.goto(served_fixture_site + path)
    page.focus("#callsite-main a[href]")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible applies
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {tag: document.activeElement.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                shadow: s.boxShadow, decoration: s.textDecorationLine}; }""")
    assert style["tag"] == "A"
    assert (style["outline"] != "none" and style["width"] >= 1) or style["shadow"] != "none", style
    page.close()


@pytest.mark.parametrize("lang, path, facts", [
    ("fi", PAGE_TYPES["call closing soon"][0], ["Päättymässä", "Kielikylpyopetuksen kehittäminen 2026"]),
    ("sv", PAGE_TYPES["call closing soon"][1], ["Utveckling av språkbadsundervisningen 2026"]),
    ("fi", "/fi/", ["Kielikylpyopetuksen kehittäminen 2026", "Kansainvälisyyden"]),
    ("sv", "/sv/arkiv/", ["Klubbverksamhet 2025"]),
    ("fi", "/fi/aiheet/kieltenopetus/", ["Kielikylpyopetuksen kehittäminen 2026"]),
])
def test_facts_and_listings_are_there_without_javascript(served_fixture_site, chromium, fixture_site, lang, path, facts):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_fixture_site + path)
    text = page.inner_text("#callsite-main")
    for fact in facts:
        assert fact in text
    if "rahoitushaut" in path or "finansiering" in path:
        assert page.locator("time[datetime]").count() >= 2  # opening and closing moments
    context.close()
