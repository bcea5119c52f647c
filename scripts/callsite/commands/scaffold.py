"""``callsite new``: a new call file from four answers, every field present and explained in Finnish.

Values staff must still write hold the placeholder ``TÄYTÄ`` ("fill in"):
``callsite check`` names each one until it is filled in, so a half-written call
can never be published by accident. The new call is also a draft.
"""

from __future__ import annotations

import json
import sys
from string import Template

from ..model.dates import DateProblem, parse_moment
from ..model.validate import display_path, slugify
from ..source.callfiles import PLACEHOLDER

CALL_TEMPLATE = Template("""\
# yaml-language-server: $$schema=_schema.json
# Rahoitushaku / Utlysning: $title_fi
# Täytä jokainen kohta, jossa lukee TÄYTÄ, ja tarkista sitten: callsite check
# fi = suomeksi, sv = ruotsiksi. Päivämäärät 20.8.2026, kellonajat klo 16.15 (Suomen aikaa).
# Valinnaiset kohdat on merkitty (valinnainen): poista ne, jos niitä ei tarvita.
# Ohje: calls/OHJE.md

# Pysyvä tunniste. Älä muuta julkaisun jälkeen (syötteet ja kalenterit käyttävät sitä).
id: $id
# Kielet, joilla haku julkaistaan (valinnainen; oletus molemmat). Vain suomeksi julkaistava haku:
# poista #-merkki seuraavalta riviltä, kirjoita [fi] ja poista kaikki sv-rivit (ohje: calls/OHJE.md).
# languages: [fi, sv]
# Sivun osoitteen loppuosa kummallakin kielellä: pienet kirjaimet a-z, numerot ja viivat.
slug:
  fi: $slug_fi
  sv: $slug_sv
# Haun otsikko.
title:
  fi: $title_fi_q
  sv: $title_sv_q
# Julkaisupäivä: ennen sitä haku ei näy sivustolla.
published: $published
# Luonnos: näkyy vain esikatselussa (callsite serve). Poista tämä rivi, kun haku julkaistaan.
draft: true
# (valinnainen) Rahoittaja, jos raha ei ole Opetushallituksen oma: avain tiedoston
# calls/_vocabulary.yaml kohdasta funders. Poista #-merkki ja kirjoita avain, esim. okm.
# funder: okm
# Avustuslaji: general (yleisavustus) tai special (erityisavustus).
grant_type: TÄYTÄ
# Aiheet tiedostosta calls/_vocabulary.yaml, esim. [perusopetus, digitaalisuus].
tags: [TÄYTÄ]

# Hakuaika. Jos kierroksia on useita, jokaiselle oma kohta ja nimi (name: {fi: ..., sv: ...}).
rounds:
  - opens: $opens
    closes: $closes

# Haettava raha.
funding:
  # Kokonaissumma euroina; precision: exact (tarkka), approximately (noin) tai at_most (enintään).
  # Jos haku ei ilmoita summaa, poista total-kohta kokonaan: sivulla ei silloin näy summaa.
  # (valinnainen) Rahoitus omin sanoin, esim. "enintään 150 euroa oppilasta kohden":
  # text:
  #   fi: ...
  #   sv: ...
  total:
    euros: TÄYTÄ
    precision: approximately
  # Jatkaa lausetta "Opetushallitus asettaa haettaviksi noin 1,5 miljoonaa euroa ...".
  purpose:
    fi: TÄYTÄ esim. kerhotoiminnan kehittämiseen
    sv: TÄYTÄ t.ex. för att utveckla klubbverksamheten
  # (valinnainen) Avustuksen enimmäisosuus hankkeen kokonaiskustannuksista prosentteina.
  max_aid_share: 90
  # (valinnainen) Yhden hankkeen avustuksen vähimmäis- ja enimmäismäärä euroina.
  per_project:
    min_euros: 10000
    max_euros: 100000
  # true, jos raha riippuu eduskunnan hyväksymästä talousarviosta.
  budget_dependent: false

# Avustuksen tarkoitus ja tausta (Markdown sallittu).
purpose:
  fi: >-
    TÄYTÄ avustuksen tarkoitus ja tausta suomeksi.
  sv: >-
    TÄYTÄ understödets syfte och bakgrund på svenska.

# (valinnainen) Painopisteet, joista hankkeet voivat valita.
focus_areas:
  intro:
    fi: "TÄYTÄ esim. Hankkeet voivat keskittyä yhteen tai useampaan painopisteeseen:"
    sv: "TÄYTÄ t.ex. Projekten kan fokusera på en eller flera prioriteringar:"
  items:
    - fi: TÄYTÄ ensimmäinen painopiste
      sv: TÄYTÄ första prioriteringen

# (valinnainen) Mitä rahoitettavilta hankkeilta edellytetään.
requirements:
  fi: TÄYTÄ vaatimukset suomeksi.
  sv: TÄYTÄ kraven på svenska.

# Kuka voi hakea.
eligibility:
  # Hakijatyypit tiedostosta calls/_vocabulary.yaml, esim. [municipality, private_provider].
  applicant_types: [TÄYTÄ]
  text:
    fi: TÄYTÄ kuka voi hakea, kokonaisin lausein.
    sv: TÄYTÄ vem som kan ansöka, i hela meningar.
  # (valinnainen) Kuka voi osallistua saamatta avustusta.
  participants_without_aid:
    fi: TÄYTÄ esim. valtion oppilaitokset.
    sv: TÄYTÄ t.ex. statliga läroanstalter.

# (valinnainen) Valintaperusteet.
selection_criteria:
  fi: TÄYTÄ valintaperusteet.
  sv: TÄYTÄ urvalskriterierna.

# (valinnainen) Säädösperusta.
legal_basis:
  fi: Valtionavustuslaki (688/2001)
  sv: Statsunderstödslagen (688/2001)

# Lisätietoja antavat henkilöt.
contacts:
  - name: TÄYTÄ etunimi sukunimi
    title:
      fi: TÄYTÄ esim. opetusneuvos
      sv: TÄYTÄ t.ex. undervisningsråd
    email: etunimi.sukunimi@oph.fi
    phone: +358 29 533 1000

# Linkit: kind on application (hakulomake), announcement (hakutiedote),
# attachment (liite) tai more_info (lisätietoa). Osoitteet alkavat https://.
links:
  - kind: application
    label:
      fi: TÄYTÄ linkin teksti
      sv: TÄYTÄ länktext
    url:
      fi: https://TÄYTÄ
      sv: https://TÄYTÄ

# Muutokset julkaisun jälkeen, esim. jatkettu hakuaika (näkyy otsikolla "Päivitetty").
changes: []
#  - date: 24.11.2026
#    text:
#      fi: Hakuaikaa jatkettu 15.1.2027 asti.
#      sv: Ansökningstiden har förlängts till 15.1.2027.

# Kun päätökset on julkaistu, poista #-merkit:
# decisions:
#   date: 12.6.2027
#   url: {fi: https://www.oph.fi/fi/..., sv: https://www.oph.fi/sv/...}

# Jos haku perutaan, poista #-merkit:
# cancelled:
#   date: 20.3.2027
#   reason: {fi: Syy suomeksi., sv: Orsak på svenska.}
""")


def _quoted(text: str) -> str:
    """A YAML string that stays text whatever staff typed (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render_call(*, id: str, title_fi: str, title_sv: str, opens: str, closes: str) -> str:
    """The text of a new call file; dates must already be valid."""
    opened, _ = parse_moment(opens, time_required=False)
    published = f"{opened.day}.{opened.month}.{opened.year}"
    return CALL_TEMPLATE.substitute(
        id=id, slug_fi=slugify(title_fi) or id, slug_sv=slugify(title_sv) or id,
        title_fi=" ".join(title_fi.split()), title_fi_q=_quoted(title_fi.strip()),
        title_sv_q=_quoted(title_sv.strip()), published=published, opens=opens.strip(), closes=closes.strip(),
    )


def _ask(label: str, given: str | None, check=None) -> str:
    """The option's value, else a question on the terminal (asked again until the answer is usable)."""
    while True:
        answer = given if given is not None else input(f"{label}: ")
        answer = answer.strip()
        problem = "write something" if not answer else (check(answer) if check else None)
        if not problem:
            return answer
        if given is not None:  # from an option: no one to ask again
            raise SystemExit(f"callsite new: {label}: {problem}")
        print(f"  {problem}", file=sys.stderr)


def _date_check(time_required: bool):
    def check(text: str) -> str | None:
        try:
            parse_moment(text, time_required=time_required)
        except DateProblem as problem:
            return f"{problem.message} ({problem.hint})"
        return None

    return check


def run_new(args) -> int:
    title_fi = _ask("Otsikko suomeksi (title fi)", args.title_fi)
    title_sv = _ask("Otsikko ruotsiksi (title sv)", args.title_sv)
    opens = _ask("Hakuaika alkaa, esim. 5.3.2027 (opens)", args.opens, _date_check(False))
    closes = _ask("Hakuaika päättyy, esim. 20.8.2027 klo 16.15 (closes)", args.closes, _date_check(True))
    if parse_moment(closes, time_required=True)[0] <= parse_moment(opens, time_required=False)[0]:
        raise SystemExit("callsite new: the call closes before it opens; check the dates")
    id = args.id or slugify(title_fi)
    if not id:
        raise SystemExit("callsite new: give --id (lowercase letters, digits and hyphens)")
    if PLACEHOLDER in title_fi + title_sv:
        raise SystemExit(f"callsite new: the titles cannot contain {PLACEHOLDER}")
    args.calls.mkdir(parents=True, exist_ok=True)
    target = args.calls / f"{id}.yaml"
    if target.exists():
        raise SystemExit(f"callsite new: {display_path(target)} already exists; choose another --id")
    text = render_call(id=id, title_fi=title_fi, title_sv=title_sv, opens=opens, closes=closes)
    with open(target, "x", encoding="utf-8") as stream:
        stream.write(text)
    print(f"Wrote {display_path(target)}.")
    print(f"Next: fill in every {PLACEHOLDER}, then run: callsite check")
    return 0
