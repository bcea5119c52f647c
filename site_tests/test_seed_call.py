"""Every fact of the seed page (fixtures/seed-page.txt) appears on our call page, in both languages."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, page, text_of

FI_URL = "/fi/rahoitushaut/innovatiivisten-oppimisymparistojen-edistaminen-esi-ja-perusopetuksessa-2020/"
SV_URL = ("/sv/finansiering/framjande-av-innovativa-larmiljoer-inom-forskoleundervisningen-och-den-"
          "grundlaggande-utbildningen-2020/")


def seed_paragraphs() -> list[str]:
    """The seed's text blocks, without Markdown marks, link targets and list bullets."""
    text = (FIXTURES / "seed-page.txt").read_text(encoding="utf-8")
    blocks = []
    for line in text.splitlines():
        line = re.sub(r"\(\[[^]]*\]\(#\)\)", "", line)  # "([/fi/...](#))" link targets
        line = line.replace("**", "").lstrip("#→- ").strip()
        if line and line != "---":
            blocks.append(" ".join(line.split()))
    return blocks


def test_every_seed_text_is_on_the_finnish_page(seed_site):
    article = page(seed_site, FI_URL).select_one("article")
    shown = text_of(article)
    missing = []
    for block in seed_paragraphs():
        expected = block.replace("klo 16:15", "klo 16.15")  # the agency's own style is 16.15
        if block.startswith("Hakutiedote: Innovatiivisten oppimisympäristöjen edistäminen esi- ja perusopetu..."):
            expected = "Hakutiedote: Innovatiivisten oppimisympäristöjen edistäminen esi- ja perusopetuksessa 2020"
        if block in ("NÄYTÄ KAIKKI RAHOITUSHAUT", "TILAA UUTISKIRJEEMME") or block.startswith("©"):
            continue  # checked below: these are chrome, not call text
        if expected not in shown:
            missing.append(expected)
    assert missing == []


def test_finnish_page_details(seed_site):
    doc = page(seed_site, FI_URL)
    assert doc.html["lang"] == "fi"
    assert text_of(doc.select_one("h1")) == "Innovatiivisten oppimisympäristöjen edistäminen esi- ja perusopetuksessa"
    assert [text_of(a) for a in doc.select(".mdx-tags a")] == ["Esiopetus", "Perusopetus", "Digitaalisuus", "Oppimisympäristö"]
    assert text_of(doc.select_one(".mdx-call__period")) == "Hakuaika: 5.3.2020 – 20.8.2020 klo 16.15 (Suomen aikaa)"
    assert text_of(doc.select_one(".mdx-call__money strong")) == "noin 1,5 miljoonaa euroa"
    assert text_of(doc.select_one(".mdx-status")) == "Haku auki"
    assert text_of(doc.select_one(".mdx-call__type")) == "Erityisavustus"
    assert len(doc.select(".mdx-call__focus li")) == 3
    links = [(text_of(a), a["href"]) for a in doc.select(".mdx-links a")]
    assert links == [
        ("Innovatiivisten oppimisympäristöjen edistäminen esi- ja perusopetuksessa 2020",
         "https://www.oph.fi/fi/funding/innovatiivisten-oppimisymparistojen-edistaminen-esi-ja-perusopetuksessa-2020"),
        ("Hakutiedote: Innovatiivisten oppimisympäristöjen edistäminen esi- ja perusopetuksessa 2020",
         "https://www.oph.fi/fi/avustukset/innovatiivisten-oppimisymparistojen-edistaminen-esi-ja-perusopetuksessa-2020"),
    ]
    show_all = doc.find("a", string=re.compile("Näytä kaikki rahoitushaut"))
    assert show_all["href"] == "/fi/#avoimet-haut"
    home = page(seed_site, "/fi/")
    assert home.find(id="avoimet-haut") is not None
    assert text_of(doc.select_one(".md-copyright__highlight")) == "© Opetushallitus 2020"


def test_swedish_page_details(seed_site):
    doc = page(seed_site, SV_URL)
    assert doc.html["lang"] == "sv"
    article = doc.select_one("article")
    shown = text_of(article)
    assert text_of(doc.select_one("h1")) == (
        "Främjande av innovativa lärmiljöer inom förskoleundervisningen och den grundläggande utbildningen")
    assert [text_of(a) for a in doc.select(".mdx-tags a")] == [
        "Förskoleundervisning", "Grundläggande utbildning", "Digitalisering", "Lärmiljö"]
    assert text_of(doc.select_one(".mdx-call__period")) == "Ansökningstid: 5.3.2020–20.8.2020 kl. 16.15 (finsk tid)"
    assert text_of(doc.select_one(".mdx-call__money")) == (
        "Utbildningsstyrelsen utlyser cirka 1,5 miljoner euro för att främja innovativa lärmiljöer inom "
        "förskoleundervisningen och den grundläggande utbildningen. Statsunderstöd beviljas för högst 90 % av "
        "projektets totala kostnader, vilket innebär att projektets självfinansieringsandel är minst 10 %.")
    for phrase in ("Syftet med understödet", "följande tre prioriteringar:", "lärandeanalytik",
                   "interoperabiliteten", "IKT-strategin", "nyhetsvärde på nationell nivå",
                   "Understöd kan beviljas endast kommuner, samkommuner eller privata utbildningsanordnare",
                   "Statliga läroanstalter kan delta", "Sökande: kommuner, samkommuner, privata utbildningsanordnare",
                   "Publicerad 5.3.2020"):
        assert phrase in shown
    assert [text_of(a) for a in doc.select(".mdx-links a")][1].startswith("Meddelande om utlysningen: Främjande")
    assert doc.find("a", string=re.compile("Visa alla utlysningar"))["href"] == "/sv/#oppna-utlysningar"
    assert text_of(doc.select_one(".md-copyright__highlight")) == "© Utbildningsstyrelsen 2020"
    assert "Opetushallitus" not in shown


@pytest.mark.parametrize("url, other", [(FI_URL, SV_URL), (SV_URL, FI_URL)])
def test_language_switcher_leads_to_the_counterpart(seed_site, url, other):
    doc = page(seed_site, url)
    switch = {a["hreflang"]: a["href"] for a in doc.select("a.mdx-language__link")}
    assert switch == ({"sv-FI": SV_URL} if url == FI_URL else {"fi": FI_URL})
    alternates = {link["hreflang"]: link["href"] for link in doc.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"fi": FI_URL, "sv-FI": SV_URL}
    page(seed_site, other)  # the counterpart exists
