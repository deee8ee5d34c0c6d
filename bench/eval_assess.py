"""The flag detector and the claim/opinion classifier measured on held-out sentences.

Evaluation sets (never used for training or tuning), each reported on its own:
  tests/data/flag_sentences.jsonl     sentences with the flags a careful reader would mark,
                                      the ones that turn tagged (negation, contrast, ...)
  tests/data/claims_opinions.jsonl    sentences labelled claim/opinion, category, sentiment
  tests/data/*_fresh.jsonl            the same two kinds, 407 sentences written later by a
                                      separate author as an independent test (its failures are
                                      not looked at to change the readers)

Both parts have the shape every trained part has (askback/evaluate/flags.py and claims.py);
this script runs the two together and prints the targets of issue 12 beside the figures.
Tuning (--tune) uses only what ships in askback/assess/data (five-fold cross-validation).

Run: .venv/bin/python bench/eval_assess.py [--tune] [--write-readme]
"""

from __future__ import annotations

import argparse

from askback.core.thresholds import load_thresholds
from askback.evaluate.claims import CLAIMS
from askback.evaluate.flags import FLAGS
from askback.evaluate.readme import replace_block
from askback.evaluate.workbench import Workbench

TARGETS = {
    "precision": 0.85,
    "recall": 0.60,
    "colour agrees on sentences that turn": 1.0,
    "sentiment accuracy": 0.85,
    "claim or opinion accuracy": 0.95,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tune", action="store_true", help="cross-validate on the training data in the package")
    parser.add_argument("--write-readme", action="store_true", help="write both parts' blocks into README.md")
    args = parser.parse_args()
    bench = Workbench()
    try:
        for part in (FLAGS, CLAIMS):
            thresholds = load_thresholds(part.thresholds_path)
            if args.tune:
                print(part.tune(bench, thresholds).account)
                continue
            report = part.evaluate(bench, thresholds)
            print(report.text)
            for figure in report.figures:
                target = TARGETS.get(figure.name.removesuffix(", fresh"))
                aim = f" (target {target:.2f}: {'met' if figure.value >= target else 'not met'})" if target else ""
                print(f"  {figure.name}: {figure.value:.2f}{aim}")
            if args.write_readme:
                readme = bench.root / "README.md"
                readme.write_text(
                    replace_block(readme.read_text(encoding="utf-8"), part.readme_marker, report.markdown)
                )
    finally:
        bench.close()


if __name__ == "__main__":
    main()
