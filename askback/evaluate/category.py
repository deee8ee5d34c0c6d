"""Question category as a trained part: a neighbour vote over the bank and the training
questions; tuned by leave-one-out on the training questions, measured on held-out questions in
tests/data. The rule-based question form is measured on the same questions beside it."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING

from askback.core.datafile import read_raw
from askback.core.thresholds import ThresholdFile
from askback.evaluate.part import Figure, Report, Tuned, floors_line
from askback.nlp.form import question_form
from askback.plan import categorise

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench

HELD_OUT = "tests/data/questions_labelled.jsonl"
GRID = {
    "k": (7.0, 10.0, 15.0, 20.0, 30.0),
    "power": (2.0, 4.0, 6.0, 8.0),
    "ridge_penalty": (0.3, 1.0),
    "ridge_share": (0.0, 0.2, 0.3, 0.4, 0.5),
}
FOLDS = 10


class CategoryPart:
    name = "category"
    summary = "category of a question in the candidate's own words (neighbour vote)"
    thresholds_path = categorise.THRESHOLDS
    readme_marker = "category-eval"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        rows = read_raw(bench.labelled(HELD_OUT))
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
        """10-fold cross-validation on the training questions (the bank always votes): each
        fold's questions are categorised by a categoriser built without them."""
        import numpy as np

        labelled = categorise.examples()
        vectors = bench.embedder.embed([e.text for e in labelled])
        trained = [i for i, e in enumerate(labelled) if e.question_id is None]
        results: dict[tuple[float, ...], int] = {}
        for fold in range(FOLDS):
            held = set(trained[fold::FOLDS])
            keep = [i for i in range(len(labelled)) if i not in held]
            test = sorted(held)
            for penalty in GRID["ridge_penalty"]:
                categoriser = categorise.Categoriser(
                    bench.embedder,
                    vectors[keep],
                    categorise.VoteSettings(k=7, power=2.0, ridge_penalty=penalty),
                    [labelled[i] for i in keep],
                )
                for k, power, share in itertools.product(GRID["k"], GRID["power"], GRID["ridge_share"]):
                    categoriser.settings = categorise.VoteSettings(
                        k=int(k), power=power, ridge_penalty=penalty, ridge_share=share
                    )
                    found = categoriser.categorise([labelled[i].text for i in test], vectors[np.array(test)])
                    right = sum(c == labelled[i].category for (c, _), i in zip(found, test, strict=True))
                    key = (k, power, penalty, share)
                    results[key] = results.get(key, 0) + right
        best = max(results, key=lambda key: (results[key], -key[3]))
        k, power, penalty, share = best
        return Tuned(
            {"k": k, "power": power, "ridge_penalty": penalty, "ridge_share": share},
            on=f"askback/plan/data/questions_training.jsonl, {FOLDS}-fold cross-validation (the bank always votes)",
            reason=f"grid search for accuracy ({results[best] / len(trained):.1%} across the folds)",
            account=f"category: best cross-validated accuracy on the training questions {results[best] / len(trained):.1%}",
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
