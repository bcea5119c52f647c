"""`python -m callsite` starts with the cycle collector off (imports and loading make no garbage
worth collecting); every command turns it back on, above all the preview server, which runs for hours."""

from __future__ import annotations

import gc

import pytest

from callsite.cli import main
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
