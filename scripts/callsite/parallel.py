"""How many processes a build may use: one per core, at most two (the two languages).

``CALLSITE_JOBS=1`` keeps everything in one process (for debugging and profiling).
Workers are forked, so they share the parent's data without pickling it.
"""

from __future__ import annotations

import multiprocessing
import os

MAX_JOBS = 2


def job_count() -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = int(os.environ.get("CALLSITE_JOBS", os.cpu_count() or 1))
    return max(1, min(MAX_JOBS, wanted))


def fork_context():
    return multiprocessing.get_context("fork")
