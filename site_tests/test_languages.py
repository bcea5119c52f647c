"""Calls in one language: a page in that language only, and a marked entry in the other's listings.

Most of the agency's real calls are published in Finnish only, some in Swedish only. A call in
one language must produce nothing in the other language that pretends to be in that language:
its listings, feeds and calendars point to the page that exists, saying which language it is in.
"""

from __future__ import annotations

import json

import feedparser
from icalendar import Calendar

from conftest import page, text_of

FI_ONLY = "/fi/rahoitushaut/lukutaitoa-vahvistavat-hankkeet-2026/"
SV_ONLY = "/sv/finansiering/fortbildning-for-svensksprakiga-larare-2026/"


def entries_linking_to(doc, url: str) -> list:
    return [link for link in doc.select("a[href]") if link["href"] == url]


def test_a_call_in_one_language_has_a_page_in_that_language_only(languages_site):
    assert page(languages_site, FI_ONLY).find("h1").get_text() == "Lukutaitoa vahvistavat hankkeet 2026"
    assert page(languages_site, SV_ONLY).find("h1").get_text() == "Fortbildning för svenskspråkiga lärare 2026"
    everything = [path.relative_to(languages_site).as_posix() for path in languages_site.rglob("*")]
    assert not [path for path in everything if "lukutaito" in path and path.startswith("sv/")]
    assert not [path for path in everything if "fortbildning" in path and path.startswith("fi/")]


def test_the_other_languages_listings_point_to_it_marked_with_its_language(languages_site):
    for listing, url, lang, marker in (("/sv/", FI_ONLY, "fi", "Endast på finska"),
                                       ("/sv/arkiv/", FI_ONLY, "fi", "Endast på finska"),
                                       ("/sv/teman/grundlaggande-utbildning/", FI_ONLY, "fi", "Endast på finska"),
                                       ("/fi/", SV_ONLY, "sv", "Vain ruotsiksi"),
                                       ("/fi/arkisto/", SV_ONLY, "sv", "Vain ruotsiksi"),
                                       ("/fi/aiheet/opetushenkilosto/", SV_ONLY, "sv", "Vain ruotsiksi")):
        doc = page(languages_site, listing)
        [link] = entries_linking_to(doc, url)
        assert (link["lang"], link["hreflang"]) == (lang, lang), listing
        card = link.find_parent("li")
        assert marker in text_of(card), listing
        # The listing's own language stays the page's: only the title is marked as the other.
        assert doc.find("html")["lang"] != lang


def test_its_own_languages_listings_show_it_as_usual(languages_site):
    doc = page(languages_site, "/fi/")
    [link] = entries_linking_to(doc, FI_ONLY)
    assert not link.has_attr("lang") and not link.has_attr("hreflang")
    assert "Vain" not in text_of(link.find_parent("li"))


def test_no_page_says_that_a_translation_exists_where_none_does(languages_site):
    for url, other in ((FI_ONLY, "sv"), (SV_ONLY, "fi")):
        doc = page(languages_site, url)
        alternates = {link["hreflang"]: link["href"] for link in doc.select('link[rel="alternate"][hreflang]')}
        assert not any(lang.startswith(other) for lang in alternates), (url, alternates)
        # The language switch offers the other language's home page instead, saying so.
        switch = [a for a in doc.select("a[hreflang]") if a["hreflang"].startswith(other)]
        assert switch and all(a["href"].rstrip("/").endswith(f"/{other}") for a in switch), url


def test_contacts_shown_in_their_languages_only(languages_site):
    fi = text_of(page(languages_site, "/fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/"))
    sv = text_of(page(languages_site, "/sv/finansiering/utveckling-av-sprakbadsundervisningen-2026/"))
    assert "Anna Andersson" in sv and "Anna Andersson" not in fi
    assert "Maija Meikäläinen" in fi and "Maija Meikäläinen" in sv


def test_open_data_says_which_languages_exist(languages_site):
    calls = {call["id"]: call for call in json.loads((languages_site / "calls.json").read_text())["calls"]}
    fi_only = calls["lukutaito-2026"]
    assert fi_only["languages"] == ["fi"]
    assert fi_only["title"] == {"fi": "Lukutaitoa vahvistavat hankkeet 2026", "sv": None}
    assert fi_only["url"]["sv"] is None and fi_only["url"]["fi"].endswith(FI_ONLY)
    assert calls["kielikylpy-2026"]["languages"] == ["fi", "sv"]


def test_feeds_and_calendars_mark_it_in_the_other_language(languages_site):
    sv_feed = feedparser.parse((languages_site / "sv/feed.xml").read_bytes())
    [item] = [entry for entry in sv_feed.entries if entry.link.endswith(FI_ONLY)]
    assert item.title == "Lukutaitoa vahvistavat hankkeet 2026 (endast på finska)"
    assert "Utlysningen finns endast på finska." in item.summary
    fi_feed = feedparser.parse((languages_site / "fi/feed.xml").read_bytes())
    [item] = [entry for entry in fi_feed.entries if entry.link.endswith(FI_ONLY)]
    assert item.title == "Lukutaitoa vahvistavat hankkeet 2026"
    calendar = Calendar.from_ical((languages_site / "sv/calendar.ics").read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT") if "Lukutaito" in str(event["SUMMARY"])]
    assert summaries and all(summary.endswith("(endast på finska)") for summary in summaries)
    assert not (languages_site / "sv/kalender/lukutaitoa-vahvistavat-hankkeet-2026.ics").exists()
    assert (languages_site / "fi/kalenteri/lukutaitoa-vahvistavat-hankkeet-2026.ics").exists()


def test_the_pages_stay_valid_and_their_links_resolve(languages_site):
    from checkers import broken_links, vnu_errors

    errors = vnu_errors(languages_site)
    assert errors == [], "\n".join(errors[:40])
    assert broken_links(languages_site) == []


def test_axe_finds_no_violations_in_the_marked_entries(languages_site, chromium):
    from conftest import serve
    from test_accessibility import axe_violations, describe

    base, server = serve(languages_site)
    try:
        for url in ("/sv/", "/fi/arkisto/", FI_ONLY):
            page = chromium.new_page()
            page.goto(base + url)
            violations = axe_violations(page)
            assert violations == [], describe(violations)
            page.close()
    finally:
        server.shutdown()
