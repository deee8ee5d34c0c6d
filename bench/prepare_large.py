"""``prepare`` for a company with a large research: about 10,000 facts.

Generates a synthetic handbook (bench/research.py's generator), researches it once, then times
``prepare`` for a hiring manager: the first call after research (which also finds the
company's distinctive terms and caches them) and then warm calls, as a candidate preparing the
next interview would run it. The target is under 1 s warm.

Run: PYTHONPATH=$PWD .venv/bin/python bench/prepare_large.py [--pages 520] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from research import generate

from askback.plan.service import prepare
from askback.research.service import research
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as research_store

PRIORITIES = {"mentoring": 3.0, "work-life-balance": 2.0, "career-growth": 2.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=520, help="generated pages (520 give about 10,000 facts)")
    parser.add_argument("--runs", type=int, default=5, help="warm runs to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "handbook"
        folder.mkdir()
        generate(folder, args.pages)
        runtime = Runtime.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        started = time.perf_counter()
        research(runtime, "Large Co", [str(folder)], max_pages=args.pages + 10)
        with runtime.session() as session:
            company = companies.get(session, "Large Co")
            facts = len(research_store.facts(session, company.id))
            sentences, _ = research_store.fact_signature(session, company.id)
        print(f"researched {facts:,} facts ({sentences:,} sentences) in {time.perf_counter() - started:.0f} s")
        first = _timed(runtime)
        warm = [_timed(runtime) for _ in range(args.runs)]
        print(f"prepare, first call after research: {first:.2f} s")
        print(f"prepare, warm: median {statistics.median(warm):.2f} s, range {min(warm):.2f}-{max(warm):.2f} s")


def _timed(runtime: Runtime) -> float:
    started = time.perf_counter()
    plan = prepare(runtime, "Large Co", interviewer="hiring-manager", minutes=15, priorities=PRIORITIES)
    elapsed = time.perf_counter() - started
    assert plan.main, "an empty plan"
    return elapsed


if __name__ == "__main__":
    main()
