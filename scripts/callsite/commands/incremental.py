"""Incremental builds for the live preview: after one file changes, only what changed is redone.

A full production build starts from nothing and swaps a new ``site/`` in. The
preview instead keeps, between builds, the parsed calls (by file and mtime), the
rendered call-page bodies (by call and status) and a digest of every file it
wrote, and writes only files whose bytes changed. The result is byte-identical to
a full build with the same input and "now" (tested).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..model.call import LANGUAGES
from ..model.settings import load_settings
from ..model.validate import Catalog, LoadCache, load_catalog
from ..render.pages import Site, build_chrome, iter_pages, render_root_files
from ..site.listings import site_views


class PreviewBuilder:
    """Rebuilds ``site_dir`` in place; keep one instance for the life of the preview server."""

    def __init__(self, calls_dir: Path, config_file: Path, site_dir: Path):
        self.calls_dir = Path(calls_dir)
        self.config_file = Path(config_file)
        self.site_dir = Path(site_dir)
        self._load_cache = LoadCache()
        self._bodies: dict = {}
        self._bodies_key: object = None
        self._written: dict[str, dict] = {lang: {} for lang in LANGUAGES}
        self._reuse: dict[str, dict] = {lang: {} for lang in LANGUAGES}
        self._root_written: dict[str, dict] = {}
        self._pending: tuple | None = None

    def build(self, now: dt.datetime) -> Catalog:
        """Bring the pages up to date; raise :class:`InputError` (site untouched) if the input has problems.

        Feeds, calendars and open data follow in :meth:`write_extras`, so that the
        preview can show the changed page first.
        """
        catalog = load_catalog(self.calls_dir, cache=self._load_cache)
        from ..engine.mkdocs_adapter import build_language

        settings = load_settings(self.config_file)
        if self._bodies_key != (catalog.vocabulary, settings):
            self._bodies, self._bodies_key = {}, (catalog.vocabulary, settings)
        site = Site(catalog, settings, preview=True, body_cache=self._bodies)
        views = site_views(site, now)
        self.site_dir.mkdir(parents=True, exist_ok=True)
        for lang in LANGUAGES:
            pages = iter_pages(site, views, now, languages=(lang,))
            build_language(self.config_file, settings.site_url, build_chrome(site, lang, now), pages,
                           self.site_dir / lang, int(now.timestamp()), written=self._written[lang], reuse=self._reuse[lang])
        root = {name: text.encode("utf-8") for name, text in render_root_files(site).items()}
        self._write_root(root, "pages")
        self._pending = (site, views, now)
        return catalog

    def write_extras(self) -> None:
        """Feeds, calendars and open data for the last :meth:`build`."""
        from ..outputs.files import render_extra_files

        if self._pending is not None:
            self._write_root(render_extra_files(*self._pending), "extras")
            self._pending = None

    def _write_root(self, files: dict[str, bytes], group: str) -> None:
        written = self._root_written.setdefault(group, {})
        for name, data in files.items():
            digest = hashlib.blake2b(data, digest_size=16).digest()
            if written.get(name) != digest:
                target = self.site_dir / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written[name] = digest
        for name in set(written) - set(files):
            (self.site_dir / name).unlink(missing_ok=True)
            del written[name]
