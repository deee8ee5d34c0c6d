"""Claim or opinion, category and sentiment as a trained part: measured on held-out sentences
in tests/data, tuned by five-fold cross-validation on askback/assess/data/training_claims.jsonl.
Sentiment is also reported on the held-out sentences that turn (negation, contrast, ...)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from askback.assess import claims
from askback.core.thresholds import ThresholdFile
from askback.evaluate.flags import remembering
from askback.evaluate.part import Figure, Report, Tuned, floors_line

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench

HELD_OUT = "tests/data/claims_opinions.jsonl"
TURNS = "tests/data/flag_sentences.jsonl"  # where each held-out sentence's turn is tagged
TASKS = ("kind", "category", "sentiment")
PENALTIES = (1.0, 2.0, 3.0, 5.0)
FOLDS = 5
FIGURE = {"kind": "claim or opinion accuracy", "category": "category accuracy", "sentiment": "sentiment accuracy"}


def load(path: Path) -> list[claims.Labelled]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [claims.Labelled(r["text"], r["kind"], r["category"], r["sentiment"]) for r in rows]


def accuracy(rows: Sequence[claims.Labelled], found: Sequence[claims.Classified], task: str) -> float:
    right = sum(1 for r, f in zip(rows, found, strict=True) if getattr(r, task) == getattr(f, task))
    return right / max(1, len(rows))


class ClaimsPart:
    name = "claims"
    summary = "claim or opinion, category and sentiment of what employees said"
    thresholds_path = claims.THRESHOLDS
    readme_marker = "claims-eval"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        rows = load(bench.labelled(HELD_OUT))
        texts = [r.text for r in rows]
        settings = claims.Settings.from_file(thresholds)
        found = claims.ClaimClassifier(bench.embedder.embed, settings=settings).classify(texts)
        lexical = claims.ClaimClassifier(None, settings=settings).classify(texts)
        on = f"held out: {HELD_OUT}"
        figures = [Figure(FIGURE[t], accuracy(rows, found, t), on) for t in TASKS]
        turns = _turns(bench)
        turning = [(r, f) for r, f in zip(rows, found, strict=True) if r.text in turns]
        turn_accuracy = accuracy([r for r, _ in turning], [f for _, f in turning], "sentiment")
        figures.append(Figure("sentiment accuracy on sentences that turn", turn_accuracy, on))
        kinds = _kind_table(rows, found)
        lines = [
            "| claims, measured on held-out sentences | precision | recall |",
            "|---|---|---|",
            *(f"| {k} ({n} of {len(rows)} sentences) | {p:.2f} | {r:.2f} |" for k, (p, r, n) in kinds.items()),
            "",
            f"Claim or opinion: accuracy {figures[0].value:.2f}. Category accuracy {figures[1].value:.2f}, "
            f"sentiment accuracy {figures[2].value:.2f} (seven and three classes); sentiment on the "
            f"{len(turning)} held-out sentences that turn: {turn_accuracy:.2f}. Without the model (TF-IDF "
            f"neighbours): {accuracy(rows, lexical, 'kind'):.2f}, {accuracy(rows, lexical, 'category'):.2f}, "
            f"{accuracy(rows, lexical, 'sentiment'):.2f}.",
            "",
            f"(`python -m askback.evaluate claims --readme`) {floors_line(thresholds)}",
        ]
        text = f"claims ({on}): " + ", ".join(f"{f.name} {f.value:.2f}" for f in figures)
        return Report(self.name, figures, "\n".join(lines) + "\n", text)

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        rows = [r for r in claims.training_rows() if r.kind is not None]
        extra = [r for r in claims.training_rows() if r.kind is None]
        base = claims.Settings.from_file(thresholds)
        embed = remembering(bench.embedder.embed)  # every fold and penalty embeds the same sentences
        chosen: dict[str, float] = {}
        account = []
        for task in TASKS:
            scored = []
            for penalty in PENALTIES:
                settings = replace(base, **{f"{task}_penalty": penalty})
                right = 0
                for fold in range(FOLDS):
                    held = [r for i, r in enumerate(rows) if i % FOLDS == fold]
                    train = [r for i, r in enumerate(rows) if i % FOLDS != fold] + extra
                    found = claims.ClaimClassifier(embed, train, settings).classify([r.text for r in held])
                    right += sum(getattr(r, task) == getattr(f, task) for r, f in zip(held, found, strict=True))
                scored.append((right / len(rows), penalty))
            best, penalty = max(scored)
            chosen[f"{task}_penalty"] = penalty
            account.append(f"{task} penalty {penalty:g}: cross-validated accuracy {best:.3f}")
        return Tuned(
            chosen,
            on=f"askback/assess/data/training_claims.jsonl ({FOLDS}-fold cross-validation)",
            reason="ridge penalty per task by cross-validated accuracy (" + "; ".join(account) + ")",
            account="claims: " + "; ".join(account),
        )


def _turns(bench: Workbench) -> set[str]:
    path = bench.labelled(TURNS)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["text"] for r in rows if r.get("turn")}


def _kind_table(
    rows: Sequence[claims.Labelled], found: Sequence[claims.Classified]
) -> dict[str, tuple[float, float, int]]:
    table = {}
    for kind in claims.KINDS:
        tp = sum(1 for r, f in zip(rows, found, strict=True) if r.kind == kind and f.kind == kind)
        predicted = sum(1 for f in found if f.kind == kind)
        actual = sum(1 for r in rows if r.kind == kind)
        table[kind] = (tp / max(1, predicted), tp / max(1, actual), actual)
    return table


CLAIMS = ClaimsPart()
