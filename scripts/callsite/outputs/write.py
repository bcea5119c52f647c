"""Write the finished site atomically: build beside ``site/``, then swap it in.

Only a folder this program built (it carries :data:`STAMP`), an empty one or none is ever
replaced: a mistyped ``--site-dir`` must not delete the calls, the theme or the project.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Callable

from ..messages import _
from ..problems import UsageError

STAMP = ".callsite-build"
"""The mark of a site this program built, at its root. An empty folder, not a file: no file of
the site, which lists of its files (deploys, checks) need not skip, and the files of a build are
still exactly those of the preview's incremental one, which makes no mark."""

_WRITING = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}
"""Errors that only writing meets: a full disk, a file too large, a read-only disk."""


class PublishError(Exception):
    """The site could not be written (a full disk, a folder not writable); the previous site
    is as it was. The message names the folder and the reason."""


def source_folders(config_file: Path, calls_dir: Path | None = None) -> dict[str, Path]:
    """What a build reads, by what staff would call it: no site may be built over, around or
    into these folders."""
    folders = {_("the project's call files"): calls_dir} if calls_dir is not None else {}
    folders[_("the site's theme")] = config_file.parent / "theme"
    code = folders[_("the program's code")] = Path(__file__).resolve().parent.parent
    if (config_file.parent / "scripts").resolve() != code:
        folders[_("the project's scripts")] = config_file.parent / "scripts"
    return folders


def check_output_folder(site_dir: Path, sources: Mapping[str, Path], config_file: Path) -> None:
    """Raise :class:`UsageError` unless building into ``site_dir`` is safe: it must not be,
    hold or lie inside any of ``sources`` (what they hold: their folder), nor be or hold the
    project's folder (that of ``config_file``; a site inside it is the usual place), nor be a
    file, nor be a folder of other files than a previous build's. Links are followed."""
    shown = str(site_dir)
    target = site_dir.resolve()
    project = config_file.resolve().parent
    if target == project:
        raise UsageError(_("the output folder '{folder}' is the project's own folder (where {settings} is); "
                           "{choose}").format(folder=shown, settings=config_file.name, choose=_choose_another(shown)))
    if _inside(project, target):
        raise UsageError(_("the output folder '{folder}' holds the whole project (the folder of '{settings}'); "
                           "{choose}").format(folder=shown, settings=config_file, choose=_choose_another(shown)))
    for what, folder in sources.items():
        resolved = folder.resolve()
        if _inside(resolved, target):
            message = (_("the output folder '{folder}' holds {what}; {choose}") if resolved == target else
                       _("the output folder '{folder}' holds {what} ('{source}'); {choose}"))
            raise UsageError(message.format(folder=shown, what=what, source=folder, choose=_choose_another(shown)))
        if _inside(target, resolved):
            raise UsageError(_("the output folder '{folder}' lies inside {what} ('{source}'); {choose}").format(
                folder=shown, what=what, source=folder, choose=_choose_another(shown)))
    _check_replaceable(target, shown)


def mark_output_folder(site_dir: Path) -> None:
    """Mark ``site_dir`` (checked by :func:`check_output_folder`) as made by this program, so
    that the next build or preview may replace it."""
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / STAMP).mkdir(exist_ok=True)


def publish_atomically(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(tmp)`` into a fresh folder; only if it succeeds replace ``site_dir``.

    A failed or interrupted build removes its folder and leaves the previous site as it was,
    Ctrl+C during the swap included; one that cannot be written raises :class:`PublishError`.
    """
    shown = str(site_dir)
    site_dir = site_dir.resolve()
    _check_replaceable(site_dir, shown)  # check_output_folder did, unless the caller skipped it
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    except OSError as error:
        raise _cannot_write(shown, error) from error
    try:
        build(work)
        os.mkdir(work / STAMP)
        os.chmod(work, 0o755)
    except BaseException as error:
        with _signals_held():
            _remove(work)
        if isinstance(error, OSError) and _about_writing(error, work):
            raise _cannot_write(shown, error) from error
        raise
    with _signals_held() as interrupted:
        try:
            _swap(work, site_dir, interrupted)
        except OSError as error:
            _remove(work)
            raise _cannot_write(shown, error) from error


def _swap(work: Path, site_dir: Path, interrupted: list[int]) -> None:
    """Move the folder at ``site_dir`` (if any) aside, ``work`` in its place, then the old one
    away. If the new one cannot be moved in, or ``interrupted`` (the signals held meanwhile)
    is no longer empty once it is, the old one is moved back (and ``work`` removed)."""
    old = work.with_name(work.name.replace("-build-", "-old-", 1))  # as unique as the build's name
    had_old = os.path.lexists(site_dir)
    if had_old:
        os.rename(site_dir, old)
    try:
        os.rename(work, site_dir)
    except BaseException:
        if had_old:
            os.rename(old, site_dir)
        raise
    if interrupted:  # Ctrl+C while the folders were swapped: the build is undone
        os.rename(site_dir, work)
        if had_old:
            os.rename(old, site_dir)
        _remove(work)
    elif had_old:
        _remove(old)


def _check_replaceable(target: Path, shown: str) -> None:
    """``target`` (resolved) is missing, an empty folder or a previous build; or UsageError."""
    try:
        if os.path.isdir(target):
            if os.path.isdir(target / STAMP) and not os.path.islink(target / STAMP):
                return
            with os.scandir(target) as entries:
                if next(entries, None) is None:
                    return
            raise UsageError(_("the output folder '{folder}' holds files that callsite did not build, and building "
                               "would delete them; move them away or {choose} (a site built by callsite before "
                               "December 2026 has no build mark: if that is what it is, delete it once)").format(
                folder=shown, choose=_choose_another(shown)))
        if os.path.lexists(target):
            raise UsageError(_("the output folder '{folder}' is a file, not a folder; {choose}").format(
                folder=shown, choose=_choose_another(shown)))
        above = Path(shown).parent  # as typed: the message names what staff wrote
        while not os.path.lexists(above):
            above = above.parent
        if not os.path.isdir(above):
            raise UsageError(_("the output folder '{folder}' cannot be made: '{above}' is a file, not a folder; "
                               "{choose}").format(folder=shown, above=above, choose=_choose_another(shown)))
    except OSError as error:
        raise _cannot_write(shown, error) from error


def _choose_another(shown: str) -> str:
    return _("choose another folder, e.g. site") if Path(shown) != Path("site") else _("choose another folder")


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies below it (both resolved)."""
    return path == folder or folder in path.parents


def _about_writing(error: OSError, work: Path) -> bool:
    """Whether ``error`` came from writing the site into ``work`` (not, say, from reading the
    theme). A full disk is one wherever it is met (``os.write`` names no file; a copy names
    its source first)."""
    if error.errno in _WRITING:
        return True
    for name in (error.filename, error.filename2):
        try:
            if name is not None and _inside(Path(os.fsdecode(name)).resolve(), work.resolve()):
                return True
        except (TypeError, ValueError, OSError):
            continue
    return False


def _cannot_write(shown: str, error: OSError) -> PublishError:
    return PublishError(_("cannot write the site into '{folder}': {reason}").format(
        folder=shown, reason=error.strerror or error))


def _remove(folder: Path) -> None:
    """Remove ``folder`` and all below it; a process of the build still ending may add a file
    while it is removed, so try again a few times."""
    for _attempt in range(5):
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.lexists(folder):
            return
        time.sleep(0.1)


@contextlib.contextmanager
def _signals_held() -> Iterator[list[int]]:
    """Ctrl+C, or a signal to end, that comes during the block takes effect after it: a swap of
    folders, or their removal, is never left half done. The block is given the list of the
    signals held so far. (Signals reach Python in the main thread only: elsewhere this holds
    nothing.)"""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    held = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:  # ignored stays ignored
            held[number] = signal.signal(number, lambda number, frame: received.append(number))
    try:
        yield received
    finally:
        for number, handler in held.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        if received:
            signal.raise_signal(received[0])


class NewFiles:
    """Writes files below ``root`` that must not exist yet (two outputs claiming one path is an
    error), making each folder once: a site is thousands of small files, and a check, a
    ``mkdir`` and a ``Path`` per file were a third of the time of writing one. Whole files go
    straight to the file descriptor (``open()``'s buffered file object cost more than the write)."""

    _FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

    def __init__(self, root: Path):
        self.root = str(root)
        self._folders: set[str] = set()

    def write(self, name: str, data: bytes | Iterable[bytes]) -> None:
        """Write ``data`` (bytes, or pieces of them made as they are written) to ``root/name``."""
        path = os.path.join(self.root, name)
        folder = os.path.dirname(path)
        if folder not in self._folders:
            self._make_folder(folder)
            self._folders.add(folder)
        try:
            fd = os.open(path, self._FLAGS, 0o666)
        except FileExistsError:
            raise RuntimeError(f"two outputs claim {name}") from None
        if isinstance(data, bytes):
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
        else:
            with open(fd, "wb") as stream:
                stream.writelines(data)

    @staticmethod
    def _make_folder(folder: str) -> None:
        try:
            os.mkdir(folder)  # usually the parent is there: one system call
        except FileExistsError:
            if not os.path.isdir(folder):
                raise
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)


def move_into(source: Path, target: Path) -> None:
    """Move everything below ``source`` to the same place below ``target`` and remove ``source``:
    a whole folder in one rename where ``target`` has no folder of that name. Something already
    in a file's place is an error, as in :class:`NewFiles` (two outputs claim one path)."""
    _move_into(str(source), str(target), "")


def _move_into(source: str, target: str, name: str) -> None:
    with os.scandir(source) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            place = os.path.join(target, entry.name)
            if entry.is_dir(follow_symlinks=False) and os.path.isdir(place):
                _move_into(entry.path, place, f"{name}{entry.name}/")
            elif os.path.lexists(place):
                raise RuntimeError(f"two outputs claim {name}{entry.name}")
            else:
                os.rename(entry.path, place)
    os.rmdir(source)
