"""Listing filters on the archive: by topic, applicant type and status, in the browser, kept in
the URL; without JavaScript the form stays hidden and every call is listed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from conftest import PAGE_TYPES

ARCHIVE = PAGE_TYPES["archive"]
BUILT = dt.datetime(2026, 4, 10, 12, 0, tzinfo=ZoneInfo("Europe/Helsinki"))  # the fixture build's "now"


def visible_titles(page) -> list[str]:
    return [t.strip() for t in page.locator("#callsite-main li.mdx-card:visible .mdx-card__title").all_inner_texts()]


def test_without_javascript_every_call_is_listed_and_no_dead_form_shows(served_fixture_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_fixture_site + ARCHIVE[0] + "?tag=perusopetus")
    assert not page.locator("form.mdx-filter").is_visible()
    assert len(visible_titles(page)) == page.locator("li.mdx-card").count() == 5
    context.close()


def test_choosing_a_topic_filters_and_goes_into_the_url(served_fixture_site, chromium):
    page = chromium.new_page()
    page.goto(served_fixture_site + ARCHIVE[0])
    assert page.locator("form.mdx-filter").is_visible()
    assert len(visible_titles(page)) == 5
    assert page.inner_text(".mdx-filter__count") == "Näytettäviä hakuja: 5"
    page.select_option("#mdx-filter-tag", "perusopetus")
    titles = visible_titles(page)
    assert sorted(titles) == ["Kerhotoiminta 2025", "Kielikylpyopetuksen kehittäminen 2026"]
    assert page.url.endswith("/fi/arkisto/?tag=perusopetus")
    assert page.inner_text(".mdx-filter__count") == "Näytettäviä hakuja: 2"
    page.select_option("#mdx-filter-applicant", "private_provider")
    assert len(visible_titles(page)) <= 1
    assert "applicant=private_provider" in page.url and "tag=perusopetus" in page.url
    page.select_option("#mdx-filter-tag", "")
    page.select_option("#mdx-filter-applicant", "")
    assert len(visible_titles(page)) == 5
    assert page.url.endswith("/fi/arkisto/")
    page.close()


def test_a_filtered_url_opens_filtered_and_empty_years_disappear(served_fixture_site, chromium):
    page = chromium.new_page()
    page.clock.set_fixed_time(BUILT)  # statuses follow the visitor's clock (callsite.js)
    page.goto(served_fixture_site + ARCHIVE[1] + "?status=open")
    assert page.input_value("#mdx-filter-status") == "open"
    titles = visible_titles(page)
    assert sorted(titles) == ["Fortlöpande ansökan för internationalisering",
                              "Utveckling av språkbadsundervisningen 2026"]
    page.select_option("#mdx-filter-status", "upcoming")
    assert visible_titles(page) == ["Utveckling av gymnasieutbildningen 2027 & <b>annat</b>"]
    for heading in page.locator("#callsite-main h2:visible").all():
        assert heading.evaluate("h => h.nextElementSibling.querySelectorAll('li.mdx-card:not([hidden])').length") > 0
    assert page.locator("#callsite-main h2:visible").count() < page.locator("#callsite-main h2").count()
    page.close()


def test_the_status_filter_uses_the_status_at_the_visitors_time(served_fixture_site, chromium):
    page = chromium.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 4, 16, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki")))
    page.goto(served_fixture_site + ARCHIVE[0] + "?status=closed")
    assert "Kielikylpyopetuksen kehittäminen 2026" in visible_titles(page)
    page.close()


@pytest.mark.parametrize("value", ["<script>", "tuntematon"])
def test_an_unknown_value_in_the_url_shows_everything(served_fixture_site, chromium, value):
    page = chromium.new_page()
    page.goto(served_fixture_site + ARCHIVE[0] + "?tag=" + value)
    assert len(visible_titles(page)) == 5
    page.close()
