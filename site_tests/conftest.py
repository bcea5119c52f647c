"""Shared fixtures: real site builds from fixture calls, parsed with an HTML parser.

Builds run the real command line (``callsite build``) in-process; session-scoped
builds are shared by the tests that only read them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

# Tests do not time (speed is the benchmark's business): Hypothesis's deadline of 200 ms an
# example only measured the machine, and failed .ci/run once on a busy one, where no CI variable
# had turned it off (test_hostile_outputs' 240,000-character link example, whose linear time is
# shown by the steps it counts).
settings.register_profile("callsite", deadline=None)
settings.load_profile("callsite")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_CALLS = FIXTURES / "calls"
CONFIG = ROOT / "mkdocs.yml"


def build(calls: Path, site: Path, now: str) -> None:
    from callsite.commands.cli import main

    assert main(["build", "--calls", str(calls), "--config", str(CONFIG), "--site-dir", str(site), "--now", now]) == 0


def config_with(folder: Path, *changes: tuple[str, str]) -> Path:
    """mkdocs.yml as committed, with each (old, new) text replaced once; the theme stays found."""
    text = CONFIG.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    config = folder / "mkdocs.yml"
    config.write_text(text.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"), encoding="utf-8")
    return config


def run_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The command line as staff run it, in a separate process (``env``: variables to set)."""
    return subprocess.run([sys.executable, "-m", "callsite", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env} if env else None, timeout=300)


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "html5lib")


def page(site: Path, url: str) -> BeautifulSoup:
    """Parse the file served at ``url`` (site-absolute, e.g. ``/fi/arkisto/``)."""
    target = site / url.lstrip("/")
    if url.endswith("/"):
        target = target / "index.html"
    assert target.is_file(), f"{url} was not built"
    return parse(target)


def text_of(node) -> str:
    return " ".join(node.get_text().split())


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The real calls/ folder (the seed call), built for a day while it was open."""
    site = tmp_path_factory.mktemp("seed") / "site"
    build(ROOT / "calls", site, "1.6.2020 klo 12.00")
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """Every status at once: built for 10.4.2026 klo 12.00."""
    site = tmp_path_factory.mktemp("fixtures") / "site"
    build(FIXTURE_CALLS, site, "10.4.2026 klo 12.00")
    return site


@pytest.fixture(scope="session")
def languages_site(tmp_path_factory) -> Path:
    """Calls in Finnish only, in Swedish only and in both: built for 10.4.2026 klo 12.00."""
    site = tmp_path_factory.mktemp("languages") / "site"
    build(FIXTURES / "languages", site, "10.4.2026 klo 12.00")
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """Calls as real ones often are (another funder, no sum stated, few texts): built for 10.4.2026 klo 12.00."""
    site = tmp_path_factory.mktemp("real") / "site"
    build(FIXTURES / "real", site, "10.4.2026 klo 12.00")
    return site


@pytest.fixture
def scratch_calls(tmp_path) -> Path:
    """A project folder with calls/ holding the vocabulary only; tests add call files."""
    calls = tmp_path / "calls"
    calls.mkdir()
    shutil.copy(FIXTURE_CALLS / "_vocabulary.yaml", calls)
    return calls


# --- Shared by the browser-based checks (accessibility, CSP, status script) ---------------

NODE_MODULES = ROOT / "node_modules"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Every page type in both languages, in the fixture build (10.4.2026 klo 12.00).
PAGE_TYPES = {
    "home": ("/fi/", "/sv/"),
    "call closing soon": ("/fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/",
                          "/sv/finansiering/utveckling-av-sprakbadsundervisningen-2026/"),
    "call continuous": ("/fi/rahoitushaut/kansainvalisyyden-jatkuva-haku/",
                        "/sv/finansiering/fortlopande-ansokan-for-internationalisering/"),
    "call upcoming": ("/fi/rahoitushaut/lukiokoulutuksen-kehittaminen-2027/",
                      "/sv/finansiering/utveckling-av-gymnasieutbildningen-2027/"),
    "call decided": ("/fi/rahoitushaut/kerhotoiminta-2025/", "/sv/finansiering/klubbverksamhet-2025/"),
    "call cancelled": ("/fi/rahoitushaut/peruttu-haku-2026/", "/sv/finansiering/installd-utlysning-2026/"),
    "archive": ("/fi/arkisto/", "/sv/arkiv/"),
    "topics": ("/fi/aiheet/", "/sv/teman/"),
    "topic": ("/fi/aiheet/kieltenopetus/", "/sv/teman/sprakundervisning/"),
    "404": ("/fi/404.html", "/sv/404.html"),
    "root": ("/", "/404.html"),
    "accessibility statement": ("/fi/saavutettavuusseloste/", "/sv/tillganglighetsutlatande/"),
}
ALL_PAGES = [url for pair in PAGE_TYPES.values() for url in pair]


def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread; returns (base URL, server)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture(scope="module")
def served_fixture_site(fixture_site):
    base, server = serve(fixture_site)
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def chromium():
    """One headless Debian Chromium per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()
