"""The checks bite: a defect planted into a copy of a built page is reported by the checker meant
to catch it (axe-core, the Nu Html Checker, the link checker, the CSP and same-origin checks)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checkers import broken_links, vnu_errors
from conftest import PAGE_TYPES, serve
from test_accessibility import axe_violations
from test_csp import LISTEN

CALL = PAGE_TYPES["call decided"][0].strip("/") + "/index.html"   # fi/rahoitushaut/kerhotoiminta-2025/index.html
ARCHIVE = "fi/arkisto/index.html"

DEFECTS = {
    "missing alt": ("</h1>", '</h1>\n<p><img src="../../assets/images/favicon.png" width="16" height="16"></p>'),
    "invalid nesting": ("</h1>", "</h1>\n<ul><div>Ei listan kohta</div></ul>"),
    "broken link": ("</h1>", '</h1>\n<p><a href="../olematon-haku/">Olematon</a> <a href="#ei-ole">Ei ole</a></p>'),
    "external font": ("</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">\n</head>'),
}


def plant(site: Path, copy: Path, defect: str, page: str = CALL) -> Path:
    """A copy of the built site with one defect in one page."""
    shutil.copytree(site, copy)
    target = copy / page
    marker, replacement = DEFECTS[defect]
    html = target.read_text(encoding="utf-8")
    assert marker in html
    target.write_text(html.replace(marker, replacement, 1), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def planted(fixture_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("planted")
    return {defect: plant(fixture_site, root / defect.replace(" ", "-"), defect) for defect in DEFECTS}


@pytest.fixture(scope="module")
def vnu_on_planted(planted, tmp_path_factory):
    """One Nu Html Checker run over the two planted pages (kept apart by folder)."""
    folder = tmp_path_factory.mktemp("vnu-planted")
    for defect in ("missing alt", "invalid nesting"):
        (folder / defect.replace(" ", "-")).mkdir()
        shutil.copy(planted[defect] / CALL, folder / defect.replace(" ", "-") / "index.html")
    return "\n".join(vnu_errors(folder))


def test_vnu_reports_a_missing_alt_and_invalid_nesting(vnu_on_planted):
    lines = vnu_on_planted.splitlines()
    assert any("missing-alt/index.html" in line and "alt" in line for line in lines), vnu_on_planted
    assert any("invalid-nesting/index.html" in line and "“div” not allowed as child of element “ul”" in line
               for line in lines), vnu_on_planted


def test_the_link_checker_reports_a_missing_page_and_a_missing_fragment(planted):
    problems = broken_links(planted["broken link"])
    assert any("olematon-haku" in p and "no such file" in p for p in problems), problems
    assert any("'ei-ole'" in p for p in problems), problems
    assert len(problems) == 2, problems


def test_the_link_checker_reports_a_removed_target(fixture_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(fixture_site, copy)
    shutil.rmtree(copy / "fi" / "saavutettavuusseloste")   # every fi page links to it from the footer
    problems = broken_links(copy)
    assert len([p for p in problems if "saavutettavuusseloste" in p]) >= 20


def test_axe_reports_a_missing_alt(planted, chromium):
    base, server = serve(planted["missing alt"])
    try:
        page = chromium.new_page()
        page.goto(f"{base}/{CALL.removesuffix('index.html')}")
        ids = {v["id"] for v in axe_violations(page)}
        page.close()
    finally:
        server.shutdown()
    assert "image-alt" in ids


def test_an_external_font_breaks_the_policy_and_same_origin(planted, chromium):
    base, server = serve(planted["external font"])
    url = f"{base}/{CALL.removesuffix('index.html')}"
    try:
        page = chromium.new_page()
        page.add_init_script(LISTEN)
        page.goto(url)
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__csp")
        page.close()
        # without the policy (as on a host that strips it) the same-origin check still catches it
        context = chromium.new_context(bypass_csp=True)
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        page.wait_for_load_state("load")
        context.close()
    finally:
        server.shutdown()
    assert any("fonts.googleapis.com" in v and v.startswith("style-src") for v in violations), violations
    origins = {urlsplit(u).netloc for u in requests if not u.startswith("data:")}
    assert "fonts.googleapis.com" in origins
