"""`python -m callsite` starts with the cycle collector off (imports and loading make no garbage
worth collecting); every command turns it back on, above all the preview server, which runs for hours."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from callsite.commands.cli import main
from conftest import FIXTURE_CALLS, ROOT


@pytest.mark.parametrize("argv", [
    ["schema", "--check", "--calls", str(ROOT / "calls")],  # as serve and new: before any work
    ["check", "--calls", str(FIXTURE_CALLS), "--now", "2.12.2026 klo 10.00"],  # after loading
])
def test_each_command_turns_the_collector_back_on(argv):
    gc.disable()  # as __main__ does
    try:
        main(argv, one_off_process=True)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_installed_command_takes_the_way_python_m_callsite_takes():
    """The benchmark times ``python -m callsite``; staff and CI run ``.venv/bin/callsite``."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="callsite")
    assert script.value == "callsite.commands.command:run"
    assert (ROOT / "scripts/callsite/__main__.py").read_text(encoding="utf-8").split() == [
        "from", ".commands.command", "import", "run", "run()"]


def test_a_command_that_leaves_early_still_delivers_all_it_printed_and_its_exit_code(tmp_path):
    """run() ends the process without the interpreter's own teardown: output piped to another
    program (CI's log) must still arrive whole, and the exit code must be main()'s."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}  # buffered, as usual

    def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "callsite", *args], cwd=cwd, capture_output=True, text=True,
                              env=env)

    ok = run_cli("--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--now", "2.12.2026 klo 10.00", cwd=tmp_path)
    assert ok.returncode == 0 and ok.stdout.endswith("calls checked: no errors.\n"), ok
    broken = tmp_path / "calls"
    shutil.copytree(FIXTURE_CALLS, broken)
    (broken / "rikki.yaml").write_text("id: [\n", encoding="utf-8")
    failed = run_cli("--lang", "en", "check", "--calls", str(broken), cwd=tmp_path)
    assert failed.returncode == 1
    assert failed.stderr.rstrip().endswith("the existing site/ was left as it was."), failed.stderr
