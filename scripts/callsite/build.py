"""One full build: render every page, hand them to the engine adapter, swap the result in.

The two languages are independent sites, so each is rendered and written by its
own process (``fork``: the validated catalog is shared, nothing is pickled); the files
beside the pages are made by whichever process is free, this one first.
``CALLSITE_JOBS=1`` builds them one after the other in this process.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from .model import LANGUAGES
from .outputs import FileGroup, check_outputs, file_groups
from .parallel import Turns, fork_context, job_count
from .render import Site, build_chrome, iter_pages, render_root_files, site_views
from .settings import Settings, load_settings
from .validate import Catalog
from .write import NewFiles, move_into, publish_atomically

ASIDE = ".callsite-files"
"""Where the files beside the pages are written during a build (in its new folder), before they
are moved into place."""


def build_site(catalog: Catalog, *, now: dt.datetime, config_file: Path, site_dir: Path,
               preview: bool = False, settings: Settings | None = None,
               meanwhile: Callable[[], object] | None = None) -> None:
    """Build the site into ``site_dir`` (``settings``: those of ``config_file``, if already read).
    ``meanwhile`` runs once, while the languages build (or before a failure is raised)."""
    # The catalog lives until the end: keep the cycle collector from rescanning it (and, in the
    # forked language builds, from writing to every page of it, which the fork would copy).
    gc.freeze()
    pending = [meanwhile] if meanwhile is not None else []

    def run_meanwhile() -> None:
        while pending:
            pending.pop()()

    try:
        _build_site(catalog, now, config_file, site_dir, preview, settings or load_settings(config_file),
                    run_meanwhile)
    finally:
        run_meanwhile()


def _build_site(catalog: Catalog, now: dt.datetime, config_file: Path, site_dir: Path, preview: bool,
                settings: Settings, meanwhile: Callable[[], None]) -> None:
    site = Site(catalog, settings, preview=preview)
    check_outputs(site)
    views = site_views(site, now)
    # The files beside the pages (root pages, open data, calendars, feeds) go to whichever
    # process is free: this one after the warnings, a language's once its pages are written.
    # They are written aside (the engine may clear a language's folder when it starts building
    # it) and moved into place once every process is done.
    groups = [lambda: _root_files(site), *file_groups(site, views, now)]

    def build_language(lang: str, out: Path, turns: Turns) -> None:
        from .mkdocs_adapter import build_language as engine_build

        pages = iter_pages(site, views, now, languages=(lang,))
        engine_build(config_file, settings.site_url, build_chrome(site, lang, now), pages, out / lang,
                     int(now.timestamp()))
        del pages  # written: let the files that follow reuse the memory (peak at 5,000 calls)
        _write_groups(out / ASIDE, groups, turns)

    def shared(out: Path, turns: Turns) -> None:
        meanwhile()
        _write_groups(out / ASIDE, groups, turns)

    def write(out: Path) -> None:
        _run_per_language(build_language, out, shared, Turns(len(groups)))
        move_into(out / ASIDE, out)

    publish_atomically(site_dir, write)


def warm_up(config_file: Path) -> None:
    """Import the site engine and load the locales' data now, once, so that the language
    builds forked later start with them (the CLI runs this while the other core loads calls)."""
    from . import mkdocs_adapter
    from .localise import warm_up as warm_up_locales

    mkdocs_adapter.warm_up(config_file)
    warm_up_locales()


def _root_files(site: Site) -> dict[str, bytes]:
    """The pages outside the language folders (the language choice, the 404 page)."""
    return {name: text.encode("utf-8") for name, text in render_root_files(site).items()}


def _write_groups(out: Path, groups: list[Callable[[], FileGroup]], turns: Turns) -> None:
    """Make and write the groups of files not yet taken by another process, one at a time."""
    writer = NewFiles(out)
    while (index := turns.take()) is not None:
        for name, data in sorted(groups[index]().items()):
            writer.write(name, data)


def _run_per_language(build_language, out: Path, shared, turns: Turns) -> None:
    """Run ``build_language`` for each language (in parallel when allowed), and ``shared`` meanwhile
    (it writes only outside the language folders, and what ``turns`` gives it)."""
    if job_count() == 1:
        for lang in LANGUAGES:
            build_language(lang, out, turns)
        shared(out, turns)
        return
    context = fork_context()
    processes = {lang: context.Process(target=_child, args=(build_language, lang, out, turns), name=f"build-{lang}")
                 for lang in LANGUAGES}
    for process in processes.values():
        process.start()
    try:
        shared(out, turns)
    finally:
        failed = []
        for lang, process in processes.items():
            process.join()
            if process.exitcode != 0:
                failed.append(lang)
    if failed:
        raise RuntimeError(f"building the {', '.join(failed)} site failed (see the error above)")


def _child(build_language, lang: str, out: Path, turns: Turns) -> None:
    try:
        build_language(lang, out, turns)
    except BaseException:  # report in full, then let the parent fail the build
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)
    sys.stdout.flush()
    os._exit(0)
