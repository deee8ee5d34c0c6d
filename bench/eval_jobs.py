"""Job posting fields measured against the postings in tests/data/postings.

Three folders: `tuning/` (rules and the stack vocabulary may be adjusted against it),
`heldout/` (never looked at while tuning; the README's figures come from it) and `fresh/`
(written by a separate author after the parser was tuned, never looked at). Reports, per
split, the share of postings whose title, seniority, location and remote policy (both must be
right), and salary (amounts, currency and period all right, or rightly none) match the labels,
and the stack's precision, recall and F1 over all technologies named.

A location matches when the most specific place is the same and every other part of the
shorter one is in the longer ("Berlin" matches "Berlin, Germany"): both tell a candidate
where the job is.

Run: .venv/bin/python bench/eval_jobs.py [--split heldout|fresh|tuning|both|all] [--show-errors] [--markdown]
(both: tuning and heldout; all: the three. --show-errors refuses the held-out splits: reading
their mistakes would be tuning on them.)
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from askback.core.jobs import JobFields
from askback.research.documents import RawPage
from askback.research.posting import read_posting
from askback.research.posting_text import posting_text
from askback.research.sources import SUFFIX_TYPES

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "postings"
THRESHOLDS = {"title": 0.90, "location/remote": 0.90, "salary": 0.90, "stack F1": 0.85}


@dataclass
class Result:
    name: str
    checks: dict[str, bool]
    stack_tp: int
    stack_fp: int
    stack_fn: int
    errors: list[str]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[–—-]", "-", text)
    return " ".join(re.sub(r"[^\w\s+#./-]", " ", text).split())


def same_title(expected: str | None, got: str | None) -> bool:
    return (expected is None and got is None) or (
        expected is not None and got is not None and fold(expected) == fold(got)
    )


def same_location(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    parts_e = [fold(p) for p in re.split(r",", expected) if p.strip()]
    parts_g = [fold(p) for p in re.split(r",", got) if p.strip()]
    shorter, longer = sorted((parts_e, parts_g), key=len)
    strip = lambda p: p.removeprefix("the ")  # noqa: E731
    return strip(parts_e[0]) == strip(parts_g[0]) and all(strip(p) in map(strip, longer) for p in shorter)


def same_salary(expected: dict[str, Any] | None, fields: JobFields) -> bool:
    got = fields.salary.value if fields.salary else None
    if expected is None or got is None:
        return expected is None and got is None

    def close(a: float | None, b: float | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 0.005 * max(a, b))

    return (
        expected["currency"] == got.currency
        and expected["period"] == got.period
        and close(expected["min"], got.minimum)
        and close(expected["max"], got.maximum)
    )


def parse(path: Path) -> JobFields:
    content_type = SUFFIX_TYPES[path.suffix.lower()]
    page = RawPage(str(path), path.name, content_type, path.read_bytes(), None, datetime.now(UTC))
    title, text = posting_text(page)
    return read_posting(text, html_title=title)


SECONDS: list[float] = []  # parse time per posting, for the summary line


def evaluate(split: str) -> list[Result]:
    folder = DATA / split
    labels = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    results = []
    parse(folder / next(iter(labels)))  # the place names and vocabulary load once, not in the timing
    for name, want in sorted(labels.items()):
        started = time.perf_counter()
        fields = parse(folder / name)
        SECONDS.append(time.perf_counter() - started)
        value = lambda f: f.value if f else None  # noqa: E731
        location_ok = same_location(want["location"], value(fields.location))
        remote_ok = want["remote"] == value(fields.remote)
        checks = {
            "title": same_title(want["title"], value(fields.title)),
            "seniority": want["seniority"] == value(fields.seniority),
            "location/remote": location_ok and remote_ok,
            "salary": same_salary(want["salary"], fields),
        }
        gold = {s.casefold() for s in want["stack"]}
        found = {f.value.casefold() for f in fields.stack}
        errors = [
            f"title: want {want['title']!r}, got {value(fields.title)!r}" * (not checks["title"]),
            f"seniority: want {want['seniority']}, got {value(fields.seniority)}" * (not checks["seniority"]),
            f"location: want {want['location']!r}, got {value(fields.location)!r}" * (not location_ok),
            f"remote: want {want['remote']}, got {value(fields.remote)}" * (not remote_ok),
            f"salary: want {want['salary']}, got {fields.salary.value if fields.salary else None}"
            * (not checks["salary"]),
            f"stack: missed {sorted(gold - found)}, extra {sorted(found - gold)}" * (gold != found),
        ]
        results.append(
            Result(name, checks, len(gold & found), len(found - gold), len(gold - found), [e for e in errors if e])
        )
    return results


def summary(results: list[Result]) -> dict[str, float]:
    out = {k: sum(r.checks[k] for r in results) / len(results) for k in results[0].checks}
    tp, fp, fn = (sum(getattr(r, f"stack_{x}") for r in results) for x in ("tp", "fp", "fn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    out["stack precision"], out["stack recall"] = precision, recall
    out["stack F1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("heldout", "fresh", "tuning", "both", "all"), default="heldout")
    parser.add_argument("--show-errors", action="store_true", help="list each wrong field (tuning split only)")
    parser.add_argument("--markdown", action="store_true", help="a table for the README")
    args = parser.parse_args()
    if args.show_errors and args.split != "tuning":
        parser.error("--show-errors reads mistakes, which is tuning: use it with --split tuning only")
    splits = {"both": ("tuning", "heldout"), "all": ("tuning", "heldout", "fresh")}.get(args.split, (args.split,))
    table = {split: (len(results), summary(results)) for split in splits if (results := evaluate(split))}
    if args.show_errors:
        for result in evaluate("tuning"):
            for error in result.errors:
                print(f"{result.name}: {error}")
    metrics = list(next(iter(table.values()))[1])
    if args.markdown:
        print("| field | " + " | ".join(f"{s} ({n} postings)" for s, (n, _) in table.items()) + " | target |")
        print("|---" * (len(table) + 2) + "|")
        for metric in metrics:
            target = f"≥ {THRESHOLDS[metric]:.2f}" if metric in THRESHOLDS else ""
            print(f"| {metric} | " + " | ".join(f"{m[metric]:.2f}" for _, m in table.values()) + f" | {target} |")
    else:
        for split, (n, m) in table.items():
            print(f"{split} ({n} postings): " + ", ".join(f"{k} {v:.2f}" for k, v in m.items()))
        print(
            f"parsing: {1000 * sum(SECONDS) / len(SECONDS):.0f} ms a posting on average, {1000 * max(SECONDS):.0f} ms at most"
        )
    held = [m for split, (_, m) in table.items() if split != "tuning"]
    return 0 if all(m[k] >= t for m in held for k, t in THRESHOLDS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
