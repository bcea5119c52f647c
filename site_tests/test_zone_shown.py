"""A time of day shown to readers says it is Finnish time ("20.8.2026 klo 16.15 (Suomen aikaa)",
"20.8.2026 kl. 16.15 (finsk tid)"): on the pages, in the feeds' and the calendars' descriptions.
Once in a period, after its deadline, which says it for both ends; never after a date alone; and
the machine values (<time datetime>, the calendars' DTSTART/DTEND) stay as they were."""

from __future__ import annotations

import datetime as dt

import feedparser
import icalendar
import pytest

from conftest import ALL_PAGES, page, text_of

from callsite.model.call import Round
from callsite.model.dates import HELSINKI
from callsite.render import localise

ZONE = {"fi": "(Suomen aikaa)", "sv": "(finsk tid)"}


def test_a_moment_says_its_zone_and_a_date_does_not():
    at = dt.datetime(2026, 8, 20, 16, 15, tzinfo=HELSINKI)
    assert localise.format_moment(at, "fi") == "20.8.2026 klo 16.15 (Suomen aikaa)"
    assert localise.format_moment(at, "sv") == "20.8.2026 kl. 16.15 (finsk tid)"
    assert localise.format_moment(at, "fi", with_time=False) == "20.8.2026"
    assert localise.format_moment(at, "fi", with_zone=False) == "20.8.2026 klo 16.15"
    # 13.15 UTC is 16.15 in Helsinki in summer: the zone said is the one the time is shown in.
    assert localise.format_moment(at.astimezone(dt.timezone.utc), "fi") == "20.8.2026 klo 16.15 (Suomen aikaa)"


@pytest.mark.parametrize("round_, fi, sv", [
    ({"opens": "5.3.2026", "closes": "20.8.2026 klo 16.15"},
     "5.3.2026 – 20.8.2026 klo 16.15 (Suomen aikaa)", "5.3.2026–20.8.2026 kl. 16.15 (finsk tid)"),
    ({"opens": "5.3.2026 klo 9.00", "closes": "20.8.2026 klo 16.15"},
     "5.3.2026 klo 9.00 – 20.8.2026 klo 16.15 (Suomen aikaa)", "5.3.2026 kl. 9.00–20.8.2026 kl. 16.15 (finsk tid)"),
    ({"opens": "5.3.2026 klo 9.00", "continuous": True},
     "5.3.2026 klo 9.00 (Suomen aikaa) alkaen, jatkuva haku",
     "från och med 5.3.2026 kl. 9.00 (finsk tid), fortlöpande ansökan"),
    ({"opens": "5.3.2026", "continuous": True},
     "5.3.2026 alkaen, jatkuva haku", "från och med 5.3.2026, fortlöpande ansökan"),
])
def test_a_period_says_the_zone_once_and_only_with_a_time(round_, fi, sv):
    period = Round.model_validate(round_)
    assert localise.format_period(period, "fi") == fi
    assert localise.format_period(period, "sv") == sv


@pytest.mark.parametrize("url", ALL_PAGES)
def test_every_time_of_day_on_a_page_says_its_zone(fixture_site, url):
    doc = page(fixture_site, url)
    zone = ZONE.get(doc.html.get("lang", ""), ZONE["fi"])
    for time in doc.select("time[datetime]"):
        text = text_of(time)
        if "T" not in time["datetime"]:  # a date alone
            assert "(" not in text, text
        elif time.has_attr("data-callsite-deadline"):
            assert text.endswith(f" {zone}") and text.count("(") == 1, text
            assert time["datetime"] == time["data-callsite-deadline"]
        else:  # a start with a time of day: the deadline after it says the zone for both, if there is one
            deadline = time.find_next_sibling("time")
            if deadline is None:
                assert text.endswith(f" {zone}"), text
            else:
                assert "(" not in text and deadline.has_attr("data-callsite-deadline"), text
    for period in doc.select(".mdx-card__period, .mdx-call__period"):
        has_time = any("T" in time["datetime"] for time in period.select("time"))
        assert text_of(period).count(zone) == (1 if has_time else 0), text_of(period)


def test_the_machine_values_are_unchanged(fixture_site):
    deadline = page(fixture_site, "/fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/").select_one(
        ".mdx-call__period time[data-callsite-deadline]")
    assert (deadline["datetime"], text_of(deadline)) == ("2026-04-15T16:15:00+03:00",
                                                         "15.4.2026 klo 16.15 (Suomen aikaa)")
    start = deadline.find_previous_sibling("time")
    assert (start["datetime"], text_of(start)) == ("2026-03-02T09:00:00+02:00", "2.3.2026 klo 9.00")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_feeds_and_calendars_say_the_zone_in_their_descriptions(fixture_site, lang):
    feed = feedparser.parse((fixture_site / lang / "feed.xml").read_bytes())
    periods = [entry.summary for entry in feed.entries if {"fi": "klo ", "sv": "kl. "}[lang] in entry.summary]
    assert periods and all(ZONE[lang] in summary for summary in periods)
    calendars = list((fixture_site / lang).rglob("*.ics"))
    assert calendars
    described = 0
    for path in calendars:
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            description = str(event.get("DESCRIPTION", ""))
            if {"fi": "klo ", "sv": "kl. "}[lang] in description:
                described += 1
                assert description.count(ZONE[lang]) == 1, description
            if isinstance(event.decoded("DTSTART"), dt.datetime):
                assert event.decoded("DTSTART").tzinfo is not None  # a moment, not shown text
    assert described
