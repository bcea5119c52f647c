"""How many processes a build may use: one per core, at most two (the two languages).

``CALLSITE_JOBS=1`` keeps everything in one process (for debugging and profiling).
Workers are forked, so they share the parent's data without pickling it.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import multiprocessing
import os
import pickle
import queue
import struct
import threading
import traceback
from collections.abc import Callable, Sequence

try:
    import fcntl
except ImportError:  # pragma: no cover (not on Unix: no fork either, so nothing is split)
    fcntl = None  # type: ignore[assignment]

MAX_JOBS = 2
_ENDS = struct.Struct("qq")
_MISSING = object()
PIPE_BYTES = 1 << 20


def job_count() -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = int(os.environ.get("CALLSITE_JOBS", os.cpu_count() or 1))
    return max(1, min(MAX_JOBS, wanted))


def fork_context():
    return multiprocessing.get_context("fork")


class Claims:
    """Pieces of work ``0`` to ``count - 1``, each claimed once, by whichever process asks first:
    this one or any forked after the claims were made."""

    def __init__(self, count: int):
        self.shared = job_count() > 1
        """Whether other processes may claim them (else only this one does the work)."""
        self._lock = fork_context().Lock() if self.shared else contextlib.nullcontext()
        self._taken = mmap.mmap(-1, max(count, 1))  # shared with the processes forked later; zeros

    def claim(self, index: int) -> bool:
        """Whether ``index`` is this process's to do (``False``: another one claimed it first)."""
        with self._lock:
            if self._taken[index]:
                return False
            self._taken[index] = 1
            return True


class Split:
    """Work through ``items`` from both ends: a forked process starts at once from the last item
    down (``there``), and this process takes items from the first one up when it calls
    :meth:`collect`, however much later that is. Each item is taken by exactly one of them.

    With one job allowed, or fewer than ``minimum`` items, nothing is forked and
    :meth:`collect` does every item here. The other process sends its results back in
    batches as it goes (they must pickle); a thread here receives them meanwhile, so that
    the other process never waits for this one. If it fails, what it did not send is done
    here: the results, or the error, are those of one process.
    """

    BATCH = 16

    def __init__(self, items: Sequence, there: Callable, *, minimum: int = 64):
        self.items = list(items)
        self._pid: int | None = None
        if job_count() == 1 or len(self.items) < minimum:
            return
        self._lock = fork_context().Lock()
        self._ends = mmap.mmap(-1, _ENDS.size)  # shared: the next item from the front, one past the last untaken
        _ENDS.pack_into(self._ends, 0, 0, len(self.items))
        read_end, write_end = os.pipe()
        with contextlib.suppress(OSError, AttributeError):  # Linux: room for a megabyte in transit
            fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the forked process; its results are checked in the parent)
            os.close(read_end)
            self._work_from_the_back(there, write_end)
        os.close(write_end)
        self._pid = pid
        self._incoming: queue.SimpleQueue = queue.SimpleQueue()
        self._pending = bytearray()
        self._ended = False
        self._receiver = threading.Thread(target=self._receive, args=(read_end,), name="split-receiver", daemon=True)
        self._receiver.start()

    def _take(self, from_front: bool) -> int | None:
        with self._lock:
            front, back = _ENDS.unpack_from(self._ends)
            if front >= back:
                return None
            if from_front:
                _ENDS.pack_into(self._ends, 0, front + 1, back)
                return front
            _ENDS.pack_into(self._ends, 0, front, back - 1)
            return back - 1

    def _work_from_the_back(self, there: Callable, write_end: int) -> None:  # pragma: no cover (forked)
        # Whatever happens here (the parent gone, its pipe broken), this process ends here: it
        # must never return into the code that forked it.
        try:
            self._send_from_the_back(there, write_end)
        finally:
            os._exit(0)

    def _send_from_the_back(self, there: Callable, write_end: int) -> None:  # pragma: no cover (forked)
        gc.disable()  # short-lived, and what it makes has no cycles
        with os.fdopen(write_end, "wb") as out:
            def send(ok: bool, payload) -> None:
                data = pickle.dumps((ok, payload), pickle.HIGHEST_PROTOCOL)
                out.write(len(data).to_bytes(8, "little") + data)

            try:
                batch = []
                while (index := self._take(from_front=False)) is not None:
                    batch.append((index, there(self.items[index])))
                    if len(batch) == self.BATCH:
                        send(True, batch)
                        out.flush()
                        batch = []
                send(True, batch)
            except BaseException:  # report in full, in the parent
                send(False, traceback.format_exc())

    def _receive(self, read_end: int) -> None:
        """Move what arrives into memory, in large reads: this thread needs the interpreter
        lock once per read, and until it has it the other process may wait on a full pipe."""
        try:
            while chunk := os.read(read_end, PIPE_BYTES):
                self._incoming.put(chunk)
        finally:
            os.close(read_end)
            self._incoming.put(None)

    def collect(self, here: Callable, finish: Callable) -> list:
        """The results in item order: ``here(item)`` for the items this process takes,
        ``finish(item, sent)`` for what the other process sent for its items."""
        if self._pid is None:
            return [here(item) for item in self.items]
        results: list = [_MISSING] * len(self.items)
        try:
            while (index := self._take(from_front=True)) is not None:
                results[index] = here(self.items[index])
                self._finish_received(results, finish, wait=False)
            self._finish_received(results, finish, wait=True)
        finally:
            self._receiver.join()
            os.waitpid(self._pid, 0)
        # The other process failed or was stopped (an exception, the out-of-memory killer):
        # what it did not send is done here, where any error is raised as in one process.
        for index, result in enumerate(results):
            if result is _MISSING:
                results[index] = here(self.items[index])
        return results

    def _finish_received(self, results: list, finish: Callable, *, wait: bool) -> None:
        """Finish the batches received so far (``wait``: all of them, until the other process is done)."""
        while not self._ended:
            try:
                chunk = self._incoming.get(block=wait)
            except queue.Empty:
                return
            if chunk is None:
                self._ended = True
            else:
                self._pending += chunk
            while len(self._pending) >= 8:  # each batch: its length (8 bytes), then its pickle
                end = 8 + int.from_bytes(self._pending[:8], "little")
                if len(self._pending) < end:
                    break
                ok, batch = pickle.loads(memoryview(self._pending)[8:end])
                del self._pending[:end]
                if not ok:  # its traceback: the items it did not finish are done here (see collect)
                    continue
                for index, sent in batch:
                    results[index] = finish(self.items[index], sent)
