"""Status that never lies: assets/javascripts/callsite.js recomputes every badge on load from the
deadlines on the page and the visitor's clock. The fixture site is built on 10.4.2026 klo 12.00."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from conftest import FIXTURES, PAGE_TYPES, build, serve

HELSINKI = ZoneInfo("Europe/Helsinki")
KIELIKYLPY = PAGE_TYPES["call closing soon"]      # closes 15.4.2026 klo 16.15, built as closing soon
UPCOMING = PAGE_TYPES["call upcoming"]            # opens 1.12.2026, closes 15.1.2027 klo 16.15


def at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%d.%m.%Y %H.%M.%S").replace(tzinfo=HELSINKI)


def badges(chromium, url: str, now: dt.datetime | None, *, javascript: bool = True) -> list[tuple[str, str]]:
    context = chromium.new_context(java_script_enabled=javascript)
    page = context.new_page()
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(url)
    page.wait_for_load_state("load")
    found = [(b.get_attribute("data-callsite-status"), b.inner_text().strip())
             for b in page.locator("#callsite-main .mdx-status").all()]
    context.close()
    return found


@pytest.mark.parametrize("index, closed", [(0, "Päättynyt"), (1, "Avslutad")])
def test_a_page_built_before_the_deadline_shows_closed_after_it(served_fixture_site, chromium, index, closed):
    after = badges(chromium, served_fixture_site + KIELIKYLPY[index], at("16.04.2026 09.00.00"))
    assert after == [("closed", closed)]


@pytest.mark.parametrize("index, soon", [(0, "Päättymässä"), (1, "Stänger snart")])
def test_before_the_deadline_the_built_status_stays(served_fixture_site, chromium, index, soon):
    built = badges(chromium, served_fixture_site + KIELIKYLPY[index], None, javascript=False)
    assert built == [("closing-soon", soon)]
    assert badges(chromium, served_fixture_site + KIELIKYLPY[index], at("10.04.2026 12.00.00")) == built
    assert badges(chromium, served_fixture_site + KIELIKYLPY[index], at("15.04.2026 16.14.59")) == [("closing-soon", soon)]
    assert badges(chromium, served_fixture_site + KIELIKYLPY[index], at("15.04.2026 16.15.00"))[0][0] == "closed"


def test_an_upcoming_call_opens_by_itself(served_fixture_site, chromium):
    assert badges(chromium, served_fixture_site + UPCOMING[0], at("30.11.2026 23.59.00")) == [("upcoming", "Tulossa")]
    assert badges(chromium, served_fixture_site + UPCOMING[0], at("01.12.2026 00.00.00")) == [("open", "Haku auki")]
    assert badges(chromium, served_fixture_site + UPCOMING[0], at("05.01.2027 12.00.00")) == [("closing-soon", "Päättymässä")]


def test_listings_follow_the_clock_too_and_staff_statuses_stay(served_fixture_site, chromium):
    later = dict((s, label) for s, label in badges(chromium, served_fixture_site + "/fi/arkisto/", at("01.06.2027 12.00.00")))
    built = badges(chromium, served_fixture_site + "/fi/arkisto/", None, javascript=False)
    now = badges(chromium, served_fixture_site + "/fi/arkisto/", at("01.06.2027 12.00.00"))
    assert [s for s, _ in built].count("closing-soon") == 1
    assert [s for s, _ in now].count("closing-soon") == 0
    assert [s for s, _ in now].count("closed") == [s for s, _ in built].count("closed") + 2  # kielikylpy and 2027
    # decided and cancelled are set by staff: the clock does not change them
    assert [b for b in built if b[0] in ("decided", "cancelled")] == [b for b in now if b[0] in ("decided", "cancelled")]
    assert later["closed"] == "Päättynyt"


def home_sections(chromium, url: str, now: dt.datetime | None) -> dict[str, list[str]]:
    context = chromium.new_context(java_script_enabled=now is not None)
    page = context.new_page()
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(url)
    page.wait_for_load_state("load")
    sections = {}
    for name in ("open", "upcoming", "closed"):
        listing = page.locator(f'ul[data-callsite-section="{name}"]')
        titles = [t.strip() for t in listing.locator(".mdx-card__title").all_inner_texts()]
        empty = page.locator(f'[data-callsite-empty="{name}"]')
        sections[name] = titles if listing.is_visible() else (["(empty)"] if empty.is_visible() else [])
    context.close()
    return sections


def test_home_page_cards_move_between_sections_as_time_passes(served_fixture_site, chromium):
    home = served_fixture_site + "/fi/"
    assert home_sections(chromium, home, None) == {
        "open": ["Kielikylpyopetuksen kehittäminen 2026", "Kansainvälisyyden jatkuva haku"],
        "upcoming": ["Lukiokoulutuksen kehittäminen 2027 & <b>muut</b>"],
        "closed": ["Peruttu haku 2026"],
    }
    # After the deadline of 15.4.2026 16.15 the closed call leads "recently closed".
    assert home_sections(chromium, home, at("16.04.2026 09.00.00")) == {
        "open": ["Kansainvälisyyden jatkuva haku"],
        "upcoming": ["Lukiokoulutuksen kehittäminen 2027 & <b>muut</b>"],
        "closed": ["Kielikylpyopetuksen kehittäminen 2026", "Peruttu haku 2026"],
    }
    # On 5.1.2027 the upcoming call is open and closes first; nothing is upcoming any more.
    assert home_sections(chromium, home, at("05.01.2027 12.00.00")) == {
        "open": ["Lukiokoulutuksen kehittäminen 2027 & <b>muut</b>", "Kansainvälisyyden jatkuva haku"],
        "upcoming": ["(empty)"],
        "closed": ["Kielikylpyopetuksen kehittäminen 2026", "Peruttu haku 2026"],
    }


@pytest.fixture(scope="module")
def served_real_site(tmp_path_factory):
    """The real-style calls built on 10.2.2026, while the call under assessment was still open."""
    site = tmp_path_factory.mktemp("real-early") / "site"
    build(FIXTURES / "real", site, "10.2.2026 klo 12.00")
    base, server = serve(site)
    yield base
    server.shutdown()


@pytest.mark.parametrize("url, label", [("/fi/rahoitushaut/lukutaidon-vahvistaminen-2026/", "Arvioitavana"),
                                        ("/sv/finansiering/starkande-av-lasfardigheter-2026/", "Under bedömning")])
def test_a_call_staff_marked_under_assessment_turns_so_after_its_deadline(served_real_site, chromium, url, label):
    assert badges(chromium, served_real_site + url, None, javascript=False) == [("open", {"Arvioitavana": "Haku auki",
                                                                                          "Under bedömning": "Öppen"}[label])]
    assert badges(chromium, served_real_site + url, at("27.02.2026 16.15.00")) == [("under-assessment", label)]


def test_continuous_application_with_no_stated_opening_stays_open(served_real_site, chromium):
    url = served_real_site + "/fi/rahoitushaut/opettajien-liikkuvuusavustus/"
    assert badges(chromium, url, at("01.06.2030 12.00.00")) == [("continuous", "Jatkuva haku")]

