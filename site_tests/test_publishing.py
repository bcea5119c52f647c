"""Publishing states: drafts (preview only, with a banner), scheduled publication, change notes.

Every test builds a real site with the command line and reads the built files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from callsite.commands.cli import main
from conftest import CONFIG, FIXTURE_CALLS, page, text_of

PAATETTY = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8")

DRAFT = """\
id: luonnos
slug: {fi: luonnoshaku-2027, sv: utkast-utlysning-2027}
published: 1.3.2027
draft: true
title: {fi: Salainen luonnoshaku 2027, sv: Hemligt utkast 2027}
grant_type: general
tags: [perusopetus]
rounds:
  - opens: 1.3.2027
    closes: 15.4.2027 klo 16.15
funding:
  total: {euros: 100000}
  purpose: {fi: kokeiluihin, sv: för försök}
purpose: {fi: Luonnos., sv: Utkast.}
eligibility:
  applicant_types: [municipality]
  text: {fi: Kunnat., sv: Kommuner.}
"""

SCHEDULED = (PAATETTY.replace("id: paatetty", "id: ajastettu")
             .replace("kerhotoiminta-2025", "ajastettu-2026").replace("klubbverksamhet-2025", "schemalagd-2026")
             .replace("published: 1.2.2025", "published: 1.12.2026")
             .replace("Kerhotoiminta 2025", "Ajastettu haku 2026").replace("Klubbverksamhet 2025", "Schemalagd 2026"))

CHANGED = PAATETTY + """\
changes:
  - date: 3.3.2025
    text: {fi: Liite päivitetty., sv: Bilagan har uppdaterats.}
  - date: 10.3.2025
    text: {fi: Hakuaikaa jatkettu 14.3.2025 asti., sv: Ansökningstiden har förlängts till 14.3.2025.}
  - date: 1.3.2025
    text: {fi: Yhteystiedot korjattu., sv: Kontaktuppgifterna har rättats.}
"""


def build(calls: Path, site: Path, now: str, *extra: str) -> None:
    args = ["build", "--calls", str(calls), "--config", str(CONFIG), "--site-dir", str(site), "--now", now, *extra]
    assert main(args) == 0


def all_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


@pytest.fixture
def project(scratch_calls) -> Path:
    (scratch_calls / "paatetty.yaml").write_text(PAATETTY, encoding="utf-8")
    (scratch_calls / "luonnos.yaml").write_text(DRAFT, encoding="utf-8")
    (scratch_calls / "ajastettu.yaml").write_text(SCHEDULED, encoding="utf-8")
    return scratch_calls


def test_draft_is_never_in_the_production_build(project, tmp_path):
    site = tmp_path / "site"
    build(project, site, "1.6.2027 klo 12.00")  # long after its publication date: still a draft
    assert not (site / "fi/rahoitushaut/luonnoshaku-2027").exists()
    assert not (site / "sv/finansiering/utkast-utlysning-2027").exists()
    everything = all_text(site)  # pages, listings, search index, sitemap
    assert "Salainen luonnoshaku" not in everything and "luonnoshaku-2027" not in everything
    assert "Hemligt utkast" not in everything
    assert (site / "fi/rahoitushaut/kerhotoiminta-2025/index.html").is_file()  # the others are built


def test_draft_is_in_the_preview_with_a_banner_in_both_languages(project, tmp_path):
    site = tmp_path / "site"
    build(project, site, "1.6.2026 klo 12.00", "--preview")  # before its publication date, too
    fi = page(site, "/fi/rahoitushaut/luonnoshaku-2027/")
    banner = fi.select_one("article .mdx-draft")
    assert text_of(banner.select_one(".admonition-title")) == "Luonnos"
    assert "ei ole julkisella sivustolla" in text_of(banner)
    sv = page(site, "/sv/finansiering/utkast-utlysning-2027/")
    assert text_of(sv.select_one("article .mdx-draft .admonition-title")) == "Utkast"
    # The banner comes before the facts of the call, right under the status line.
    assert fi.select_one("article .mdx-call").find_all(recursive=False)[2] is banner
    # Calls that are not drafts carry no banner, in the preview either.
    assert page(site, "/fi/rahoitushaut/kerhotoiminta-2025/").select_one(".mdx-draft") is None
    cards = {text_of(card.select_one(".mdx-card__title")): card for card in page(site, "/fi/arkisto/").select(".mdx-card")}
    assert text_of(cards["Salainen luonnoshaku 2027"].select_one(".mdx-status--draft")) == "Luonnos"
    assert cards["Kerhotoiminta 2025"].select_one(".mdx-status--draft") is None


@pytest.mark.parametrize("now, published", [
    ("30.11.2026 klo 23.59", False),  # the evening before its publication date
    ("1.12.2026 klo 0.00", True),     # the nightly build on the day publishes it
])
def test_scheduled_call_appears_on_its_publication_date(project, tmp_path, now, published):
    site = tmp_path / "site"
    build(project, site, now)
    built = (site / "fi/rahoitushaut/ajastettu-2026/index.html").is_file()
    assert built is published
    assert (site / "sv/finansiering/schemalagd-2026/index.html").is_file() is published
    assert ("Ajastettu haku 2026" in page(site, "/fi/arkisto/").get_text()) is published
    assert ("Ajastettu haku 2026" in (site / "fi/search/search_index.json").read_text(encoding="utf-8")) is published


def test_change_notes_newest_first_in_both_languages(scratch_calls, tmp_path):
    (scratch_calls / "paatetty.yaml").write_text(CHANGED, encoding="utf-8")
    site = tmp_path / "site"
    build(scratch_calls, site, "1.6.2025 klo 12.00")
    fi = page(site, "/fi/rahoitushaut/kerhotoiminta-2025/")
    section = fi.select_one("article .mdx-changes")
    assert text_of(section.find("h2")) == "Päivitetty"
    assert section.find("h2")["id"] == "paivitetty"
    assert [text_of(li) for li in section.select("li")] == [
        "10.3.2025: Hakuaikaa jatkettu 14.3.2025 asti.",
        "3.3.2025: Liite päivitetty.",
        "1.3.2025: Yhteystiedot korjattu.",
    ]
    assert [t["datetime"] for t in section.select("time")] == ["2025-03-10", "2025-03-03", "2025-03-01"]
    sv = page(site, "/sv/finansiering/klubbverksamhet-2025/").select_one("article .mdx-changes")
    assert text_of(sv.find("h2")) == "Uppdaterad"
    assert text_of(sv.select_one("li")) == "10.3.2025: Ansökningstiden har förlängts till 14.3.2025."
    # A call without notes has no such section.
    (scratch_calls / "paatetty.yaml").write_text(PAATETTY, encoding="utf-8")
    build(scratch_calls, site, "1.6.2025 klo 12.00")
    assert page(site, "/fi/rahoitushaut/kerhotoiminta-2025/").select_one(".mdx-changes") is None


def test_change_notes_are_exposed_cleanly_for_feeds(scratch_calls):
    from callsite.model.validate import load_catalog

    (scratch_calls / "paatetty.yaml").write_text(CHANGED, encoding="utf-8")
    call = load_catalog(scratch_calls).calls[0]
    notes = call.changes_newest_first
    assert [(n.date.isoformat(), n.text.fi, n.text.sv) for n in notes][0] == (
        "2025-03-10", "Hakuaikaa jatkettu 14.3.2025 asti.", "Ansökningstiden har förlängts till 14.3.2025.")
    assert [n.date.isoformat() for n in call.changes] == ["2025-03-03", "2025-03-10", "2025-03-01"]  # as written
