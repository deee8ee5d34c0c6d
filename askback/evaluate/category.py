"""Question category as a trained part: a neighbour vote over the bank and the training
questions; tuned by leave-one-out on the training questions, measured on held-out questions in
tests/data. The rule-based question form is measured on the same questions beside it."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.thresholds import ThresholdFile
from askback.evaluate.part import Figure, Report, Tuned, floors_line
from askback.nlp.form import question_form
from askback.plan import categorise

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench

HELD_OUT = "tests/data/questions_labelled.jsonl"
GRID = {"k": (3, 5, 7, 9, 11, 15), "power": (1.0, 2.0, 3.0, 4.0, 6.0)}


def load(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class CategoryPart:
    name = "category"
    summary = "category of a question in the candidate's own words (neighbour vote)"
    thresholds_path = categorise.THRESHOLDS
    readme_marker = "category-eval"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        rows = load(bench.labelled(HELD_OUT))
        texts = [r["text"] for r in rows]
        categoriser = categorise.Categoriser(bench.embedder, settings=categorise.VoteSettings.from_file(thresholds))
        predicted = [c for c, _ in categoriser.categorise(texts)]
        category = sum(p == r["category"] for p, r in zip(predicted, rows, strict=True)) / len(rows)
        form = sum(question_form(r["text"]) == r["form"] for r in rows) / len(rows)
        on = f"held out: {HELD_OUT}"
        confusions = Counter((r["category"], p) for p, r in zip(predicted, rows, strict=True) if p != r["category"])
        text = "\n".join(
            [
                f"category ({on}, {len(rows)} questions): category {category:.1%}, form {form:.1%}",
                f"  most common confusions (gold -> predicted): {confusions.most_common(6)}",
                *(f"  form: gold {r['form']}: {r['text']}" for r in rows if question_form(r["text"]) != r["form"]),
            ]
        )
        figures = [Figure("category accuracy", category, on), Figure("form accuracy", form, on)]
        return Report(self.name, figures, _markdown(len(rows), category, form, thresholds), text)

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        """Leave-one-out on the training questions: each is categorised by all the other examples."""
        import numpy as np

        examples = categorise.examples()
        vectors = bench.embedder.embed([e.text for e in examples])
        trained = [i for i, e in enumerate(examples) if e.question_id is None]
        sims = vectors[trained] @ vectors.T
        for row, i in enumerate(trained):
            sims[row, i] = -1.0  # not its own neighbour
        order = np.argsort(-sims, axis=1)
        best: tuple[float, dict[str, float]] | None = None
        for k, power in itertools.product(*GRID.values()):
            right = 0
            for row, i in enumerate(trained):
                votes: dict[str, float] = {}
                for j in order[row, :k]:
                    votes[examples[j].category] = (
                        votes.get(examples[j].category, 0.0) + max(float(sims[row, j]), 0) ** power
                    )
                right += max(votes, key=lambda c: votes[c]) == examples[i].category
            accuracy = right / len(trained)
            if best is None or accuracy > best[0]:
                best = (accuracy, {"k": float(k), "power": power})
        assert best is not None
        return Tuned(
            best[1],
            on="askback/plan/data/questions_training.jsonl, leave one out (the bank votes too)",
            reason="grid search for accuracy",
            account=f"category: leave-one-out accuracy on the training questions {best[0]:.1%}",
        )


def _markdown(count: int, category: float, form: float, thresholds: ThresholdFile) -> str:
    return (
        f"Measured on {count} held-out questions in `{HELD_OUT}` (`python -m askback.evaluate category`):\n\n"
        "| measure | held-out result | floor |\n|---|---|---|\n"
        f"| category accuracy | {category:.1%} | {thresholds.floors.get('category accuracy', 0):.0%} |\n"
        f"| form accuracy | {form:.1%} | {thresholds.floors.get('form accuracy', 0):.0%} |\n\n"
        f"{floors_line(thresholds)}\n"
    )


CATEGORY = CategoryPart()
