"""Calls as the agency's real ones are: another funder, no sum stated, few texts.

A page must never show a fact that staff did not write: no sum where the call states none, no
"Opetushallitus asettaa haettaviksi" for another funder's money, no empty headings for texts
that are not there. Each test asserts absence as well as presence, on the page, in the cards,
in the JSON-LD, the feeds and the open data.
"""

from __future__ import annotations

import json
import shutil

import extruct
import feedparser
import jsonschema

from conftest import FIXTURES, page, run_cli, text_of

OKM = {"fi": "/fi/rahoitushaut/koulujen-kerhotoiminnan-avustus-2026/",
       "sv": "/sv/finansiering/understod-for-skolornas-klubbverksamhet-2026/"}
NO_SUM = "/fi/rahoitushaut/oppilashuollon-kehittaminen-2026/"


def test_another_funders_call_names_its_funder_and_states_no_sum(real_site):
    fi = page(real_site, OKM["fi"]).select_one(".mdx-call__money")
    assert text_of(fi) == ("Opetus- ja kulttuuriministeriö asettaa haettaviksi avustusta koulujen kerhotoimintaan. "
                           "Avustusta myönnetään enintään 150 euroa kerhoon osallistuvaa oppilasta kohden.")
    sv = page(real_site, OKM["sv"]).select_one(".mdx-call__money")
    assert text_of(sv) == ("Undervisnings- och kulturministeriet utlyser understöd för skolornas klubbverksamhet. "
                           "Understöd beviljas med högst 150 euro per elev som deltar i klubbverksamheten.")
    for lang, url in OKM.items():
        body = text_of(page(real_site, url).select_one(".mdx-call"))
        assert "Opetushallitus asettaa" not in body and "Utbildningsstyrelsen utlyser" not in body


def test_a_call_that_states_no_sum_shows_none(real_site):
    doc = page(real_site, NO_SUM)
    assert doc.select_one(".mdx-call__money") is None
    body = text_of(doc.select_one(".mdx-call"))
    assert "euro" not in body
    # No heading or paragraph for the texts the call does not have.
    assert [text_of(h) for h in doc.select(".mdx-call h2")] == ["Ketkä voivat hakea", "Tilaa tiedot rahoitushauista sähköpostiisi"]
    assert text_of(doc.select_one(".mdx-call__applicants")) == "Hakijat: kunnat"


def test_cards_show_a_sum_only_where_one_is_stated(real_site):
    for listing in ("/fi/", "/fi/arkisto/", "/sv/"):
        doc = page(real_site, listing)
        assert doc.select(".mdx-card") and doc.select(".mdx-card__amount") == [], listing


def test_structured_data_names_the_funder_and_no_amount(real_site):
    for url, funder in ((OKM["fi"], "Opetus- ja kulttuuriministeriö"), (NO_SUM, "Opetushallitus")):
        html = (real_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        [grant] = [item for item in extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
                   if item["@type"] == "MonetaryGrant"]
        assert grant["funder"]["name"] == funder
        assert "amount" not in grant
    assert "url" not in grant["funder"] or grant["funder"]["url"].startswith("https://www.oph.fi/")


def test_feeds_state_no_sum(real_site):
    feed = feedparser.parse((real_site / "fi/feed.xml").read_bytes())
    descriptions = [entry.summary for entry in feed.entries]
    assert descriptions and not any("euroa." in text.split("Hakuaika")[1][:80] for text in descriptions)
    [okm] = [entry for entry in feed.entries if entry.link.endswith(OKM["fi"])]
    assert okm.summary == ("Hakuaika: 2.3.2026 – 30.4.2026 klo 16.15 (Suomen aikaa). Kerhotoiminta tarjoaa oppilaille "
                           "mielekästä tekemistä koulupäivän jälkeen.")


def test_open_data_gives_the_funder_and_null_for_no_sum(real_site):
    document = json.loads((real_site / "calls.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site / "calls.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    calls = {call["id"]: call for call in document["calls"]}
    okm = calls["kerhotoiminta-okm-2026"]
    assert okm["funder"] == {"key": "okm", "fi": "Opetus- ja kulttuuriministeriö",
                             "sv": "Undervisnings- och kulturministeriet"}
    assert (okm["funding"]["total_euros"], okm["funding"]["precision"]) == (None, None)
    assert okm["funding"]["text"]["fi"].startswith("Avustusta myönnetään enintään 150 euroa")
    none = calls["ei-summaa-2026"]
    assert none["funder"] is None and none["purpose"] is None and none["eligibility"]["text"] is None


def test_an_unknown_funder_is_named_with_the_known_ones(tmp_path):
    calls = tmp_path / "calls"
    shutil.copytree(FIXTURES / "real", calls)
    path = calls / "kerhotoiminta-okm-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("funder: okm", "funder: okn"), encoding="utf-8")
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "calls/kerhotoiminta-okm-2026.yaml:8:9: error: funder: unknown funder 'okn'",
        "    hint: did you mean 'okm'? (new ones are added in calls/_vocabulary.yaml under funders; leave funder "
        "out for the site's own agency)",
    ]
