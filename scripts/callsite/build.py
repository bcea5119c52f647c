"""One full build: render every page, hand them to the engine adapter, swap the result in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import LANGUAGES
from .outputs import render_extra_files
from .render import Site, build_chrome, build_pages, render_root_files, site_views
from .settings import load_settings
from .validate import Catalog
from .write import publish_atomically


def build_site(catalog: Catalog, *, now: dt.datetime, config_file: Path, site_dir: Path,
               preview: bool = False) -> None:
    settings = load_settings(config_file)
    site = Site(catalog, settings, preview=preview)
    views = site_views(site, now)
    pages = build_pages(site, views, now)
    root_files = {name: text.encode("utf-8") for name, text in render_root_files(site).items()}
    root_files.update(render_extra_files(site, views, now))
    chromes = {lang: build_chrome(site, lang, now) for lang in LANGUAGES}

    def write(out: Path) -> None:
        from .mkdocs_adapter import build_language

        for lang in LANGUAGES:
            build_language(config_file, settings.site_url, chromes[lang],
                           [p for p in pages if p.lang == lang], out / lang, int(now.timestamp()))
        for name, data in sorted(root_files.items()):
            target = out / name
            if target.exists():
                raise RuntimeError(f"two outputs claim {name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    publish_atomically(site_dir, write)
