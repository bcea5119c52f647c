"""Loading on two cores finds the same calls and the same problems, in file order, as on one."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from callsite import parallel
from callsite.validate import load_catalog
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
    def check(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "callsite", "check", "--calls", str(scratch_calls)], cwd=tmp_path,
                              capture_output=True, text=True, env={**os.environ, "CALLSITE_JOBS": jobs})

    both, one = check("2"), check("1")
    assert both.returncode == one.returncode == 1
    assert both.stderr == one.stderr
    assert both.stderr.index(files[1].name) < both.stderr.index(files[-2].name)


def test_a_failure_in_the_other_process_is_reported(monkeypatch):
    monkeypatch.setenv("CALLSITE_JOBS", "2")

    def fails_late(item):
        if item >= 50:
            raise ValueError(f"item {item}")
        return item

    with pytest.raises(RuntimeError, match="ValueError: item 50"):
        parallel.map_in_two(fails_late, list(range(100)))
    assert parallel.map_in_two(lambda item: item * 2, list(range(100))) == [i * 2 for i in range(100)]


@pytest.mark.parametrize("jobs,count", [("2", 100), ("2", 10), ("1", 100)])
def test_work_meanwhile_runs_once_and_results_keep_their_order(monkeypatch, jobs, count):
    monkeypatch.setenv("CALLSITE_JOBS", jobs)
    ran = []
    results = parallel.map_in_two(lambda item: (item, os.getpid()), list(range(count)), first_share=0.4,
                                  meanwhile=lambda: ran.append(os.getpid()))
    assert ran == [os.getpid()]
    assert [item for item, _ in results] == list(range(count))
    here = [item for item, pid in results if pid == os.getpid()]
    if jobs == "2" and count >= 64:
        assert here == list(range(40))  # this process took the first 40 %, the other the rest
    else:
        assert here == list(range(count))


def test_only_what_the_other_process_sends_goes_through_send(monkeypatch):
    monkeypatch.setenv("CALLSITE_JOBS", "2")
    results = parallel.map_in_two(lambda item: item, list(range(100)), send=lambda item: -item)
    assert results == list(range(50)) + [-item for item in range(50, 100)]
