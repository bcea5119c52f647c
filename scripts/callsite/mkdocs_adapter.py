"""The one module that knows MkDocs: wrap rendered page bodies in Material's chrome.

Each language is one MkDocs build (``/fi/`` and ``/sv/``), so Material's own
interface strings, ``<html lang>`` and its search index are in that language.
Pages are generated in memory (``File.generated``); none is in the navigation
except the listings. Swapping the engine means rewriting this module only.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .localise import HREFLANG, LANGUAGE_NAMES
from .render import Chrome, SitePage


def _src_uri(path: str) -> str:
    return path.rstrip("/") + ".md" if path else "index.md"


class _GeneratedPages(BasePlugin):
    """Feeds our pages to MkDocs and points the language switcher at each page's counterpart."""

    def __init__(self, pages: list[SitePage]):
        super().__init__()
        self.by_src = {_src_uri(page.path): page for page in pages}

    def on_files(self, files, config):
        for src_uri in self.by_src:
            files.append(File.generated(config, src_uri, content=""))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        ours = self.by_src.get(page.file.src_uri)
        if ours is not None:
            # Material prints meta values unescaped: escape YAML-sourced text here.
            page.meta["title"] = str(escape(ours.title))
            if ours.description:
                page.meta["description"] = str(escape(ours.description))
            if ours.head:
                page.meta["callsite_head"] = ours.head
            if ours.kind == "call":
                page.meta["hide"] = ["toc"]
        return markdown

    def on_page_content(self, html, page, config, files):
        ours = self.by_src.get(page.file.src_uri)
        return ours.body if ours is not None else html

    def on_page_context(self, context, page, config, nav):
        # Pages render one at a time, so per-page alternates can live in config.extra.
        ours = self.by_src.get(page.file.src_uri)
        if ours is not None:
            config.extra["alternate"] = [
                {"name": LANGUAGE_NAMES[lang], "link": url, "lang": HREFLANG[lang]}
                for lang, url in ours.alternates.items()
            ]
        return context


def build_language(config_file: Path, site_url: str, chrome: Chrome, pages: list[SitePage],
                   out_dir: Path, epoch: int) -> None:
    """Build one language's site into ``out_dir`` with MkDocs and Material."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # sitemap dates follow "now", not the clock
    with tempfile.TemporaryDirectory(prefix="callsite-docs-") as docs_dir:
        config = load_config(
            str(config_file),
            docs_dir=docs_dir,
            site_dir=str(out_dir),
            site_url=f"{site_url}{chrome.lang}/",
            site_name=chrome.site_name,
            copyright=chrome.copyright,
            nav=[{title: _src_uri(path)} for title, path in chrome.nav],
        )
        config.theme["language"] = chrome.lang
        for name, plugin in config.plugins.items():
            if name.endswith("search"):
                plugin.config.lang = [chrome.lang]
        config.extra["alternate"] = [
            {"name": LANGUAGE_NAMES[lang], "link": url, "lang": HREFLANG[lang]} for lang, url in chrome.home_urls.items()
        ]
        config.extra["callsite_not_found"] = chrome.not_found_body
        config.plugins["callsite"] = _GeneratedPages(pages)
        mkdocs_build(config)
