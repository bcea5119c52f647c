"""The ``callsite`` command, as installed (``.venv/bin/callsite``) and as ``python -m callsite``:
one command, then exit. Both take this way, so what the benchmark times is what staff and
CI run."""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    # Until the calls are loaded, nothing a command makes is garbage worth a collection (the
    # collector would rescan every imported module and loaded call, ~50 ms): main() freezes
    # what it loaded and turns the collector back on (see one_off_process).
    gc.disable()
    # pydantic looks for plugins of its own (e.g. tracing) by reading every installed package's
    # entry points, 5-7 ms at the first model; the model uses none. (For this command's process
    # and the ones it starts; a value already set is kept.)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .cli import main  # after the collector is off: imports make many objects

    code = main(one_off_process=True)
    # Every file is written and closed, every helper process has ended: leave without tearing
    # the interpreter down object by object (25-30 ms after a build of 1,000 calls, changing
    # nothing). An exception or SystemExit from main() still takes the usual way out.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
