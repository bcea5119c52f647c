"""An English version of a call, optional (issue 17, part 1): staff may give the title, purpose,
who may apply and the money in words in English too (``en``). The call's pages, in its own
languages, then have an "In English" part in ``lang="en"``; nothing English is shown where staff
wrote none, and an English text where the page would not show it is refused."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from conftest import FIXTURES, page, run_cli, text_of

ENGLISH = "/fi/rahoitushaut/kansainvalistymisavustus-yleissivistavalle-koulutukselle-2025/"
WITHOUT = "/fi/rahoitushaut/lukutaidon-vahvistaminen-2026/"


def test_the_english_version_is_a_part_of_the_page_in_english(real_site):
    doc = page(real_site, ENGLISH)
    part = doc.select_one(".mdx-call section.mdx-english")
    assert part["lang"] == "en" and part["aria-labelledby"] == "in-english"
    assert text_of(part.find("h2")) == "In English" and part.find("h2")["id"] == "in-english"
    assert text_of(part.find("h3")) == "Internationalisation grant for general education 2025"
    deadline = part.find("time")
    assert text_of(deadline) == "14.3.2025 at 16.15 (Finnish time)"
    assert deadline["datetime"] == "2025-03-14T16:15:00+02:00"
    paragraphs = [text_of(p) for p in part.find_all("p")]
    assert paragraphs == ["Deadline: 14.3.2025 at 16.15 (Finnish time)",
                          "The grant supports schools' international cooperation and pupils' international competence.",
                          "Who can apply:", "Municipalities and private education providers may apply."]
    # A reader of English finds it from the top of the page.
    jump = doc.select_one(".mdx-call__status a.mdx-call__english")
    assert text_of(jump) == "In English" and jump["lang"] == "en" and jump["href"] == "#in-english"
    # The page itself stays Finnish: its heading and texts are the Finnish ones.
    assert text_of(doc.select_one(".mdx-call h1")) == "Kansainvälistymisavustus yleissivistävälle koulutukselle 2025"
    outside = text_of(doc.select_one(".mdx-call")).replace(text_of(part), "")
    assert "Internationalisation" not in outside and "international competence" not in outside
    assert "kansainvälisyysosaamista" in outside and "yksityiset opetuksen järjestäjät" in outside


def test_no_english_part_where_staff_wrote_no_english(real_site):
    for path in (WITHOUT, "/sv/finansiering/starkande-av-lasfardigheter-2026/"):
        doc = page(real_site, path)
        assert doc.select_one(".mdx-english") is None and doc.select_one("[lang=en]") is None
        assert "In English" not in text_of(doc.select_one(".mdx-call"))


def test_open_data_carries_the_english_texts_given_and_no_other(real_site):
    document = json.loads((real_site / "calls.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site / "calls.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["schema_version"] == "3.1.0"
    records = {record["id"]: record for record in document["calls"]}
    english = records["kansainvalistymisavustus-2025"]
    assert english["title"]["en"] == "Internationalisation grant for general education 2025"
    assert english["purpose"]["en"].startswith("The grant supports")
    assert english["eligibility"]["text"]["en"] == "Municipalities and private education providers may apply."
    assert english["languages"] == ["fi"] and english["url"]["sv"] is None
    assert english["funding"]["text"] is None
    assert all("en" not in record["title"] for key, record in records.items() if key != "kansainvalistymisavustus-2025")


@pytest.fixture
def english_project(tmp_path):
    calls = tmp_path / "calls"
    shutil.copytree(FIXTURES / "real", calls)
    return calls / "kansainvalistymisavustus-2025.yaml"


@pytest.mark.parametrize("lang, expected", [
    ("en", ["calls/kansainvalistymisavustus-2025.yaml:9:3: error: title.en: the English title (en) is missing",
            "    hint: the English texts are shown under \"In English\" with the English title as their heading: "
            "add 'en: ...' to title, or delete the English texts"]),
    ("fi", ["calls/kansainvalistymisavustus-2025.yaml:9:3: virhe: title.en: englanninkielinen otsikko (en) puuttuu",
            "    vihje: englanninkieliset tekstit näytetään sivulla otsikon \"In English\" alla, ja englanninkielinen "
            "otsikko on niiden otsikko: lisää title-kenttään 'en: ...' tai poista englanninkieliset tekstit"]),
    ("sv", ["calls/kansainvalistymisavustus-2025.yaml:9:3: fel: title.en: den engelska rubriken (en) saknas",
            "    tips: de engelska texterna visas på sidan under \"In English\" med den engelska rubriken som rubrik: "
            "lägg till 'en: ...' i title eller ta bort de engelska texterna"]),
])
def test_english_texts_need_an_english_title(english_project, lang, expected):
    text = english_project.read_text(encoding="utf-8")
    english_project.write_text(text.replace("  en: Internationalisation grant for general education 2025\n", ""),
                               encoding="utf-8")
    result = run_cli("--lang", lang, "check", cwd=english_project.parent.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "calls/kansainvalistymisavustus-2025.yaml:{line}:5: error: decisions.note.en: an English text (en) is "
           "shown only for the title, the purpose, who may apply (eligibility.text) and the money in words "
           "(funding.text)"),
    ("fi", "calls/kansainvalistymisavustus-2025.yaml:{line}:5: virhe: decisions.note.en: englanninkielinen teksti "
           "(en) näytetään vain otsikolle, tarkoitukselle (purpose), hakijoille (eligibility.text) ja rahoituksen "
           "sanalliselle kuvaukselle (funding.text)"),
])
def test_an_english_text_the_page_would_not_show_is_refused(english_project, lang, expected):
    text = english_project.read_text(encoding="utf-8")
    assert text.endswith("    fi: Päätökset on lähetetty hakijoille sähköpostitse.\n")
    text += "    en: The decisions have been sent to the applicants by e-mail.\n"
    english_project.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    result = run_cli("--lang", lang, "check", cwd=english_project.parent.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == expected.format(line=line)


def test_the_page_with_an_english_part_is_valid_and_accessible(real_site, chromium, tmp_path):
    from checkers import vnu_errors
    from conftest import serve
    from test_accessibility import axe_at, describe

    one = tmp_path / "page"
    one.mkdir()
    (one / "index.html").write_bytes((real_site / ENGLISH.strip("/") / "index.html").read_bytes())
    assert vnu_errors(one) == []
    base, server = serve(real_site)
    try:
        for width in (1300, 390):
            violations, failures = axe_at(chromium, base + ENGLISH, width, 900)
            assert violations == [], describe(violations)
            assert failures == []
    finally:
        server.shutdown()
