"""``callsite new``: a new call file from four answers, every field present and explained in Finnish.

The file holds no value that would pass as real: what staff must still write says ``TÄYTÄ``
("fill in"), which ``callsite check`` lists until it is filled in; the parts a call seldom needs
are commented out; examples (an e-mail address, an amount, a legal basis) are in comments only,
so deleting the markers alone leaves empty values that check refuses, never an example on the
site. The new call is also a draft.
"""

from __future__ import annotations

import json
import os
import sys
from string import Template

from ..messages import _
from ..model.dates import DateProblem, parse_moment
from ..model.validate import display_path, slugify
from ..source.callfiles import PLACEHOLDER

CALL_TEMPLATE = Template("""\
# yaml-language-server: $$schema=_schema.json
# Rahoitushaku / Utlysning: $title_fi
# Kirjoita oikea tieto jokaiseen kohtaan, jossa lukee TÄYTÄ, tai poista kohta, jos se on
# valinnainen. Tarkista sitten: $command check
# Esimerkit ovat #-merkin jälkeen, eivätkä ne koskaan päädy sivulle. Kohdat, joiden edessä on #,
# ovat valinnaisia: poista #-merkit, jos tarvitset niitä, ja täytä TÄYTÄ-kohdat.
# fi = suomeksi, sv = ruotsiksi. Päivämäärät 20.8.2026, kellonajat klo 16.15 (Suomen aikaa).
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
# Julkaisupäivä: ennen sitä haku ei näy sivustolla (tässä hakuajan alku; muuta tarvittaessa).
published: $published
# Luonnos: näkyy vain esikatselussa ($command serve). Poista tämä rivi, kun haku julkaistaan.
draft: true
# (valinnainen) Rahoittaja, jos raha ei ole Opetushallituksen oma: avain tiedoston
# calls/_vocabulary.yaml kohdasta funders, esim. okm.
# funder: TÄYTÄ
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
  # (valinnainen) Kokonaissumma euroina, esim. 1 500 000. Jos haku ei ilmoita summaa, poista
  # total-kohta kokonaan: sivulla ei silloin näy summaa. precision: exact (tarkka summa),
  # approximately (noin) tai at_most (enintään).
  total:
    euros: TÄYTÄ
    precision: TÄYTÄ
  # (valinnainen) Mihin raha on tarkoitettu. Jatkaa lausetta "Opetushallitus asettaa haettaviksi
  # noin 1,5 miljoonaa euroa ...", esim. kerhotoiminnan kehittämiseen / för att utveckla klubbverksamheten.
  purpose:
    fi: TÄYTÄ
    sv: TÄYTÄ
  # (valinnainen) Rahoitus omin sanoin, esim. enintään 150 euroa oppilasta kohden.
  # text:
  #   fi: TÄYTÄ
  #   sv: TÄYTÄ
  # (valinnainen) Avustuksen enimmäisosuus hankkeen kokonaiskustannuksista prosentteina, esim. 90.
  # max_aid_share: TÄYTÄ
  # (valinnainen) Yhden hankkeen avustuksen vähimmäis- ja enimmäismäärä euroina.
  # per_project:
  #   min_euros: TÄYTÄ
  #   max_euros: TÄYTÄ
  # (valinnainen) Jos raha riippuu eduskunnan vielä hyväksymättä olevasta talousarviosta,
  # poista #-merkki.
  # budget_dependent: true

# (valinnainen) Avustuksen tarkoitus ja tausta (Markdown sallittu).
purpose:
  fi: TÄYTÄ
  sv: TÄYTÄ

# (valinnainen) Painopisteet, joista hankkeet voivat valita, esim. johdanto
# "Hankkeet voivat keskittyä yhteen tai useampaan painopisteeseen:".
# focus_areas:
#   intro:
#     fi: TÄYTÄ
#     sv: TÄYTÄ
#   items:
#     - fi: TÄYTÄ
#       sv: TÄYTÄ

# (valinnainen) Mitä rahoitettavilta hankkeilta edellytetään.
# requirements:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# Kuka voi hakea.
eligibility:
  # Hakijatyypit tiedostosta calls/_vocabulary.yaml, esim. [municipality, private_provider].
  applicant_types: [TÄYTÄ]
  # (valinnainen) Kuka voi hakea, kokonaisin lausein.
  text:
    fi: TÄYTÄ
    sv: TÄYTÄ
  # (valinnainen) Kuka voi osallistua saamatta avustusta, esim. valtion oppilaitokset.
  # participants_without_aid:
  #   fi: TÄYTÄ
  #   sv: TÄYTÄ

# (valinnainen) Valintaperusteet.
# selection_criteria:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (valinnainen) Säädösperusta, esim. Valtionavustuslaki (688/2001) / Statsunderstödslagen (688/2001).
# legal_basis:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (valinnainen) Lisätietoja antavat henkilöt: nimi, tehtävänimike (esim. opetusneuvos /
# undervisningsråd), sähköposti (esim. etunimi.sukunimi@oph.fi) ja puhelin (esim. +358 29 533 XXXX).
contacts:
  - name: TÄYTÄ
    title:
      fi: TÄYTÄ
      sv: TÄYTÄ
    email: TÄYTÄ
    phone: TÄYTÄ

# (valinnainen) Linkit: kind on application (hakulomake), announcement (hakutiedote),
# attachment (liite) tai more_info (lisätietoa). Osoitteet alkavat https://.
links:
  - kind: TÄYTÄ
    label:
      fi: TÄYTÄ
      sv: TÄYTÄ
    url:
      fi: TÄYTÄ
      sv: TÄYTÄ

# Muutokset julkaisun jälkeen, esim. jatkettu hakuaika (näkyy otsikolla "Päivitetty").
changes: []
#  - date: 24.11.2026
#    text:
#      fi: Hakuaikaa jatkettu 15.1.2027 asti.
#      sv: Ansökningstiden har förlängts till 15.1.2027.

# (valinnainen) Milloin päätöksiä odotetaan, haun omin sanoin, esim. arviolta kesäkuussa 2027 /
# beräknas i juni 2027. Näkyy sanan "Päätökset:" jälkeen, kunnes haku on ratkaistu.
# expected_decisions:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (valinnainen) Tila silloin, kun päivämääristä ei näe sitä: under_assessment (arvioitavana)
# hakuajan päätyttyä tai decided (ratkaistu), kun päätösten päivää ei tiedetä.
# status: TÄYTÄ

# Kun päätökset on julkaistu, poista #-merkit ja täytä päivä (esim. 12.6.2027) ja osoitteet.
# decisions:
#   date: TÄYTÄ
#   url: {fi: TÄYTÄ, sv: TÄYTÄ}

# Jos haku perutaan, poista #-merkit ja täytä päivä ja (valinnainen) syy.
# cancelled:
#   date: TÄYTÄ
#   reason: {fi: TÄYTÄ, sv: TÄYTÄ}
""")


def _quoted(text: str) -> str:
    """A YAML string that stays text whatever staff typed (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def command_name() -> str:
    """How staff run callsite: ``bash scripts/callsite-cmd`` when the launcher says so."""
    return os.environ.get("CALLSITE_COMMAND") or "callsite"


def render_call(*, id: str, title_fi: str, title_sv: str, opens: str, closes: str) -> str:
    """The text of a new call file; dates must already be valid."""
    opened = parse_moment(opens, time_required=False)[0]
    published = f"{opened.day}.{opened.month}.{opened.year}"
    return CALL_TEMPLATE.substitute(
        command=command_name(), id=id, slug_fi=slugify(title_fi) or id, slug_sv=slugify(title_sv) or id,
        title_fi=" ".join(title_fi.split()), title_fi_q=_quoted(title_fi.strip()),
        title_sv_q=_quoted(title_sv.strip()), published=published, opens=opens.strip(), closes=closes.strip(),
    )


def _ask(label: str, given: str | None, check=None) -> str:
    """The option's value, else a question on the terminal (asked again until the answer is usable)."""
    while True:
        answer = given if given is not None else input(f"{label}: ")
        answer = answer.strip()
        problem = _("write something") if not answer else (check(answer) if check else None)
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
    title_fi = _ask(_("Title in Finnish (title fi)"), args.title_fi)
    title_sv = _ask(_("Title in Swedish (title sv)"), args.title_sv)
    opens = _ask(_("The call opens, e.g. 5.3.2027 (opens)"), args.opens, _date_check(False))
    closes = _ask(_("The call closes, e.g. 20.8.2027 klo 16.15 (closes)"), args.closes, _date_check(True))
    if parse_moment(closes, time_required=True)[0] <= parse_moment(opens, time_required=False)[0]:
        raise SystemExit("callsite new: " + _("the call closes before it opens; check the dates"))
    id = args.id or slugify(title_fi)
    if not id:
        raise SystemExit("callsite new: " + _("give --id (lowercase letters, digits and hyphens)"))
    if PLACEHOLDER in title_fi + title_sv:
        raise SystemExit("callsite new: " + _("the titles cannot contain {marker}").format(marker=PLACEHOLDER))
    args.calls.mkdir(parents=True, exist_ok=True)
    target = args.calls / f"{id}.yaml"
    if target.exists():
        raise SystemExit("callsite new: " + _("{file} already exists; choose another --id").format(file=display_path(target)))
    text = render_call(id=id, title_fi=title_fi, title_sv=title_sv, opens=opens, closes=closes)
    with open(target, "x", encoding="utf-8") as stream:
        stream.write(text)
    print(_("Wrote {file}.").format(file=display_path(target)))
    print(_("Next: write the real value wherever it says {marker} (examples are in the comments), "
            "then run: {command} check").format(marker=PLACEHOLDER, command=command_name()))
    return 0
