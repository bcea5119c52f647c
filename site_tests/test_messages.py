"""What the program says to staff is in Finnish or Swedish (issue 19): the language chosen on
the command line or by the environment, every message in both catalogs, word for word where it
matters."""

from __future__ import annotations

import argparse
import inspect
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import FIXTURE_CALLS, ROOT, run_cli

from callsite.commands.cli import ARGPARSE_MESSAGES
from callsite.commands.preview import error_page
from callsite.messages import language_from_environment, speaking
from callsite.problems import Problem

SOURCE = ROOT / "scripts" / "callsite"
CATALOGS = SOURCE / "locales"
NOW = "1.3.2026 klo 12.00"
NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
"""Run with none of the language variables set (an empty one counts as unset)."""


def broken_project(calls: Path) -> Path:
    """The fixture call with its Swedish title deleted and a date that does not exist."""
    shutil.copy(FIXTURE_CALLS / "kielikylpy-2026.yaml", calls)
    path = calls / "kielikylpy-2026.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("  sv: Utveckling av språkbadsundervisningen 2026\n", ""),
                     ("opens: 2.3.2026 klo 9.00", "opens: 30.2.2026 klo 9.00")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return calls.parent


EXPECTED = {
    "fi": [
        "calls/kielikylpy-2026.yaml:10:12: virhe: rounds[1].opens: päivämäärää '30.2.2026 klo 9.00' ei ole olemassa",
        "    vihje: tarkista päivä ja kuukausi (päivä.kuukausi.vuosi)",
        "1 virhe 1 tiedostossa; mitään ei rakennettu, ja nykyinen site/-kansio jäi ennalleen.",
    ],
    "sv": [
        "calls/kielikylpy-2026.yaml:10:12: fel: rounds[1].opens: datumet '30.2.2026 klo 9.00' finns inte",
        "    tips: kontrollera dagen och månaden (dag.månad.år)",
        "1 fel i 1 fil; ingenting byggdes, och den befintliga mappen site/ lämnades orörd.",
    ],
    "en": [
        "calls/kielikylpy-2026.yaml:10:12: error: rounds[1].opens: the date '30.2.2026 klo 9.00' does not exist",
        "    hint: check the day and the month (day.month.year)",
        "1 error in 1 file; nothing was built and the existing site/ was left as it was.",
    ],
}


@pytest.mark.parametrize("args, env, lang", [
    (("--lang", "fi", "check"), {}, "fi"),
    (("--lang", "sv", "check"), {}, "sv"),
    (("check", "--lang", "sv"), {}, "sv"),  # after the command too
    (("check",), {**NO_LOCALE, "LANG": "sv_FI.UTF-8"}, "sv"),
    (("check",), {**NO_LOCALE, "LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, "sv"),
    (("check",), {**NO_LOCALE, "LANG": "sv_FI.UTF-8", "LC_ALL": "fi_FI.UTF-8"}, "fi"),
    (("check",), NO_LOCALE, "fi"),  # the default
    (("check",), {**NO_LOCALE, "LANG": "en_US.UTF-8"}, "fi"),  # English only when asked
    (("check",), {**NO_LOCALE, "LANG": "C.UTF-8"}, "fi"),
    (("--lang", "sv", "check"), {**NO_LOCALE, "LANG": "fi_FI.UTF-8"}, "sv"),  # --lang wins
    (("--lang", "en", "check"), {**NO_LOCALE, "LANG": "sv_FI.UTF-8"}, "en"),
])
def test_check_speaks_the_chosen_language_word_for_word(scratch_calls, args, env, lang):
    project = broken_project(scratch_calls)
    result = run_cli(*args, "--now", NOW, cwd=project, **env)
    assert result.returncode == 1
    # The call validates no further once a date is wrong: the Swedish title is said next time.
    assert result.stderr.splitlines() == EXPECTED[lang]


def test_a_missing_text_and_its_hint_in_both_languages(scratch_calls):
    project = broken_project(scratch_calls)
    path = scratch_calls / "kielikylpy-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("30.2.2026", "2.3.2026"), encoding="utf-8")
    fi = run_cli("--lang", "fi", "check", "--now", NOW, cwd=project).stderr.splitlines()
    sv = run_cli("--lang", "sv", "check", "--now", NOW, cwd=project).stderr.splitlines()
    assert fi[:2] == [
        "calls/kielikylpy-2026.yaml:6:3: virhe: title.sv: ruotsinkielinen teksti (sv) puuttuu",
        "    vihje: tämä haku julkaistaan suomeksi ja ruotsiksi (languages: [fi, sv]): lisää 'sv: ...' tai muuta "
        "kenttää languages, jos hakua ei julkaista ruotsiksi",
    ]
    assert sv[:2] == [
        "calls/kielikylpy-2026.yaml:6:3: fel: title.sv: den svenska texten (sv) saknas",
        "    tips: den här utlysningen publiceras på finska och svenska (languages: [fi, sv]): lägg till 'sv: ...' "
        "eller ändra languages om utlysningen inte publiceras på svenska",
    ]


def test_a_clean_check_and_its_warning_in_both_languages(scratch_calls):
    shutil.copy(FIXTURE_CALLS / "kielikylpy-2026.yaml", scratch_calls)
    path = scratch_calls / "kielikylpy-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("closes: 15.4.2026 klo 16.15", "closes: 15.4.2026 klo 17.00"),
                    encoding="utf-8")
    fi = run_cli("check", "--now", NOW, cwd=scratch_calls.parent, **NO_LOCALE)
    sv = run_cli("check", "--now", NOW, cwd=scratch_calls.parent, **{**NO_LOCALE, "LANG": "sv_FI.UTF-8"})
    assert (fi.returncode, fi.stdout) == (0, "1 haku tarkistettu: ei virheitä, 1 varoitus.\n")
    assert (sv.returncode, sv.stdout) == (0, "1 utlysning kontrollerad: inga fel, 1 varning.\n")
    assert fi.stderr.splitlines() == [
        "calls/kielikylpy-2026.yaml:12:13: varoitus: rounds[1].closes: haku päättyy klo 17.00; haut päättyvät "
        "yleensä klo 16.15",
        "    vihje: tarkista kellonaika; jos 17.00 on oikein, tästä varoituksesta ei tarvitse välittää (tavalliset "
        "ajat asetetaan mkdocs.yml-tiedostossa kohdassa extra.callsite.usual_deadline_times)",
    ]
    assert sv.stderr.splitlines()[0] == ("calls/kielikylpy-2026.yaml:12:13: varning: rounds[1].closes: utlysningen "
                                         "stänger kl. 17.00; utlysningar stänger vanligen kl. 16.15")


def test_the_command_lines_own_errors_and_help_are_translated(tmp_path):
    fi = run_cli("chek", cwd=tmp_path, **NO_LOCALE)
    sv = run_cli("--lang", "sv", "chek", cwd=tmp_path)
    en = run_cli("--lang", "en", "chek", cwd=tmp_path)
    assert (fi.returncode, sv.returncode, en.returncode) == (2, 2, 2)
    assert fi.stderr.splitlines()[0] == "käyttö: callsite [-h] [--lang {fi,sv,en}] KOMENTO ..."
    assert fi.stderr.splitlines()[1].startswith("callsite: virhe: KOMENTO: tuntematon valinta 'chek' (vaihtoehdot: "
                                                 "'build', 'check', 'new', 'serve', ")
    assert sv.stderr.splitlines()[1].startswith("callsite: fel: KOMMANDO: okänt val 'chek' (alternativen är: "
                                                "'build', 'check', 'new', 'serve', ")
    assert en.stderr.splitlines()[1].startswith("callsite: error: argument COMMAND: invalid choice: 'chek'")
    now = run_cli("--lang", "sv", "check", "--now", "31.2.2026", cwd=tmp_path)
    assert (now.returncode, now.stderr) == (
        2, "callsite: --now / CALLSITE_NOW: datumet '31.2.2026' finns inte (kontrollera dagen och månaden "
           "(dag.månad.år))\n")
    help_sv = run_cli("--lang", "sv", "check", "--help", cwd=tmp_path).stdout
    assert help_sv.startswith("användning: callsite check")
    assert "Kontrollerar alla utlysningsfiler utan att bygga webbplatsen." in help_sv
    assert "  -h, --help         visa den här hjälpen och avsluta" in help_sv


def test_the_language_comes_from_the_environment_as_documented():
    assert language_from_environment({}) == "fi"
    assert language_from_environment({"LANG": "sv_FI.UTF-8"}) == "sv"
    assert language_from_environment({"LANG": "sv_SE"}) == "sv"
    assert language_from_environment({"LANG": "en_GB.UTF-8"}) == "fi"
    assert language_from_environment({"LANG": "sv_FI.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}) == "fi"
    assert language_from_environment({"LC_ALL": "sv_FI", "LC_MESSAGES": "fi_FI", "LANG": "fi_FI"}) == "sv"
    assert language_from_environment({"LC_ALL": "", "LANG": "sv_FI"}) == "sv"


def test_workers_loading_in_parallel_speak_the_language_too(scratch_calls):
    """Enough files for the parse-ahead and the parallel load (see test_parallel_load): the
    problems of files read by the forked process are translated as this process's are."""
    for copy in range(70):
        text = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
        text = text.replace("id: kielikylpy-2026", f"id: kopio-{copy:02d}").replace(
            "kielikylpyopetuksen-kehittaminen-2026", f"k-{copy}").replace(
            "utveckling-av-sprakbadsundervisningen-2026", f"u-{copy}")
        if copy in (1, 68):  # one at each end: one read by each process
            text = text.replace("grant_type: general", "grant_type: generel")
        (scratch_calls / f"kopio-{copy:02d}.yaml").write_text(text, encoding="utf-8")
    result = run_cli("--lang", "sv", "check", "--now", NOW, cwd=scratch_calls.parent, CALLSITE_JOBS="2")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"calls/kopio-{copy:02d}.yaml:8:13: fel: grant_type: här ska ett av dessa stå: general, special; nu står "
        "här texten 'generel'" if line == 0 else "    tips: menade du 'general'?"
        for copy in (1, 68) for line in (0, 1)
    ] + ["2 fel i 2 filer; ingenting byggdes, och den befintliga mappen site/ lämnades orörd."]


def test_the_previews_error_page_is_in_the_staff_language():
    problem = Problem("calls/x.yaml", 0, 0, "", "the file is empty")
    for lang, title, severity in (("fi", "Sivustoa ei voitu rakentaa", "virhe"),
                                  ("sv", "Webbplatsen kunde inte byggas", "fel")):
        with speaking(lang):
            page = BeautifulSoup(error_page([problem], 1), "html5lib")
        assert page.html["lang"] == lang
        assert page.h1.get_text() == title
        assert page.select_one(".callsite-problems pre").get_text() == f"calls/x.yaml: {severity}: the file is empty"
    # Outside a command (a library caller, these tests) nothing is translated.
    assert BeautifulSoup(error_page([problem], 1), "html5lib").h1.get_text() == "The site could not be built"


# --- The catalogs ------------------------------------------------------------------------------

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?\}|%\([a-z_]+\)[sr]|%[sr]")


def msgids_in_code() -> dict[str, str]:
    """Every message the staff-facing code marks for translation -> where (the site's own
    strings, render/, have their own catalogs: a module there counts only if it speaks to staff,
    importing the staff's messages, as the newsletter settings' check does)."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            SOURCE, method_map=[("**.py", "python")], keywords=KEYWORDS):
        if filename.startswith("render/") and "from ..messages import" not in (SOURCE / filename).read_text(
                encoding="utf-8"):
            continue
        for msgid in (message if isinstance(message, tuple) else (message,)):
            found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def catalog(lang: str):
    return read_po((CATALOGS / f"{lang}.po").open("rb"), locale={"fi": "fi", "sv": "sv_FI"}[lang])


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_message_has_a_translation_and_no_translation_is_stale(lang):
    code = msgids_in_code()
    assert len(code) > 300
    entries = {}
    for message in catalog(lang):
        if message.id:
            for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
                entries[msgid] = message
    untranslated = [f"{where}: {msgid!r}" for msgid, where in code.items()
                    if msgid not in entries or not all(entries[msgid].string if isinstance(entries[msgid].string, tuple)
                                                       else (entries[msgid].string,))]
    assert untranslated == []
    assert sorted(set(entries) - set(code)) == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_each_translation_has_the_placeholders_of_its_message(lang):
    """The same {names} (filled with str.format) and %s (argparse's); of argparse's %(names)s
    (filled from a dict), one may be left out: its %(type)s would be jargon such as 'int'."""
    wrong = []
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            found = Counter(PLACEHOLDER.findall(string))
            left_out = Counter(wanted) - found
            if found - Counter(wanted) or any(not p.startswith("%(") for p in left_out):
                wrong.append((ids[0], string))
    assert wrong == []


def test_argparse_still_says_the_words_we_translate():
    """The catalogs translate argparse's own messages by their English text: a Python whose
    argparse words them differently would show them untranslated."""
    source = inspect.getsource(argparse)
    for msgid in ARGPARSE_MESSAGES:
        assert repr(msgid)[1:-1] in source or msgid.replace("\n", "\\n") in source, msgid


# --- What else a build can refuse: the newsletter's settings, the site engine (issue 19) -----

NEWSLETTER_REFUSED = {
    "fi": [
        "mkdocs.yml: virhe: extra.callsite.newsletter_action: uutiskirjeen tilauslomakkeelle ei ole annettu "
        "osoitetta, johon tilaukset lähetetään: lomakkeen tilaukset eivät menisi minnekään",
        "    vihje: kirjoita kohtaan newsletter_action lomakkeen osoite, jonka uutiskirjepalvelu antaa "
        "(esim. https://uutiskirje.example.fi/subscribe), tai rakenna esikatseluversio: --preview",
        "mkdocs.yml: virhe: extra.callsite.newsletter_privacy_url.sv: tietosuojaselosteen osoite puuttuu (kieli: sv)",
        "    vihje: suostumusteksti linkittää tietosuojaselosteeseen kummallakin kielellä",
        "2 virhettä 1 tiedostossa; mitään ei rakennettu, ja nykyinen site/-kansio jäi ennalleen.",
    ],
    "sv": [
        "mkdocs.yml: fel: extra.callsite.newsletter_action: det finns ingen adress dit nyhetsbrevets "
        "beställningsformulär skickar beställningarna: de skulle inte komma fram någonstans",
        "    tips: skriv i newsletter_action den formuläradress som nyhetsbrevstjänsten ger "
        "(t.ex. https://uutiskirje.example.fi/subscribe), eller bygg en förhandsversion: --preview",
        "mkdocs.yml: fel: extra.callsite.newsletter_privacy_url.sv: adressen till dataskyddsbeskrivningen saknas "
        "(språk: sv)",
        "    tips: samtyckestexten länkar till dataskyddsbeskrivningen på båda språken",
        "2 fel i 1 fil; ingenting byggdes, och den befintliga mappen site/ lämnades orörd.",
    ],
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_newsletter_without_its_addresses_is_refused_in_the_staff_language(tmp_path, lang):
    from conftest import config_with

    config_with(tmp_path, ("newsletter_action: https://uutiskirje.example.fi/subscribe", 'newsletter_action: ""'),
                ("      sv: https://www.oph.fi/sv/dataskydd\n", ""))
    result = run_cli("--lang", lang, "build", "--calls", str(FIXTURE_CALLS), "--now", NOW, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == NEWSLETTER_REFUSED[lang]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("lang, expected", [
    ("fi", "callsite: CALLSITE_ENGINE: 'hugo' ei ole ohjelma, jolla callsite osaa rakentaa sivuston; anna jokin "
           "näistä: mkdocs, properdocs (jos asetusta ei ole, käytetään mkdocs)"),
    ("sv", "callsite: CALLSITE_ENGINE: 'hugo' är inte ett program som callsite kan bygga webbplatsen med; ange "
           "något av dessa: mkdocs, properdocs (utan inställningen används mkdocs)"),
])
def test_an_unknown_site_engine_is_said_in_the_staff_language(tmp_path, lang, expected):
    from conftest import CONFIG

    result = run_cli("--lang", lang, "build", "--calls", str(FIXTURE_CALLS), "--config", str(CONFIG), "--site-dir",
                     str(tmp_path / "site"), "--now", NOW, cwd=ROOT, CALLSITE_ENGINE="hugo")
    assert (result.returncode, result.stderr.splitlines()) == (2, [expected])
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("lang, expected", [
    ("fi", "mkdocs.yml: virhe: sivuston rakentava ohjelma (MkDocs) ei voi käyttää tätä asetusta: Config value "
           "'theme': The path set in custom_dir ('{theme}') does not exist."),
    ("sv", "mkdocs.yml: fel: programmet som bygger webbplatsen (MkDocs) kan inte använda den här inställningen: "
           "Config value 'theme': The path set in custom_dir ('{theme}') does not exist."),
])
def test_a_setting_the_site_engine_refuses_is_said_in_the_staff_language(tmp_path, lang, expected):
    """The engine's own words (English, from MkDocs) are quoted after ours."""
    from conftest import config_with

    config_with(tmp_path, ("closing_soon_days: 14", "closing_soon_days: 14"))
    config = tmp_path / "mkdocs.yml"
    theme = tmp_path / "no-theme"
    config.write_text(config.read_text(encoding="utf-8").replace(f"custom_dir: {ROOT / 'theme'}",
                                                                 f"custom_dir: {theme}"), encoding="utf-8")
    result = run_cli("--lang", lang, "build", "--calls", str(FIXTURE_CALLS), "--now", NOW, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == expected.format(theme=theme)


def test_a_compiled_catalog_is_kept_and_an_edited_one_compiled_again(tmp_path, monkeypatch):
    """Catalogs are compiled once into the cache folder, keyed by their text: an edited .po never
    meets its old compiled form, and a kept one reads as a fresh compile would."""
    import gettext
    import io

    from callsite.messages import CATALOG_DIR, compiled_catalog

    monkeypatch.setenv("CALLSITE_CACHE_DIR", str(tmp_path))
    source = (CATALOG_DIR / "fi.po").read_bytes()
    first = compiled_catalog(source, "fi")
    assert len(list(tmp_path.glob("catalog-*.mo"))) == 1
    assert compiled_catalog(source, "fi") == first
    edited = source.replace(b'msgstr "virhe"', b'msgstr "VIRHE"', 1)
    assert edited != source
    assert compiled_catalog(edited, "fi") != first
    assert len(list(tmp_path.glob("catalog-*.mo"))) == 2
    monkeypatch.setenv("CALLSITE_CACHE_DIR", "")  # nowhere: compiled each time, the same bytes
    assert compiled_catalog(source, "fi") == first
    assert gettext.GNUTranslations(io.BytesIO(first)).gettext("the file is empty") != "the file is empty"
