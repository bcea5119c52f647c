"""The accessibility statement pages (saavutettavuusseloste / tillgänglighetsutlåtande) and the footer links to them."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from conftest import PAGE_TYPES, page, text_of

STATEMENTS = {"fi": "/fi/saavutettavuusseloste/", "sv": "/sv/tillganglighetsutlatande/"}


@pytest.mark.parametrize("lang, title, facts", [
    ("fi", "Saavutettavuusseloste", ["WCAG 2.1", "Etelä-Suomen aluehallintovirasto", "kirjaamo@oph.fi",
                                     "28.11.2026", "Ei-saavutettava sisältö"]),
    ("sv", "Tillgänglighetsutlåtande", ["WCAG 2.1", "Regionförvaltningsverket i Södra Finland", "kirjaamo@oph.fi",
                                        "28.11.2026", "Innehåll som inte är tillgängligt"]),
])
def test_statement_pages_have_the_required_content(fixture_site, lang, title, facts):
    doc = page(fixture_site, STATEMENTS[lang])
    assert doc.html["lang"] == lang
    assert text_of(doc.select_one("article h1")) == title
    body = text_of(doc.select_one("article"))
    for fact in facts:
        assert fact in body
    hrefs = {a["href"] for a in doc.select("article a[href]")}
    assert ("https://www.saavutettavuusvaatimukset.fi/" if lang == "fi" else "https://www.tillganglighetskrav.fi/") in hrefs


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
