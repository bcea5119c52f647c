"""The browser editor in a real browser: `callsite edit` (Decap CMS and its local backend over a
scratch copy of the fixture calls), driven by headless Chromium.

A call created through the form is a file that `callsite check` accepts and the site builds a
page of in both languages; an existing call's deadline changed through the form changes only
that value of the loaded call; a call the form cannot hold is refused, not damaged; the
editor loads nothing from elsewhere and logs no error.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from callsite.model.validate import load_call, load_vocabulary
from callsite.outputs.admin import editor_available
from conftest import CHROMIUM_ARGS, FIXTURE_CALLS, build, config_with, page, run_cli

pytestmark = pytest.mark.skipif(not editor_available() or shutil.which("node") is None,
                                reason="the editor's npm packages (npm ci) and node are needed")


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """`callsite edit` on a free port over a copy of the fixture calls; yields (admin URL, project)."""
    project = tmp_path_factory.mktemp("edit")
    shutil.copytree(FIXTURE_CALLS, project / "calls")
    config_with(project)
    process = subprocess.Popen(
        [sys.executable, "-m", "callsite", "--lang", "en", "edit", "--port", "0", "--now", "10.4.2026 klo 12.00"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    address = None
    for line in process.stdout:
        output.append(line)
        found = re.search(r"Editor: (http://127\.0\.0\.1:\d+/admin/)", line)
        address = address or (found and found.group(1))
        if line.startswith("Preview:"):
            break
    assert address, "".join(output)
    drain = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    drain.start()
    yield address, project, output
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    # Both servers are gone: the backend was stopped with the preview.
    assert "decap-server" not in subprocess.run(["ps", "-o", "cmd=", "--ppid", str(process.pid)],
                                                capture_output=True, text=True).stdout


@pytest.fixture
def browser_page(chromium):
    """A page that records console errors, uncaught errors and every request."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors, tab.requests = [], []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("response", lambda response: response.status >= 400 and tab.errors.append(
        f"{response.status} {response.url}"))
    yield tab
    context.close()


def log_in(tab, address: str) -> None:
    tab.goto(address)
    tab.get_by_role("button", name="Kirjaudu").click()  # the local backend needs no password
    tab.get_by_text("＋ Uusi rahoitushaku").wait_for()


def choose(tab, field: str, typed: str, nth: int = 0) -> None:
    """Pick an option in a select (react-select) by typing part of its label."""
    box = tab.locator(f'input[id^="{field}-field-"]').nth(nth)
    box.click()
    box.fill(typed)
    tab.keyboard.press("Enter")


def fill(tab, field: str, value: str, nth: int = 0) -> None:
    tab.locator(f'input[id^="{field}-field-"]').nth(nth).fill(value)


def publish(tab) -> None:
    tab.get_by_role("button", name="Julkaise").first.click()
    tab.get_by_text("Julkaise nyt").click()


def wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_the_editor_lists_the_calls_and_loads_nothing_from_elsewhere(editor, browser_page):
    address, project, _output = editor
    log_in(browser_page, address)
    browser_page.get_by_text("(kielikylpy-2026)", exact=False).wait_for()
    listed = browser_page.locator("body").inner_text()
    assert "Kielikylpyopetuksen kehittäminen 2026" in listed
    assert "Esiopetus" not in listed  # the vocabulary beside the calls is not a call
    browser_page.goto(address + "#/collections/calls/entries/kielikylpy-2026")
    browser_page.locator('input[id^="id-field-"]').wait_for()
    assert browser_page.locator('input[id^="id-field-"]').input_value() == "kielikylpy-2026"
    preview = browser_page.frame_locator("iframe").first
    assert "Kielikylpyopetuksen kehittäminen 2026" in preview.locator("body").inner_text()
    # The preview wears the site's stylesheets (the theme's and ours), as a page of the site does.
    styles = preview.locator("link[rel=stylesheet]").evaluate_all("links => links.map(link => link.href)")
    assert any("/fi/assets/stylesheets/main." in href for href in styles), styles
    assert any(href.endswith("/fi/assets/stylesheets/callsite.css") for href in styles), styles
    font = preview.locator("article h1").first.evaluate("h1 => getComputedStyle(h1).fontFamily")
    assert "Times" not in font and "serif" != font.strip()
    # Sums as the site writes them (the fixture writes 750 000).
    assert "750\u00a0000 euroa" in preview.locator("section[lang=fi]").inner_text()
    assert "750\u00a0000 euro" in preview.locator("section[lang=sv]").inner_text()
    assert browser_page.errors == []
    elsewhere = [url for url in browser_page.requests
                 if not url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))]
    assert elsewhere == []


@pytest.mark.parametrize("locale, login, other", [("sv-FI", "Logga in", "Kirjaudu"), ("fi-FI", "Kirjaudu", "Logga in"),
                                                  ("en-GB", "Kirjaudu", "Logga in")])
def test_the_editor_speaks_the_browsers_language_where_decap_has_it(editor, chromium, locale, login, other):
    address, _project, _output = editor
    context = chromium.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(address)
    tab.get_by_role("button", name=login).wait_for()
    assert tab.get_by_role("button", name=other).count() == 0
    assert tab.evaluate("document.documentElement.lang") == ("sv" if locale == "sv-FI" else "fi")
    if locale == "sv-FI":  # a list's add button, missing from Decap's Swedish, is Swedish too
        tab.get_by_role("button", name=login).click()
        tab.goto(address + "#/collections/calls/entries/kielikylpy-2026")
        tab.locator('input[id^="id-field-"]').wait_for()
        words = tab.locator("body").inner_text()
        assert "Lägg till" in words and "Add " not in words
    context.close()


def test_a_call_created_in_the_form_is_checked_and_built_in_both_languages(editor, browser_page, tmp_path):
    address, project, output = editor
    log_in(browser_page, address)
    browser_page.goto(address + "#/collections/calls/new")
    browser_page.locator('input[id^="id-field-"]').wait_for()
    fill(browser_page, "id", "lomakkeella-tehty-2026")
    fill(browser_page, "fi", "lomakkeella-tehty-haku-2026", 0)   # slug
    fill(browser_page, "sv", "utlysning-gjord-i-formularet-2026", 0)
    fill(browser_page, "fi", "Lomakkeella tehty haku 2026", 1)    # title
    fill(browser_page, "sv", "Utlysning gjord i formuläret 2026", 1)
    fill(browser_page, "published", "1.4.2026")
    browser_page.locator('[id^="draft-field-"]').click()  # a new call is a draft: publish this one
    choose(browser_page, "grant_type", "erityis")
    choose(browser_page, "tags", "Esiopetus")
    fill(browser_page, "opens", "1.4.2026")
    fill(browser_page, "closes", "20.8.2026 klo 16.15")
    choose(browser_page, "applicant_types", "kunnat")
    publish(browser_page)
    saved = project / "calls" / "lomakkeella-tehty-2026.yaml"
    wait_for(saved.exists)
    wait_for(lambda: "grant_type" in saved.read_text(encoding="utf-8"))
    text = saved.read_text(encoding="utf-8")
    assert "__callsite" not in text and ": ''" not in text and '""' not in text
    check = run_cli("--lang", "en", "check", "--now", "10.4.2026 klo 12.00", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    site = tmp_path / "site"
    build(project / "calls", site, "10.4.2026 klo 12.00")
    assert "Lomakkeella tehty haku 2026" in page(site, "/fi/rahoitushaut/lomakkeella-tehty-haku-2026/").h1.get_text()
    assert "Utlysning gjord i formuläret 2026" in page(
        site, "/sv/finansiering/utlysning-gjord-i-formularet-2026/").h1.get_text()
    assert browser_page.errors == []


def test_changing_a_deadline_in_the_form_changes_only_that_value(editor, browser_page):
    address, project, _output = editor
    path = project / "calls" / "kielikylpy-2026.yaml"
    vocabulary = load_vocabulary(project / "calls")[0]
    before, problems = load_call(path, vocabulary)
    assert problems == []
    log_in(browser_page, address)
    browser_page.goto(address + "#/collections/calls/entries/kielikylpy-2026")
    closes = browser_page.locator('input[id^="closes-field-"]').first
    closes.wait_for()
    assert closes.input_value() == "15.4.2026 klo 16.15"
    closes.fill("30.4.2026 klo 16.15")
    publish(browser_page)
    wait_for(lambda: "30.4.2026 klo 16.15" in path.read_text(encoding="utf-8"))
    after, problems = load_call(path, vocabulary)
    assert problems == []
    assert after.rounds[0].closes.isoformat() == "2026-04-30T16:15:00+03:00"
    rounds = (after.rounds[0].model_copy(update={"closes": before.rounds[0].closes}), *after.rounds[1:])
    assert after.model_copy(update={"rounds": rounds}) == before
    assert browser_page.errors == []


def test_a_date_can_be_picked_from_a_calendar_and_keeps_its_time(editor, browser_page):
    """Issue 22, part 2: dates in the staff's format with a picker; picking a day rewrites the
    day only, the time written after it stays."""
    address, _project, _output = editor
    log_in(browser_page, address)
    browser_page.goto(address + "#/collections/calls/new")
    closes = browser_page.locator('input[id^="closes-field-"]').first
    closes.wait_for()
    picker = closes.locator("xpath=following-sibling::input[@type='date']")
    assert picker.get_attribute("aria-label") == "Valitse päivä kalenterista"
    closes.fill("20.8.2027 klo 16.15")
    assert picker.input_value() == "2027-08-20"  # the calendar opens at the day written
    picker.fill("2027-09-03")
    assert closes.input_value() == "3.9.2027 klo 16.15"
    closes.fill("2027-08-20 16:15")  # another form the model reads: the calendar follows it too
    assert picker.input_value() == "2027-08-20"
    opens = browser_page.locator('input[id^="opens-field-"]').first
    opens.locator("xpath=following-sibling::input[@type='date']").fill("2027-06-01")
    assert opens.input_value() == "1.6.2027"
    assert browser_page.errors == []


def test_a_call_the_form_cannot_hold_is_refused_not_changed(editor, browser_page):
    address, project, output = editor
    path = project / "calls" / "tuleva.yaml"
    text = path.read_text(encoding="utf-8") + "muistiinpano: vain tiedostossa\n"
    path.write_text(text, encoding="utf-8")
    log_in(browser_page, address)
    browser_page.goto(address + "#/collections/calls/entries/tuleva")
    browser_page.locator('input[id^="id-field-"]').wait_for()
    preview = browser_page.frame_locator("iframe").first
    assert "muistiinpano: lomakkeessa ei ole tätä kenttää" in preview.locator("body").inner_text()
    fill(browser_page, "closes", "1.9.2027 klo 16.15")
    publish(browser_page)
    browser_page.get_by_text("Tätä hakua ei voi tallentaa lomakkeella", exact=False).first.wait_for()
    assert path.read_text(encoding="utf-8") == text


def test_the_built_editor_is_served_from_the_site_and_kept_out_of_search(fixture_site):
    admin = page(fixture_site, "/admin/")
    assert admin.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = admin.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'", "'unsafe-eval'"]  # no inline script, no other host
    assert directives["connect-src"] == ["'self'", "https://api.github.com"]  # production: no local backend
    assert [s["src"] for s in admin.find_all("script")] == ["init.js", "decap-cms.js", "locale-fi.js", "admin.js"]
    config = (fixture_site / "admin" / "config.yml").read_text(encoding="utf-8")
    assert "local_backend" not in config and "publish_mode: editorial_workflow" in config
    for lang in ("fi", "sv"):
        assert "admin" not in (fixture_site / lang / "sitemap.xml").read_text(encoding="utf-8")
        assert "/admin/" not in (fixture_site / lang / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "/admin/" not in (fixture_site / lang / "feed.xml").read_text(encoding="utf-8")
