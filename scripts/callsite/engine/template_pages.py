"""The fast path: pages that share one chrome, filled into one page the engine rendered.

Every call page shares the same chrome (same depth, not in the nav, no table of contents), so
the engine renders one *template* call page whose per-page values are placeholders, and one
real call page (the *probe*). All other call pages are the template with the placeholders
filled in. The probe must come out byte-identical to the filled template, or the build fails:
the fast path can never silently drift from what the theme would render. Topic pages (one per
tag, the same depth in one section, also out of the navigation) go the same way, with a
template and a probe of their own.

Nothing here knows the engine: any engine that renders a page of ours with its theme around
it can have the rest filled in.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from ..render.localise import LANGUAGE_NAMES
from ..render.pages import Chrome, SitePage

TEMPLATE_SLUG = "callsite-template-page"
TOKENS = {
    "title": "CALLSITE-TOKEN-TITLE",
    "description": "CALLSITE-TOKEN-DESCRIPTION",
    "head": "CALLSITE-TOKEN-HEAD",
    # Our bodies start with their own <h1>; without one, Material would add the title as <h1>.
    "content": "<h1>CALLSITE-TOKEN-CONTENT</h1>",
    # Site-absolute like real alternates, so MkDocs' url filter leaves them alone.
    **{f"alt-{lang}": f"/CALLSITE-TOKEN-ALT-{lang}" for lang in LANGUAGE_NAMES},
}


def template_page(lang: str, section: str, kind: str = "call") -> SitePage:
    """A page of ``kind`` at ``section/<template slug>/`` whose per-page values are placeholders
    (topic pages have no description of their own: theirs is left empty, as on them)."""
    return SitePage(
        lang=lang, path=f"{section}/{TEMPLATE_SLUG}/", title=TOKENS["title"], body=TOKENS["content"],
        kind=kind, alternates={other: TOKENS[f"alt-{other}"] for other in LANGUAGE_NAMES},
        description=TOKENS["description"] if kind == "call" else "", head=TOKENS["head"],
    )


def shared_topic_template(chrome: Chrome, topics: list[SitePage]) -> SitePage | None:
    """The template for the topic pages when they can share one (like call pages: the same
    depth in one section, out of the navigation, no description, a body with its own
    heading and nothing Material's search plugin would strip); None to render each."""
    if len(topics) < 3:
        return None
    section = topics[0].path.split("/")[0]
    in_nav = {path for _, path in chrome.nav}
    if not all(page.path.count("/") == 2 and page.path.split("/")[0] == section and page.path not in in_nav
               and not page.description and "<h1" in page.body and "data-search-" not in page.body
               for page in topics):
        return None
    return template_page(chrome.lang, section, kind="topic")


def call_shape(page: SitePage, section: str) -> SitePage:
    """``page``, if it can be filled into the call template of ``section`` (else ValueError)."""
    if page.kind != "call" or page.path.count("/") != 2 or page.path.split("/")[0] != section:
        raise ValueError(f"{page.path}: after the first call page every page must be a call page "
                         f"at {section}/<slug>/, to share one template")
    return page


class Filler:
    """Splits the rendered template at its placeholders once; fills it per page with one join.

    The parts are kept as UTF-8: a page in UTF-8 is its parts and values in UTF-8 joined, and
    encoding the parts once saves encoding them (and, since a page holds characters beyond
    Latin-1, joining them as wide text) on every page."""

    def __init__(self, html: str, template: SitePage):
        self.template_path = template.path
        names = {re.escape(token): name for name, token in TOKENS.items()}
        names[re.escape(template.path)] = "path"
        pattern = re.compile("|".join(sorted(names, key=len, reverse=True)))
        self.parts: list[bytes] = []
        self.slots: list[str] = []
        position = 0
        for match in pattern.finditer(html):
            self.parts.append(html[position:match.start()].encode("utf-8"))
            self.slots.append(names[re.escape(match.group())])
            position = match.end()
        self.parts.append(html[position:].encode("utf-8"))

    def fill(self, page: SitePage) -> bytes:
        """The page's HTML in UTF-8."""
        values = {
            "title": str(escape(page.title)),
            "description": str(escape(page.description)),
            "head": page.head,
            "content": page.body,
            "path": page.path,
            **{f"alt-{lang}": url for lang, url in page.alternates.items()},
        }
        encoded = {name: value.encode("utf-8") for name, value in values.items()}
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:]):
            out.append(encoded[slot])
            out.append(part)
        return b"".join(out)


def check_probe(filler: Filler, probe: SitePage, engine_out: Path, what: str) -> None:
    """Fail the build unless the probe the engine rendered is the template filled with it."""
    if filler.fill(probe) != (engine_out / probe.path / "index.html").read_bytes():
        raise RuntimeError(f"the fast {what}-page path no longer matches Material's output for {probe.path}; "
                           "a theme override probably prints a per-page value the template does not mark")
