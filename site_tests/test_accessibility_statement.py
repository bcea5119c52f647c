"""The accessibility statement pages (saavutettavuusseloste / tillgänglighetsutlåtande): the
required content; the supervising authority, its contacts, the feedback address and the day the
statement was last reviewed come from the settings (extra.callsite.accessibility_* in mkdocs.yml);
the review is no more than a year old; and every page links to the statement from its footer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import CONFIG, PAGE_TYPES, config_with, page, text_of

from callsite.commands.cli import main
from callsite.model.settings import Names, Settings, load_settings
from callsite.render.localise import CATALOG_DIR

STATEMENTS = {"fi": "/fi/saavutettavuusseloste/", "sv": "/sv/tillganglighetsutlatande/"}
AUTHORITY = {"fi": "Lupa- ja valvontavirasto", "sv": "Tillstånds- och tillsynsverket"}
SUPERVISION_PAGE = {"fi": "https://www.saavutettavuusvaatimukset.fi/", "sv": "https://www.tillganglighetskrav.fi/"}
# The regional state administrative agencies ceased on 1.1.2026 (their tasks: Lupa- ja valvontavirasto).
CEASED_AUTHORITY = ("aluehallintovira", "regionförvaltningsverk", "avi.fi", "etelä-suomen", "södra finland")
NOW = "10.4.2026 klo 12.00"


def with_settings(folder: Path, lines: str) -> Path:
    """mkdocs.yml with ``lines`` (indented as extra.callsite's fields) added after closing_soon_days (line 35)."""
    return config_with(folder, ("closing_soon_days: 14", "closing_soon_days: 14\n" + lines))


def review_date_shown(doc) -> dt.date:
    """The day the statement says it was last reviewed, read from its text as readers see it
    (and the same as its <time datetime>)."""
    paragraph = doc.select_one("article h2#date").find_next_sibling("p")
    day, month, year = map(int, re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text_of(paragraph)).groups())
    shown = dt.date(year, month, day)
    assert dt.date.fromisoformat(paragraph.select_one("time")["datetime"]) == shown
    return shown


def a_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29.2.
        return day.replace(year=day.year - 1, day=28)


@pytest.mark.parametrize("lang, title, facts", [
    ("fi", "Saavutettavuusseloste", [
        "WCAG 2.1", "Lupa- ja valvontavirasto valvoo saavutettavuusvaatimusten", "Sähköposti: saavutettavuus@oph.fi",
        "Verkkosivusto: saavutettavuusvaatimukset.fi", "tarkistettu viimeksi 28.11.2026", "Ei-saavutettava sisältö"]),
    ("sv", "Tillgänglighetsutlåtande", [
        "WCAG 2.1", "Tillstånds- och tillsynsverket övervakar att tillgänglighetskraven",
        "E-post: saavutettavuus@oph.fi", "Webbplats: tillganglighetskrav.fi", "sågs senast över 28.11.2026",
        "Innehåll som inte är tillgängligt"]),
])
def test_statement_pages_have_the_required_content(fixture_site, lang, title, facts):
    doc = page(fixture_site, STATEMENTS[lang])
    assert doc.html["lang"] == lang
    assert text_of(doc.select_one("article h1")) == title
    body = text_of(doc.select_one("article"))
    for fact in facts:
        assert fact in body
    hrefs = {a["href"] for a in doc.select("article a[href]")}
    assert {SUPERVISION_PAGE[lang], "mailto:saavutettavuus@oph.fi"} <= hrefs
    # No contact of the authority is shown until the agency has confirmed it (a setting).
    assert {"Puhelin:", "Telefon:"}.isdisjoint(body.split())
    assert [href for href in hrefs if href.startswith("mailto:")] == ["mailto:saavutettavuus@oph.fi"]


def test_the_supervising_authority_is_the_current_one(fixture_site):
    """Lupa- ja valvontavirasto / Tillstånds- och tillsynsverket by default and in mkdocs.yml; the
    regional state administrative agency (ceased 1.1.2026) named nowhere: not on the pages, not in
    the catalogs."""
    assert Settings().accessibility_authority == Names(**AUTHORITY)
    assert load_settings(CONFIG).accessibility_authority == Names(**AUTHORITY)
    for lang, url in STATEMENTS.items():
        doc = page(fixture_site, url)
        article = doc.select_one("article")
        assert f"{AUTHORITY[lang]} " in text_of(article)
        assert [text_of(li) for li in article.select("h2#enforcement ~ ul > li")][0] == AUTHORITY[lang]
        everything = (str(article) + text_of(article)).lower()
        assert not [name for name in CEASED_AUTHORITY if name in everything], url
    for catalog in CATALOG_DIR.glob("*.po"):
        text = catalog.read_text(encoding="utf-8").lower()
        assert not [name for name in CEASED_AUTHORITY if name in text], catalog.name


def test_the_statement_says_what_the_settings_say(tmp_path, scratch_calls):
    """Another authority, its contacts, another feedback address and review date in a scratch
    mkdocs.yml: the pages in both languages change with them, and the defaults are gone."""
    config = with_settings(tmp_path, """\
    accessibility_statement_reviewed: 2.3.2026
    accessibility_feedback_email: palaute@virasto.example.fi
    accessibility_authority: {fi: Testivalvontavirasto, sv: Testtillsynsverket}
    accessibility_authority_url:
      fi: https://valvonta.example.fi/saavutettavuus/
      sv: https://valvonta.example.fi/tillganglighet/
    accessibility_authority_email: saavutettavuus@valvonta.example.fi
    accessibility_authority_phone: "+358 29 501 6000"
""")
    site = tmp_path / "site"
    assert main(["build", "--calls", str(scratch_calls), "--config", str(config), "--site-dir", str(site),
                 "--now", NOW]) == 0
    expected = {
        "fi": ("Testivalvontavirasto valvoo", "Verkkosivusto: valvonta.example.fi/saavutettavuus",
               "Puhelin: +358 29 501 6000", "https://valvonta.example.fi/saavutettavuus/"),
        "sv": ("Testtillsynsverket övervakar", "Webbplats: valvonta.example.fi/tillganglighet",
               "Telefon: +358 29 501 6000", "https://valvonta.example.fi/tillganglighet/"),
    }
    for lang, (sentence, website, phone, url) in expected.items():
        doc = page(site, STATEMENTS[lang])
        body = text_of(doc.select_one("article"))
        assert sentence in body and website in body and phone in body
        contacts = [text_of(li) for li in doc.select("article h2#enforcement ~ ul > li")]
        assert contacts[0] == {"fi": "Testivalvontavirasto", "sv": "Testtillsynsverket"}[lang]
        hrefs = [a["href"] for a in doc.select("article a[href]")]
        assert url in hrefs
        assert [h for h in hrefs if h.startswith("mailto:")] == [
            "mailto:palaute@virasto.example.fi", "mailto:saavutettavuus@valvonta.example.fi"]
        assert review_date_shown(doc) == dt.date(2026, 3, 2)
        assert not any(default in body for default in (*AUTHORITY.values(), "saavutettavuus@oph.fi",
                                                       "saavutettavuusvaatimukset.fi", "tillganglighetskrav.fi"))


def test_the_statement_was_reviewed_within_a_year(fixture_site):
    """The review date on the pages built from the real mkdocs.yml, against today's date (the
    real one, not a build's "now"): this fails once the statement is more than a year old, which
    is when the law expects it to have been reviewed again."""
    today = dt.date.today()
    reviewed = load_settings(CONFIG).accessibility_statement_reviewed
    for url in STATEMENTS.values():
        shown = review_date_shown(page(fixture_site, url))
        assert shown == reviewed
        assert shown >= a_year_before(today), (
            f"the accessibility statement was last reviewed on {shown.day}.{shown.month}.{shown.year}, more than "
            f"a year ago: review it (scripts/callsite/render/templates/accessibility.html and its texts in the "
            f"catalogs), then write the day under extra.callsite in mkdocs.yml, "
            f"e.g. accessibility_statement_reviewed: {today.day}.{today.month}.{today.year}")


# (the added line, the problem's first line after "mkdocs.yml:36:", its hint)
WRONG = [
    pytest.param("accessibility_statement_reviewed: 28.11.26",
                 "39: error: extra.callsite.accessibility_statement_reviewed: the year in '28.11.26' is not four "
                 "digits",
                 "e.g. 20.8.2026", id="review-date-two-digit-year"),
    pytest.param("accessibility_statement_reviewed: 2026-11-28 10:00",
                 "39: error: extra.callsite.accessibility_statement_reviewed: '2026-11-28 10:00' has a time, "
                 "but only a date is expected here", "write only the date, e.g. 20.8.2026", id="review-date-time"),
    pytest.param("accessibility_statement_reviewed: 2026",
                 "39: error: extra.callsite.accessibility_statement_reviewed: expected a date, found the number 2026",
                 "write e.g. 28.11.2026", id="review-date-number"),
    pytest.param("accessibility_feedback_email: mailto:saavutettavuus@oph.fi",
                 "35: error: extra.callsite.accessibility_feedback_email: expected an email address, "
                 "found the text 'mailto:saavutettavuus@oph.fi'", "write the address alone, without mailto:",
                 id="feedback-mailto"),
    pytest.param("accessibility_feedback_email: saavutettavuus",
                 "35: error: extra.callsite.accessibility_feedback_email: expected an email address, "
                 "found the text 'saavutettavuus'", "write one address, e.g. saavutettavuus@oph.fi",
                 id="feedback-not-an-address"),
    pytest.param("accessibility_authority: Lupa- ja valvontavirasto",
                 "30: error: extra.callsite.accessibility_authority: expected a group of fields, found the text "
                 "'Lupa- ja valvontavirasto'",
                 "give the name in both languages, e.g. accessibility_authority: {fi: Lupa- ja valvontavirasto, "
                 "sv: Tillstånds- och tillsynsverket}", id="authority-not-per-language"),
    pytest.param("accessibility_authority_url: {fi: 'http://www.saavutettavuusvaatimukset.fi/', "
                 "sv: 'https://www.tillganglighetskrav.fi/'}",
                 "39: error: extra.callsite.accessibility_authority_url.fi: expected a web page's address starting "
                 "with https://, found the text 'http://www.saavutettavuusvaatimukset.fi/'",
                 "pages of other sites are linked with https://", id="authority-url-plain-http"),
    pytest.param("accessibility_authority_url: {fi: 'javascript:alert(1)', sv: 'https://www.tillganglighetskrav.fi/'}",
                 "39: error: extra.callsite.accessibility_authority_url.fi: expected a web page's address starting "
                 "with https://, found the text 'javascript:alert(1)'",
                 "copy the full address from the browser's address bar", id="authority-url-script"),
    pytest.param("accessibility_authority_phone: 0295 016 000 (vaihde)",
                 "36: error: extra.callsite.accessibility_authority_phone: expected a telephone number, found the "
                 "text '0295 016 000 (vaihde)'", 'write the number in quotes, with digits, spaces and + only, '
                 'e.g. "0295 016 000"', id="phone-words"),
    pytest.param("accessibility_authority_phone: +358295016000",
                 "36: error: extra.callsite.accessibility_authority_phone: expected text, found the number "
                 "358295016000", 'put the value in quotes: "+358295016000"', id="phone-unquoted"),
]


@pytest.mark.parametrize("line, first_line, hint", WRONG)
def test_check_reports_a_wrong_statement_setting_at_its_line(tmp_path, capsys, monkeypatch, line, first_line, hint):
    from conftest import FIXTURE_CALLS

    with_settings(tmp_path, f"    {line}")
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--config", "mkdocs.yml", "--now", NOW]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"mkdocs.yml:36:{first_line}"
    assert lines[1] == f"    hint: {hint}"
    assert len([line for line in lines if ": error: " in line]) == 1


@pytest.mark.parametrize("path", [url for pair in PAGE_TYPES.values() for url in pair])
def test_every_page_links_to_the_statement_from_its_footer(fixture_site, path):
    doc = page(fixture_site, path)
    lang = doc.html["lang"]
    links = doc.select("footer a[href]")
    targets = {urljoin("http://site" + path, a["href"]).removeprefix("http://site"): text_of(a) for a in links}
    wanted = STATEMENTS[lang]
    assert wanted in targets, f"{path}: no footer link to the accessibility statement"
    # the footer's label (mkdocs.yml) is the statement page's own title (.po)
    title = text_of(page(fixture_site, STATEMENTS[lang]).select_one("article h1"))
    assert targets[wanted] == title
