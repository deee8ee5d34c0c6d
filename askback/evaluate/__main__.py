"""Measure a trained part on its held-out set; retune its thresholds; regenerate README figures.

    python -m askback.evaluate --list
    python -m askback.evaluate NAME [NAME ...] | all
        [--tune [--write]]   choose thresholds on the tuning set; --write saves them with today's date
        [--markdown]         print the README block
        [--readme]           write the README block between its markers
        [--db-dir DIR]       keep researched databases here (default: .cache/evaluate/DIGEST of the research code)
        [--fresh]            research into a temporary folder instead
        [--every-keyword-sentence]  research with MiniLM on every keyword sentence (not only the
                             close calls, as `askback research` does), into databases of its own

Exit status 1 when a figure falls below the floor the thresholds file (and README) states.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from askback.core.thresholds import ThresholdFile, Tuning, load_thresholds, write_thresholds
from askback.evaluate.part import MissingData, Report, TrainedPart
from askback.evaluate.parts import PARTS, get
from askback.evaluate.readme import replace_block
from askback.evaluate.workbench import Workbench, cached_databases


def run(
    part: TrainedPart, bench: Workbench, *, tune: bool = False, write: bool = False
) -> tuple[Report, ThresholdFile]:
    """Evaluate ``part`` on its held-out set, after retuning it when asked."""
    thresholds = load_thresholds(part.thresholds_path)
    if tune:
        tuned = part.tune(bench, thresholds)
        if tuned.account:
            print(tuned.account)
        thresholds = thresholds.model_copy(
            update={
                "values": {**thresholds.values, **tuned.values},
                "tuned": Tuning(date=datetime.date.today(), set=tuned.on, reason=tuned.reason),
            }
        )
        print(f"{part.name}: chosen on {tuned.on}: {tuned.values}")
        if write:
            write_thresholds(part.thresholds_path, thresholds)
            print(f"{part.name}: wrote {part.thresholds_path}")
    return part.evaluate(bench, thresholds), thresholds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m askback.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="trained parts to evaluate, or 'all'")
    parser.add_argument("--list", action="store_true", help="list the trained parts")
    parser.add_argument("--tune", action="store_true", help="choose thresholds on the tuning set first")
    parser.add_argument("--write", action="store_true", help="with --tune: save the chosen thresholds")
    parser.add_argument("--markdown", action="store_true", help="print the README block")
    parser.add_argument("--readme", action="store_true", help="rewrite the README block between its markers")
    parser.add_argument("--db-dir", type=Path, help="keep researched databases here (default: .cache/evaluate/...)")
    parser.add_argument("--fresh", action="store_true", help="research into a temporary folder")
    parser.add_argument(
        "--every-keyword-sentence",
        action="store_true",
        help="research with MiniLM on every keyword sentence, not only the close calls (the default)",
    )
    args = parser.parse_args(argv)
    if args.list or not args.names:
        for part in PARTS.values():
            print(f"{part.name:10} {part.summary}")
        return 0
    if args.write and not args.tune:
        parser.error("--write saves tuned thresholds: add --tune")
    names = list(PARTS) if args.names == ["all"] else args.names
    try:
        parts = [get(name) for name in names]
    except KeyError as exc:
        parser.error(str(exc.args[0]))
    bench = Workbench(
        db_dir=None if args.fresh else args.db_dir or cached_databases(not args.every_keyword_sentence),
        close_calls_only=not args.every_keyword_sentence,
    )
    status = 0
    try:
        for part in parts:
            status = max(status, _one(part, bench, args))
    finally:
        bench.close()
    return status


def _one(part: TrainedPart, bench: Workbench, args: argparse.Namespace) -> int:
    try:
        report, thresholds = run(part, bench, tune=args.tune, write=args.write)
    except MissingData as exc:
        print(f"{part.name}: skipped: {exc}")
        return 0
    print(report.text)
    for figure in report.figures:
        floor = thresholds.floors.get(figure.name)
        print(f"  {figure.name}: {figure.value:.3f}" + (f" (floor {floor:.2f})" if floor is not None else ""))
    if args.markdown:
        print(report.markdown)
    if args.readme:
        readme = bench.root / "README.md"
        readme.write_text(replace_block(readme.read_text(encoding="utf-8"), part.readme_marker, report.markdown))
        print(f"{part.name}: README block {part.readme_marker!r} rewritten")
    below = report.below(thresholds.floors)
    for figure, floor in below:
        print(f"{part.name}: {figure.name} {figure.value:.3f} is below its floor {floor:.2f}", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
