"""The files that list a language's pages, including the pages the engine never rendered
(those filled from a template): Material's search index and the sitemap.

Both stay ours: the engine's own know only what it rendered. The sitemap is engine-neutral;
the search index is in Material's format (``search/search_index.json``, which its search
plugin writes first and its browser code reads).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import orjson
from markupsafe import escape

from ..render.jsontext import dumps_compact
from ..render.xmltext import escape as xml_escape


# A call page's status badge as the render stage writes it (a span of class mdx-status, with the
# call's rounds in data attributes for the visitor's-clock refresh); the first one is the call's own.
_BADGE = re.compile(r'<span class="mdx-status[ "][^>]*>[^<]*</span>')


def status_badge(body: str) -> str:
    """The status badge of a call page's body (HTML), or "" if it has none."""
    match = _BADGE.search(body)
    return match.group() if match else ""


def add_search_entries(out_dir: Path, entries: list[tuple[str, str, str, str]]) -> None:
    """Add one short entry (path, title, text, status badge) per call to Material's index (titles and
    text are HTML there). The site's search (theme/assets/javascripts/search.js) shows the badge
    as the call page has it, and lists the entries that have one (the calls) first."""
    path = out_dir / "search" / "search_index.json"
    index = orjson.loads(path.read_bytes())
    index["docs"].extend(
        {"location": location, "title": str(escape(title)), "text": str(escape(text)), "callsite_status": badge}
        for location, title, text, badge in entries
    )
    path.write_bytes(dumps_compact(index))


def write_sitemap(out_dir: Path, base_url: str, paths: list[str]) -> None:
    """Every page of this language (MkDocs' own sitemap only knows the pages it rendered)."""
    urls = "".join(f"<url><loc>{xml_escape(base_url + path)}</loc></url>\n" for path in sorted(paths))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n').encode("utf-8")
    (out_dir / "sitemap.xml").write_bytes(xml)
    with open(out_dir / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                                       filename="") as packed:
        packed.write(xml)
