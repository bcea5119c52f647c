"""A checklist, not a wall (issue 19, part 3): `callsite check` of a fresh `callsite new` file says
what is left to fill in, grouped by section, in Finnish or Swedish, word for word; real errors are
counted apart; a call that is not a draft keeps an error per marker; a template whose markers were
only deleted is refused; build says the same and builds nothing."""

from __future__ import annotations

import shutil

import pytest

from callsite.messages import ngettext, speaking
from conftest import CONFIG, ROOT, run_cli

NEW_ARGS = ("new", "--title-fi", "Kerhotoiminta 2027: uusi haku", "--title-sv", "Klubbverksamhet 2027",
            "--opens", "1.2.2027", "--closes", "15.3.2027 klo 16.15")
NEW_FILE = "calls/kerhotoiminta-2027-uusi-haku.yaml"

CHECKLIST = {
    "fi": f"""\
{NEW_FILE}: luonnos, vielä täyttämättä:
  Perustiedot
    rivi 31: avustuslaji (general tai special)
    rivi 33: aiheet tiedostosta calls/_vocabulary.yaml, esim. [perusopetus]
  Haettava raha
    rivi 46: kokonaissumma euroina, esim. 1 500 000
    rivi 47: summan tarkkuus (exact, approximately tai at_most)
    rivi 51: mihin raha on tarkoitettu (jatkaa lausetta "Opetushallitus asettaa haettaviksi noin 1,5 miljoonaa euroa …")
  Tarkoitus ja tausta
    rivi 69: avustuksen tarkoitus ja tausta
  Kuka voi hakea
    rivi 90: hakijatyypit tiedostosta calls/_vocabulary.yaml, esim. [municipality]
    rivi 93: kuka voi hakea, kokonaisin lausein
  Yhteyshenkilöt
    rivi 113: yhteyshenkilön nimi
    rivi 115: yhteyshenkilön tehtävänimike
    rivi 117: yhteyshenkilön sähköpostiosoite
    rivi 118: yhteyshenkilön puhelinnumero
  Linkit
    rivi 123: linkin laji (application, announcement, attachment tai more_info)
    rivi 125: linkin teksti
    rivi 128: linkin osoite, alkaa https://
15 kohtaa täyttämättä, {{errors}}; mitään ei rakennettu, ja nykyinen site/ jäi ennalleen.
""",
    "sv": f"""\
{NEW_FILE}: utkast, ännu att fylla i:
  Grunduppgifter
    rad 31: understödsslag (general eller special)
    rad 33: ämnen från filen calls/_vocabulary.yaml, t.ex. [perusopetus]
  Finansiering
    rad 46: totalbeloppet i euro, t.ex. 1 500 000
    rad 47: hur exakt beloppet är (exact, approximately eller at_most)
    rad 51: vad pengarna är till för (fortsätter meningen "Utbildningsstyrelsen utlyser cirka 1,5 miljoner euro …")
  Syfte och bakgrund
    rad 69: understödets syfte och bakgrund
  Vem kan ansöka
    rad 90: sökandetyper från filen calls/_vocabulary.yaml, t.ex. [municipality]
    rad 93: vem som kan ansöka, i hela meningar
  Kontaktpersoner
    rad 113: kontaktpersonens namn
    rad 115: kontaktpersonens titel
    rad 117: kontaktpersonens e-postadress
    rad 118: kontaktpersonens telefonnummer
  Länkar
    rad 123: länkens typ (application, announcement, attachment eller more_info)
    rad 125: länktexten
    rad 128: länkens adress, som börjar med https://
15 punkter att fylla i, {{errors}}; ingenting byggdes och den befintliga site/ lämnades som den var.
""",
}
LANGUAGE_ENV = {"fi": {}, "sv": {"LANG": "sv_FI.UTF-8"}}


def errors_said(lang: str, n: int) -> str:
    """How the count of real errors is said (the messages' catalogs, shared with every report)."""
    with speaking(lang):
        return ngettext("{n} error", "{n} errors", n).format(n=n)


@pytest.fixture
def fresh(tmp_path, scratch_calls):
    result = run_cli(*NEW_ARGS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / NEW_FILE


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_fresh_template_gives_one_short_checklist_word_for_word(fresh, tmp_path, lang):
    result = run_cli("check", "--now", "1.1.2027", cwd=tmp_path, **LANGUAGE_ENV[lang])
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == CHECKLIST[lang].replace("{errors}", errors_said(lang, 0))
    # The line numbers are those of the markers in the file.
    lines = fresh.read_text(encoding="utf-8").splitlines()
    for number in (31, 33, 46, 47, 51, 69, 90, 93, 113, 115, 117, 118, 123, 125, 128):
        assert "TÄYTÄ" in lines[number - 1], number


def test_the_language_can_be_chosen_on_the_command_line(fresh, tmp_path):
    result = run_cli("--lang", "sv", "check", "--now", "1.1.2027", cwd=tmp_path)
    assert result.stderr == CHECKLIST["sv"].replace("{errors}", errors_said("sv", 0))


def test_real_errors_are_shown_and_counted_apart(fresh, tmp_path):
    text = fresh.read_text(encoding="utf-8")
    fresh.write_text(text.replace("closes: 15.3.2027 klo 16.15", "closes: 30.2.2027 klo 16.15")
                     .replace("grant_type: TÄYTÄ", "grant_type: special"), encoding="utf-8")
    result = run_cli("check", "--now", "1.1.2027", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{NEW_FILE}:38:") and "30.2.2027" in lines[0]  # the real error comes first
    assert f"{NEW_FILE}: luonnos, vielä täyttämättä:" in lines
    assert not any("avustuslaji" in line for line in lines)  # filled in: no longer listed
    assert lines[-1] == (f"14 kohtaa täyttämättä, {errors_said('fi', 1)}; "
                         "mitään ei rakennettu, ja nykyinen site/ jäi ennalleen.")


def test_a_call_that_is_not_a_draft_keeps_an_error_per_marker(fresh, tmp_path):
    fresh.write_text(fresh.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.1.2027", cwd=tmp_path)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    values = [line for line in fresh.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert len(errors) == sum(line.count("TÄYTÄ") for line in values) == 21
    assert errors[0] == (f"{NEW_FILE}:30:13: error: grant_type: it still says 'TÄYTÄ': "
                         "write the grant type (general or special) in its place")
    assert "still to fill in" not in result.stderr


def test_a_template_whose_markers_were_only_deleted_is_refused(fresh, tmp_path):
    fresh.write_text(fresh.read_text(encoding="utf-8").replace("TÄYTÄ", ""), encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.1.2027", cwd=tmp_path)
    assert result.returncode == 1
    refused = {line.split(": error: ")[1].split(":")[0] for line in result.stderr.splitlines() if ": error: " in line}
    assert refused == {"grant_type", "tags", "funding.total.euros", "funding.total.precision",
                       "eligibility.applicant_types", "contacts[1].name", "links[1].kind"}


def test_the_commented_examples_are_refused_if_copied_in(fresh, tmp_path):
    # What a hurried editor does: the examples of the comments written where the markers were.
    text = (fresh.read_text(encoding="utf-8").replace("email: TÄYTÄ", "email: etunimi.sukunimi@oph.fi")
            .replace("phone: TÄYTÄ", "phone: +358 29 533 XXXX").replace("draft: true\n", ""))
    fresh.write_text(text, encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.1.2027", cwd=tmp_path)
    assert f"{NEW_FILE}:116:12: error: contacts[1].email: 'etunimi.sukunimi@oph.fi' is an example, not a real " \
           "value: write the contact person's e-mail address in its place" in result.stderr.splitlines()
    assert f"{NEW_FILE}:117:12: error: contacts[1].phone: 'XXXX' is an example, not a real value: " \
           "write the contact person's phone number in its place" in result.stderr.splitlines()


def test_build_says_the_same_and_builds_nothing(fresh, tmp_path):
    shutil.copy(CONFIG, tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    check = run_cli("check", "--now", "1.1.2027", cwd=tmp_path)
    build = run_cli("build", "--now", "1.1.2027", cwd=tmp_path)
    assert (build.returncode, build.stderr) == (1, check.stderr)
    assert not (tmp_path / "site").exists()
