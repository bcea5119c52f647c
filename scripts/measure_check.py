"""How long `callsite check` takes for N calls (goal: under a second for 1,000).

    .venv/bin/python scripts/measure_check.py          # N = 1000, 5 runs
    .venv/bin/python scripts/measure_check.py 5000 3

Writes N realistic synthetic calls (the same generator as scripts/benchmark.py),
then runs the real command line in a fresh process each time, so the figure
includes Python's start-up and imports: what a staff member waits for.
A measurement, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import write_calls  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        calls = Path(tmp) / "calls"
        write_calls(calls, n)
        command = [sys.executable, "-m", "callsite", "check", "--calls", str(calls), "--now", "1.1.2030"]
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            if result.returncode != 0:
                sys.exit(result.stderr)
        print(result.stdout.strip())
        print(f"callsite check, {n} calls, {runs} runs: best {min(times):.2f} s, "
              f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s")


if __name__ == "__main__":
    main()
