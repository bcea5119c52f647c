"""schema.org JSON-LD on call pages: found by extruct, strict JSON, escaped."""

from __future__ import annotations

import json
import re

import extruct

from conftest import build, page


def json_ld_blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)


def test_call_pages_carry_a_monetary_grant(fixture_site):
    for lang, section, agency in (("fi", "rahoitushaut", "Opetushallitus"), ("sv", "finansiering", "Utbildningsstyrelsen")):
        pages = sorted((fixture_site / lang / section).glob("*/index.html"))
        assert pages
        for path in pages:
            html = path.read_text(encoding="utf-8")
            blocks = json_ld_blocks(html)
            assert len(blocks) == 1, path
            strict = json.loads(blocks[0], parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
            found = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
            assert found == [strict]
            grant = strict
            assert grant["@type"] == "MonetaryGrant" and grant["@context"] == "https://schema.org"
            assert grant["funder"] == {"@type": "GovernmentOrganization", "name": agency,
                                       "alternateName": grant["funder"]["alternateName"],
                                       "url": grant["funder"]["url"]}
            assert grant["isPartOf"]["@type"] == "FundingScheme"
            assert grant["amount"]["currency"] == "EUR"
            assert grant["url"].endswith("/" + str(path.parent.relative_to(fixture_site)) + "/")
            assert grant["audience"] and grant["inLanguage"] == ("fi" if lang == "fi" else "sv-FI")
    kielikylpy = json.loads(json_ld_blocks((fixture_site / "fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/index.html").read_text(encoding="utf-8"))[0])
    assert kielikylpy["amount"] == {"@type": "MonetaryAmount", "currency": "EUR", "maxValue": 750000}
    assert kielikylpy["temporalCoverage"] == "2026-03-02T09:00:00+02:00/2026-04-15T16:15:00+03:00"
    assert kielikylpy["expires"] == "2026-04-15T16:15:00+03:00"


def test_yaml_text_cannot_break_out_of_the_script(scratch_calls, tmp_path):
    (scratch_calls / "paha.yaml").write_text("""\
id: paha
slug: {fi: paha-haku, sv: ond-utlysning}
published: 1.3.2026
title: {fi: "</script><script>alert(1)</script> & muuta", sv: "Ond <!-- utlysning"}
grant_type: special
tags: [varhaiskasvatus]
rounds:
  - opens: 2.3.2026
    closes: 20.8.2026 klo 16.15
funding:
  total: {euros: 100000}
  purpose: {fi: kokeiluun, sv: för försök}
purpose: {fi: Kokeilu., sv: Försök.}
eligibility:
  applicant_types: [municipality]
  text: {fi: Kunnat., sv: Kommuner.}
""", encoding="utf-8")
    site = tmp_path / "site"
    build(scratch_calls, site, "10.4.2026 klo 12.00")
    html = (site / "fi/rahoitushaut/paha-haku/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    blocks = json_ld_blocks(html)
    assert len(blocks) == 1 and "</" not in blocks[0]
    assert json.loads(blocks[0])["name"] == "</script><script>alert(1)</script> & muuta"
    assert [s for s in page(site, "/fi/rahoitushaut/paha-haku/").select("script") if "alert" in (s.string or "")] == \
        [s for s in page(site, "/fi/rahoitushaut/paha-haku/").select('script[type="application/ld+json"]')]
    sv = json_ld_blocks((site / "sv/finansiering/ond-utlysning/index.html").read_text(encoding="utf-8"))
    assert json.loads(sv[0])["name"] == "Ond <!-- utlysning" and "<!--" not in sv[0]
