"""The offline checkers the tests run over built sites: the Nu Html Checker and an internal-link checker."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(folder: Path) -> list[str]:
    """Nu Html Checker errors for every HTML file below ``folder`` (one Java run)."""
    assert VNU.is_file(), "run `bash scripts/setup-env test` (npm ci) to install vnu-jar"
    result = subprocess.run(["java", "-Xss4m", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(folder)],
                            capture_output=True, text=True)
    lines = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0 or lines, f"vnu failed without output (exit {result.returncode})"
    return lines


def _target(site: Path, url_path: str) -> Path | None:
    """The file served for a site-absolute path, as a static host serves it, or None."""
    candidate = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """Every internal href/src (site-absolute or relative) and #fragment that does not resolve."""
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_bytes(), "html5lib")
            ids[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
                tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        return ids[path]

    for html in sorted(site.rglob("*.html")):
        rel = "/" + html.relative_to(site).as_posix()
        base = rel[: -len("index.html")] if rel.endswith("/index.html") else rel
        soup = BeautifulSoup(html.read_bytes(), "html5lib")
        for tag in soup.find_all(["a", "link", "script", "img", "source", "iframe", "form"]):
            for attr in ("href", "src", "action"):
                value = tag.get(attr)
                if value is None:
                    continue
                value = value.strip()
                parts = urlsplit(value)
                if parts.scheme or parts.netloc or value.startswith("//"):
                    continue  # external (mailto:, https:, data: ...): not ours to resolve offline
                absolute = urlsplit(urljoin("http://site" + base, value))
                target = html if not parts.path and not parts.query else _target(site, absolute.path)
                if target is None:
                    problems.append(f"{rel}: {attr}={value!r}: no such file")
                    continue
                fragment = unquote(absolute.fragment)
                if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                    problems.append(f"{rel}: {attr}={value!r}: no id {fragment!r} on the target page")
    return problems


# --- In the browser ----------------------------------------------------------------------------

def watch_failures(page, document_may_fail: bool = False) -> list[str]:
    """Every failed request, response with status >= 400, console error and uncaught exception of
    a Playwright ``page`` from now on, as lines (a test asserts the list is empty once the page
    has settled). The theme's own probes count: no page may make a request that fails.
    ``document_may_fail``: the page's own document may answer an error status (a 404 page served
    for a missing address); nothing it loads may."""
    failures: list[str] = []

    def on_response(response):
        if response.status >= 400 and not (document_may_fail and response.request.resource_type == "document"):
            failures.append(f"HTTP {response.status}: {response.url}")

    def on_console(message):
        if message.type == "error":
            failures.append(f"console error: {message.text} ({message.location.get('url', '')})")

    page.on("response", on_response)
    page.on("requestfailed", lambda request: failures.append(f"request failed: {request.url} ({request.failure})"))
    page.on("console", on_console)
    page.on("pageerror", lambda error: failures.append(f"uncaught: {error}"))
    return failures
