"""A build's output does not depend on how its work was shared between processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONFIG, FIXTURE_CALLS, ROOT


def _build(calls: Path, site: Path, jobs: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "callsite", "build", "--calls", str(calls), "--config", str(CONFIG),
                           "--site-dir", str(site), "--now", "10.4.2026 klo 12.00"], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "CALLSITE_JOBS": jobs, **env})


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_one_process_and_three_build_the_same_bytes(tmp_path):
    """With two jobs the first language builds in the command's own process and the other in a
    forked one (each its pages, feeds and calendars; whichever is free first writes the open
    data and the root pages); with one, everything is done in the command's process."""
    for jobs in ("1", "2"):
        assert _build(FIXTURE_CALLS, tmp_path / jobs, jobs).returncode == 0
    one, three = _tree(tmp_path / "1"), _tree(tmp_path / "2")
    assert one == three
    assert {"fi/feed.xml", "sv/feed.xml", "fi/calendar.ics", "sv/calendar.ics", "index.html"} <= set(one)
    assert any(name.startswith("fi/kalenteri/") for name in one) and any("/aiheet/" in n and n.endswith("feed.xml")
                                                                         for n in one)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failure_in_the_files_beside_the_pages_fails_the_build_and_keeps_the_old_site(tmp_path, jobs):
    site = tmp_path / "site"
    assert _build(FIXTURE_CALLS, site, jobs).returncode == 0
    before = _tree(site)
    # A broken calendar renderer: each language's process fails after writing its pages.
    sitecustomize = tmp_path / "hook"
    sitecustomize.mkdir()
    (sitecustomize / "sitecustomize.py").write_text(
        "import callsite.outputs.calendars as c\n"
        "def broken(*args, **kwargs):\n"
        "    raise ValueError('calendar broke')\n"
        "c.render_calendars = broken\n"
        "import callsite.outputs.files as o\n"
        "o.render_calendars = broken\n", encoding="utf-8")
    logs = tmp_path / "logs"
    logs.mkdir()
    failed = _build(FIXTURE_CALLS, site, jobs, PYTHONPATH=f"{sitecustomize}{os.pathsep}{ROOT / 'scripts'}",
                    TMPDIR=str(logs))
    # A bug, not a mistake in the files: one line for staff, the details in a log (of whichever
    # process failed first: the command's own, or the forked one's inside the command's).
    assert failed.returncode == 70
    # In the staff's language (Finnish by default).
    assert len(failed.stderr.splitlines()) == 1 and "Tämä on vika callsite-ohjelmassa" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert any("calendar broke" in log.read_text(encoding="utf-8") for log in logs.glob("callsite-error-*.log"))
    assert _tree(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-build-")]


def test_the_language_done_first_makes_what_the_other_has_not_begun_and_the_bytes_are_the_same(tmp_path):
    """The Swedish pages held back: the Finnish process makes the Swedish feeds and calendars,
    and the files beside the language folders (the open data, the root pages)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    log = tmp_path / "groups.log"
    (hook / "sitecustomize.py").write_text(f"""
import os, time
import callsite.commands.build as build
import callsite.engine.mkdocs_adapter as adapter
engine_build, write_files = adapter.build_language, build._write_files
def slow_swedish(*args, **kwargs):
    if str(args[4]).endswith("sv"):
        time.sleep(3)
    return engine_build(*args, **kwargs)
def logged(out, files):
    with open({str(log)!r}, "a") as stream:
        stream.write(f"{{os.getpid()}} {{(sorted(files) or ['nothing'])[0].split('/')[0]}}\\n")
    return write_files(out, files)
adapter.build_language, build._write_files = slow_swedish, logged
""", encoding="utf-8")
    env = {"PYTHONPATH": f"{hook}{os.pathsep}{ROOT / 'scripts'}"}
    assert _build(FIXTURE_CALLS, tmp_path / "2", "2", **env).returncode == 0
    groups: dict[str, set[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, lang = line.split()
        groups.setdefault(pid, set()).add(lang)
    # One process made both languages' feeds and calendars, and the shared files (the open data
    # with the root pages; the editor's files too, unless the other was done in time to take them).
    assert any({"fi", "sv", "404.html"} <= made for made in groups.values())
    assert _build(FIXTURE_CALLS, tmp_path / "1", "1").returncode == 0
    assert _tree(tmp_path / "1") == _tree(tmp_path / "2")
