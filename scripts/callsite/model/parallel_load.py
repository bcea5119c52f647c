"""The accelerator beside :func:`callsite.model.validate.load_catalog`'s plain loop: the call
files are parsed on both cores, with the same result (the same calls, the same problems in the
same order; ``site_tests/test_parallel_load.py`` compares them).

The other process reads and parses files from the last one down (:class:`ParsedAhead`, which
the command starts before it imports the model, so that parsing overlaps the imports) and sends
each file's plain data; this process checks what it is sent against the model, and loads its
own files from the first one up with the plain :func:`load_call`. A file whose data has a
problem is loaded again here with :func:`load_call`, which places each problem at its line:
the tree of marks stays in the process that parsed it.
"""

from __future__ import annotations

from pathlib import Path

from collections.abc import Callable

from ..source.callfiles import ParsedAhead, call_files
from ..source.parallel import job_count

SPLIT_FROM = 64
"""Fewer call files than this are loaded in one process: forking costs more than it saves."""


def worth_parallel(calls_dir: Path, ahead: ParsedAhead | None) -> bool:
    """Whether to load ``calls_dir`` on both cores: parsing was started ahead for this very
    folder, or it has enough files and a second process is allowed."""
    if ahead is not None and ahead.calls_dir == calls_dir:
        return True
    return job_count() > 1 and len(call_files(calls_dir)) >= SPLIT_FROM


def load_in_parallel(calls_dir: Path, ahead: ParsedAhead | None, load: Callable[[Path], tuple],
                     check: Callable[..., tuple]) -> tuple[list[Path], list[tuple]]:
    """The call files of ``calls_dir`` and ``load(path)`` of each, in order (``load``: the plain
    load of one file; ``check(data, may_hold_placeholder=...)``: the checks of its plain data)."""
    if ahead is None or ahead.calls_dir != calls_dir:
        ahead = ParsedAhead(calls_dir)
    return ahead.paths, ahead.collect(load, lambda path, sent: finish_handed_over(path, sent, load, check))


def finish_handed_over(path: Path, sent: tuple, load: Callable[[Path], tuple], check: Callable[..., tuple]) -> tuple:
    """``load(path)`` for a file the other process read and parsed (what it sent: see
    :func:`callsite.source.callfiles.parse_for_handover`): its call from the data sent, or, if
    anything in the file is wrong, the file loaded here, where each problem can be placed."""
    data, problems, may_hold_placeholder = sent
    if problems:  # reading or parsing: placed where the file was parsed
        return None, problems
    call, findings = check(data, may_hold_placeholder=may_hold_placeholder)
    return load(path) if findings else (call, [])
