"""Editing workflow: `callsite new`, warnings of `callsite check` (word for word), --help of every command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from callsite.model.call import Call
from conftest import CONFIG, FIXTURE_CALLS, page, run_cli, text_of

NEW_ARGS = ("new", "--title-fi", "Kerhotoiminta 2027: uusi haku", "--title-sv", "Klubbverksamhet 2027",
            "--opens", "1.2.2027", "--closes", "15.3.2027 klo 16.15")
NEW_FILE = "calls/kerhotoiminta-2027-uusi-haku.yaml"

# What a staff member writes in place of each placeholder.
FILLED = [
    ("grant_type: TÄYTÄ", "grant_type: special"),
    ("tags: [TÄYTÄ]", "tags: [perusopetus]"),
    ("euros: TÄYTÄ", "euros: 1 500 000"),
    ("precision: TÄYTÄ", "precision: approximately"),
    ("applicant_types: [TÄYTÄ]", "applicant_types: [municipality, private_provider]"),
    ("name: TÄYTÄ", "name: Maija Meikäläinen"),
    ("email: TÄYTÄ", "email: maija.meikalainen@oph.fi"),
    ("phone: TÄYTÄ", "phone: +358 29 533 1000"),
    ("kind: TÄYTÄ", "kind: application"),
    ("fi: TÄYTÄ\n      sv: TÄYTÄ\n\n#", "fi: https://www.oph.fi/fi/kerhotoiminta-2027\n      sv: https://www.oph.fi/sv/klubbverksamhet-2027\n\n#"),
    ("fi: TÄYTÄ", "fi: Suomeksi."),
    ("sv: TÄYTÄ", "sv: På svenska."),
]


def fill(text: str) -> str:
    for old, new in FILLED:
        text = text.replace(old, new)
    return text


def test_new_writes_every_field_explained_in_finnish(tmp_path, scratch_calls):
    result = run_cli(*NEW_ARGS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"Kirjoitettiin {NEW_FILE}.\nSeuraavaksi: kirjoita oikea tieto jokaiseen kohtaan, "
                             "jossa lukee TÄYTÄ (esimerkit ovat #-kommenteissa), ja aja sitten: callsite check\n")
    text = (tmp_path / NEW_FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=_schema.json"
    assert 'title:\n  fi: "Kerhotoiminta 2027: uusi haku"\n  sv: "Klubbverksamhet 2027"' in text
    assert "slug:\n  fi: kerhotoiminta-2027-uusi-haku\n  sv: klubbverksamhet-2027\n" in text
    assert "  - opens: 1.2.2027\n    closes: 15.3.2027 klo 16.15\n" in text
    for name in Call.model_fields:
        # Every field of the model is there (decisions and cancelled as commented-out blocks) ...
        found = [i for i, line in enumerate(lines) if re.match(rf"^(# )?{name}:", line)]
        assert found, f"{name} is missing from the new file"
        # ... with a comment line in Finnish right above it.
        above = lines[found[0] - 1]
        assert above.startswith("#") and len(above) > 10, (name, above)
    assert re.search(r"[äö]", "\n".join(line for line in lines if line.startswith("#")))


def test_new_file_fails_check_until_filled_then_passes_and_builds_as_a_draft(tmp_path, scratch_calls):
    assert run_cli(*NEW_ARGS, cwd=tmp_path).returncode == 0
    path = tmp_path / NEW_FILE
    result = run_cli("--lang", "en", "check", "--now", "1.1.2027", cwd=tmp_path)
    assert result.returncode == 1  # the checklist of what is left: test_checklist.py

    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.1.2027", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 call checked: no errors.\n", "")

    from callsite.commands.cli import main
    site = tmp_path / "site"
    args = ["build", "--calls", str(scratch_calls), "--config", str(CONFIG), "--site-dir", str(site), "--now", "1.3.2027"]
    assert main(args + ["--preview"]) == 0
    doc = page(site, "/fi/rahoitushaut/kerhotoiminta-2027-uusi-haku/")
    assert text_of(doc.select_one("article h1")) == "Kerhotoiminta 2027: uusi haku"
    assert text_of(doc.select_one(".mdx-draft .admonition-title")) == "Luonnos"
    assert main(args) == 0
    assert not (site / "fi/rahoitushaut/kerhotoiminta-2027-uusi-haku").exists()


def test_new_asks_questions_and_asks_again_after_a_bad_date(tmp_path, scratch_calls):
    answers = "Kokeilu\nFörsök\n1.2.27\n1.2.2027\n1.3.2027\n1.3.2027 klo 16.15\n"
    result = subprocess.run([sys.executable, "-m", "callsite", "new"], cwd=tmp_path, input=answers,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "  vuosi ei ole nelinumeroinen: '1.2.27' (esim. 20.8.2026)",
        "  päivämäärästä '1.3.2027' puuttuu kellonaika (lisää kellonaika, esim. 1.3.2027 klo 16.15)",
    ]
    assert "Otsikko suomeksi (title fi): " in result.stdout
    assert (scratch_calls / "kokeilu.yaml").is_file()


def test_new_refuses_to_overwrite_and_bad_options(tmp_path, scratch_calls):
    assert run_cli(*NEW_ARGS, cwd=tmp_path).returncode == 0
    again = run_cli(*NEW_ARGS, cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr == f"callsite new: {NEW_FILE} on jo olemassa; valitse toinen --id\n"
    bad = run_cli(*NEW_ARGS[:-1], "15.3.2027", "--id", "toinen", cwd=tmp_path)
    assert bad.stderr == ("callsite new: Hakuaika päättyy, esim. 20.8.2027 klo 16.15 (closes): "
                          "päivämäärästä '15.3.2027' puuttuu kellonaika (lisää kellonaika, esim. 15.3.2027 klo 16.15)\n")
    assert not (scratch_calls / "toinen.yaml").exists()


WARNED = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8").replace(
    "published: 1.2.2025\n", "published: 1.2.2025\ndraft: true\n").replace(
    "closes: 14.3.2025 klo 16.15", "closes: 14.3.2025 klo 12.00").replace(
    "url: {fi: https://www.oph.fi/fi/paatokset,", "url: {fi: http://www.oph.fi/fi/paatokset,") + """\
contacts:
  - name: Maija Meikäläinen
    title: {fi: opetusneuvos}
links:
  - kind: more_info
    label: {fi: Lisätietoa, sv: Mera information}
    url: {fi: "http://kerhokeskus.fi/fi", sv: "https://kerhokeskus.fi/sv"}
"""


def test_check_warnings_word_for_word(tmp_path, scratch_calls):
    (scratch_calls / "x.yaml").write_text(WARNED, encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.6.2025", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "1 call checked: no errors, 5 warnings.\n"
    assert result.stderr.splitlines() == [
        "calls/x.yaml:4:8: warning: draft: the publication date 1.2.2025 has come, but the call is still a draft, "
        "so it is not on the public site",
        "    hint: when the call is ready, delete the line 'draft: true'; otherwise move 'published' forward",
        "calls/x.yaml:10:13: warning: rounds[1].closes: the call closes at 12.00; calls usually close at 16.15",
        "    hint: check the time; if 12.00 is right, ignore this warning "
        "(the usual times are set in mkdocs.yml under extra.callsite.usual_deadline_times)",
        "calls/x.yaml:20:13: warning: decisions.url.fi: the link 'http://www.oph.fi/fi/paatokset' uses http://, "
        "but www.oph.fi is used with https:// in calls/x.yaml",
        "    hint: write 'https://www.oph.fi/fi/paatokset'",
        "calls/x.yaml:23:12: warning: contacts[1].title: the job title has no Swedish text (sv)",
        "    hint: add 'sv: ...' to the title; until then the Swedish page shows the name only",
        "calls/x.yaml:27:15: warning: links[1].url.fi: the link 'http://kerhokeskus.fi/fi' uses http://, "
        "but kerhokeskus.fi is used with https:// in calls/x.yaml",
        "    hint: write 'https://kerhokeskus.fi/fi'",
    ]


@pytest.mark.parametrize("lang, expected", [
    ("fi", ["calls/kerho.yml:1:5: varoitus: id: selaimen muokkain näyttää vain tiedostot, joiden nimi päättyy "
            ".yaml, joten tämä ei näy siinä", "    vihje: nimeä tiedosto uudelleen: kerho.yaml"]),
    ("sv", ["calls/Kerho.YAML:1:5: varning: id: redigeraren i webbläsaren visar bara filer vars namn slutar på "
            ".yaml, så den här syns inte där", "    tips: byt namn på filen till Kerho.yaml"]),
])
def test_a_call_file_the_browser_editor_would_not_list_is_named(tmp_path, scratch_calls, lang, expected):
    """The loader reads .yml and .YAML too; the browser editor (issue 22) lists .yaml only."""
    name = "kerho.yml" if lang == "fi" else "Kerho.YAML"
    (scratch_calls / name).write_text((FIXTURE_CALLS / "tuleva.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    result = run_cli("--lang", lang, "check", "--now", "1.6.2025", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines()[:2] == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_shows_the_same_warnings_while_it_builds(tmp_path, scratch_calls, monkeypatch, jobs):
    """`callsite build` works the warnings out while the languages build: the same lines, then the site."""
    (scratch_calls / "x.yaml").write_text(WARNED, encoding="utf-8")
    shutil.copy(CONFIG, tmp_path / "mkdocs.yml")
    shutil.copytree(CONFIG.parent / "theme", tmp_path / "theme")
    check = run_cli("--lang", "en", "check", "--now", "1.6.2025", cwd=tmp_path)
    monkeypatch.setenv("CALLSITE_JOBS", jobs)
    built = run_cli("--lang", "en", "build", "--now", "1.6.2025", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert built.stderr == check.stderr and len(built.stderr.splitlines()) == 10
    assert built.stdout.startswith("Built 1 call into site/")
    assert (tmp_path / "site" / "fi" / "index.html").is_file()


def test_check_warnings_follow_settings_and_known_hosts(tmp_path, scratch_calls):
    text = (WARNED.replace("draft: true\n", "").replace("title: {fi: opetusneuvos}", "title: {fi: a, sv: b}")
            .replace('"https://kerhokeskus.fi/sv"', '"http://kerhokeskus.fi/sv"')
            .replace("sv: https://www.oph.fi/sv/beslut", "sv: http://www.oph.fi/sv/beslut"))
    (scratch_calls / "x.yaml").write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.read_text(encoding="utf-8").replace(
        "usual_deadline_times: [\"16.15\"]", "usual_deadline_times: ['16:15', '12.00']"),
        encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.6.2025", cwd=tmp_path)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    # No host uses https now: only the known list (oph.fi and its subdomains) says https exists;
    # kerhokeskus.fi is nowhere used with https, so its http links are left alone. 12.00 is usual here.
    assert warnings == [
        "calls/x.yaml:19:13: warning: decisions.url.fi: the link 'http://www.oph.fi/fi/paatokset' uses http://, "
        "but www.oph.fi serves https://",
        "calls/x.yaml:19:49: warning: decisions.url.sv: the link 'http://www.oph.fi/sv/beslut' uses http://, "
        "but www.oph.fi serves https://",
    ]


@pytest.mark.parametrize("command", [None, "new", "check", "serve", "build", "schema"])
def test_every_command_has_plain_help(command, tmp_path):
    unset = {name: value for name, value in os.environ.items() if name not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    result = subprocess.run([str(Path(sys.executable).parent / "callsite"), *([command] if command else []), "--help"],
                            cwd=tmp_path, capture_output=True, text=True, env=unset)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("käyttö: callsite")  # Finnish unless asked otherwise
    description = result.stdout.split("\n\n")[1]
    assert len(description.split()) >= 8  # sentences, not a bare option list
