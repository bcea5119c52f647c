"""The built fixture site: listings, archive, topics, 404s, root, switcher, search, nav, escaping."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest

from conftest import FIXTURE_CALLS, build, page, parse, text_of

KIELIKYLPY = {"fi": "/fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/",
              "sv": "/sv/finansiering/utveckling-av-sprakbadsundervisningen-2026/"}


def card_titles(section_heading) -> list[str]:
    listing = section_heading.find_next_sibling(["ul", "p"])
    return [text_of(a) for a in listing.select(".mdx-card__title a")] if listing.name == "ul" else []


def test_home_sections_in_finnish(fixture_site):
    doc = page(fixture_site, "/fi/")
    assert card_titles(doc.find(id="avoimet-haut")) == ["Kielikylpyopetuksen kehittäminen 2026",
                                                        "Kansainvälisyyden jatkuva haku"]
    assert card_titles(doc.find(id="tulevat-haut")) == ["Lukiokoulutuksen kehittäminen 2027 & <b>muut</b>"]
    assert card_titles(doc.find(id="paattyneet-haut")) == ["Peruttu haku 2026"]
    statuses = [text_of(s) for s in doc.select(".mdx-status")]
    assert statuses == ["Päättymässä", "Jatkuva haku", "Tulossa", "Peruttu"]
    cards = doc.select(".mdx-card")
    assert text_of(cards[0].select_one(".mdx-card__period")) == "2.3.2026 klo 9.00 – 15.4.2026 klo 16.15 (Suomen aikaa)"
    assert text_of(cards[0].select_one(".mdx-card__amount")) == "enintään 750 000 euroa"
    assert text_of(cards[1].select_one(".mdx-card__period")) == "2.1.2025 alkaen, jatkuva haku"
    assert text_of(cards[1].select_one(".mdx-card__amount")) == "noin 2 miljoonaa euroa"


def test_home_sections_in_swedish(fixture_site):
    doc = page(fixture_site, "/sv/")
    assert card_titles(doc.find(id="oppna-utlysningar")) == ["Utveckling av språkbadsundervisningen 2026",
                                                             "Fortlöpande ansökan för internationalisering"]
    cards = doc.select(".mdx-card")
    assert text_of(cards[0].select_one(".mdx-card__period")) == "2.3.2026 kl. 9.00–15.4.2026 kl. 16.15 (finsk tid)"
    assert text_of(cards[0].select_one(".mdx-card__amount")) == "högst 750 000 euro"
    assert text_of(cards[1].select_one(".mdx-card__amount")) == "cirka 2 miljoner euro"


def test_scheduled_call_is_not_published_before_its_date(fixture_site):
    # kaksi-kierrosta is published on 1.5.2026; the site is built for 10.4.2026.
    assert not (fixture_site / "fi/rahoitushaut/opettajien-taydennyskoulutus-2026").exists()
    assert "Opettajien täydennyskoulutus" not in (fixture_site / "fi/arkisto/index.html").read_text()


def test_archive_groups_by_year(fixture_site):
    doc = page(fixture_site, "/fi/arkisto/")
    years = [(text_of(h), card_titles(h)) for h in doc.select("article h2")]
    assert years == [
        ("2026", ["Lukiokoulutuksen kehittäminen 2027 & <b>muut</b>", "Kielikylpyopetuksen kehittäminen 2026",
                  "Peruttu haku 2026"]),
        ("2025", ["Kerhotoiminta 2025", "Kansainvälisyyden jatkuva haku"]),
    ]


def test_topic_pages(fixture_site):
    doc = page(fixture_site, "/fi/aiheet/perusopetus/")
    assert text_of(doc.select_one("article h1")) == "Aihe: Perusopetus"
    assert [text_of(a) for a in doc.select(".mdx-card__title a")] == ["Kielikylpyopetuksen kehittäminen 2026",
                                                                     "Kerhotoiminta 2025"]
    sv = page(fixture_site, "/sv/teman/grundlaggande-utbildning/")
    assert text_of(sv.select_one("article h1")) == "Tema: Grundläggande utbildning"
    index = page(fixture_site, "/sv/teman/")
    assert "Grundläggande utbildning (2)" in text_of(index.select_one("article"))


def test_call_page_with_every_optional_part(fixture_site):
    doc = page(fixture_site, KIELIKYLPY["fi"])
    article = doc.select_one("article")
    shown = text_of(article)
    assert text_of(article.select_one(".mdx-call__money")) == (
        "Opetushallitus asettaa haettaviksi enintään 750 000 euroa kielikylpyopetuksen kehittämiseen. "
        "Valtionavustus voi kattaa hankkeen kokonaismenot kokonaan.")
    assert [text_of(li) for li in article.select(".mdx-call__pots li")] == [
        "Ruotsin kielikylpy: 500 000 euroa", "Muut kielet: 250 000 euroa"]
    assert text_of(article.select_one(".mdx-call__per-project")) == "Avustus hanketta kohden: 20 000 euroa – 120 000 euroa."
    assert "eduskunta hyväksyy valtion talousarvion" in shown
    assert [text_of(h) for h in article.select("h2")] == [
        "Ketkä voivat hakea", "Valintaperusteet", "Säädösperusta", "Linkit", "Lisätietoja antavat",
        "Tilaa tiedot rahoitushauista sähköpostiisi"]  # the newsletter signup block
    assert [text_of(li) for li in article.select("h2#valintaperusteet + ul li")] == ["vaikuttavuus", "kustannustehokkuus"]
    contact = article.select_one(".mdx-contacts li")
    assert "Maija Meikäläinen, opetusneuvos" in text_of(contact)
    assert contact.select_one('a[href="mailto:maija.meikalainen@oph.fi"]')
    assert contact.select_one('a[href="tel:+358295331000"]')
    assert article.select_one(".mdx-links a")["href"] == "https://www.oph.fi/fi/haku?a=1&b=2"
    deadline = article.select_one("[data-callsite-deadline]")
    assert deadline["datetime"] == "2026-04-15T16:15:00+03:00"


def test_rounds_are_listed_with_their_amounts(tmp_path):
    site = tmp_path / "site"
    build(FIXTURE_CALLS, site, "1.10.2026 klo 12.00")
    doc = page(site, "/sv/finansiering/fortbildning-for-larare-2026/")
    assert [text_of(li) for li in doc.select(".mdx-call__rounds li")] == [
        "Vårens ansökningsomgång: 4.5.2026–29.5.2026 kl. 16.15 (finsk tid), 1 miljon euro",
        "Höstens ansökningsomgång: 1.10.2026–30.11.2026 kl. 16.15 (finsk tid), cirka 1,5 miljoner euro",
    ]


def test_decided_and_cancelled_notices(fixture_site):
    decided = page(fixture_site, "/fi/rahoitushaut/kerhotoiminta-2025/")
    assert text_of(decided.select_one(".mdx-notice .admonition-title")) == "Avustuspäätökset julkaistiin 12.6.2025."
    assert decided.select_one(".mdx-notice a")["href"] == "https://www.oph.fi/fi/paatokset"
    cancelled = page(fixture_site, "/sv/finansiering/installd-utlysning-2026/")
    assert [text_of(p) for p in cancelled.select(".mdx-notice p")] == [
        "Utlysningen ställdes in 20.3.2026.", "Anslaget flyttades."]


def test_yaml_text_is_escaped_and_markdown_has_no_raw_html(fixture_site):
    doc = page(fixture_site, "/fi/rahoitushaut/lukiokoulutuksen-kehittaminen-2027/")
    h1 = doc.select_one("article h1")
    assert text_of(h1) == "Lukiokoulutuksen kehittäminen 2027 & <b>muut</b>"
    assert h1.find("b") is None
    assert text_of(doc.title) == "Lukiokoulutuksen kehittäminen 2027 & <b>muut</b> - Opetushallitus – Rahoitushaut"
    call = page(fixture_site, KIELIKYLPY["fi"])
    article = call.select_one("article")
    assert article.find("script") is None
    assert '<script>alert("x")</script>' in text_of(article)
    assert article.find("strong", string="vahvistaa")


def test_not_found_pages(fixture_site):
    fi = parse(fixture_site / "fi/404.html")
    assert fi.html["lang"] == "fi"
    assert text_of(fi.select_one("article h1")) == "Sivua ei löytynyt"
    sv = parse(fixture_site / "sv/404.html")
    assert sv.html["lang"] == "sv"
    assert text_of(sv.select_one("article h1")) == "Sidan hittades inte"
    assert sv.select_one('article a[href="/sv/"]')
    root = parse(fixture_site / "404.html")
    assert text_of(root.select_one("h1")) == "Sivua ei löytynyt / Sidan hittades inte"
    assert [a["href"] for a in root.select("main a")] == ["/fi/", "/sv/"]


def test_root_page_works_without_javascript(fixture_site):
    root = parse(fixture_site / "index.html")
    assert root.find("script") is None
    assert [(a["href"], text_of(a)) for a in root.select("main a")] == [("/fi/", "Suomeksi"), ("/sv/", "På svenska")]
    assert {link["hreflang"] for link in root.select('link[rel="alternate"]')} == {"fi", "sv-FI", "x-default"}
    assert (fixture_site / "assets/root.css").is_file()


def html_pages(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (site / lang).rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("lang, other", [("fi", "sv"), ("sv", "fi")])
def test_every_page_switches_to_its_own_counterpart(fixture_site, lang, other):
    pages = html_pages(fixture_site, lang)
    assert len(pages) == 22  # home, archive, topics, 12 topic pages, 5 published calls, newsletter, accessibility
    for path in pages:
        own = "/" + path.parent.relative_to(fixture_site).as_posix() + "/"
        doc = parse(path)
        assert doc.html["lang"] == lang
        links = {a["hreflang"][:2]: a["href"] for a in doc.select("a.mdx-language__link")}
        assert set(links) == {other}  # the language link names the other language only
        counterpart = page(fixture_site, links[other])
        back = {a["hreflang"][:2]: a["href"] for a in counterpart.select("a.mdx-language__link")}
        assert back[lang] == own, path
        alternates = {l["hreflang"][:2]: l["href"] for l in doc.select('link[rel="alternate"][hreflang]')}
        assert alternates == {lang: own, **links}


@pytest.mark.parametrize("lang, placeholder", [("fi", "Hae"), ("sv", "Sök")])
def test_material_interface_and_search_are_in_the_page_language(fixture_site, lang, placeholder):
    doc = page(fixture_site, KIELIKYLPY[lang])
    assert doc.select_one("input.md-search__input")["placeholder"] == placeholder
    index = json.loads((fixture_site / lang / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    locations = {d["location"] for d in index["docs"]}
    assert KIELIKYLPY[lang].split("/", 2)[2] in locations
    other = "sv" if lang == "fi" else "fi"
    assert not any(KIELIKYLPY[other].split("/", 2)[2] in loc for loc in locations)


def test_calls_stay_out_of_the_navigation(fixture_site):
    doc = page(fixture_site, KIELIKYLPY["fi"])
    nav = [text_of(a) for a in doc.select("nav.md-nav--primary a.md-nav__link")]
    assert nav == ["Rahoitushaut", "Kaikki haut vuosittain", "Aiheet"]


def test_no_third_party_font_or_script_references(fixture_site):
    for path in fixture_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path


def test_same_input_and_now_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(FIXTURE_CALLS, first, "10.4.2026 klo 12.00")
    build(FIXTURE_CALLS, second, "10.4.2026 klo 12.00")
    differing = []

    def compare(cmp: filecmp.dircmp) -> None:
        assert not cmp.left_only and not cmp.right_only
        differing.extend(cmp.diff_files)
        for sub in cmp.subdirs.values():
            compare(sub)

    compare(filecmp.dircmp(first, second))
    for path in first.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path
    assert differing == []


def test_call_pages_describe_period_and_amount(fixture_site):
    fi = page(fixture_site, KIELIKYLPY["fi"]).select_one('meta[name="description"]')["content"]
    assert fi == "Hakuaika: 2.3.2026 klo 9.00 – 15.4.2026 klo 16.15 (Suomen aikaa). Enintään 750\u00a0000 euroa."
    sv = page(fixture_site, KIELIKYLPY["sv"]).select_one('meta[name="description"]')["content"]
    assert sv == "Ansökningstid: 2.3.2026 kl. 9.00–15.4.2026 kl. 16.15 (finsk tid). Högst 750\u00a0000 euro."


def test_topic_page_headings_do_not_skip_levels(fixture_site):
    doc = page(fixture_site, "/fi/aiheet/perusopetus/")
    levels = [int(h.name[1]) for h in doc.select("article h1, article h2, article h3")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))


def test_closing_soon_window_comes_from_mkdocs_yml(tmp_path):
    from conftest import CONFIG, ROOT

    config = tmp_path / "mkdocs.yml"
    text = CONFIG.read_text(encoding="utf-8").replace("closing_soon_days: 14", "closing_soon_days: 3")
    assert "closing_soon_days: 3" in text
    config.write_text(text.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"), encoding="utf-8")
    from callsite.commands.cli import main

    site = tmp_path / "site"
    assert main(["build", "--calls", str(FIXTURE_CALLS), "--config", str(config), "--site-dir", str(site),
                 "--now", "10.4.2026 klo 12.00"]) == 0
    assert text_of(page(site, KIELIKYLPY["fi"]).select_one(".mdx-status")) == "Haku auki"


def test_not_found_pages_switch_to_the_other_home(fixture_site):
    for lang in ("fi", "sv"):
        doc = parse(fixture_site / lang / "404.html")
        other = "sv" if lang == "fi" else "fi"
        assert {a["hreflang"][:2]: a["href"] for a in doc.select("a.mdx-language__link")} == {other: f"/{other}/"}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_sitemap_lists_every_page_of_its_language_and_its_gzip_says_the_same(fixture_site, lang):
    """MkDocs' own sitemap knows only the pages it renders; ours lists the call pages too."""
    import gzip
    import xml.etree.ElementTree as ET

    folder = fixture_site / lang
    xml = (folder / "sitemap.xml").read_bytes()
    assert gzip.decompress((folder / "sitemap.xml.gz").read_bytes()) == xml
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in ET.fromstring(xml).findall("s:url/s:loc", namespace)}
    pages = {f"https://rahoitushaut.example.fi/{lang}/{p.parent.relative_to(folder).as_posix()}/".replace("/./", "/")
             for p in folder.rglob("index.html")}
    assert listed == pages
    assert any(KIELIKYLPY[lang] in url for url in listed)
