"""Fictional calls in every state, dated around "now": ``callsite build --demo`` (issue 20).

A newcomer's first look and the README's screenshots need a site with something in it, whatever
the day: these calls open, close, are decided and cancelled relative to the moment of the build.
They are written into a folder of their own (beside a copy of the real vocabulary) and built
from there; production builds read ``calls/`` and never these.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from ..messages import _
from ..model.dates import HELSINKI
from ..problems import UsageError

VOCABULARY = "_vocabulary.yaml"


def _day(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _deadline(value: dt.date) -> str:
    return f"{_day(value)} klo 16.15"


def demo_calls(now: dt.datetime) -> dict[str, dict]:
    """File name -> call data, every date relative to ``now``'s day in Helsinki."""
    today = now.astimezone(HELSINKI).date()

    def day(offset: int) -> dt.date:
        return today + dt.timedelta(days=offset)

    form = {"kind": "application", "label": {"fi": "Hakulomake", "sv": "Ansökningsblankett"},
            "url": {"fi": "https://www.oph.fi/fi", "sv": "https://www.oph.fi/sv"}}
    year = today.year
    return {
        "demo-lukutaito.yaml": {
            "id": "demo-lukutaito", "slug": {"fi": f"lukutaidon-vahvistaminen-{year}", "sv": f"starkt-lasfardighet-{year}"},
            "title": {"fi": f"Lukutaidon vahvistaminen perusopetuksessa {year}",
                      "sv": f"Stärkt läsfärdighet i den grundläggande utbildningen {year}"},
            "published": _day(day(-20)), "grant_type": "special", "tags": ["perusopetus", "kieltenopetus"],
            "rounds": [{"opens": _day(day(-20)), "closes": _deadline(day(24))}],
            "funding": {"total": {"euros": 1500000, "precision": "approximately"},
                        "purpose": {"fi": "lukutaidon vahvistamiseen perusopetuksessa",
                                    "sv": "för att stärka läsfärdigheten i den grundläggande utbildningen"},
                        "max_aid_share": 90, "per_project": {"min_euros": 20000, "max_euros": 120000}},
            "purpose": {"fi": "Avustuksella tuetaan koulujen lukutaitotyötä ja kirjastoyhteistyötä.",
                        "sv": "Understödet stöder skolornas arbete för läsfärdighet och samarbete med bibliotek."},
            "eligibility": {"applicant_types": ["municipality", "private_provider"]},
            "links": [form],
        },
        "demo-kielikylpy.yaml": {
            "id": "demo-kielikylpy", "slug": {"fi": f"kielikylpy-{year}", "sv": f"sprakbad-{year}"},
            "title": {"fi": f"Kielikylpyopetuksen kehittäminen {year}", "sv": f"Utveckling av språkbad {year}"},
            "published": _day(day(-40)), "grant_type": "general", "tags": ["kieltenopetus", "varhaiskasvatus"],
            "rounds": [{"opens": f"{_day(day(-40))} klo 9.00", "closes": _deadline(day(3))}],
            "funding": {"total": {"euros": 750000, "precision": "at_most"}},
            "eligibility": {"applicant_types": ["municipality"]},
            "links": [form],
        },
        "demo-lukio.yaml": {
            "id": "demo-lukio", "slug": {"fi": f"lukiokoulutuksen-kehittaminen-{year}",
                                         "sv": f"utveckling-av-gymnasieutbildningen-{year}"},
            "title": {"fi": f"Lukiokoulutuksen kehittäminen {year}", "sv": f"Utveckling av gymnasieutbildningen {year}"},
            "published": _day(day(-1)), "grant_type": "special", "tags": ["lukiokoulutus"],
            "rounds": [{"opens": _day(day(21)), "closes": _deadline(day(60))}],
            "funding": {"total": {"euros": 2000000}},
            "eligibility": {"applicant_types": ["municipality", "joint_municipal_authority"]},
            "links": [form],
        },
        "demo-jatkuva.yaml": {
            "id": "demo-jatkuva", "slug": {"fi": "aikuisten-osaamisen-kehittaminen", "sv": "utveckling-av-vuxnas-kompetens"},
            "title": {"fi": "Aikuisten osaamisen kehittäminen", "sv": "Utveckling av vuxnas kompetens"},
            "funder": "jotpa", "grant_type": "general", "tags": ["vapaa-sivistystyo"],
            "rounds": [{"continuous": True,
                        "collection": {"fi": "Hakemukset käsitellään kolme kertaa vuodessa.",
                                       "sv": "Ansökningarna behandlas tre gånger per år."}}],
            "funding": {"text": {"fi": "Avustuksen määrä riippuu koulutuksen laajuudesta.",
                                 "sv": "Understödets storlek beror på utbildningens omfattning."}},
            "eligibility": {"applicant_types": ["association", "private_provider"]},
        },
        "demo-kerhot.yaml": {
            "id": "demo-kerhot", "languages": ["fi"], "slug": {"fi": f"kerhotoiminnan-avustus-{year}"},
            "title": {"fi": f"Koulujen kerhotoiminnan avustus {year}"}, "funder": "okm",
            "published": _day(day(-60)), "grant_type": "general", "tags": ["perusopetus"],
            "rounds": [{"opens": _day(day(-60)), "closes": _deadline(day(-5))}],
            "funding": {"per_unit": [{"max_euros": 150, "unit": {"fi": "kerhoon osallistuvaa oppilasta kohden"}}]},
            "eligibility": {"applicant_types": ["municipality", "private_provider"]},
        },
        "demo-digi.yaml": {
            "id": "demo-digi", "slug": {"fi": f"digitaaliset-oppimisymparistot-{year}", "sv": f"digitala-larmiljoer-{year}"},
            "title": {"fi": f"Digitaaliset oppimisympäristöt {year}", "sv": f"Digitala lärmiljöer {year}"},
            "published": _day(day(-80)), "grant_type": "special", "tags": ["digitaalisuus", "oppimisymparisto"],
            "rounds": [{"opens": _day(day(-80)), "closes": _deadline(day(-30))}],
            "funding": {"total": {"euros": 3000000, "precision": "at_most"}},
            "eligibility": {"applicant_types": ["municipality", "joint_municipal_authority"]},
            "status": "under_assessment",
            "expected_decisions": {"fi": "arviolta kuukauden kuluttua", "sv": "beräknas om en månad"},
        },
        "demo-kansainvalisyys.yaml": {
            "id": "demo-kansainvalisyys", "slug": {"fi": f"kansainvalisyysavustus-{year}", "sv": f"internationaliseringsunderstod-{year}"},
            "title": {"fi": f"Kansainvälisyysavustus {year}", "sv": f"Understöd för internationalisering {year}"},
            "published": _day(day(-150)), "grant_type": "special", "tags": ["kansainvalisyys"],
            "rounds": [{"opens": _day(day(-150)), "closes": _deadline(day(-90))}],
            "funding": {"total": {"euros": 800000, "precision": "approximately"}},
            "eligibility": {"applicant_types": ["municipality"]},
            "decisions": {"date": _day(day(-10)),
                          "note": {"fi": "Päätökset on lähetetty hakijoille.", "sv": "Besluten har skickats till sökandena."}},
        },
        "demo-peruttu.yaml": {
            "id": "demo-peruttu", "slug": {"fi": f"opetushenkiloston-taydennyskoulutus-{year}",
                                           "sv": f"fortbildning-for-undervisningspersonal-{year}"},
            "title": {"fi": f"Opetushenkilöstön täydennyskoulutus {year}",
                      "sv": f"Fortbildning för undervisningspersonal {year}"},
            "published": _day(day(-15)), "grant_type": "special", "tags": ["opetushenkilosto"],
            "rounds": [{"opens": _day(day(-15)), "closes": _deadline(day(30))}],
            "funding": {"total": {"euros": 500000}},
            "eligibility": {"applicant_types": ["municipality", "higher_education"]},
            "cancelled": {"date": _day(day(-2)),
                          "reason": {"fi": "Haku siirtyy myöhemmäksi.", "sv": "Utlysningen skjuts upp."}},
        },
        "demo-smabarn.yaml": {
            "id": "demo-smabarn", "languages": ["sv"], "slug": {"sv": f"svensk-smabarnspedagogik-{year}"},
            "title": {"sv": f"Svenskspråkig småbarnspedagogik {year}"},
            "published": _day(day(-25)), "grant_type": "special", "tags": ["varhaiskasvatus"],
            "rounds": [{"opens": _day(day(-25)), "closes": _deadline(day(12)),
                        "extended": {"original": _deadline(day(5)), "date": _day(day(-3)),
                                     "reason": {"sv": "Fler sökande hann delta i informationsmötet."}}}],
            "funding": {"total": {"euros": 200000, "precision": "at_most"}},
            "eligibility": {"applicant_types": ["municipality", "private_provider"]},
            "links": [{"kind": "application", "label": {"sv": "Ansökningsblankett"}, "url": {"sv": "https://www.oph.fi/sv"}}],
        },
    }


def write_demo_calls(folder: Path, vocabulary_from: Path, now: dt.datetime) -> Path:
    """The demo's call files in ``folder`` (made empty first), with the real vocabulary."""
    if not (vocabulary_from / VOCABULARY).is_file():
        raise UsageError(_("--demo uses the topics of {file}, which was not found: run it in the project folder "
                           "or give --calls").format(file=vocabulary_from / VOCABULARY))
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copyfile(vocabulary_from / VOCABULARY, folder / VOCABULARY)
    for name, data in demo_calls(now).items():
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder
