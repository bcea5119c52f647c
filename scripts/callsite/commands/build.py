"""One full build: render every page, hand them to the engine adapter, swap the result in.

The two languages are independent sites: the first is rendered and written in this
process, the second in a forked one (``fork``: the validated catalog is shared, nothing is
pickled; a language built here writes to no copied pages). The one that finishes first also
makes what the other has not begun of its feeds and calendars, and the files beside the
language folders. ``CALLSITE_JOBS=1`` builds them one after the other in this process.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..messages import _
from ..model.call import LANGUAGES
from ..model.settings import Settings, load_settings
from ..model.validate import Catalog
from ..outputs.files import check_outputs, language_file_groups, shared_file_groups
from ..outputs.write import NewFiles, check_output_folder, move_into, publish_atomically, source_folders
from ..render.pages import Site, build_chrome, iter_pages, render_root_files
from ..site.listings import site_views
from ..source.parallel import Claims, fork_context, job_count
from .crash import save_crash_report

ASIDE = ".callsite-files"
"""Where the languages' feeds and calendars are written during a build (in its new folder),
before they are moved into place."""


def build_site(catalog: Catalog, *, now: dt.datetime, config_file: Path, site_dir: Path,
               preview: bool = False, settings: Settings | None = None,
               meanwhile: Callable[[], object] | None = None, calls_dir: Path | None = None) -> None:
    """Build the site into ``site_dir`` (``settings``: those of ``config_file``, if already read).
    ``meanwhile`` runs once: in whichever process is first done with its language's pages and
    files, or here before a failure is raised.

    A ``site_dir`` that would replace the project's sources (``calls_dir``, the theme, the
    program, the project's folder) or files not built here is refused first: :class:`UsageError`.
    """
    # The catalog lives until the end: keep the cycle collector from rescanning it (and, in the
    # forked language builds, from writing to every page of it, which the fork would copy).
    gc.freeze()
    # Claimed once among this process and the language builds it forks (the claim is made
    # before they are): the main process, which also starts later than the other language's
    # (it forks it first), no longer works out the warnings before its pages: 15 ms at 1,000
    # calls on the process that ended last.
    said = Claims(1)

    def run_meanwhile() -> None:
        if meanwhile is not None and said.claim(0):
            meanwhile()

    try:
        check_output_folder(site_dir, source_folders(config_file, calls_dir), config_file)
        _build_site(catalog, now, config_file, site_dir, preview, settings or load_settings(config_file),
                    run_meanwhile)
    finally:
        run_meanwhile()


def _build_site(catalog: Catalog, now: dt.datetime, config_file: Path, site_dir: Path, preview: bool,
                settings: Settings, meanwhile: Callable[[], None]) -> None:
    site = Site(catalog, settings, preview=preview)
    check_outputs(site)
    views = site_views(site, now)

    # Each language's feeds and calendars: its own process makes them once its pages are
    # written; one that is done with its own takes those the other has not begun (the core is
    # free by then), and the shared files (root pages, open data) likewise. The languages' files
    # are written aside, since the engine clears a language's folder when it starts building
    # it, and moved into place once every process is done.
    groups = [(lang, group) for lang in LANGUAGES for group in language_file_groups(site, views, now, lang)]
    # The shared files' claims follow the groups' (whose claims are their indexes), in two pieces:
    # the open data with the root pages, then the editor's files. The process done first takes
    # the first, the other the second; with one piece, the process that took it ended 30-50 ms
    # after the other at 1,000 calls (the pieces are 45-60 ms each).
    open_data, editor = shared_file_groups(site, views, now)
    shared = [(len(groups), lambda: {**_root_files(site), **open_data()}), (len(groups) + 1, editor)]

    def build_language(lang: str, out: Path, claims: Claims) -> None:
        from ..engine.mkdocs_adapter import build_language as engine_build

        pages = iter_pages(site, views, now, languages=(lang,))
        engine_build(config_file, settings.site_url, build_chrome(site, lang, now), pages, out / lang,
                     int(now.timestamp()))
        del pages  # written: let the feeds and calendars reuse the memory (peak at 5,000 calls)
        # The shared files first (the open data to whoever is done first, the editor's files to
        # the other), then this language's own, then what is left of the other's (slower here:
        # this process has not worked out that language's descriptions and periods), then the
        # warnings if no one has said them yet.
        for claim, make in shared:
            if claims.claim(claim):
                _write_files(out, make())
        own = [index for index, (of, _files) in enumerate(groups) if of == lang]
        others = [index for index, (of, _files) in enumerate(groups) if of != lang] if claims.shared else []
        for index in own + others:
            if claims.claim(index):
                _write_files(out / ASIDE, groups[index][1]())
        meanwhile()

    def write(out: Path) -> None:
        _run_per_language(build_language, out, Claims(len(groups) + len(shared)))
        if os.path.isdir(out / ASIDE):
            move_into(out / ASIDE, out)

    publish_atomically(site_dir, write)


def warm_up(config_file: Path) -> None:
    """Import the site engine and load the locales' data now, once, so that the language
    builds forked later start with them (the CLI runs this while the other core loads calls)."""
    from ..engine import mkdocs_adapter
    from ..render.localise import warm_up as warm_up_locales

    mkdocs_adapter.warm_up(config_file)
    warm_up_locales()


def _root_files(site: Site) -> dict[str, bytes]:
    """The root pages (beside the language folders)."""
    return {name: text.encode("utf-8") for name, text in render_root_files(site).items()}


def _write_files(out: Path, files: Mapping[str, bytes | Iterable[bytes]]) -> None:
    """Write each file, from its bytes or from pieces of them made as they are written."""
    writer = NewFiles(out)
    for name, data in sorted(files.items()):
        writer.write(name, data)


def _run_per_language(build_language, out: Path, claims: Claims) -> None:
    """Run ``build_language`` for each language: the first in this process, the others each in
    a forked one started first (when allowed: else one after the other here). A language built
    here needs no copy of the pages a forked process writes to."""
    if job_count() == 1:
        for lang in LANGUAGES:
            build_language(lang, out, claims)
        return
    context = fork_context()
    here, *elsewhere = LANGUAGES
    received, sent = context.Pipe(duplex=False)  # a forked build's error (a full disk, a bug), to raise here
    processes = {lang: context.Process(target=_child, args=(build_language, lang, out, claims, sent),
                                       name=f"build-{lang}")
                 for lang in elsewhere}
    for process in processes.values():
        process.start()
    try:
        build_language(here, out, claims)
    finally:
        failed = []
        for lang, process in processes.items():
            process.join()
            if process.exitcode != 0:
                failed.append(lang)
    if failed:
        if received.poll():
            raise received.recv()
        raise RuntimeError(_("building the {languages} site failed").format(languages=", ".join(failed)))


def _child(build_language, lang: str, out: Path, claims: Claims, errors) -> None:
    try:
        build_language(lang, out, claims)
    except KeyboardInterrupt:  # Ctrl+C reaches the parent too, which stops the build
        os._exit(1)
    except OSError as error:  # a full disk, say: the parent reports it as if it were its own
        errors.send(error)
        os._exit(1)
    except BaseException as error:  # a bug: its details saved here, the parent fails the build with it
        try:
            where = _("details in {file}").format(file=save_crash_report(error))
        except OSError:
            where = _("its details could not be saved")
        errors.send(RuntimeError(_("building the {languages} site failed").format(languages=lang)
                                 + f": {type(error).__name__}: {error} ({where})"))
        os._exit(1)
    sys.stdout.flush()
    sys.stderr.flush()  # the warnings, if this process said them
    os._exit(0)
