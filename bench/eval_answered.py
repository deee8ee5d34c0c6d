""" "Answered publicly" measured on labelled questions: against the bundled demo company and
against a real public handbook (the 18F handbook in ../shared, when present).

Run: .venv/bin/python bench/eval_answered.py [--18f PATH]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from askback.plan.lint import lint_questions
from askback.research.service import research
from askback.runtime import Runtime

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "askback" / "demo" / "site"
HANDBOOK = ROOT.parent / "shared" / "corpora" / "18f-handbook"


def evaluate(name: str, source: Path, labels: Path, db_dir: Path) -> None:
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    db = Runtime.open(f"sqlite:///{db_dir / (name + '.db')}")
    started = time.perf_counter()
    summary = research(db, name, [str(source)])
    print(
        f"{name}: researched {summary.pages_new} pages, {summary.facts} facts in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    results = lint_questions(db, [r["question"] for r in rows], company=name)
    elapsed = time.perf_counter() - started
    tp = fp = fn = right_source = 0
    for row, result in zip(rows, results, strict=True):
        said = result.answered is not None
        if said and row["answered"]:
            tp += 1
            right_source += result.answered is not None and result.answered.source == row["source"]
        elif said:
            fp += 1
            print(f"  false answered: {row['question']}\n      <- {result.answered.quote if result.answered else ''}")
        elif row["answered"]:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"{name}: {len(rows)} questions, precision {precision:.2f}, recall {recall:.2f}, "
        f"right source {right_source}/{tp}; linted in {elapsed:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--18f", dest="handbook", type=Path, default=HANDBOOK)
    parser.add_argument("--db-dir", type=Path, help="keep the researched databases here and reuse them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_dir = args.db_dir or Path(tmp)
        db_dir.mkdir(parents=True, exist_ok=True)
        evaluate("Northwind Relay", DEMO_SITE, ROOT / "tests" / "data" / "answered_demo.jsonl", db_dir)
        if args.handbook.exists():
            evaluate("18F", args.handbook, ROOT / "tests" / "data" / "answered_18f.jsonl", db_dir)


if __name__ == "__main__":
    main()
