"""The text of a new call file (``callsite new``) in the staff's language: the same fields, values
and markers on the same lines in each, only the explanations in the comments differ.

The fields, values and ``TÄYTÄ`` markers are the same in every language (a call holds Finnish
and Swedish texts whoever writes it, and the checker knows one marker word), and so are the
commented-out fields and the examples of values: ``callsite check``'s checklist then names the
same lines whichever language the file was made in (the guides quote them).
``site_tests/test_scaffold_languages.py`` checks that the three agree line for line.
"""

from __future__ import annotations

from string import Template

FI = Template("""\
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

SV = Template("""\
# yaml-language-server: $$schema=_schema.json
# Utlysning / Rahoitushaku: $title_sv
# Skriv den riktiga uppgiften överallt där det står TÄYTÄ (finska för "fyll i"), eller ta bort
# punkten om den är frivillig. Kontrollera sedan: $command check
# Exemplen står efter tecknet # och kommer aldrig ut på webbplatsen. Rader med # framför
# är frivilliga: ta bort #-tecknen om du behöver dem och fyll i de punkter där det står TÄYTÄ.
# fi = på finska, sv = på svenska. Datum skrivs 20.8.2026, klockslag kl. 16.15 (finsk tid).
# Anvisning: calls/ANVISNING.md

# Utlysningens bestående kod. Ändra den inte efter publiceringen (flöden och kalendrar använder den).
id: $id
# Språken som utlysningen publiceras på (frivilligt; båda om inget annat anges). Bara på svenska:
# ta bort #-tecknet på nästa rad, skriv [sv] och ta bort alla fi-rader (se calls/ANVISNING.md).
# languages: [fi, sv]
# Slutet av sidans adress på båda språken: små bokstäver a-z, siffror och bindestreck.
slug:
  fi: $slug_fi
  sv: $slug_sv
# Utlysningens rubrik.
title:
  fi: $title_fi_q
  sv: $title_sv_q
# Publiceringsdag: före den syns utlysningen inte på webbplatsen (här ansökningstidens början; ändra vid behov).
published: $published
# Utkast: syns bara i förhandsvisningen ($command serve). Ta bort raden när utlysningen publiceras.
draft: true
# (frivilligt) Finansiären, om pengarna inte är Utbildningsstyrelsens egna: en nyckel under funders
# i filen calls/_vocabulary.yaml, t.ex. okm.
# funder: TÄYTÄ
# Typ av understöd: general (allmänt understöd) eller special (specialunderstöd).
grant_type: TÄYTÄ
# Ämnen från filen calls/_vocabulary.yaml, t.ex. [perusopetus, digitaalisuus].
tags: [TÄYTÄ]

# Ansökningstid. Om det finns flera omgångar får var och en en egen punkt och ett namn (name: {fi: ..., sv: ...}).
rounds:
  - opens: $opens
    closes: $closes

# Pengarna som kan sökas.
funding:
  # (frivilligt) Totalbeloppet i euro, t.ex. 1 500 000. Om utlysningen inte anger något belopp, ta bort
  # hela total-punkten: då visas inget belopp på sidan. precision: exact (exakt belopp),
  # approximately (cirka) eller at_most (högst).
  total:
    euros: TÄYTÄ
    precision: TÄYTÄ
  # (frivilligt) Vad pengarna är till för. Fortsätter meningen "Utbildningsstyrelsen utlyser cirka
  # 1,5 miljoner euro ...", t.ex. kerhotoiminnan kehittämiseen / för att utveckla klubbverksamheten.
  purpose:
    fi: TÄYTÄ
    sv: TÄYTÄ
  # (frivilligt) Finansieringen med egna ord, t.ex. högst 150 euro per elev.
  # text:
  #   fi: TÄYTÄ
  #   sv: TÄYTÄ
  # (frivilligt) Understödets största andel av projektets totala kostnader i procent, t.ex. 90.
  # max_aid_share: TÄYTÄ
  # (frivilligt) Minsta och största understöd per projekt i euro.
  # per_project:
  #   min_euros: TÄYTÄ
  #   max_euros: TÄYTÄ
  # (frivilligt) Om pengarna beror på en budget som riksdagen ännu inte har godkänt,
  # ta bort #-tecknet.
  # budget_dependent: true

# (frivilligt) Understödets syfte och bakgrund (Markdown är tillåtet).
purpose:
  fi: TÄYTÄ
  sv: TÄYTÄ

# (frivilligt) Tyngdpunkter som projekten kan välja bland, t.ex. inledningen
# "Projekten kan inrikta sig på en eller flera tyngdpunkter:".
# focus_areas:
#   intro:
#     fi: TÄYTÄ
#     sv: TÄYTÄ
#   items:
#     - fi: TÄYTÄ
#       sv: TÄYTÄ

# (frivilligt) Vad som krävs av projekten som får finansiering.
# requirements:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# Vem kan ansöka.
eligibility:
  # Sökandetyper från filen calls/_vocabulary.yaml, t.ex. [municipality, private_provider].
  applicant_types: [TÄYTÄ]
  # (frivilligt) Vem som kan ansöka, i hela meningar.
  text:
    fi: TÄYTÄ
    sv: TÄYTÄ
  # (frivilligt) Vem som kan delta utan att få understöd, t.ex. statliga läroanstalter.
  # participants_without_aid:
  #   fi: TÄYTÄ
  #   sv: TÄYTÄ

# (frivilligt) Urvalskriterier.
# selection_criteria:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (frivilligt) Författningsgrund, t.ex. Valtionavustuslaki (688/2001) / Statsunderstödslagen (688/2001).
# legal_basis:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (frivilligt) Personer som ger mer information: namn, titel (t.ex. opetusneuvos /
# undervisningsråd), e-post (t.ex. etunimi.sukunimi@oph.fi) och telefon (t.ex. +358 29 533 XXXX).
contacts:
  - name: TÄYTÄ
    title:
      fi: TÄYTÄ
      sv: TÄYTÄ
    email: TÄYTÄ
    phone: TÄYTÄ

# (frivilligt) Länkar: kind är application (ansökningsblankett), announcement (meddelande om utlysningen),
# attachment (bilaga) eller more_info (mer information). Adresserna börjar med https://.
links:
  - kind: TÄYTÄ
    label:
      fi: TÄYTÄ
      sv: TÄYTÄ
    url:
      fi: TÄYTÄ
      sv: TÄYTÄ

# Ändringar efter publiceringen, t.ex. förlängd ansökningstid (visas under rubriken "Uppdaterad").
changes: []
#  - date: 24.11.2026
#    text:
#      fi: Hakuaikaa jatkettu 15.1.2027 asti.
#      sv: Ansökningstiden har förlängts till 15.1.2027.

# (frivilligt) När besluten väntas, med utlysningens egna ord, t.ex. arviolta kesäkuussa 2027 /
# beräknas i juni 2027. Visas efter ordet "Besluten:" tills utlysningen är avgjord.
# expected_decisions:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (frivilligt) Läget när det inte syns av datumen: under_assessment (under bedömning)
# efter ansökningstiden eller decided (avgjord) när beslutsdagen inte är känd.
# status: TÄYTÄ

# När besluten har publicerats, ta bort #-tecknen och fyll i dagen (t.ex. 12.6.2027) och adresserna.
# decisions:
#   date: TÄYTÄ
#   url: {fi: TÄYTÄ, sv: TÄYTÄ}

# Om utlysningen ställs in, ta bort #-tecknen och fyll i dagen och (frivilligt) orsaken.
# cancelled:
#   date: TÄYTÄ
#   reason: {fi: TÄYTÄ, sv: TÄYTÄ}
""")

EN = Template("""\
# yaml-language-server: $$schema=_schema.json
# Funding call: $title_fi
# Write the real value wherever it says TÄYTÄ (Finnish for "fill in"), or delete the part if it
# is optional. Then check: $command check
# Examples come after the # sign and never reach the site. Lines that start with # are
# optional: delete the # signs if you need them, and fill in the parts that say TÄYTÄ.
# fi = in Finnish, sv = in Swedish. Dates as 20.8.2026, times as klo 16.15 (Finnish time).
# Guide (in Finnish): calls/OHJE.md; in Swedish: calls/ANVISNING.md

# The call's permanent identifier. Do not change it after publication (feeds and calendars use it).
id: $id
# The languages the call is published in (optional; both unless said). A call in Finnish only:
# delete the # sign on the next line, write [fi] and delete every sv line (see calls/OHJE.md).
# languages: [fi, sv]
# The last part of the page's address in each language: lowercase letters a-z, digits and hyphens.
slug:
  fi: $slug_fi
  sv: $slug_sv
# The call's title.
title:
  fi: $title_fi_q
  sv: $title_sv_q
# Publication date: before it the call is not on the site (here the opening day; change it if needed).
published: $published
# Draft: shown only in the preview ($command serve). Delete this line when the call is published.
draft: true
# (optional) The funder, if the money is not the Finnish National Agency for Education's own: a key
# under funders in calls/_vocabulary.yaml, e.g. okm.
# funder: TÄYTÄ
# Type of grant: general (general grant) or special (special grant).
grant_type: TÄYTÄ
# Topics from calls/_vocabulary.yaml, e.g. [perusopetus, digitaalisuus].
tags: [TÄYTÄ]

# Application period. With several rounds, each gets its own entry and a name (name: {fi: ..., sv: ...}).
rounds:
  - opens: $opens
    closes: $closes

# The money available.
funding:
  # (optional) The total in euros, e.g. 1 500 000. If the call gives no total, delete the whole
  # total part: the page then shows no amount. precision: exact (the exact sum),
  # approximately or at_most (at most).
  total:
    euros: TÄYTÄ
    precision: TÄYTÄ
  # (optional) What the money is for. Continues the sentence "Opetushallitus asettaa haettaviksi
  # noin 1,5 miljoonaa euroa ...", e.g. kerhotoiminnan kehittämiseen / för att utveckla klubbverksamheten.
  purpose:
    fi: TÄYTÄ
    sv: TÄYTÄ
  # (optional) The money in the call's own words, e.g. at most 150 euros per pupil.
  # text:
  #   fi: TÄYTÄ
  #   sv: TÄYTÄ
  # (optional) The largest share of a project's total costs the grant covers, in per cent, e.g. 90.
  # max_aid_share: TÄYTÄ
  # (optional) The smallest and largest grant for one project, in euros.
  # per_project:
  #   min_euros: TÄYTÄ
  #   max_euros: TÄYTÄ
  # (optional) If the money depends on a budget Parliament has not yet approved,
  # delete the # sign.
  # budget_dependent: true

# (optional) The purpose of the grant and its background (Markdown allowed).
purpose:
  fi: TÄYTÄ
  sv: TÄYTÄ

# (optional) Focus areas the projects may choose from, e.g. the introduction
# "Projects may focus on one or more of these areas:".
# focus_areas:
#   intro:
#     fi: TÄYTÄ
#     sv: TÄYTÄ
#   items:
#     - fi: TÄYTÄ
#       sv: TÄYTÄ

# (optional) What is required of the projects funded.
# requirements:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# Who may apply.
eligibility:
  # Applicant types from calls/_vocabulary.yaml, e.g. [municipality, private_provider].
  applicant_types: [TÄYTÄ]
  # (optional) Who may apply, in full sentences.
  text:
    fi: TÄYTÄ
    sv: TÄYTÄ
  # (optional) Who may take part without receiving a grant, e.g. state-run schools.
  # participants_without_aid:
  #   fi: TÄYTÄ
  #   sv: TÄYTÄ

# (optional) Selection criteria.
# selection_criteria:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (optional) Legal basis, e.g. Valtionavustuslaki (688/2001) / Statsunderstödslagen (688/2001).
# legal_basis:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (optional) Contact persons: name, job title (e.g. opetusneuvos /
# undervisningsråd), e-mail (e.g. etunimi.sukunimi@oph.fi) and phone (e.g. +358 29 533 XXXX).
contacts:
  - name: TÄYTÄ
    title:
      fi: TÄYTÄ
      sv: TÄYTÄ
    email: TÄYTÄ
    phone: TÄYTÄ

# (optional) Links: kind is application (application form), announcement (call announcement),
# attachment or more_info (more information). Addresses start with https://.
links:
  - kind: TÄYTÄ
    label:
      fi: TÄYTÄ
      sv: TÄYTÄ
    url:
      fi: TÄYTÄ
      sv: TÄYTÄ

# Changes after publication, e.g. an extended application period (shown under "Päivitetty" / "Uppdaterad").
changes: []
#  - date: 24.11.2026
#    text:
#      fi: Hakuaikaa jatkettu 15.1.2027 asti.
#      sv: Ansökningstiden har förlängts till 15.1.2027.

# (optional) When decisions are expected, in the call's own words, e.g. arviolta kesäkuussa 2027 /
# beräknas i juni 2027. Shown after the word "Päätökset:" / "Besluten:" until the call is decided.
# expected_decisions:
#   fi: TÄYTÄ
#   sv: TÄYTÄ

# (optional) The status when the dates do not tell it: under_assessment (being assessed)
# after the application period, or decided when the day of the decisions is not known.
# status: TÄYTÄ

# When the decisions are published, delete the # signs and fill in the day (e.g. 12.6.2027) and the addresses.
# decisions:
#   date: TÄYTÄ
#   url: {fi: TÄYTÄ, sv: TÄYTÄ}

# If the call is cancelled, delete the # signs and fill in the day and (optional) the reason.
# cancelled:
#   date: TÄYTÄ
#   reason: {fi: TÄYTÄ, sv: TÄYTÄ}
""")

TEMPLATES = {"fi": FI, "sv": SV, "en": EN}
"""The staff language -> the template of a new call (Finnish where no language was chosen)."""
