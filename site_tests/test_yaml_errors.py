"""A call file that cannot be read as YAML is explained in plain words at the line the mistake
is on, that line quoted with a caret under the column (issue 19): each case is a valid fixture
call with one line broken as staff break them."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURE_CALLS, run_cli

from callsite.messages import speaking
from callsite.source.yamlsource import load_document

FIXTURE = FIXTURE_CALLS / "kielikylpy-2026.yaml"


def broken(line: int, new: str) -> str:
    """The fixture with its line ``line`` (1-based) replaced by ``new``; the old line must exist."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = new
    return "\n".join(lines)


def problem_of(tmp_path, text: str, lang: str = "en"):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with speaking(lang):
        doc, problems = load_document(path, "calls/x.yaml")
        assert doc is None and len(problems) == 1
        return problems[0], problems[0].format()


# (case, line number, the line as broken, where the mistake is (line, column), the first line of the message)
CASES = [
    ("key-one-column-left", 30, " applicant_types: [municipality, private_provider]", (30, 2),
     "the indentation of line 30 does not match the lines above: the fields of one group start in the same column"),
    ("key-one-column-right", 30, "   applicant_types: [municipality, private_provider]", (30, 4),
     "the indentation of line 30 does not match the lines above: the fields of one group start in the same column"),
    ("group-one-column-right", 31, "   text:", (31, 4),
     "the indentation of line 31 does not match the lines above: the fields of one group start in the same column"),
    ("key-two-columns-right", 30, "    applicant_types: [municipality, private_provider]", (30, 5),
     "the indentation of line 30 does not match the lines above: the fields of one group start in the same column"),
    ("top-level-key-right", 8, " grant_type: general", (8, 2),
     "the indentation of line 8 does not match the lines above: the fields of one group start in the same column"),
    ("language-key-left", 16, "   fi: kielikylpyopetuksen kehittämiseen", (16, 4),
     "the indentation of line 16 does not match the lines above: the fields of one group start in the same column"),
    ("round-field-left", 12, "   closes: 15.4.2026 klo 16.15", (12, 4),
     "the indentation of line 12 does not match the lines above: the fields of one group start in the same column"),
    ("round-field-right", 12, "     closes: 15.4.2026 klo 16.15", (12, 6),
     "the indentation of line 12 does not match the lines above: the fields of one group start in the same column"),
    ("missing-colon", 8, "grant_type general", (8, 11),
     "the colon (:) after the field name 'grant_type' is missing"),
    ("missing-colon-in-group", 16, "    fi kielikylpyopetuksen kehittämiseen", (16, 7),
     "the colon (:) after the field name 'fi' is missing"),
    ("missing-colon-after-group-name", 29, "eligibility", (29, 12),
     "the colon (:) after the field name 'eligibility' is missing"),
    ("unclosed-double-quote", 35, '  fi: "- vaikuttavuus\\n- kustannustehokkuus', (35, 7),
     'the quotation mark " that starts the text here is not closed on this line'),
    ("unclosed-single-quote", 38, "  fi: 'Valtionavustuslaki (688/2001)", (38, 7),
     "the quotation mark ' that starts the text here is not closed on this line"),
    ("unclosed-quote-in-braces", 52,
     '    url: {fi: "https://www.oph.fi/fi/haku?a=1&b=2, sv: "https://www.oph.fi/sv/ansok?a=1&b=2"}', (52, 15),
     'the quotation mark " that starts the text here is not closed before the next field'),
    ("unclosed-bracket", 9, "tags: [kieltenopetus, perusopetus", (9, 7),
     "the bracket [ that starts here is not closed on this line"),
    ("tab-indentation", 16, "\tfi: kielikylpyopetuksen kehittämiseen", (16, 1), "line 16 is indented with a tab"),
    ("tab-at-top-level", 8, "\tgrant_type: general", (8, 1), "line 8 is indented with a tab"),
    ("list-item-in-a-group", 24, "  - per_project: {min_euros: 20000, max_euros: 120000}", (24, 3),
     "a list item (a line starting with '-') stands where a field is expected"),
    ("list-item-left", 45, " - name: Anna Andersson", (45, 2),
     "the indentation of line 45 does not match the lines above: the items of one list start in the same column"),
    ("list-item-right", 45, "   - name: Anna Andersson", (45, 4),
     "the indentation of line 45 does not match the lines above: the items of one list start in the same column"),
    ("colon-in-text", 38, "  fi: Laki: Valtionavustuslaki (688/2001)", (38, 11),
     "the text has a colon followed by a space (': '), which would start a new field"),
]


@pytest.mark.parametrize("case, number, line, where, message", CASES, ids=[c[0] for c in CASES])
def test_the_mistake_is_reported_at_its_line_with_the_line_quoted(tmp_path, case, number, line, where, message):
    problem, text = problem_of(tmp_path, broken(number, line))
    assert (problem.line, problem.column) == where
    assert problem.message == message
    assert problem.quote == line  # the line the mistake is on, as written
    quoted, caret = text.splitlines()[1:3]
    shown = line.replace("\t", "    ")
    assert quoted == f"    {where[0]} | {shown}"
    # The caret stands under the character at the column (a tab is shown as four spaces).
    assert caret.index("^") - caret.index("|") - 2 == len(line[: where[1] - 1].replace("\t", "    "))
    assert "YAML syntax" not in text and "mapping" not in text and "token" not in text


def test_the_original_report_one_line_too_low_is_gone(tmp_path):
    """The issue's case: applicant_types moved one column left was reported on the next line."""
    problem, text = problem_of(tmp_path, broken(30, " applicant_types: [municipality, private_provider]"))
    assert text.splitlines() == [
        "calls/x.yaml:30:2: error: the indentation of line 30 does not match the lines above: the fields of one "
        "group start in the same column",
        "    30 |  applicant_types: [municipality, private_provider]",
        "       |  ^",
        "    hint: move the start of the line to column 3, like the other lines of its group (now it starts in "
        "column 2)",
    ]


WORDING = {
    "key-one-column-left": {
        "fi": ["x.yaml:30:2: virhe: rivin 30 sisennys ei vastaa edellisiä rivejä: saman ryhmän kentät alkavat samasta "
               "sarakkeesta",
               "    vihje: siirrä rivin alku sarakkeeseen 3 samaan kohtaan kuin ryhmän muut rivit (nyt rivi alkaa "
               "sarakkeesta 2)"],
        "sv": ["x.yaml:30:2: fel: indraget på rad 30 stämmer inte med raderna ovanför: fälten i samma grupp börjar i "
               "samma kolumn",
               "    tips: flytta radens början till kolumn 3, som de andra raderna i gruppen (nu börjar den i kolumn 2)"],
    },
    "missing-colon": {
        "fi": ["x.yaml:8:11: virhe: kentän nimen 'grant_type' jäljestä puuttuu kaksoispiste (:)",
               "    vihje: kirjoita kenttä muodossa 'grant_type: arvo', eli nimen perään kaksoispiste ja välilyönti"],
        "sv": ["x.yaml:8:11: fel: kolon (:) saknas efter fältnamnet 'grant_type'",
               "    tips: skriv fältet som 'grant_type: värde', med kolon och mellanslag efter namnet"],
    },
    "unclosed-double-quote": {
        "fi": ['x.yaml:35:7: virhe: tästä alkavan tekstin lainausmerkkiä " ei suljeta tällä rivillä',
               '    vihje: lisää tekstin loppuun sulkeva " tai poista alun lainausmerkki'],
        "sv": ['x.yaml:35:7: fel: citattecknet " som inleder texten här stängs inte på den här raden',
               '    tips: lägg till ett avslutande " i slutet av texten eller ta bort det inledande'],
    },
    "tab-indentation": {
        "fi": ["x.yaml:16:1: virhe: rivi 16 on sisennetty sarkaimella",
               "    vihje: sisennä vain välilyönneillä: poista sarkain ja kirjoita välilyöntejä niin, että rivi alkaa "
               "samasta sarakkeesta kuin muut saman ryhmän rivit"],
        "sv": ["x.yaml:16:1: fel: rad 16 är indragen med en tabb",
               "    tips: gör indrag bara med mellanslag: ta bort tabben och skriv mellanslag så att raden börjar i "
               "samma kolumn som de andra i gruppen"],
    },
    "list-item-in-a-group": {
        "fi": ["x.yaml:24:3: virhe: luettelon kohta (viivalla '-' alkava rivi) on kohdassa, johon kuuluu kenttä",
               "    vihje: poista rivin alusta viiva '-' tai siirrä rivi siihen luetteloon, johon se kuuluu"],
        "sv": ["x.yaml:24:3: fel: en listpunkt (en rad som börjar med '-') står där ett fält ska stå",
               "    tips: ta bort '-' i början av raden eller flytta raden till den lista den hör till"],
    },
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("case", sorted(WORDING))
def test_the_wording_in_finnish_and_swedish(scratch_calls, case, lang):
    """Through the command line, as staff see it: the message, the quoted line, the caret, the hint."""
    _case, number, line, where, _message = next(c for c in CASES if c[0] == case)
    shutil.copy(FIXTURE_CALLS / "_vocabulary.yaml", scratch_calls)
    (scratch_calls / "x.yaml").write_text(broken(number, line), encoding="utf-8")
    result = run_cli("--lang", lang, "check", "--now", "1.3.2026 klo 12.00", cwd=scratch_calls.parent)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    first, hint = WORDING[case][lang]
    assert lines[0] == f"calls/{first}"
    assert lines[1] == f"    {where[0]} | {line.replace(chr(9), '    ')}"
    assert lines[2].endswith("^") and lines[3] == hint
    assert lines[4] == {"fi": "1 virhe 1 tiedostossa; mitään ei rakennettu, ja nykyinen site/-kansio jäi ennalleen.",
                        "sv": "1 fel i 1 fil; ingenting byggdes, och den befintliga mappen site/ lämnades orörd."}[lang]
