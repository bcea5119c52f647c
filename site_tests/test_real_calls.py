"""Calls as the agency's real ones are: another funder, no sum stated, few texts.

A page must never show a fact that staff did not write: no sum where the call states none, no
"Opetushallitus asettaa haettaviksi" for another funder's money, no empty headings for texts
that are not there. Each test asserts absence as well as presence, on the page, in the cards,
in the JSON-LD, the feeds and the open data.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from zoneinfo import ZoneInfo

import extruct
import feedparser
import icalendar
import jsonschema
import pytest

from callsite.model.validate import load_call, load_vocabulary
from conftest import FIXTURES, build, page, run_cli, text_of

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
    stated = {"lukutaidon-vahvistaminen-2026", "starkande-av-lasfardigheter-2026", "sprakbad-i-smabarnspedagogiken-2026",
              "kansainvalistymisavustus-yleissivistavalle-koulutukselle-2025", "tukiopetuksen-lisaaminen-2026",
              "utokad-stodundervisning-2026", "kerhotoiminnan-jatkohaku-2026"}
    for listing in ("/fi/", "/fi/arkisto/", "/sv/"):
        cards = page(real_site, listing).select(".mdx-card")
        assert cards, listing
        for card in cards:
            slug = card.select_one("a")["href"].rstrip("/").rsplit("/", 1)[-1]
            assert (card.select_one(".mdx-card__amount") is not None) == (slug in stated), (listing, slug)


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
    stated = ("lukutaidon-vahvistaminen-2026", "kansainvalistymisavustus", "tukiopetuksen-lisaaminen",
              "kerhotoiminnan-jatkohaku")  # the calls that state a sum
    descriptions = [entry.summary for entry in feed.entries
                    if "Hakuaika" in entry.summary and not any(slug in entry.link for slug in stated)]
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
    result = run_cli("check", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "calls/kerhotoiminta-okm-2026.yaml:8:9: error: funder: unknown funder 'okn'",
        "    hint: did you mean 'okm'? (new ones are added in calls/_vocabulary.yaml under funders; leave funder "
        "out for the site's own agency)",
    ]


# Statuses and dates as real calls state them (site built for 10.4.2026 klo 12.00).
DECIDED = "/fi/rahoitushaut/kansainvalistymisavustus-yleissivistavalle-koulutukselle-2025/"
ASSESSED = {"fi": "/fi/rahoitushaut/lukutaidon-vahvistaminen-2026/",
            "sv": "/sv/finansiering/starkande-av-lasfardigheter-2026/"}
CONTINUOUS = {"fi": "/fi/rahoitushaut/opettajien-liikkuvuusavustus/",
              "sv": "/sv/finansiering/understod-for-larares-rorlighet/"}
EXTENDED = "/sv/finansiering/sprakbad-i-smabarnspedagogiken-2026/"


def _records(site) -> dict:
    document = json.loads((site / "calls.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in document["calls"]}


def test_decided_without_a_date_says_decided_and_no_date(real_site):
    doc = page(real_site, DECIDED)
    assert text_of(doc.select_one(".mdx-call .mdx-status")) == "Ratkaistu"
    notice = doc.select_one(".mdx-call .mdx-notice")
    assert [text_of(p) for p in notice.select("p")] == ["Avustuspäätökset on tehty.",
                                                        "Päätökset on lähetetty hakijoille sähköpostitse."]
    assert "julkaistiin" not in text_of(doc.select_one(".mdx-call")) and not notice.select("a")
    record = _records(real_site)["kansainvalistymisavustus-2025"]
    assert record["decisions"] == {"date": None, "note": {"fi": "Päätökset on lähetetty hakijoille sähköpostitse.",
                                                          "sv": None}, "url": None}
    assert record["derived"]["status"] == "decided"
    # No feed item for decisions whose date nobody wrote (a feed item needs one).
    for lang in ("fi", "sv"):
        feed = feedparser.parse((real_site / f"{lang}/feed.xml").read_bytes())
        assert not [e for e in feed.entries if "kansainvalistymisavustus-2025/" in e.id and "/decisions/" in e.id]


@pytest.mark.parametrize("lang, badge, notice, expected", [
    ("fi", "Arvioitavana", "Hakemuksia arvioidaan.", "Päätökset: arviolta toukokuussa 2026"),
    ("sv", "Under bedömning", "Ansökningarna bedöms.", "Besluten: beräknas i maj 2026"),
])
def test_under_assessment_once_the_period_has_ended(real_site, lang, badge, notice, expected):
    doc = page(real_site, ASSESSED[lang])
    status = doc.select_one(".mdx-call .mdx-status")
    assert text_of(status) == badge and status["data-callsite-status"] == "under-assessment"
    assert status["data-callsite-closed-as"] == "under-assessment"  # callsite.js keeps it after a refresh
    assert text_of(doc.select_one(".mdx-call .mdx-notice")) == notice
    # The period's end is said once, above the notice, which adds what happens now.
    ended = {"fi": "Hakuaika on päättynyt.", "sv": "Ansökningstiden har gått ut."}[lang]
    assert [text_of(p) for p in doc.select(".mdx-apply p") if not p.has_attr("hidden")] == [ended]
    assert text_of(doc.select_one(".mdx-call")).count(ended.rstrip(".")) == 1
    assert text_of(doc.select_one(".mdx-call__expected")) == expected
    # The opening time staff gave is shown; the zone is said once, after the deadline.
    assert text_of(doc.select_one(".mdx-call__period")).endswith(
        {"fi": "12.1.2026 klo 12.00 – 27.2.2026 klo 16.15 (Suomen aikaa)",
         "sv": "12.1.2026 kl. 12.00–27.2.2026 kl. 16.15 (finsk tid)"}[lang])
    # Listed with the ended calls, not the open ones.
    home = page(real_site, f"/{lang}/")
    assert ASSESSED[lang] not in [a["href"] for a in home.select("#callsite-open a, [data-callsite-section=open] a")]
    record = _records(real_site)["lukutaito-2026"]
    assert record["stated_status"] == "under_assessment" and record["derived"]["status"] == "under-assessment"
    assert record["expected_decisions"] == {"fi": "arviolta toukokuussa 2026", "sv": "beräknas i maj 2026"}


def test_under_assessment_never_hides_an_open_period(tmp_path):
    """Staff may set the status early; while the dates say the call is open, it is open."""
    site = tmp_path / "site"
    build(FIXTURES / "real", site, "10.2.2026 klo 12.00")
    assert page(site, ASSESSED["fi"]).select_one(".mdx-call .mdx-status")["data-callsite-status"] == "open"
    assert page(site, ASSESSED["fi"]).select_one(".mdx-call .mdx-notice") is None


def test_continuous_call_with_no_dates_shows_none(real_site):
    for lang, url in CONTINUOUS.items():
        doc = page(real_site, url)
        body = text_of(doc.select_one(".mdx-call"))
        assert {"fi": "Jatkuva haku", "sv": "Fortlöpande ansökan"}[lang] in text_of(doc.select_one(".mdx-call__period"))
        assert doc.select_one(".mdx-call__published") is None and "2000" not in body
        assert [text_of(p) for p in doc.select(".mdx-call__collections")] == {
            "fi": ["Hakemukset otetaan käsittelyyn: 15.9.2026, 15.3.2027.", "Hakemukset käsitellään 2–3 kertaa vuodessa."],
            "sv": ["Ansökningarna tas till behandling: 15.9.2026, 15.3.2027.",
                   "Ansökningarna behandlas 2–3 gånger per år."]}[lang]
        html = (real_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        [grant] = [item for item in extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
                   if item["@type"] == "MonetaryGrant"]
        assert "datePublished" not in grant and grant["temporalCoverage"] == "../.."
    record = _records(real_site)["opettajien-liikkuvuus"]
    assert record["published"] is None and record["rounds"][0]["opens"] is None
    assert record["rounds"][0]["collection_dates"] == ["2026-09-15", "2027-03-15"]
    # The archive puts it under "continuous application" first, under no made-up year.
    archive = page(real_site, "/fi/arkisto/")
    assert text_of(archive.select("#callsite-main h2")[0]) == "Jatkuva haku"
    # Its calendar holds the collection days only (no opening, no deadline was stated).
    calendar = icalendar.Calendar.from_ical((real_site / "fi/kalenteri/opettajien-liikkuvuusavustus.ics").read_bytes())
    events = sorted((str(e["SUMMARY"]), e.decoded("DTSTART")) for e in calendar.walk("VEVENT"))
    assert events == [("Hakemukset käsittelyyn: Opettajien liikkuvuusavustus", dt.date(2026, 9, 15)),
                      ("Hakemukset käsittelyyn: Opettajien liikkuvuusavustus", dt.date(2027, 3, 15))]


def test_an_extended_deadline_keeps_the_original_in_sight(real_site):
    doc = page(real_site, EXTENDED)
    assert text_of(doc.select_one(".mdx-call__period")) == (
        "Ansökningstid: 2.3.2026 kl. 8.00–24.4.2026 kl. 16.15 (finsk tid); förlängd, ursprungligen 8.4.2026 kl. 16.15")
    assert [text_of(li) for li in doc.select(".mdx-changes li")] == [
        "1.4.2026: Ansökningstiden har förlängts till 24.4.2026 kl. 16.15 (finsk tid). Den ursprungliga tidsfristen "
        "var 8.4.2026 kl. 16.15 (finsk tid). Tidsfristen förlängdes på grund av ett avbrott i ansökningssystemet."]
    feed = feedparser.parse((real_site / "sv/feed.xml").read_bytes())
    [item] = [e for e in feed.entries if "/sprakbad-2026/sv/extended/" in e.id]
    assert item.title == "Uppdaterad: Språkbad i småbarnspedagogiken 2026"
    assert item.summary.startswith("Ansökningstiden har förlängts till 24.4.2026 kl. 16.15 (finsk tid).")
    # The calendar's deadline moves under the same UID, as a new version of the event.
    calendar = icalendar.Calendar.from_ical(
        (real_site / "sv/kalender/sprakbad-i-smabarnspedagogiken-2026.ics").read_bytes())
    [closes] = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("sprakbad-2026-round1-closes@")]
    assert closes.decoded("DTSTART") == dt.datetime(2026, 4, 24, 16, 15, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert int(closes["SEQUENCE"]) == 1
    record = _records(real_site)["sprakbad-2026"]
    assert record["rounds"][0]["extended"] == {
        "original": "2026-04-08T16:15:00+03:00", "date": "2026-04-01",
        "reason": {"fi": None, "sv": "Tidsfristen förlängdes på grund av ett avbrott i ansökningssystemet."}}


@pytest.mark.parametrize("text, message", [
    ("status: under_assessment\ndecisions: {date: 1.6.2026}\n", "the call has decisions, so it is decided, not under assessment"),
    ("status: decided\ncancelled: {date: 1.3.2026}\n", "a cancelled call has no other status"),
])
def test_contradicting_statuses_are_refused(tmp_path, text, message):
    calls = tmp_path / "calls"
    shutil.copytree(FIXTURES / "real", calls)
    path = calls / "lukutaito-2026.yaml"
    body = path.read_text(encoding="utf-8").replace("status: under_assessment\n", "")
    path.write_text(body + text, encoding="utf-8")
    vocabulary, _ = load_vocabulary(calls)
    call, problems = load_call(path, vocabulary)
    assert call is None and [p.message for p in problems] == [message]


GROUPS = {"fi": "/fi/rahoitushaut/digitaalisten-oppimisymparistojen-kehittaminen-2026/",
          "sv": "/sv/finansiering/utveckling-av-digitala-larmiljoer-2026/"}
PER_PUPIL = {"fi": "/fi/rahoitushaut/tukiopetuksen-lisaaminen-2026/",
             "sv": "/sv/finansiering/utokad-stodundervisning-2026/"}


def test_each_language_shows_the_groups_its_call_covers(real_site):
    fi, sv = (page(real_site, GROUPS[lang]) for lang in ("fi", "sv"))
    assert [text_of(h) for h in fi.select(".mdx-call__group h3")] == ["Hakuryhmä B: Yhteishankkeet",
                                                                      "Hakuryhmä C: Esiselvitykset"]
    assert [text_of(h) for h in sv.select(".mdx-call__group h3")] == ["Grupp A: Svenskspråkiga skolor",
                                                                      "Grupp B: Samprojekt"]
    [b] = [g for g in fi.select(".mdx-call__group") if "Hakuryhmä B" in text_of(g)]
    assert text_of(b.select_one(".mdx-call__group-amount")) == "Rahoitus: noin 1 miljoona euroa"
    assert [a["href"] for a in b.select("a.mdx-links__link")] == ["https://www.oph.fi/fi/hakulomake-b"]
    [a] = [g for g in sv.select(".mdx-call__group") if "Grupp A" in text_of(g)]
    assert "Kommuner och samkommuner som ordnar svenskspråkig grundläggande utbildning." in text_of(a)
    # No total was stated: no sum for the whole call, only the groups' own.
    assert text_of(fi.select_one(".mdx-call__money")) == (
        "Opetushallitus asettaa haettaviksi avustusta digitaalisten oppimisympäristöjen kehittämiseen.")
    # The cards and the calendars follow the language's groups too.
    card = [c for c in page(real_site, "/sv/").select(".mdx-card") if "digitala" in text_of(c)][0]
    assert [text_of(p).split(":")[0] for p in card.select(".mdx-card__period")] == ["Grupp A", "Grupp B"]
    calendar = icalendar.Calendar.from_ical(
        (real_site / "fi/kalenteri/digitaalisten-oppimisymparistojen-kehittaminen-2026.ics").read_bytes())
    uids = sorted(str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT"))
    assert uids == ["digitaaliset-oppimisymparistot-2026-round2-closes", "digitaaliset-oppimisymparistot-2026-round2-opens",
                    "digitaaliset-oppimisymparistot-2026-round3-closes", "digitaaliset-oppimisymparistot-2026-round3-opens"]
    record = _records(real_site)["digitaaliset-oppimisymparistot-2026"]
    assert [r["languages"] for r in record["rounds"]] == [["sv"], ["fi", "sv"], ["fi"]]
    assert record["funding"]["total_euros"] is None


@pytest.mark.parametrize("lang, money, unit, budget", [
    ("fi", "Opetushallitus asettaa haettaviksi noin 5 miljoonaa euroa tukiopetuksen lisäämiseen. Valtionavustusta "
           "myönnetään enintään 80 % hankkeen laskennallisista kustannuksista.",
     "Avustusta myönnetään enintään 40 euroa oppilasta kohden.",
     "Haku toteutetaan, jos eduskunta hyväksyy vuoden 2026 toisen lisätalousarvion."),
    ("sv", "Utbildningsstyrelsen utlyser cirka 5 miljoner euro för utökad stödundervisning. Statsunderstöd beviljas "
           "för högst 80 % av projektets kalkylerade kostnader.",
     "Understöd beviljas med högst 40 euro per elev.",
     "Utlysningen förutsätter att riksdagen godkänner den andra tilläggsbudgeten för 2026."),
])
def test_money_per_pupil_share_of_calculated_costs_and_budget_in_own_words(real_site, lang, money, unit, budget):
    doc = page(real_site, PER_PUPIL[lang])
    assert text_of(doc.select_one(".mdx-call__money")) == money
    assert [text_of(p) for p in doc.select(".mdx-call__per-unit")] == [unit]
    assert text_of(doc.select_one(".mdx-call__budget")) == budget
    # Of calculated costs no own share follows (they are a formula, not the project's costs).
    assert "omarahoitus" not in text_of(doc) and "självfinansiering" not in text_of(doc)
    # The opening time staff gave.
    assert {"fi": "16.2.2026 klo 14.00", "sv": "16.2.2026 kl. 14.00"}[lang] in text_of(doc.select_one(".mdx-call__period"))
    funding = _records(real_site)["tukiopetus-2026"]["funding"]
    assert funding["aid_share_of"] == "calculated" and funding["budget_dependent"] is True
    assert funding["per_unit"] == [{"max_euros": 40, "unit": {"fi": "oppilasta kohden", "sv": "per elev"}}]


def test_a_groups_texts_are_needed_in_its_own_languages_only(tmp_path):
    calls = tmp_path / "calls"
    shutil.copytree(FIXTURES / "real", calls)
    path = calls / "digitaaliset-oppimisymparistot-2026.yaml"
    vocabulary, _ = load_vocabulary(calls)
    call, problems = load_call(path, vocabulary)
    assert call is not None and problems == []
    # A Finnish text on the Swedish-only group A would be shown nowhere; a group in a language the
    # call is not in is refused.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('      sv: "Grupp A: Svenskspråkiga skolor"\n',
                                 '      sv: "Grupp A: Svenskspråkiga skolor"\n      fi: "Ryhmä A"\n'), encoding="utf-8")
    call, problems = load_call(path, vocabulary)
    assert call is None and [p.field for p in problems] == ["rounds[1].name.fi"]


NO_TIME = "/fi/rahoitushaut/kerhotoiminnan-jatkohaku-2026/"


def test_a_deadline_without_a_time_says_so_and_runs_to_the_end_of_the_day(real_site):
    doc = page(real_site, NO_TIME)
    assert text_of(doc.select_one(".mdx-call__period")) == "Hakuaika: 1.4.2026 – 10.4.2026 (kellonaikaa ei ilmoitettu)"
    assert "16.15" not in text_of(doc.select_one(".mdx-call"))
    # Built at noon on its last day: still open (closing soon), and the script knows it closes at midnight.
    status = doc.select_one(".mdx-call .mdx-status")
    assert status["data-callsite-status"] == "closing-soon"
    assert status["data-callsite-rounds"] == "2026-04-01T00:00:00+03:00/2026-04-11T00:00:00+03:00"
    assert doc.select_one(".mdx-call__period time[data-callsite-deadline]")["datetime"] == "2026-04-10"
    calendar = icalendar.Calendar.from_ical((real_site / "fi/kalenteri/kerhotoiminnan-jatkohaku-2026.ics").read_bytes())
    [closes] = [e for e in calendar.walk("VEVENT") if "-closes@" in str(e["UID"])]
    assert closes.decoded("DTSTART") == dt.date(2026, 4, 10)  # an all-day event on the last day
    record = _records(real_site)["kerhot-jatkohaku-2026"]
    assert record["rounds"][0]["closes"] == "2026-04-10"
    html = (real_site / NO_TIME.strip("/") / "index.html").read_text(encoding="utf-8")
    [grant] = [item for item in extruct.extract(html, syntaxes=["json-ld"])["json-ld"] if item["@type"] == "MonetaryGrant"]
    assert grant["temporalCoverage"] == "2026-04-01/2026-04-10"


def test_a_deadline_without_a_time_is_closed_the_next_morning(tmp_path):
    site = tmp_path / "site"
    build(FIXTURES / "real", site, "11.4.2026 klo 0.01")
    assert page(site, NO_TIME).select_one(".mdx-call .mdx-status")["data-callsite-status"] == "closed"
