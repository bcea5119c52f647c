"""No example value can be published (issue 19, part 2): the marker TÄYTÄ and the shapes of
example values are refused anywhere in a call, through load_call, the two-core path and the real
command line, with a message saying what to write there; real text that merely looks alike passes,
and so does every real call of the project and of the fixtures."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from callsite.model.parallel_load import finish_handed_over
from callsite.model.placeholders import find_unfilled
from callsite.model.validate import check_call, load_call, load_vocabulary
from callsite.source.callfiles import display_path, may_hold_placeholder, parse_for_handover
from conftest import FIXTURE_CALLS, FIXTURES, ROOT, run_cli

VALID = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
VOCABULARY, _ = load_vocabulary(FIXTURE_CALLS)
LOAD = functools.partial(load_call, vocabulary=VOCABULARY)
CHECK = functools.partial(check_call, vocabulary=VOCABULARY)

# (edit of the valid call, the line of `callsite check` it must print, in English)
SHAPES = {
    "marker": ("    closes: 15.4.2026 klo 16.15", "    closes: TÄYTÄ",
               "x.yaml:12:13: error: rounds[1].closes: it still says 'TÄYTÄ': write the closing date and time, "
               "e.g. 20.8.2027 klo 16.15 in its place"),
    "etunimi.sukunimi": ("email: maija.meikalainen@oph.fi", "email: etunimi.sukunimi@oph.fi",
                         "x.yaml:43:12: error: contacts[1].email: 'etunimi.sukunimi@oph.fi' is an example, "
                         "not a real value: write the contact person's e-mail address in its place"),
    "Firstname.Lastname": ("email: anna.andersson@oph.fi", "email: Firstname.Lastname@oph.fi",
                           "x.yaml:48:12: error: contacts[2].email: 'Firstname.Lastname@oph.fi' is an example, "
                           "not a real value: write the contact person's e-mail address in its place"),
    "förnamn efternamn": ("name: Anna Andersson", "name: Förnamn Efternamn",
                          "x.yaml:45:11: error: contacts[2].name: 'Förnamn Efternamn' is an example, "
                          "not a real value: write the contact person's name in its place"),
    "fornamn.efternamn": ("email: anna.andersson@oph.fi", "email: FORNAMN.EFTERNAMN@oph.fi",
                          "x.yaml:48:12: error: contacts[2].email: 'FORNAMN.EFTERNAMN@oph.fi' is an example, "
                          "not a real value: write the contact person's e-mail address in its place"),
    "example. e-mail": ('"mailto:kielikylpy@oph.fi", sv:', '"mailto:kielikylpy@Example.ORG", sv:',
                        "x.yaml:55:15: error: links[2].url.fi: 'mailto:kielikylpy@Example.ORG' is an example, "
                        "not a real value: write the address of the link, starting with https:// in its place"),
    "example. host": ('"https://www.oph.fi/sv/ansok?a=1&b=2"', '"https://www.example.com/sv/ansok"',
                      "x.yaml:52:57: error: links[1].url.sv: 'https://www.example.com/sv/ansok' is an example, "
                      "not a real value: write the address of the link, starting with https:// in its place"),
    "bare example.fi": ("sv: Kommuner och privata utbildningsanordnare.", "sv: Se example.fi.",
                        "x.yaml:33:9: error: eligibility.text.sv: 'example.fi' is an example, "
                        "not a real value: write who may apply, in full sentences in its place"),
    "XXX": ("phone: +358 29 533 1000", "phone: +358 29 533 XXXX",
            "x.yaml:44:12: error: contacts[1].phone: 'XXXX' is an example, not a real value: "
            "write the contact person's phone number in its place"),
    "lorem": ("sv: Målet är att **stärka** språkbadet.", "sv: Lorem ipsum dolor sit amet.",
              "x.yaml:28:7: error: purpose.sv: 'Lorem' is an example, not a real value: "
              "write the purpose and background of the grant in its place"),
}

# Real text that looks a little like an example: it must pass.
LOOKALIKES = [
    ("sv: Kommuner och privata utbildningsanordnare.", "sv: Täytä hakulomake ajoissa (på finska, fyll i)."),
    ('"https://www.oph.fi/fi/haku?a=1&b=2"', '"https://www.oph.fi/fi/example.html"'),
    ('"https://www.oph.fi/fi/haku?a=1&b=2"', '"https://my-example.fi/haku"'),
    ('"https://www.oph.fi/fi/haku?a=1&b=2"', '"https://www.oph.fi/files/example.com.pdf"'),
    ("sv: Målet är att **stärka** språkbadet.", "sv: For example. XXL-storlek, Exxon, xx och loremipsum."),
]


def _edited(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_refused_by_load_call_and_the_two_core_path(tmp_path, shape):
    old, new, line = SHAPES[shape]
    path = tmp_path / "x.yaml"
    path.write_text(_edited(old, new), encoding="utf-8")
    for call, problems in (LOAD(path), finish_handed_over(path, parse_for_handover(path), LOAD, CHECK)):
        assert call is None
        assert [p.format().split("\n")[0] for p in problems] == [display_path(path) + line[len("x.yaml"):]]


def test_every_shape_is_refused_by_the_command_line_word_for_word(tmp_path, scratch_calls):
    for i, (old, new, _line) in enumerate(SHAPES.values()):
        (scratch_calls / f"x{i:02}.yaml").write_text(_edited(old, new).replace(
            "id: kielikylpy-2026", f"id: x{i:02}").replace("kehittaminen-2026", f"kehittaminen-{i}").replace(
            "sprakbadsundervisningen-2026", f"sprakbadsundervisningen-{i}"), encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--now", "1.1.2026", cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [f"calls/x{i:02}.yaml" + line[len("x.yaml"):] for i, (_o, _n, line) in enumerate(SHAPES.values())]
    hints = result.stderr.split("calls/x01.yaml")[1].split("calls/x02.yaml")[0]
    assert "\n    hint: if the call does not need it, delete email\n" in hints  # the innermost optional field


@pytest.mark.parametrize("old, new", LOOKALIKES)
def test_real_text_that_looks_a_little_like_an_example_passes(tmp_path, old, new):
    path = tmp_path / "x.yaml"
    path.write_text(_edited(old, new), encoding="utf-8")
    call, problems = LOAD(path)
    assert call is not None and problems == []


def _real_call_files() -> list[Path]:
    files = [p for folder in (FIXTURES / "calls", FIXTURES / "languages", FIXTURES / "real", ROOT / "calls")
             for p in sorted(folder.glob("[!_]*.yaml"))]
    assert len(files) >= 10
    return files


@pytest.mark.parametrize("path", _real_call_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_real_call_holds_an_example(path):
    assert find_unfilled(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_real_calls_still_check_clean(tmp_path):
    for folder in (FIXTURES / "calls", FIXTURES / "languages", FIXTURES / "real", ROOT / "calls"):
        result = run_cli("--lang", "en", "check", "--calls", str(folder), "--now", "1.1.2026", cwd=tmp_path)
        assert result.returncode == 0, result.stderr


PIECES = st.sampled_from(["example.", "example", "com", "fi", "@", "//", "https:", "x", "X", "xxx", "XXX", " ",
                          ".", "-", "/", "lorem", "IPSUM", "etunimi", "Sukunimi", "firstname", "lastname",
                          "förnamn", "Efternamn", "TÄYTÄ", "Täytä", "ä", "\\x78", "\\u00c4", "İ", "ſ", "a", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join), st.booleans())
def test_the_text_pre_check_never_misses_an_example(value, quoted):
    # Written plain, or in double quotes where a backslash escape can make a letter.
    shown = json.dumps(value, ensure_ascii=False).replace("\\\\", "\\") if quoted else value
    text = f"purpose:\n  fi: {shown}\n"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    if find_unfilled(data):
        assert may_hold_placeholder(text), text
