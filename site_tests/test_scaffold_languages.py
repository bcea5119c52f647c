"""`callsite new` explains the template in the staff's language (issue 19): Finnish by default,
Swedish with --lang sv or a Swedish LANG, English with --lang en. The fields, values and TÄYTÄ
markers are the same on the same lines in every language, and in each a template whose markers
were only deleted is refused."""

from __future__ import annotations

import pytest

from conftest import run_cli

from callsite.commands.call_templates import TEMPLATES

NEW_ARGS = ("new", "--title-fi", "Kerhotoiminta 2027: uusi haku", "--title-sv", "Klubbverksamhet 2027",
            "--opens", "1.2.2027", "--closes", "15.3.2027 klo 16.15")
NEW_FILE = "calls/kerhotoiminta-2027-uusi-haku.yaml"
NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}

FINNISH_WORDS = ("valinnainen", "Kirjoita", "esim.", "poista", "Pysyvä", "otsikko", "Luonnos", "Hakuaika",
                 "Avustuslaji", "kohta")
"""Words of the Finnish explanations; none is in a Swedish or English one."""
SWEDISH_WORDS = ("frivilligt", "Skriv", "t.ex.", "ta bort", "Utkast", "Ansökningstid")


def explanations(text: str) -> str:
    """The comment lines that explain (not the fields commented out, nor their example values)."""
    lines = [line.strip()[1:].strip() for line in text.splitlines() if line.lstrip().startswith("#")]
    examples = ("fi:", "sv:", "- fi:", "- date:", "text:", "intro:", "items:", "date:", "url:", "reason:")
    return "\n".join(line for line in lines if not line.startswith(examples) and not line.endswith(":")
                     and not line.startswith(("languages:", "funder:", "max_aid_share:", "status:",
                                              "budget_dependent:", "min_euros:", "max_euros:")))


def test_the_templates_agree_line_for_line():
    finnish = TEMPLATES["fi"].template.splitlines()
    for lang in ("sv", "en"):
        other = TEMPLATES[lang].template.splitlines()
        assert len(other) == len(finnish), lang
        for number, (fi_line, line) in enumerate(zip(finnish, other), 1):
            commented = fi_line.lstrip().startswith("#")
            assert line.lstrip().startswith("#") == commented, (lang, number, line)
            if not commented:  # every field, value and marker: the same, on the same line
                assert line == fi_line, (lang, number, line)
            elif "TÄYTÄ" in fi_line and fi_line.lstrip("# ").split(":")[0].strip("- ").isidentifier():
                assert line == fi_line, (lang, number, line)  # a field commented out: the same too


@pytest.mark.parametrize("args, env", [(("--lang", "sv"), {}), ((), {**NO_LOCALE, "LANG": "sv_FI.UTF-8"})])
def test_new_in_swedish_explains_in_swedish(tmp_path, scratch_calls, args, env):
    result = run_cli(*args, *NEW_ARGS, cwd=tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Skrev {NEW_FILE}.\n")
    text = (tmp_path / NEW_FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[1] == "# Utlysning / Rahoitushaku: Klubbverksamhet 2027"
    assert lines[2] == ('# Skriv den riktiga uppgiften överallt där det står TÄYTÄ (finska för "fyll i"), '
                        "eller ta bort")
    assert "# Utkast: syns bara i förhandsvisningen (callsite serve). Ta bort raden när utlysningen " \
           "publiceras.\ndraft: true\n" in text
    assert "# Anvisning: calls/ANVISNING.md" in lines
    said = explanations(text)
    assert [word for word in FINNISH_WORDS if word in said] == []
    assert all(word in said for word in SWEDISH_WORDS)


def test_new_explains_in_finnish_by_default_and_in_english_when_asked(tmp_path, scratch_calls):
    assert run_cli(*NEW_ARGS, cwd=tmp_path, **NO_LOCALE).returncode == 0
    finnish = (tmp_path / NEW_FILE).read_text(encoding="utf-8")
    assert "# Kirjoita oikea tieto jokaiseen kohtaan, jossa lukee TÄYTÄ, tai poista kohta, jos se on" in finnish
    assert [word for word in SWEDISH_WORDS if word in explanations(finnish)] == []
    (tmp_path / NEW_FILE).unlink()
    assert run_cli("--lang", "en", *NEW_ARGS, cwd=tmp_path).returncode == 0
    english = (tmp_path / NEW_FILE).read_text(encoding="utf-8")
    assert '# Write the real value wherever it says TÄYTÄ (Finnish for "fill in"), or delete the part if it' in english
    said = explanations(english)
    assert [word for word in FINNISH_WORDS + SWEDISH_WORDS if word in said] == []
    # Only the comments differ.
    strip = lambda text: [line for line in text.splitlines() if not line.lstrip().startswith("#")]  # noqa: E731
    assert strip(english) == strip(finnish)


REFUSED = {"grant_type", "tags", "funding.total.euros", "funding.total.precision",
           "eligibility.applicant_types", "contacts[1].name", "links[1].kind"}
SEVERITY = {"fi": ": virhe: ", "sv": ": fel: "}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_fresh_template_whose_markers_were_only_deleted_is_refused(tmp_path, scratch_calls, lang):
    assert run_cli("--lang", lang, *NEW_ARGS, cwd=tmp_path).returncode == 0
    path = tmp_path / NEW_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("TÄYTÄ", ""), encoding="utf-8")
    result = run_cli("--lang", lang, "check", "--now", "1.1.2027", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if SEVERITY[lang] in line]
    assert {line.split(SEVERITY[lang])[1].split(":")[0] for line in errors} == REFUSED
    assert result.stderr.splitlines()[-1].startswith(("7 virhettä 1 tiedostossa", "7 fel i 1 fil"))
