"""The staff guides (calls/OHJE.md, calls/ANVISNING.md): their YAML examples are valid calls, and
the error messages they quote are exactly what `callsite check` prints for those mistakes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli

GUIDES = [ROOT / "calls/OHJE.md", ROOT / "calls/ANVISNING.md"]
EXAMPLE_FILE = "kerhotoiminta-2027.yaml"

# The ten mistakes of the guides, as edits of the guide's example call ("COPY": the file
# copied as the base of next year's call, id left unchanged).
MISTAKES = [
    ("grant_type: special", "grant_tpye: special"),
    ("    sv: för att utveckla skolornas klubbverksamhet\n", ""),
    ("closes: 15.3.2027 klo 16.15", "closes: 3/15/2027 klo 16.15"),
    ("closes: 15.3.2027 klo 16.15", "closes: 30.2.2027 klo 16.15"),
    ("tags: [perusopetus]", "tags: [perusopetuss]"),
    ("    fi: Avustusta voivat hakea kunnat ja yksityiset opetuksen järjestäjät.",
     "    fi: Hakijat: kunnat ja yksityiset opetuksen järjestäjät."),
    ("    closes: 15.3.2027 klo 16.15", "   closes: 15.3.2027 klo 16.15"),
    ("COPY", ""),
    ("euros: 1 500 000", "euros: TÄYTÄ"),
    ("fi: https://www.oph.fi/fi/kerhotoiminta-2027", "fi: www.oph.fi/fi/kerhotoiminta-2027"),
]


def blocks(guide: Path, kind: str) -> list[str]:
    return re.findall(rf"^```{kind}\n(.*?)^```$", guide.read_text(encoding="utf-8"), flags=re.S | re.M)


def example_call(guide: Path) -> str:
    full = [b for b in blocks(guide, "yaml") if b.startswith("id: ")]
    assert len(full) == 1
    return full[0]


@pytest.fixture
def project(tmp_path) -> Path:
    calls = tmp_path / "calls"
    calls.mkdir()
    shutil.copy(ROOT / "calls/_vocabulary.yaml", calls)
    return calls


def check(calls: Path, lang: str = "fi"):
    return run_cli("--lang", lang, "check", "--now", "1.1.2027 klo 12.00", cwd=calls.parent)


def test_the_two_guides_show_the_same_examples():
    fi, sv = GUIDES
    assert blocks(fi, "yaml") == blocks(sv, "yaml")
    assert "calls/OHJE.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "calls/ANVISNING.md" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_yaml_example_in_the_guide_is_a_valid_call(guide, project):
    example = example_call(guide)
    (project / EXAMPLE_FILE).write_text(example, encoding="utf-8")
    result = check(project)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 haku tarkistettu: ei virheitä.\n", "")
    # Each fragment (extending a deadline, decisions, cancelling ...) replaces its fields in the example.
    fragments = [b for b in blocks(guide, "yaml") if not b.startswith("id: ")]
    assert len(fragments) == 7
    base = yaml.safe_load(example)
    for fragment in fragments:
        changed = {**base, **yaml.safe_load(fragment)}
        if "languages" in changed:  # a call in one language: the other language's texts go, as the guide says
            changed = only_in(changed, changed["languages"])
        (project / EXAMPLE_FILE).write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
        result = check(project)
        assert (result.returncode, result.stderr) == (0, ""), fragment


def only_in(data, languages: list[str]):
    """``data`` with the texts of the other languages left out (a text: a group of fi and sv)."""
    if isinstance(data, dict):
        is_text = set(data) <= {"fi", "sv"}
        return {key: only_in(value, languages) for key, value in data.items()
                if not (is_text and key not in languages)}
    if isinstance(data, list):
        return [only_in(item, languages) for item in data]
    return data


def real_messages(example: str, project: Path, lang: str) -> list[str]:
    """What `callsite check` prints for each mistake in ``lang`` (without the summary line)."""
    messages = []
    for old, new in MISTAKES:
        for path in project.glob("[!_]*.yaml"):
            path.unlink()
        if old == "COPY":
            (project / EXAMPLE_FILE).write_text(example, encoding="utf-8")
            (project / "kerhotoiminta-2028.yaml").write_text(
                example.replace("2027", "2028").replace("id: kerhotoiminta-2028", "id: kerhotoiminta-2027"),
                encoding="utf-8")
        else:
            assert old in example, old
            (project / EXAMPLE_FILE).write_text(example.replace(old, new, 1), encoding="utf-8")
        result = check(project, lang)
        assert result.returncode == 1
        lines = result.stderr.splitlines()
        assert lines[-1].startswith({"fi": "1 virhe 1 tiedostossa;", "sv": "1 fel i 1 fil;"}[lang]), result.stderr  # one mistake, one message
        messages.append("\n".join(lines[:-1]) + "\n")
    return messages


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_ten_error_messages_are_quoted_verbatim(guide, project):
    quoted = blocks(guide, "text")
    assert len(quoted) == 10
    assert quoted == real_messages(example_call(guide), project, {"OHJE.md": "fi", "ANVISNING.md": "sv"}[guide.name])


# --- The guide works as written (issue 19, part 4) ---------------------------------------------

LAUNCHER = "bash scripts/callsite-cmd"
GUIDE_LANG = {"OHJE.md": "fi", "ANVISNING.md": "sv"}


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_starts_with_the_launcher(guide):
    commands = re.findall(r"`((?:bash |callsite)[^`]*)`", guide.read_text(encoding="utf-8"))
    assert commands[0].startswith(LAUNCHER) and (ROOT / "scripts/callsite-cmd").is_file()
    steps = guide.read_text(encoding="utf-8").split("\n1. ", 1)[1]
    assert re.match(r"\S+ `bash scripts/callsite-cmd (--lang sv )?new`", steps), steps[:80]


@pytest.mark.parametrize("cwd", [ROOT, ROOT / "calls"], ids=["root", "elsewhere"])
def test_the_launcher_works_from_a_fresh_shell(cwd):
    result = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", "bash", str(ROOT / "scripts/callsite-cmd"), "--help"],
                            cwd=cwd, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert "callsite" in result.stdout.splitlines()[0] and "new" in result.stdout


def test_the_launcher_sets_the_project_up_when_there_is_none(tmp_path):
    # A copy of the launcher in a project without .venv; setup-env replaced by a stand-in that
    # makes a callsite which says how it was run (the real one installs the project: a minute).
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts/callsite-cmd", tmp_path / "scripts")
    (tmp_path / "scripts/setup-env").write_text(
        "mkdir -p .venv/bin && printf '#!/bin/sh\\necho \"ran: $*; $CALLSITE_COMMAND; $(pwd)\"\\n' > .venv/bin/callsite"
        " && chmod +x .venv/bin/callsite && echo set-up\n", encoding="utf-8")
    run = ["env", "-i", "PATH=/usr/bin:/bin", "bash", "scripts/callsite-cmd", "check", "--now", "1.1.2027"]
    first = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    again = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert first.stdout == again.stdout == f"ran: check --now 1.1.2027; {LAUNCHER}; {tmp_path}\n"
    assert "set-up" in first.stderr and "set-up" not in again.stderr


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_checklist_in_the_guide_is_what_check_prints(guide, project):
    lang = GUIDE_LANG[guide.name]
    made = run_cli("new", "--title-fi", "Kerhotoiminta 2027", "--title-sv", "Klubbverksamhet 2027", "--opens",
                   "1.2.2027", "--closes", "15.3.2027 klo 16.15", cwd=project.parent)
    assert (project / EXAMPLE_FILE).is_file(), made.stderr
    result = run_cli("--lang", lang, "check", "--now", "1.1.2027 klo 12.00", cwd=project.parent)
    assert result.returncode == 1
    assert blocks(guide, "console") == [result.stderr]
