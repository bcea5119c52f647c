"""iCalendar files, parsed with the icalendar package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from callsite.outputs.calendars import fold
from callsite.model.dates import HELSINKI
from conftest import CONFIG, FIXTURE_CALLS, build, page, text_of

UTC = dt.timezone.utc


def calendars(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def parse(path: Path) -> icalendar.Calendar:
    data = path.read_bytes()
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    for component in calendar.walk():
        assert not component.errors, (path, component.name, component.errors)
    return calendar


def test_every_calendar_parses_with_a_vtimezone_and_unique_uids(fixture_site):
    files = calendars(fixture_site)
    assert fixture_site / "fi/calendar.ics" in files and fixture_site / "sv/calendar.ics" in files
    assert any("/fi/kalenteri/" in str(f) for f in files) and any("/sv/kalender/" in str(f) for f in files)
    for path in files:
        calendar = parse(path)
        zones = calendar.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Europe/Helsinki"]
        events = calendar.walk("VEVENT")
        assert events, path
        uids = [str(e["UID"]) for e in events]
        assert len(uids) == len(set(uids))
        for event in events:
            assert event["DTSTAMP"].dt.tzinfo is not None
            start = event["DTSTART"]
            if isinstance(start.dt, dt.datetime):
                assert start.params["TZID"] == "Europe/Helsinki"


def deadline(site: Path, url: str) -> dt.datetime:
    events = parse(site / url.lstrip("/")).walk("VEVENT")
    closes = [e for e in events if str(e["UID"]).split("@")[0].endswith("-closes")]
    assert len(closes) == 1
    return closes[0]


def test_deadlines_are_the_right_instant_in_summer_and_winter_time(scratch_calls, tmp_path):
    for name, closes in (("kesa", "20.8.2026 klo 16.15"), ("talvi", "15.1.2027 klo 16.15")):
        (scratch_calls / f"{name}.yaml").write_text(f"""\
id: {name}
slug: {{fi: {name}-haku, sv: {name}-utlysning}}
published: 1.3.2026
title: {{fi: "Haku, {name}; koe", sv: "Utlysning, {name}"}}
grant_type: special
tags: [varhaiskasvatus]
rounds:
  - opens: 2.3.2026 klo 9.00
    closes: {closes}
funding:
  total: {{euros: 100000}}
  purpose: {{fi: kokeiluun, sv: för försök}}
purpose: {{fi: Kokeilu., sv: Försök.}}
eligibility:
  applicant_types: [municipality]
  text: {{fi: Kunnat., sv: Kommuner.}}
""", encoding="utf-8")
    site = tmp_path / "site"
    build(scratch_calls, site, "10.4.2026 klo 12.00")
    summer = deadline(site, "/fi/kalenteri/kesa-haku.ics")
    assert summer["DTSTART"].dt.astimezone(UTC) == dt.datetime(2026, 8, 20, 13, 15, tzinfo=UTC)
    assert str(summer["SUMMARY"]) == "Haku päättyy: Haku, kesa; koe"
    winter = deadline(site, "/sv/kalender/talvi-utlysning.ics")
    assert winter["DTSTART"].dt.astimezone(UTC) == dt.datetime(2027, 1, 15, 14, 15, tzinfo=UTC)
    assert str(winter["SUMMARY"]) == "Ansökningstiden går ut: Utlysning, talvi"
    both = parse(site / "fi/calendar.ics").walk("VEVENT")
    opening = next(e for e in both if str(e["UID"]).startswith("kesa-round1-opens"))
    assert opening["DTSTART"].dt.astimezone(UTC) == dt.datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    assert len(both) == 4
    # Stable: the same data gives the same bytes.
    again = tmp_path / "again"
    build(scratch_calls, again, "11.4.2026 klo 8.00")
    assert (again / "fi/calendar.ics").read_bytes() == (site / "fi/calendar.ics").read_bytes()


def test_call_pages_link_to_their_calendar_file(fixture_site):
    for lang, label in (("fi", "Lisää kalenteriin"), ("sv", "Lägg till i kalendern")):
        for html in (fixture_site / lang).rglob("index.html"):
            url = "/" + str(html.relative_to(fixture_site).parent) + "/"
            if url.count("/") != 4 or ("/rahoitushaut/" not in url and "/finansiering/" not in url):
                continue
            link = page(fixture_site, url).select_one(".callsite-calendar a")
            assert text_of(link) == label
            slug = url.rstrip("/").rsplit("/", 1)[1]
            folder = "kalenteri" if lang == "fi" else "kalender"
            assert link["href"] == f"/{lang}/{folder}/{slug}.ics"
            assert (fixture_site / lang / folder / f"{slug}.ics").is_file()


def test_vtimezone_rules_match_the_helsinki_time_zone(fixture_site):
    """Our VTIMEZONE is checked on its own (icalendar resolves TZID by name, so it would not notice)."""
    from zoneinfo import ZoneInfo

    from dateutil.rrule import rrulestr

    helsinki = ZoneInfo("Europe/Helsinki")
    zone = parse(fixture_site / "sv/calendar.ics").walk("VTIMEZONE")[0]
    checked = 0
    for rule in zone.subcomponents:
        offset_from = rule["TZOFFSETFROM"].td
        offset_to = rule["TZOFFSETTO"].td
        start = rule["DTSTART"].dt
        occurrences = rrulestr(rule["RRULE"].to_ical().decode(), dtstart=start)
        for local in occurrences.between(dt.datetime(2020, 1, 1), dt.datetime(2035, 1, 1)):
            instant = (local - offset_from).replace(tzinfo=UTC)
            assert instant.astimezone(helsinki).utcoffset() == offset_to, local
            assert (instant - dt.timedelta(minutes=1)).astimezone(helsinki).utcoffset() == offset_from, local
            checked += 1
    assert checked == 30  # 15 years, two changes a year


@given(st.text(alphabet=st.sampled_from("aä€😀 ,;\\x"), max_size=400))
def test_folded_lines_are_at_most_75_octets_and_fold_as_icalendar_folds(line):
    from icalendar.parser import foldline

    folded = fold(line)
    assert folded == foldline(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert parts[0] + "".join(part[1:] for part in parts[1:]) == line


@given(st.datetimes(min_value=dt.datetime(1000, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.just(HELSINKI)))
def test_calendar_moments_are_strftimes(moment):
    from callsite.outputs.calendars import local

    assert local(moment) == moment.astimezone(HELSINKI).strftime("%Y%m%dT%H%M%S")


_helsinki_times = st.datetimes(min_value=dt.datetime(1000, 1, 2), max_value=dt.datetime(9999, 12, 30),
                               timezones=st.just(HELSINKI))
_properties = st.one_of(
    st.tuples(st.sampled_from(["SUMMARY", "DESCRIPTION", "UID", "X-WR-CALNAME"]),
              st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r\\;,N"),
                       max_size=200)),
    st.tuples(st.just("SEQUENCE"), st.integers(0, 10**6)),
    st.tuples(st.sampled_from(["DTSTART", "DTEND"]), _helsinki_times | st.dates(min_value=dt.date(1000, 1, 1))),
    st.tuples(st.just("DTSTAMP"), _helsinki_times.map(lambda moment: moment.replace(tzinfo=UTC))),
    st.tuples(st.just("URL"), st.sampled_from(["https://rahoitushaut.example.fi/fi/rahoitushaut/a-b/",
                                               "https://x.example/" + "pitkä-osoite/" * 12])))


@given(_properties)
def test_each_property_is_written_as_icalendar_writes_it(property_):
    """The build's writer of content lines against icalendar's own (TEXT escaped as RFC 5545
    asks in both: see callsite.outputs.calendars)."""
    from callsite.outputs.calendars import Text, content_line

    name, value = property_
    event = icalendar.Event()
    event.add(name, Text(value) if isinstance(value, str) and name != "URL" else value)
    assert "BEGIN:VEVENT\r\n" + content_line(name, value) + "END:VEVENT\r\n" == event.to_ical().decode("utf-8")


@pytest.mark.parametrize("now", ["10.4.2026 klo 12.00", "1.12.2026 klo 12.00"])
def test_the_built_calendars_are_what_icalendar_makes_of_the_same_events(now):
    from callsite.model.dates import parse_now
    from callsite.model.settings import load_settings
    from callsite.model.validate import load_catalog
    from callsite.outputs.calendars import icalendar_calendars, render_calendars
    from callsite.render.pages import Site
    from callsite.site.listings import site_views

    site = Site(load_catalog(FIXTURE_CALLS), load_settings(CONFIG))
    moment = parse_now(now)
    views = site_views(site, moment)
    built = render_calendars(site, views, moment)
    assert len(built) > 2 and built == icalendar_calendars(site, views, moment)


def test_text_is_escaped_as_rfc_5545_asks_where_icalendar_would_not():
    """icalendar 6's vText writes a backslash followed by N as a line break, and a lone carriage
    return as it is (ending the line); ours writes what the text says."""
    from callsite.outputs.calendars import Text, content_line

    assert content_line("SUMMARY", "C:\\Nimi; a\rb") == "SUMMARY:C:\\\\Nimi\\; a\\nb\r\n"
    assert Text("C:\\Nimi; a\rb").to_ical() == b"C:\\\\Nimi\\; a\\nb"
    with pytest.raises(ValueError, match="U\\+0000"):
        content_line("SUMMARY", "a\x00")


def test_the_time_zone_is_written_as_icalendar_writes_it():
    """The build writes Helsinki's VTIMEZONE as text, without importing icalendar: the same bytes."""
    from callsite.outputs.calendars import HELSINKI_VTIMEZONE, helsinki_timezone

    assert HELSINKI_VTIMEZONE.encode("utf-8") == helsinki_timezone().to_ical()


def test_a_line_written_once_is_still_written_for_its_own_value():
    """content_line keeps lines that recur; a moment in UTC and the same moment in Helsinki are
    equal as values but written differently, and a day is not its midnight."""
    import datetime as dt

    from callsite.model.dates import HELSINKI
    from callsite.outputs.calendars import content_line

    utc = dt.datetime(2026, 3, 5, 10, 0, tzinfo=dt.timezone.utc)
    helsinki = utc.astimezone(HELSINKI)
    assert utc == helsinki
    for _ in range(2):  # the second time from what was kept
        assert content_line("DTSTART", utc) == "DTSTART:20260305T100000Z\r\n"
        assert content_line("DTSTART", helsinki) == "DTSTART;TZID=Europe/Helsinki:20260305T120000\r\n"
        assert content_line("DTSTART", dt.date(2026, 3, 5)) == "DTSTART;VALUE=DATE:20260305\r\n"
