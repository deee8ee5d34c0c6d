""" "Answered publicly" as a trained part: labelled questions against researched companies.

Each labelled set is a company's material (the demo company, or a real handbook in
../shared/corpora) and questions in a candidate's words, marked answered or not with the
source that answers them. Sets are split once, up front, into a tuning part and a held-out
part; tuning reads only the first, the README's figures come from the second.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.thresholds import ThresholdFile
from askback.evaluate.part import Figure, MissingData, Report, Tuned, floors_line
from askback.plan import answered

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench
    from askback.plan.lint import LintContext

DEMO_SITE = Path(answered.__file__).resolve().parent.parent / "demo" / "site"


@dataclass(frozen=True)
class LabelledSet:
    label: str  # how figures name it: "18F"
    company: str
    corpus: str | None  # a folder under ../shared/corpora, or None for the demo site
    path: str  # the labelled questions, under the checkout
    held_out: bool


SETS = (
    LabelledSet("demo", "Northwind Relay", None, "tests/data/answered_demo.jsonl", held_out=False),
    LabelledSet("18F", "18F", "18f-handbook", "tests/data/answered_18f.jsonl", held_out=True),
)
GRID = {"answered_at": (0.6, 0.64, 0.68, 0.72, 0.76), "strong_match": (0.74, 0.78, 0.82)}


@dataclass(frozen=True)
class Outcome:
    questions: int
    true_positive: int
    false_positive: int
    false_negative: int
    right_source: int
    mistakes: tuple[str, ...]

    @property
    def precision(self) -> float:
        said = self.true_positive + self.false_positive
        return self.true_positive / said if said else 0.0

    @property
    def recall(self) -> float:
        truly = self.true_positive + self.false_negative
        return self.true_positive / truly if truly else 0.0

    @property
    def source_share(self) -> float:
        return self.right_source / self.true_positive if self.true_positive else 0.0


def load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sources_of(row: dict[str, object]) -> set[str]:
    """The files that answer a labelled question ("sources", or the older single "source")."""
    found = row.get("sources")
    if isinstance(found, list):
        return {str(s) for s in found}
    return {str(row["source"])} if row.get("source") else set()


class Prepared:
    """A labelled set with its researched company and linter context, loaded once per run."""

    def __init__(self, bench: Workbench, labelled: LabelledSet) -> None:
        from askback.plan.lint import load_context

        self.labelled = labelled
        self.rows = load(bench.labelled(labelled.path))
        source = bench.corpus(labelled.corpus) if labelled.corpus else DEMO_SITE
        db = bench.researched(labelled.company, source)
        self.context: LintContext = load_context(db, labelled.company, None, None)

    def outcome(self, settings: answered.Settings) -> Outcome:
        from askback.plan.lint import lint_with

        if self.context.fact_index is not None:
            self.context.fact_index.settings = settings
        results = lint_with(self.context, [str(r["question"]) for r in self.rows])
        tp = fp = fn = right = 0
        mistakes = []
        for row, result in zip(self.rows, results, strict=True):
            said = result.answered
            if said is not None and row["answered"]:
                tp += 1
                right += said.source in sources_of(row)
            elif said is not None:
                fp += 1
                mistakes.append(f"  false answered: {row['question']}\n      <- {said.source}: {said.quote}")
            elif row["answered"]:
                fn += 1
                mistakes.append(f"  missed: {row['question']} ({', '.join(sorted(sources_of(row)))})")
        return Outcome(len(self.rows), tp, fp, fn, right, tuple(mistakes))


class AnsweredPart:
    name = "answered"
    summary = '"answered publicly": does the company\'s material already answer a question?'
    thresholds_path = answered.THRESHOLDS
    readme_marker = "answered-eval"

    def __init__(self) -> None:
        self._prepared: dict[tuple[int, str], Prepared] = {}

    def prepared(self, bench: Workbench, labelled: LabelledSet) -> Prepared:
        key = (id(bench), labelled.label)
        if key not in self._prepared:
            self._prepared[key] = Prepared(bench, labelled)
        return self._prepared[key]

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        settings = answered.Settings.from_file(thresholds)
        measured: list[tuple[LabelledSet, Outcome]] = []
        for labelled in SETS:
            try:
                measured.append((labelled, self.prepared(bench, labelled).outcome(settings)))
            except MissingData as exc:
                if labelled.held_out:
                    raise
                print(f"answered: {labelled.label} skipped: {exc}")
        figures = []
        lines = []
        for labelled, outcome in measured:
            on = f"{'held out' if labelled.held_out else 'tuning'}: {labelled.path}"
            figures += [
                Figure(f"precision, {labelled.label}", outcome.precision, on),
                Figure(f"recall, {labelled.label}", outcome.recall, on),
                Figure(f"right source, {labelled.label}", outcome.source_share, on),
            ]
            lines.append(
                f"answered, {labelled.label} ({on}): {outcome.questions} questions, precision {outcome.precision:.2f}, "
                f"recall {outcome.recall:.2f}, right source {outcome.right_source}/{outcome.true_positive}"
            )
            lines += outcome.mistakes
        return Report(self.name, figures, _markdown(measured, thresholds), "\n".join(lines))

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        tuning = [self.prepared(bench, s) for s in SETS if not s.held_out]
        best: tuple[float, dict[str, float], list[Outcome]] | None = None
        for combo in itertools.product(*GRID.values()):
            values = {**thresholds.values, **dict(zip(GRID, combo, strict=True))}
            settings = answered.Settings(**values)
            outcomes = [p.outcome(settings) for p in tuning]
            tp = sum(o.true_positive for o in outcomes)
            fp = sum(o.false_positive for o in outcomes)
            fn = sum(o.false_negative for o in outcomes)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            objective = (1 + 0.5**2) * p * r / (0.5**2 * p + r) if p + r else 0.0
            if best is None or objective > best[0]:
                best = (objective, {k: values[k] for k in GRID}, outcomes)
        assert best is not None
        return Tuned(
            best[1],
            on=", ".join(s.path for s in SETS if not s.held_out),
            reason="grid search for F0.5: a wrong 'answered' hides a good question",
            account=f"answered: best F0.5 on the tuning sets {best[0]:.2f}",
        )


def _markdown(measured: list[tuple[LabelledSet, Outcome]], thresholds: ThresholdFile) -> str:
    rows = [
        f"| {o.questions} against {s.label} ({'held out' if s.held_out else 'tuning set'}) | "
        f"{o.precision:.2f} | {o.recall:.2f} | {o.right_source} of {o.true_positive} |"
        for s, o in measured
    ]
    return (
        "| labelled questions | precision | recall | right source |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + f"\n\n{floors_line(thresholds)}\n"
    )


ANSWERED = AnsweredPart()
