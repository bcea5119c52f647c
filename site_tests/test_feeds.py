"""RSS feeds, parsed with feedparser; links checked against the built site."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE_CALLS, build, page, text_of

SITE_URL = "https://rahoitushaut.example.fi"


def shown(detail) -> str:
    """The text a reader shows for a feedparser text construct: HTML (as feedparser judged the
    text to be) as its text, anything else as it is."""
    if detail.type == "text/html":
        return BeautifulSoup(detail.value, "html5lib").get_text()
    return detail.value


def feeds_of(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml"))


def built_target(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL + "/"), url
    path = urlsplit(url).path
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def test_every_feed_parses_as_rss20_with_dates_links_and_unique_guids(fixture_site):
    feeds = feeds_of(fixture_site)
    assert fixture_site / "fi/feed.xml" in feeds and fixture_site / "sv/feed.xml" in feeds
    assert any("aiheet" in str(f) for f in feeds) and any("teman" in str(f) for f in feeds)
    for feed_file in feeds:
        feed = feedparser.parse(feed_file.read_bytes())
        assert not feed.bozo, (feed_file, feed.get("bozo_exception"))
        assert feed.version == "rss20"
        assert feed.feed.language == ("fi" if "/fi/" in str(feed_file) else "sv-FI")
        self_links = [link.href for link in feed.feed.links if link.rel == "self"]
        assert self_links and built_target(fixture_site, self_links[0]) == feed_file
        guids = [entry.id for entry in feed.entries]
        assert len(guids) == len(set(guids))
        stamps = []
        for entry in feed.entries:
            assert entry.published_parsed is not None, entry.published
            stamps.append(time.mktime(entry.published_parsed))
            assert built_target(fixture_site, entry.link).is_file(), entry.link
            assert entry.title and entry.summary and entry.tags
        assert stamps == sorted(stamps, reverse=True), "items are not newest first"


def test_main_feed_has_an_item_per_event_and_helsinki_offsets(fixture_site):
    text = (fixture_site / "fi/feed.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(text)
    titles = [entry.title for entry in feed.entries]
    assert "Peruttu: Peruttu haku 2026" in titles
    assert "Peruttu haku 2026" in titles  # its publication stays an item of its own
    assert any(title.startswith("Päätökset julkaistu: ") for title in titles)
    cancelled = next(e for e in feed.entries if e.title == "Peruttu: Peruttu haku 2026")
    assert cancelled.published == "Fri, 20 Mar 2026 00:00:00 +0200"
    assert "Määräraha siirtyi." in cancelled.summary
    assert "klo 16.15 (Suomen aikaa)" in cancelled.summary  # period with time, and its zone
    assert "<lastBuildDate>Fri, 20 Mar 2026 00:00:00 +0200</lastBuildDate>" in text
    sv = feedparser.parse((fixture_site / "sv/feed.xml").read_bytes())
    assert "Inställd: Inställd utlysning 2026" in [e.title for e in sv.entries]
    assert all("/sv/finansiering/" in e.link for e in sv.entries)


def test_feeds_are_identical_across_builds_and_guids_stable(fixture_site, tmp_path):
    again = tmp_path / "site"
    build(FIXTURE_CALLS, again, "10.4.2026 klo 12.00")
    for feed_file in feeds_of(fixture_site):
        assert (again / feed_file.relative_to(fixture_site)).read_bytes() == feed_file.read_bytes()
    # A later build (new events may appear) keeps the guids it had.
    later = tmp_path / "later"
    build(FIXTURE_CALLS, later, "1.12.2026 klo 12.00")
    before = {e.id for e in feedparser.parse((fixture_site / "fi/feed.xml").read_bytes()).entries}
    after = {e.id for e in feedparser.parse((later / "fi/feed.xml").read_bytes()).entries}
    assert before <= after


def test_every_page_advertises_its_feed_and_listings_show_a_subscribe_link(fixture_site):
    for html in fixture_site.joinpath("fi").rglob("index.html"):
        links = page(fixture_site, "/" + str(html.relative_to(fixture_site).parent) + "/").select(
            'head link[rel="alternate"][type="application/rss+xml"]')
        assert any(link["href"] == "/fi/feed.xml" for link in links), html
    home = page(fixture_site, "/sv/")
    subscribe = home.select_one(".callsite-subscribe a")
    assert subscribe["href"] == "/sv/feed.xml" and "RSS" in text_of(subscribe)
    topic_feed = [f for f in feeds_of(fixture_site) if "/fi/aiheet/" in str(f)][0]
    topic_url = "/" + str(topic_feed.relative_to(fixture_site).parent) + "/"
    topic = page(fixture_site, topic_url)
    assert topic.select_one(".callsite-subscribe a")["href"] == topic_url + "feed.xml"
    assert topic.select_one(f'head link[href="{topic_url}feed.xml"]') is not None


CALL = """\
id: jatko
slug: {fi: jatkettu-haku, sv: forlangd-utlysning}
published: 1.3.2026
title: {fi: "Jatkettu haku <b>&</b>", sv: Förlängd utlysning}
grant_type: special
tags: [varhaiskasvatus]
rounds:
  - opens: 2.3.2026 klo 9.00
    closes: CLOSES
funding:
  total: {euros: 100000}
  purpose: {fi: kokeiluun, sv: för försök}
purpose: {fi: Kokeilu., sv: Försök.}
eligibility:
  applicant_types: [municipality]
  text: {fi: Kunnat., sv: Kommuner.}
"""


def test_an_extended_deadline_reaches_readers_as_a_new_item(scratch_calls, tmp_path):
    from test_calendars import deadline

    path = scratch_calls / "jatko.yaml"
    path.write_text(CALL.replace("CLOSES", "20.4.2026 klo 16.15"), encoding="utf-8")
    before = tmp_path / "before"
    build(scratch_calls, before, "10.4.2026 klo 12.00")
    path.write_text(CALL.replace("CLOSES", "20.5.2026 klo 16.15") + """\
changes:
  - date: 12.4.2026
    text: {fi: Hakuaikaa jatkettu 20.5.2026 asti., sv: Ansökningstiden har förlängts till 20.5.2026.}
""", encoding="utf-8")
    after = tmp_path / "after"
    build(scratch_calls, after, "12.4.2026 klo 12.00")
    old = feedparser.parse((before / "fi/feed.xml").read_bytes())
    new = feedparser.parse((after / "fi/feed.xml").read_bytes())
    # What a reader shows: the title as staff wrote it, never bold (see callsite.render.xmltext).
    assert not new.bozo and [shown(e.title_detail) for e in old.entries] == ["Jatkettu haku <b>&</b>"]
    assert [shown(e.title_detail) for e in new.entries] == ["Päivitetty: Jatkettu haku <b>&</b>",
                                                           "Jatkettu haku <b>&</b>"]
    assert new.entries[1].id == old.entries[0].id
    assert new.entries[0].id != old.entries[0].id
    assert new.entries[0].summary.startswith("Hakuaikaa jatkettu 20.5.2026 asti.")
    assert "20.5.2026 klo 16.15 (Suomen aikaa)" in new.entries[0].summary
    assert new.feed.updated == "Sun, 12 Apr 2026 00:00:00 +0300"
    assert b"<b>" not in (after / "fi/feed.xml").read_bytes()  # escaped, not markup
    # The calendar event keeps its UID and moves, with a higher SEQUENCE.
    old_event = deadline(before, "/fi/kalenteri/jatkettu-haku.ics")
    new_event = deadline(after, "/fi/kalenteri/jatkettu-haku.ics")
    assert str(old_event["UID"]) == str(new_event["UID"])
    assert int(new_event["SEQUENCE"]) > int(old_event["SEQUENCE"])
    assert new_event["DTSTART"].dt.date() == dt.date(2026, 5, 20)


def test_each_feed_holds_its_fifty_latest_events_and_every_call_stays_in_the_data(scratch_calls, tmp_path):
    import json

    from callsite.outputs.feeds import FEED_ITEMS

    assert FEED_ITEMS == 50
    # 61 calls published a day apart (1.1. to 2.3.2026); every other one also in a second topic; the
    # oldest one's change note is the newest event of all. Events, not calls, are what is counted.
    template = (FIXTURE_CALLS / "tuleva.yaml").read_text(encoding="utf-8")
    first = dt.date(2026, 1, 1)
    for number in range(61):
        day = first + dt.timedelta(days=number)
        text = (template.replace("id: tuleva", f"id: haku-{number:02d}")
                .replace("lukiokoulutuksen-kehittaminen-2027", f"haku-{number:02d}")
                .replace("utveckling-av-gymnasieutbildningen-2027", f"utlysning-{number:02d}")
                .replace("published: 1.3.2026", f"published: {day.day}.{day.month}.2026")
                .replace("tags: [lukiokoulutus]", "tags: [lukiokoulutus, perusopetus]" if number % 2 else
                         "tags: [lukiokoulutus]"))
        if number == 59:  # a topic written twice is one topic: one item in its feed
            text = text.replace("tags: [lukiokoulutus, perusopetus]", "tags: [lukiokoulutus, perusopetus, perusopetus]")
        if number == 0:
            text += "changes:\n  - date: 10.3.2026\n    text: {fi: Ohjeet päivitetty., sv: Anvisningarna uppdaterade.}\n"
        (scratch_calls / f"haku-{number:02d}.yaml").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    build(scratch_calls, site, "1.4.2026 klo 12.00")

    def guids(path: str) -> list[str]:
        feed = feedparser.parse((site / path).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        return [entry.id for entry in feed.entries]

    def published(number: int, lang: str) -> str:
        day = first + dt.timedelta(days=number)
        return f"tag:rahoitushaut.example.fi,2026:call/haku-{number:02d}/{lang}/published/{day.isoformat()}"

    for lang, (upper, basic) in (("fi", ("aiheet/lukiokoulutus", "aiheet/perusopetus")),
                                 ("sv", ("teman/gymnasieutbildning", "teman/grundlaggande-utbildning"))):
        change = f"tag:rahoitushaut.example.fi,2026:call/haku-00/{lang}/changed/2026-03-10-1"
        newest = [change] + [published(number, lang) for number in range(60, 11, -1)]
        assert guids(f"{lang}/feed.xml") == newest  # 50: the change note and the 49 latest calls
        assert guids(f"{lang}/{upper}/feed.xml") == newest  # every call has this topic
        # 30 calls in the other topic: fewer events than the limit, so all of them, newest first.
        assert guids(f"{lang}/{basic}/feed.xml") == [published(number, lang)
                                                                  for number in range(59, 0, -2)]
        # The calls left out of the feed are still listed, and in the data.
        archive = page(site, f"/{lang}/{'arkisto' if lang == 'fi' else 'arkiv'}/")
        oldest = f"/{lang}/rahoitushaut/haku-01/" if lang == "fi" else "/sv/finansiering/utlysning-01/"
        assert archive.find("a", href=lambda href: href is not None and href.endswith(oldest)), oldest
    data = json.loads((site / "calls.json").read_text(encoding="utf-8"))
    assert sorted(call["id"] for call in data["calls"]) == [f"haku-{number:02d}" for number in range(61)]


@given(st.text(alphabet=st.sampled_from("ab&<>\"'\n\r\tä"), max_size=40))
def test_xml_escaping_matches_the_standard_library(text):
    from xml.sax import saxutils

    from callsite.render.xmltext import escape, quoteattr

    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)


@given(st.text(alphabet=st.sampled_from("ab&<>\"'\n\t/!?äT") | st.characters(min_codepoint=0x20, max_codepoint=0xd7ff),
               max_size=40))
def test_feed_text_is_what_elementtree_writes_of_it(text):
    """The feeds' text is written by ElementTree: xmltext's escape_*_text are its output."""
    import xml.etree.ElementTree as ET

    from callsite.render.xmltext import as_html_text, as_plain_text, escape_html_text, escape_plain_text

    for made, written in ((as_plain_text, escape_plain_text), (as_html_text, escape_html_text)):
        element = ET.Element("t")
        element.text = made(text)
        assert ET.tostring(element, encoding="unicode", short_empty_elements=False) == f"<t>{written(text)}</t>"


def test_a_character_xml_cannot_carry_never_reaches_elementtree():
    """ElementTree writes a NUL as it is (a feed no reader can parse): the text is refused first."""
    import xml.etree.ElementTree as ET

    import pytest

    from callsite.render.xmltext import as_html_text, as_plain_text

    element = ET.Element("t")
    element.text = "a\x00"
    assert ET.tostring(element) == b"<t>a\x00</t>"
    for made in (as_plain_text, as_html_text):
        with pytest.raises(ValueError, match="U\\+0000 at character 2 of 'a\\\\x00'"):
            made("a\x00")


def test_an_item_is_the_same_in_every_feed_that_has_it(fixture_site):
    """Items are written once and shared by the language's feed and its topics' feeds."""
    import xml.etree.ElementTree as ET

    def items(path: Path) -> dict[str, bytes]:
        root = ET.fromstring(path.read_bytes())  # strict
        return {item.findtext("guid"): ET.tostring(item) for item in root.iter("item")}

    main = items(fixture_site / "fi/feed.xml")
    shared = 0
    for path in feeds_of(fixture_site / "fi"):
        assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<rss ")
        for guid, item in items(path).items():
            assert main[guid] == item
            shared += 1
    assert shared > len(main)
