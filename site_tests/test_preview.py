"""`callsite serve` for real: a subprocess on 127.0.0.1, port 0; edit, break and fix a call over HTTP."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONFIG, FIXTURE_CALLS, text_of

PAATETTY = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8")
PAGE = "/fi/rahoitushaut/kerhotoiminta-2025/"


def fetch(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def version(base: str) -> dict:
    return json.loads(fetch(base, "/__callsite/version")[1])


def wait_for_version(base: str, after: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = version(base)
        if state["version"] > after:
            return state
        time.sleep(0.1)
    raise AssertionError(f"no rebuild after version {after} within {timeout} s")


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def server(tmp_path, scratch_calls):
    save(scratch_calls / "paatetty.yaml", PAATETTY)
    site = tmp_path / "preview-site"
    process = subprocess.Popen(
        [sys.executable, "-m", "callsite", "--lang", "en", "serve", "--port", "0", "--interval", "0.1", "--config", str(CONFIG),
         "--site-dir", str(site), "--now", "1.6.2025 klo 12.00"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in process.stdout:
            lines.append(line)
            match = re.match(r"Preview: (http://127\.0\.0\.1:\d+)/fi/", line)
            if match:
                break
        else:
            raise AssertionError("the server did not start: " + "".join(lines) + process.stderr.read())
        yield match.group(1), scratch_calls, site, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_preview_rebuilds_shows_errors_and_recovers(server):
    base, calls, site, process = server
    start = version(base)
    assert start == {"version": 1, "ok": True}
    status, body = fetch(base, PAGE)
    doc = BeautifulSoup(body, "html5lib")
    assert status == 200 and text_of(doc.select_one("article h1")) == "Kerhotoiminta 2025"
    assert "/__callsite/version" in body  # the reload script is in the served page ...
    assert "__callsite" not in (site / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")  # ... not the file

    # An edit is rebuilt and served.
    save(calls / "paatetty.yaml", PAATETTY.replace("Kerhotoiminta 2025", "Kerhotoiminta 2025 (muokattu)"))
    state = wait_for_version(base, 1)
    assert state["ok"] is True
    doc = BeautifulSoup(fetch(base, PAGE)[1], "html5lib")
    assert text_of(doc.select_one("article h1")) == "Kerhotoiminta 2025 (muokattu)"

    # A mistake: every page becomes an error page listing the messages; the server keeps running.
    save(calls / "paatetty.yaml", PAATETTY.replace("grant_type: special", "grant_type: specia"))
    state = wait_for_version(base, state["version"])
    assert state["ok"] is False
    for path in (PAGE, "/sv/", "/"):
        status, body = fetch(base, path)
        assert status == 500
        error = BeautifulSoup(body, "html5lib")
        assert [text_of(li) for li in error.select(".callsite-problems li")] == [
            "calls/paatetty.yaml:5:13: error: grant_type: expected one of general, special; found the text 'specia' "
            "hint: did you mean 'special'?"]
        assert "/__callsite/version" in body  # it reloads by itself once fixed
    assert process.poll() is None

    # Fixed: the site is back.
    save(calls / "paatetty.yaml", PAATETTY)
    state = wait_for_version(base, state["version"])
    assert state["ok"] is True
    status, body = fetch(base, PAGE)
    assert status == 200
    assert text_of(BeautifulSoup(body, "html5lib").select_one("article h1")) == "Kerhotoiminta 2025"

    process.terminate()
    _, stderr = process.communicate(timeout=20)
    assert ("calls/paatetty.yaml:5:13: error: grant_type: expected one of general, special; found the text 'specia'\n"
            "    hint: did you mean 'special'?\n") in stderr
    assert "Traceback" not in stderr


def test_preview_shows_drafts_and_listens_only_locally(server):
    base, calls, site, process = server
    save(calls / "luonnos.yaml", PAATETTY.replace("id: paatetty", "id: luonnos").replace(
        "kerhotoiminta-2025", "luonnos-2025").replace("klubbverksamhet-2025", "utkast-2025").replace(
        "published: 1.2.2025\n", "published: 1.2.2026\ndraft: true\n"))
    wait_for_version(base, 1)
    status, body = fetch(base, "/fi/rahoitushaut/luonnos-2025/")
    assert status == 200
    assert text_of(BeautifulSoup(body, "html5lib").select_one(".mdx-draft .admonition-title")) == "Luonnos"
    assert base.startswith("http://127.0.0.1:")


def test_the_browser_reloads_by_itself(server):
    """In Chromium: the open page follows an edit, a mistake and its fix without anyone reloading."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS

    base, calls, _, _ = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(base + PAGE)
            assert page.inner_text("article h1") == "Kerhotoiminta 2025"
            save(calls / "paatetty.yaml", PAATETTY.replace("Kerhotoiminta 2025", "Kerhotoiminta 2025 (uusi)"))
            # selectors, not wait_for_function: the pages' CSP forbids the eval that it needs
            page.wait_for_selector("article h1:text-is('Kerhotoiminta 2025 (uusi)')", timeout=60_000)
            save(calls / "paatetty.yaml", PAATETTY.replace("grant_type: special", "grant_type: specia"))
            page.wait_for_selector(".callsite-problems", timeout=60_000)
            assert page.inner_text("h1") == "The site could not be built"  # in the staff's language: --lang en
            assert page.get_attribute("html", "lang") == "en"
            assert "found the text 'specia'" in page.inner_text(".callsite-problems")
            save(calls / "paatetty.yaml", PAATETTY)
            page.wait_for_selector("article h1:text-is('Kerhotoiminta 2025')", timeout=60_000)
        finally:
            browser.close()


def test_the_watcher_rebuilds_once_a_save_has_settled():
    """An editor that saves by emptying the file and then writing it: the watcher sees the file
    empty, then written; it rebuilds once, with the written file, never with the empty one."""
    import threading

    from callsite.commands.preview import Preview

    before, emptied, written = ("x.yaml", 800, 0), ("x.yaml", 0, 1), ("x.yaml", 900, 2)
    snapshots = iter([emptied, written, written])
    stop = threading.Event()

    class Watched:  # the watcher's view of the files, one snapshot per look
        last = None
        built: list = []

        def snapshot(self):
            self.last = next(snapshots)
            return self.last

        def rebuild(self):
            self.built.append(self.last)
            stop.set()

    watched = Watched()
    Preview.watch(watched, 0.001, stop, before)
    assert watched.built == [written]


# --- A draft with TÄYTÄ markers left: the checklist that check prints (issue 19) ---------------

NEW_ARGS = ("new", "--title-fi", "Kerhotoiminta 2027: uusi haku", "--title-sv", "Klubbverksamhet 2027",
            "--opens", "1.2.2027", "--closes", "15.3.2027 klo 16.15")
NEW_FILE = "calls/kerhotoiminta-2027-uusi-haku.yaml"
COUNTS = {"fi": "14 kohtaa täyttämättä, 1 virhe", "sv": "14 punkter att fylla i, 1 fel"}
TERMINAL = {"fi": "selain näyttää tämän listan, kunnes tiedosto on korjattu.",
            "sv": "webbläsaren visar den här listan tills filen är rättad."}


def start_preview(folder: Path, lang: str, now: str) -> tuple[subprocess.Popen, str, str]:
    """``callsite --lang {lang} serve`` in ``folder``: the process, its address and what it said until then."""
    process = subprocess.Popen(
        [sys.executable, "-m", "callsite", "--lang", lang, "serve", "--port", "0", "--interval", "0.1", "--config",
         str(CONFIG), "--site-dir", str(folder / "preview-site"), "--now", now],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    said = {"fi": "Esikatselu", "sv": "Förhandsvisning"}[lang]
    lines = []
    for line in process.stdout:
        lines.append(line)
        match = re.match(rf"{said}: (http://127\.0\.0\.1:\d+)/fi/", line)
        if match:
            return process, match.group(1), "".join(lines)
    process.kill()
    raise AssertionError("the server did not start: " + "".join(lines) + process.stderr.read())


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_draft_with_markers_left_is_shown_as_checks_checklist(tmp_path, scratch_calls, lang):
    from conftest import run_cli

    now = "1.1.2027 klo 12.00"
    assert run_cli("--lang", lang, *NEW_ARGS, cwd=tmp_path).returncode == 0
    draft = tmp_path / NEW_FILE
    # One field filled in, and one real mistake: a day that does not exist.
    draft.write_text(draft.read_text(encoding="utf-8").replace("grant_type: TÄYTÄ", "grant_type: special")
                     .replace("closes: 15.3.2027 klo 16.15", "closes: 30.2.2027 klo 16.15"), encoding="utf-8")
    check = run_cli("--lang", lang, "check", "--config", str(CONFIG), "--now", now, cwd=tmp_path)
    assert check.returncode == 1
    said = check.stderr.splitlines()
    assert said[-1].startswith(COUNTS[lang] + ";")
    error = said[:2]  # the real error and its hint, then the checklist
    assert error[0].startswith(f"{NEW_FILE}:38:") and "30.2.2027" in error[0]
    heading, checklist = said[2], said[3:-1]

    process, base, started = start_preview(tmp_path, lang, now)
    try:
        assert version(base)["ok"] is False
        status, body = fetch(base, "/fi/")
        assert status == 500
        doc = BeautifulSoup(body, "html5lib")
        assert doc.html["lang"] == lang
        # The real errors first, one each, as check says them ...
        assert [li.get_text() for li in doc.select(".callsite-problems li")] == ["\n".join(error)]
        # ... then the draft's checklist: the file, its sections and their lines, in check's words.
        lists = doc.select(".callsite-checklist")
        assert len(lists) == 1 and lists[0].h2.get_text() == heading
        shown = []
        for node in lists[0].find_all(["h3", "li"]):
            shown.append(("  " if node.name == "h3" else "    ") + node.get_text())
        assert shown == checklist
        assert doc.select_one(".callsite-count").get_text() == COUNTS[lang] + "."
    finally:
        process.terminate()
        stdout, stderr = process.communicate(timeout=20)
    # The terminal says the same: the error, the checklist, and the count apart.
    assert "\n".join(said[:-1]) + "\n" in stderr
    assert f"{COUNTS[lang]}: {TERMINAL[lang]}\n" in started + stdout
    assert "TÄYTÄ" not in stderr  # no error per marker
    assert "Traceback" not in stderr
