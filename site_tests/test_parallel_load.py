"""Loading on two cores finds the same calls and the same problems, in file order, as on one."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from callsite.source import parallel
from callsite.model.validate import load_catalog
from conftest import FIXTURE_CALLS


def _many_calls(folder, copies: int = 12):
    """``copies`` of every fixture call, with their own ids and slugs."""
    for source in sorted(FIXTURE_CALLS.glob("[!_]*.yaml")):
        text = source.read_text(encoding="utf-8")
        for copy in range(copies):
            name = f"{source.stem}-{copy:02d}"
            text_ = re.sub(r"^id: .*$", f"id: {name}", text, count=1, flags=re.M)
            text_ = re.sub(r"^slug: \{fi: ([^,]+), sv: ([^}]+)\}$", rf"slug: {{fi: \1-{copy}, sv: \2-{copy}}}",
                           text_, count=1, flags=re.M)
            (folder / f"{name}.yaml").write_text(text_, encoding="utf-8")
    return folder


def _check_with_two_jobs_as_with_one(calls, cwd) -> subprocess.CompletedProcess:
    """`callsite check` of ``calls`` with two jobs: it fails, printing what it prints with one job."""
    def check(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "callsite", "--lang", "en", "check", "--calls", str(calls)], cwd=cwd,
                              capture_output=True, text=True, env={**os.environ, "CALLSITE_JOBS": jobs})

    both, one = check("2"), check("1")
    assert both.returncode == one.returncode == 1
    assert both.stderr == one.stderr
    return both


def test_two_processes_load_the_same_catalog(scratch_calls, monkeypatch):
    _many_calls(scratch_calls)
    monkeypatch.setenv("CALLSITE_JOBS", "2")
    assert len(list(scratch_calls.glob("[!_]*.yaml"))) >= 64  # the split applies
    both = load_catalog(scratch_calls)
    monkeypatch.setenv("CALLSITE_JOBS", "1")
    one = load_catalog(scratch_calls)
    assert both == one and len(both.calls) == len(list(scratch_calls.glob("[!_]*.yaml")))


def test_problems_from_both_halves_come_in_file_order(scratch_calls, tmp_path):
    _many_calls(scratch_calls)
    files = sorted(scratch_calls.glob("[!_]*.yaml"))
    for broken in (files[1], files[-2]):  # one in each half
        broken.write_text(broken.read_text(encoding="utf-8").replace("grant_type:", "grant_typ:", 1),
                          encoding="utf-8")
    both = _check_with_two_jobs_as_with_one(scratch_calls, tmp_path)
    assert both.stderr.index(files[1].name) < both.stderr.index(files[-2].name)


def _wait_until_the_other_process_starts(split: parallel.Split) -> None:
    """Give the forked process time to take an item (a build has its imports to do meanwhile)."""
    deadline = time.monotonic() + 10
    while parallel._ENDS.unpack_from(split._ends)[1] == len(split.items):
        assert time.monotonic() < deadline, "the other process never took an item"
        time.sleep(0.001)


def test_what_a_failing_other_process_did_not_send_is_done_here(monkeypatch):
    monkeypatch.setenv("CALLSITE_JOBS", "2")

    def fails_late(item):
        if item >= 50:
            raise ValueError(f"item {item}")
        return ("there", item)

    split = parallel.Split(list(range(100)), fails_late)
    _wait_until_the_other_process_starts(split)
    results = split.collect(lambda item: ("here", item), lambda item, sent: sent)
    assert [item for _, item in results] == list(range(100))
    assert all(where == "here" for where, item in results if item >= 50)

    def fails_everywhere(item):
        if item == 99:
            raise ValueError(f"item {item}")
        return item

    split = parallel.Split(list(range(100)), fails_everywhere)
    _wait_until_the_other_process_starts(split)
    with pytest.raises(ValueError, match="item 99"):  # raised here, as in one process
        split.collect(fails_everywhere, lambda item, sent: sent)


def test_a_killed_other_process_leaves_its_items_to_this_one(monkeypatch):
    monkeypatch.setenv("CALLSITE_JOBS", "2")

    def killed(item):
        if item == 90:
            os.kill(os.getpid(), signal.SIGKILL)  # e.g. the out-of-memory killer
        return ("there", item)

    split = parallel.Split(list(range(100)), killed)
    _wait_until_the_other_process_starts(split)
    results = split.collect(lambda item: ("here", item), lambda item, sent: sent)
    assert [item for _, item in results] == list(range(100))


@pytest.mark.parametrize("jobs,count", [("2", 100), ("2", 10), ("1", 100)])
def test_each_item_is_done_once_and_results_keep_their_order(monkeypatch, jobs, count):
    monkeypatch.setenv("CALLSITE_JOBS", jobs)
    split = parallel.Split(list(range(count)), lambda item: ("there", item, os.getpid()))
    if jobs == "2" and count >= 64:
        _wait_until_the_other_process_starts(split)
    results = split.collect(lambda item: ("here", item, os.getpid()), lambda item, sent: (*sent, item))
    assert [item for _, item, *_ in results] == list(range(count))
    here = [item for where, item, *_ in results if where == "here"]
    there = [result for result in results if result[0] == "there"]
    assert all(pid == os.getpid() for where, _, pid, *_ in results if where == "here")
    assert all(pid != os.getpid() and item == finished for _, item, pid, finished in there)
    assert here == list(range(len(here)))  # this process took from the front, the other from the back
    if jobs == "2" and count >= 64:
        assert there, "the other process did its share"
    else:
        assert len(here) == count


def test_the_other_process_goes_on_while_this_one_is_busy(monkeypatch):
    """Results far larger than a pipe holds, collected late: nothing waits on anything."""
    monkeypatch.setenv("CALLSITE_JOBS", "2")
    split = parallel.Split(list(range(80)), lambda item: str(item) * 100_000)
    time.sleep(0.2)  # this process imports the model meanwhile, in a real build
    results = split.collect(lambda item: str(item) * 100_000, lambda item, sent: sent)
    assert results == [str(item) * 100_000 for item in range(80)]


def test_problems_in_files_the_other_process_parsed_read_the_same(scratch_calls, tmp_path):
    """Each kind of problem, in files the other process parses (the last ones), is reported as
    a load in one process reports it: the file is parsed again here for its marks."""
    _many_calls(scratch_calls)
    files = sorted(scratch_calls.glob("[!_]*.yaml"))
    wanted = [
        ("grant_type:", "grant_typ:"),  # unknown field, required field missing
        ("tags: [", "tags: [not-a-tag, "),  # vocabulary
        ("https://", "htps://"),  # link
        ("grant_type:", "grant_type: TÄYTÄ\nx:"),  # placeholder
        ("\nfunding:", "\n  bad: [indent\nfunding:"),  # YAML syntax
    ]
    edits: dict = {}
    for old, new in wanted:  # each in one of the last files that has the text to change
        path = next(p for p in reversed(files[-30:]) if p not in edits and old in p.read_text(encoding="utf-8"))
        edits[path] = (old, new)
    for path, (old, new) in edits.items():
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    duplicate = next(p for p in reversed(files) if p not in edits).read_text(encoding="utf-8")
    (scratch_calls / "zz-copy.yaml").write_text(duplicate, encoding="utf-8")  # same id and slugs

    both = _check_with_two_jobs_as_with_one(scratch_calls, tmp_path)
    for path in [*edits, scratch_calls / "zz-copy.yaml"]:
        assert path.name in both.stderr
    assert "already used by" in both.stderr and "error: the indentation of line" in both.stderr  # the YAML syntax


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_piece_of_work_is_claimed_once_by_whichever_process_asks_first(monkeypatch, jobs):
    monkeypatch.setenv("CALLSITE_JOBS", jobs)
    claims = parallel.Claims(300)
    assert claims.shared == (jobs == "2")
    read_end, write_end = os.pipe()
    pid = os.fork() if claims.shared else None
    if pid == 0:  # pragma: no cover (the other process: claims from the back, sends what it got)
        os.close(read_end)
        mine = [index for index in reversed(range(300)) if claims.claim(index)]
        os.write(write_end, b",".join(str(n).encode() for n in mine) + b".")
        os._exit(0)
    os.close(write_end)
    here = [index for index in range(300) if claims.claim(index)]
    there: list[int] = []
    if pid is not None:
        received = b""
        while not received.endswith(b"."):
            received += os.read(read_end, 1 << 16)
        os.waitpid(pid, 0)
        there = [int(n) for n in received[:-1].split(b",") if n]
    os.close(read_end)
    assert sorted(here + there) == list(range(300))  # each once
    assert not any(claims.claim(index) for index in range(300))
