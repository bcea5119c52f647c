"""What a visitor needs first (issue 20): the summary at the top of a call page, the apply action
that follows the status, and the days left on pages and cards, also after callsite.js's refresh.
The fixture site is built for 10.4.2026 klo 12.00."""

from __future__ import annotations

import datetime as dt
import shutil
from zoneinfo import ZoneInfo

import pytest

from callsite.model.call import DayDeadline
from callsite.render import localise
from conftest import FIXTURE_CALLS, PAGE_TYPES, build, page, text_of

HELSINKI = ZoneInfo("Europe/Helsinki")
OPEN = PAGE_TYPES["call closing soon"]      # closes 15.4.2026 klo 16.15
UPCOMING = PAGE_TYPES["call upcoming"]      # opens 1.12.2026
CANCELLED = PAGE_TYPES["call cancelled"]
DECIDED = PAGE_TYPES["call decided"]


def summary(doc) -> list[tuple[str, str]]:
    return [(text_of(dt_), text_of(dd)) for dt_, dd in zip(doc.select(".mdx-summary dt"), doc.select(".mdx-summary dd"))]


def shown_action(doc) -> list[str]:
    return [text_of(p) for p in doc.select(".mdx-apply p") if not p.has_attr("hidden")]


@pytest.mark.parametrize("index, expected, left, action", [
    (0, [("Viimeinen hakupäivä", "15.4.2026 klo 16.15 (Suomen aikaa)"), ("Rahoitus", "enintään 750 000 euroa"),
         ("Hakijat", "kunnat, yksityiset opetuksen järjestäjät")], "5 päivää jäljellä", "Hae Hae avustusta"),
    (1, [("Sista ansökningsdag", "15.4.2026 kl. 16.15 (finsk tid)"), ("Finansiering", "högst 750 000 euro"),
         ("Sökande", "kommuner, privata utbildningsanordnare")], "5 dagar kvar", "Ansök Ansök om understöd"),
])
def test_an_open_call_says_deadline_money_applicants_and_apply_first(fixture_site, index, expected, left, action):
    doc = page(fixture_site, OPEN[index])
    assert summary(doc) == expected
    assert text_of(doc.select_one(".mdx-call__status .mdx-left")) == left
    assert shown_action(doc) == [action]
    button = doc.select_one(".mdx-apply a.md-button")
    assert button["href"].startswith("https://www.oph.fi/") and button["aria-describedby"] == "mdx-apply-label"
    # Before the long text: the summary and the action come before the first heading of the body.
    call = doc.select_one(".mdx-call")
    order = [el.get("class", [""])[0] if el.name != "h2" else "h2" for el in call.find_all(["dl", "div", "h2"])]
    assert order.index("mdx-summary") < order.index("mdx-apply") < order.index("h2")


@pytest.mark.parametrize("urls, messages, notices", [
    (UPCOMING, ("Haku avautuu 1.12.2026.", "Ansökningstiden börjar 1.12.2026."), (None, None)),
    # Cancelled or decided: the notice says so, with its date, and nothing before it says it again.
    (CANCELLED, (None, None), ("Haku on peruttu 20.3.2026.", "Utlysningen ställdes in 20.3.2026.")),
    (DECIDED, (None, None), ("Avustuspäätökset julkaistiin 12.6.2025.", "Besluten om understöd publicerades 12.6.2025.")),
])
def test_no_apply_action_where_applications_are_not_taken(fixture_site, urls, messages, notices):
    for url, message, notice in zip(urls, messages, notices):
        doc = page(fixture_site, url)
        assert shown_action(doc) == ([message] if message else [])
        assert doc.select(".mdx-apply a") == []
        titles = [text_of(title) for title in doc.select(".mdx-call .mdx-notice .admonition-title")]
        assert titles == ([notice] if notice else [])
        assert text_of(doc.select_one(".mdx-call__status .mdx-left") or doc.new_tag("span")) == ""


def test_a_cancelled_call_links_to_no_application_form(tmp_path):
    calls = tmp_path / "calls"
    shutil.copytree(FIXTURE_CALLS, calls)
    path = calls / "kielikylpy-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "cancelled:\n  date: 9.4.2026\n", encoding="utf-8")
    site = tmp_path / "site"
    build(calls, site, "10.4.2026 klo 12.00")
    for url in OPEN:
        doc = page(site, url)
        assert doc.select('.mdx-call a[data-kind="application"]') == [] and doc.select(".mdx-apply a") == []


def test_cards_say_who_can_apply_topics_and_days_left(fixture_site):
    cards = {text_of(c.select_one(".mdx-card__title")): c for c in page(fixture_site, "/fi/").select(".mdx-card")}
    card = cards["Kielikylpyopetuksen kehittäminen 2026"]
    assert text_of(card.select_one(".mdx-card__left")) == "5 päivää jäljellä"
    assert text_of(card.select_one(".mdx-card__applicants")) == "Hakijat: kunnat, yksityiset opetuksen järjestäjät"
    assert text_of(card.select_one(".mdx-card__topics")) == "Aiheet: Kieltenopetus, Perusopetus"
    sv = {text_of(c.select_one(".mdx-card__title")): c for c in page(fixture_site, "/sv/").select(".mdx-card")}
    assert text_of(sv["Utveckling av språkbadsundervisningen 2026"].select_one(".mdx-card__left")) == "5 dagar kvar"


def test_days_left_words_follow_babel_plurals_and_the_last_day():
    deadline = dt.datetime(2026, 4, 15, 16, 15, tzinfo=HELSINKI)
    assert localise.format_days_left(1, deadline, "fi") == "1 päivä jäljellä"
    assert localise.format_days_left(2, deadline, "sv") == "2 dagar kvar"
    assert localise.format_days_left(1, deadline, "sv") == "1 dag kvar"
    assert localise.format_days_left(0, deadline, "fi") == "viimeinen päivä tänään, sulkeutuu klo 16.15 (Suomen aikaa)"
    assert localise.format_days_left(0, DayDeadline.ending(dt.date(2026, 4, 15)), "sv") == "sista dagen i dag"


def at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%d.%m.%Y %H.%M").replace(tzinfo=HELSINKI)


def _look(chromium, url: str, now: dt.datetime, width: int = 390, height: int = 844):
    context = chromium.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.clock.set_fixed_time(now)
    tab.goto(url)
    tab.wait_for_load_state("load")
    return context, tab


@pytest.mark.parametrize("index, apply", [(0, "Hae"), (1, "Ansök")])
def test_on_a_phone_the_facts_and_apply_are_seen_without_scrolling(served_fixture_site, chromium, index, apply):
    context, tab = _look(chromium, served_fixture_site + OPEN[index], at("10.4.2026 12.00"))
    button = tab.get_by_role("link", name=apply, exact=True)
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844
    for selector in (".mdx-call__status .mdx-status", ".mdx-summary", ".mdx-call__status .mdx-left"):
        found = tab.locator(selector).first.bounding_box()
        assert found is not None and found["y"] + found["height"] <= 844, selector
    context.close()


def test_the_days_left_and_the_action_follow_the_visitors_clock(served_fixture_site, chromium):
    url = served_fixture_site + OPEN[0]
    context, tab = _look(chromium, url, at("15.4.2026 10.00"))
    assert tab.locator(".mdx-call__status .mdx-left").inner_text() == (
        "viimeinen päivä tänään, sulkeutuu klo 16.15 (Suomen aikaa)")
    assert tab.locator(".mdx-apply a.md-button").is_visible()
    context.close()
    context, tab = _look(chromium, url, at("16.4.2026 9.00"))
    assert tab.locator(".mdx-call__status .mdx-left").inner_text() == ""
    assert not tab.locator(".mdx-apply a.md-button").is_visible()
    assert tab.locator(".mdx-apply p:visible").all_inner_texts() == ["Hakuaika on päättynyt."]
    context.close()
    context, tab = _look(chromium, served_fixture_site + "/sv/", at("14.4.2026 9.00"))
    card = tab.locator(".mdx-card", has_text="Utveckling av språkbadsundervisningen 2026")
    assert card.locator(".mdx-card__left").inner_text() == "1 dag kvar"
    context.close()
