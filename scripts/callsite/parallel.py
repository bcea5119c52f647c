"""How many processes a build may use: one per core, at most two (the two languages).

``CALLSITE_JOBS=1`` keeps everything in one process (for debugging and profiling).
Workers are forked, so they share the parent's data without pickling it.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Sequence

MAX_JOBS = 2


def job_count() -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = int(os.environ.get("CALLSITE_JOBS", os.cpu_count() or 1))
    return max(1, min(MAX_JOBS, wanted))


def fork_context():
    return multiprocessing.get_context("fork")


def map_in_two(func: Callable, items: Sequence, *, minimum: int = 64, first_share: float = 0.5,
               meanwhile: Callable[[], None] | None = None, send: Callable | None = None) -> list:
    """``[func(item) for item in items]``, all but the first ``first_share`` of them in a forked
    process when two jobs are allowed and there are at least ``minimum`` items. This process
    first runs ``meanwhile`` (work for later that the fork need not wait for), then its share.
    The other process sends ``send(result)`` (default: the result), which must pickle; an
    exception there is raised here with its traceback."""
    if job_count() == 1 or len(items) < minimum:
        if meanwhile is not None:
            meanwhile()
        return [func(item) for item in items]
    half = round(len(items) * first_share)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the forked process; its result is checked in the parent)
        os.close(read_end)
        try:
            results = [func(item) for item in items[half:]]
            if send is not None:
                results = [send(result) for result in results]
            payload = pickle.dumps((True, results), pickle.HIGHEST_PROTOCOL)
        except BaseException:  # report in full, in the parent
            payload = pickle.dumps((False, traceback.format_exc()))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)
    try:
        if meanwhile is not None:
            meanwhile()
        first = [func(item) for item in items[:half]]
    finally:
        with os.fdopen(read_end, "rb") as incoming:
            payload = incoming.read()
        os.waitpid(pid, 0)
    ok, rest = pickle.loads(payload)
    if not ok:
        raise RuntimeError(f"the second process failed:\n{rest}")
    return first + rest
