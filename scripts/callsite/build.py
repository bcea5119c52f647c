"""One full build: render every page, hand them to the engine adapter, swap the result in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import LANGUAGES
from .render import Site, build_chrome, build_pages, render_root_files
from .settings import load_settings
from .validate import Catalog
from .write import publish_atomically


def build_site(catalog: Catalog, *, now: dt.datetime, config_file: Path, site_dir: Path) -> None:
    settings = load_settings(config_file)
    site = Site(catalog, settings)
    pages = build_pages(site, now)
    root_files = render_root_files(site)
    chromes = {lang: build_chrome(site, lang, now) for lang in LANGUAGES}

    def write(out: Path) -> None:
        from .mkdocs_adapter import build_language

        for lang in LANGUAGES:
            build_language(config_file, settings.site_url, chromes[lang],
                           [p for p in pages if p.lang == lang], out / lang, int(now.timestamp()))
        for name, text in root_files.items():
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    publish_atomically(site_dir, write)
