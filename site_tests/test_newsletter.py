"""Newsletter signup: a real submit in headless Chromium (no JavaScript) to a local endpoint,
and the production build that refuses to ship a form without an endpoint."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import sync_playwright

from conftest import CONFIG, FIXTURE_CALLS, ROOT, page, text_of
from conftest import CHROMIUM_ARGS
from test_pages import KIELIKYLPY

EXAMPLE_ACTION = "newsletter_action: https://uutiskirje.example.fi/subscribe"


def config_with(tmp_path: Path, action_line: str) -> Path:
    text = CONFIG.read_text(encoding="utf-8")
    assert EXAMPLE_ACTION in text
    config = tmp_path / "mkdocs.yml"
    config.write_text(text.replace(EXAMPLE_ACTION, action_line)
                      .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"), encoding="utf-8")
    return config


def run_build(config: Path, site: Path, *extra: str) -> int:
    from callsite.commands.cli import main

    return main(["--lang", "en", "build", "--calls", str(FIXTURE_CALLS), "--config", str(config), "--site-dir", str(site),
                 "--now", "10.4.2026 klo 12.00", *extra])


class _Endpoint(http.server.SimpleHTTPRequestHandler):
    """Serves the built site and records what the form delivers to /subscribe."""

    received: list

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode("utf-8")
        self.received.append((self.path, self.headers.get("Content-Type", ""), parse_qs(body, keep_blank_values=True)))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"thanks")

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint(tmp_path):
    site = tmp_path / "site"
    received: list = []
    handler = type("Handler", (_Endpoint,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    assert run_build(config_with(tmp_path, f"newsletter_action: {base}/subscribe"), site) == 0
    yield base, site, received
    server.shutdown()


@pytest.mark.parametrize("path, form_id, lang, list_id", [
    ("/fi/", "home", "fi", "rahoitushaut-fi"),
    ("/sv/nyhetsbrev/", "page", "sv", "finansiering-sv"),
    (KIELIKYLPY["sv"], "call", "sv", "finansiering-sv"),
])
def test_form_delivers_its_fields_without_javascript(endpoint, path, form_id, lang, list_id):
    base, site, received = endpoint
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        tab.goto(base + path)
        email = tab.get_by_label("Sähköpostiosoite" if lang == "fi" else "E-postadress")
        assert email.get_attribute("id") == f"callsite-email-{form_id}"
        assert email.get_attribute("autocomplete") == "email" and email.get_attribute("required") is not None
        honeypot = tab.locator(f"#callsite-hp-{form_id}")
        box = honeypot.bounding_box()
        assert box is None or box["x"] + box["width"] <= 0, "the honeypot is on screen"
        assert honeypot.get_attribute("tabindex") == "-1"
        form = tab.locator(f"#callsite-email-{form_id}").locator("xpath=ancestor::form")
        # Empty: the browser's own validation stops the submit.
        form.locator("button[type=submit]").click()
        tab.wait_for_timeout(300)
        assert received == []
        email.fill("liisa.lukija@example.fi")
        form.locator("button[type=submit]").click()
        tab.wait_for_url(base + "/subscribe")
        assert "thanks" in tab.content()
        browser.close()
    assert len(received) == 1
    target, content_type, fields = received[0]
    assert target == "/subscribe" and content_type.startswith("application/x-www-form-urlencoded")
    assert fields == {"email": ["liisa.lukija@example.fi"], "list": [list_id], "website": [""]}


def test_consent_text_links_to_the_privacy_notice(fixture_site):
    for url, privacy, consent in (("/fi/uutiskirje/", "https://www.oph.fi/fi/tietosuoja", "Tietosuojaseloste"),
                                  (KIELIKYLPY["sv"], "https://www.oph.fi/sv/dataskydd", "Dataskyddsbeskrivning")):
        block = page(fixture_site, url).select_one(".callsite-newsletter")
        link = block.select_one(".callsite-newsletter__consent a")
        assert link["href"] == privacy and text_of(link) == consent
        assert block.select_one("form")["action"] == "https://uutiskirje.example.fi/subscribe"
        assert block.select_one("form")["method"] == "post"


def test_home_pages_link_to_the_newsletter_page(fixture_site):
    for lang, url, label in (("fi", "/fi/uutiskirje/", "Uutiskirje"), ("sv", "/sv/nyhetsbrev/", "Nyhetsbrev")):
        links = page(fixture_site, f"/{lang}/").select(".callsite-subscribe a")
        assert [a["href"] for a in links] == [f"/{lang}/feed.xml", f"/{lang}/calendar.ics", url]
        assert text_of(links[-1]) == label and text_of(page(fixture_site, url).select_one("h1")) == label


def test_production_build_without_endpoint_fails_and_leaves_the_site(tmp_path, capsys):
    config = config_with(tmp_path, 'newsletter_action: ""')
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    assert run_build(config, site) == 1
    error = capsys.readouterr().err
    assert "extra.callsite.newsletter_action: no newsletter endpoint is configured" in error
    assert "nothing was built and the existing site/ was left as it was" in error
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as it was"
    # The staff preview builds without one and says what is missing instead of showing a form.
    preview = tmp_path / "preview"
    assert run_build(config, preview, "--preview") == 0
    block = page(preview, "/fi/").select_one(".callsite-newsletter")
    assert block.select_one("form") is None
    assert "newsletter_action" in text_of(block.select_one(".callsite-newsletter__missing"))


def test_plain_http_endpoint_is_refused(tmp_path, capsys):
    config = config_with(tmp_path, "newsletter_action: http://uutiskirje.example.fi/subscribe")
    assert run_build(config, tmp_path / "site") == 1
    assert "is not an https:// address" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
