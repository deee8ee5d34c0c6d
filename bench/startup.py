"""Start-up and end-to-end timings of the CLI, as a user feels them.

Run: .venv/bin/python bench/startup.py  (prints a table; no assertions: numbers, not tests)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ASKBACK = [sys.executable, "-m", "askback"]


def timed(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(ASKBACK + args, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ASKBACK_HOME": home}
        subprocess.run([*ASKBACK, "companies"], env=env, check=True, capture_output=True)  # migrate once
        cases = [
            ("askback --help", ["--help"], 10),
            ("askback bank list (piped)", ["bank", "list"], 5),
            ("askback prepare (bank only)", ["prepare", "--company", "acme", "--priority", "mentoring=3"], 5),
        ]
        demo = Path(__file__).resolve().parent.parent / "askback" / "demo" / "site"
        subprocess.run(
            [*ASKBACK, "research", str(demo), "--company", "Northwind Relay"], env=env, check=True, capture_output=True
        )
        cases.append(("askback prepare (researched company)", ["prepare", "--company", "Northwind Relay"], 5))
        print(f"{'command':42} {'median s':>9} {'min s':>7} {'runs':>5}")
        for label, args, runs in cases:
            times = timed(args, env, runs)
            print(f"{label:42} {statistics.median(times):9.3f} {min(times):7.3f} {runs:5d}")


if __name__ == "__main__":
    main()
