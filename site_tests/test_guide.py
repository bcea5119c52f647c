"""The staff guides (calls/OHJE.md, calls/ANVISNING.md): their YAML examples are valid calls, and
the error messages they quote are exactly what `callsite check` prints for those mistakes."""

from __future__ import annotations

import re
import shutil
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
    ("closes: 15.3.2027 klo 16.15", "closes: 15.3.2027"),
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


def check(calls: Path):
    return run_cli("check", "--now", "1.1.2027 klo 12.00", cwd=calls.parent)


def test_the_two_guides_show_the_same_examples():
    fi, sv = GUIDES
    assert blocks(fi, "yaml") == blocks(sv, "yaml")
    assert blocks(fi, "text") == blocks(sv, "text")
    assert "calls/OHJE.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "calls/ANVISNING.md" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_yaml_example_in_the_guide_is_a_valid_call(guide, project):
    example = example_call(guide)
    (project / EXAMPLE_FILE).write_text(example, encoding="utf-8")
    result = check(project)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 call(s) checked: no errors.\n", "")
    # Each fragment (extending a deadline, decisions, cancelling ...) replaces its fields in the example.
    fragments = [b for b in blocks(guide, "yaml") if not b.startswith("id: ")]
    assert len(fragments) == 6
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


def real_messages(example: str, project: Path) -> list[str]:
    """What `callsite check` prints for each mistake (without the summary line)."""
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
        result = check(project)
        assert result.returncode == 1
        lines = result.stderr.splitlines()
        assert lines[-1].startswith("1 error(s) in 1 file(s);"), result.stderr  # one mistake, one message
        messages.append("\n".join(lines[:-1]) + "\n")
    return messages


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_ten_error_messages_are_quoted_verbatim(guide, project):
    quoted = blocks(guide, "text")
    assert len(quoted) == 10
    assert quoted == real_messages(example_call(guide), project)
