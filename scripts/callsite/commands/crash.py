"""What the command does with an error it did not expect: a bug, not a mistake in the files.

Staff must never be left with a traceback: they get one line saying that it is a bug and
where its details were saved, for whoever maintains the site.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback

from ..messages import _

EXIT_BUG = 70
"""``EX_SOFTWARE`` of sysexits.h: an internal error."""


def save_crash_report(error: BaseException) -> str:
    """Write ``error``'s traceback, the command line and the versions to a new file; its path."""
    fd, path = tempfile.mkstemp(prefix="callsite-error-", suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as log:
        log.write(f"command: {' '.join(sys.argv)}\n")
        log.write(f"folder: {os.getcwd()}\n")
        log.write(f"python: {sys.version.split()[0]} on {platform.platform()}\n\n")
        log.write("".join(traceback.format_exception(error)))
    return path


def report_bug(error: BaseException) -> int:
    """Save the details of an unexpected ``error``, say so in one line; the exit code."""
    try:
        message = _("callsite: an unexpected error stopped the command ({error}). This is a bug in callsite, not "
                    "a mistake in your files; the details were saved in {file}: please send that file to whoever "
                    "maintains the site.").format(error=type(error).__name__, file=save_crash_report(error))
    except OSError:
        message = _("callsite: an unexpected error stopped the command ({error}). This is a bug in callsite, not "
                    "a mistake in your files; the details could not be saved: please tell whoever maintains the "
                    "site.").format(error=type(error).__name__)
    print(message, file=sys.stderr)
    return EXIT_BUG
