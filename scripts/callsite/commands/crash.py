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
        where = f"the details were saved in {save_crash_report(error)}"
    except OSError:
        where = "the details could not be saved"
    print(f"callsite: an unexpected error stopped the command ({type(error).__name__}). "
          f"This is a bug in callsite, not a mistake in your files; {where}: "
          "please send that file to whoever maintains the site.", file=sys.stderr)
    return EXIT_BUG
