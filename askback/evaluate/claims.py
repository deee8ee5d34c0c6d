"""Claim or opinion, category and sentiment as a trained part: measured on two held-out sets
in tests/data (the first, and a fresh one by a separate author, reported apart), tuned by
five-fold cross-validation on askback/assess/data/training_claims.jsonl.
Sentiment is also reported on the held-out sentences that turn (negation, contrast, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from askback.assess import claims
from askback.core.datafile import read_raw
from askback.core.thresholds import ThresholdFile
from askback.evaluate.flags import remembering
from askback.evaluate.part import Figure, MissingData, Report, Tuned, floors_line

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench

HELD_OUT = "tests/data/claims_opinions.jsonl"
FRESH = "tests/data/claims_opinions_fresh.jsonl"  # a second held-out set, by a separate author (turns tagged)
TURNS = "tests/data/flag_sentences.jsonl"  # where each held-out sentence's turn is tagged
TASKS = claims.TASKS
PENALTIES = (1.0, 2.0, 3.0, 5.0)
FOLDS = 5
FIGURE = {"kind": "claim or opinion accuracy", "category": "category accuracy", "sentiment": "sentiment accuracy"}


def load(path: Path) -> list[claims.Labelled]:
    rows = read_raw(path)
    return [claims.Labelled(r["text"], r["kind"], r["category"], r["sentiment"]) for r in rows]


def accuracy(rows: Sequence[claims.Labelled], found: Sequence[claims.Classified], task: str) -> float:
    right = sum(1 for r, f in zip(rows, found, strict=True) if getattr(r, task) == getattr(f, task))
    return right / max(1, len(rows))


@dataclass(frozen=True)
class Measured:
    path: str
    figures: list[Figure]
    kinds: dict[str, tuple[float, float]]  # "claim (342 of 574 sentences)" -> precision, recall
    sentence: str  # the README's sentence of accuracies


def _measure(
    bench: Workbench,
    classifier: claims.ClaimClassifier,
    lexical: claims.ClaimClassifier,
    path: str,
    turns: set[str],
    suffix: str,
) -> Measured:
    """The accuracies on one held-out set; ``suffix`` names its figures (none for the first
    set, so the floors keep their names)."""
    rows = load(bench.labelled(path))
    texts = [r.text for r in rows]
    found = classifier.classify(texts)
    without = lexical.classify(texts)
    on = f"held out: {path}"
    figures = [Figure(FIGURE[t] + suffix, accuracy(rows, found, t), on) for t in TASKS]
    turning = [(r, f) for r, f in zip(rows, found, strict=True) if r.text in turns]
    turn_accuracy = accuracy([r for r, _ in turning], [f for _, f in turning], "sentiment")
    figures.append(Figure("sentiment accuracy on sentences that turn" + suffix, turn_accuracy, on))
    kinds = {f"{k} ({n} of {len(rows)} sentences)": (p, r) for k, (p, r, n) in _kind_table(rows, found).items()}
    sentence = (
        f"`{path}`: claim or opinion accuracy {figures[0].value:.2f}. Category accuracy {figures[1].value:.2f}, "
        f"sentiment accuracy {figures[2].value:.2f} (seven and three classes); sentiment on the "
        f"{len(turning)} sentences that turn: {turn_accuracy:.2f}. Without the model (TF-IDF "
        f"neighbours): {accuracy(rows, without, 'kind'):.2f}, {accuracy(rows, without, 'category'):.2f}, "
        f"{accuracy(rows, without, 'sentiment'):.2f}."
    )
    return Measured(path, figures, kinds, sentence)


class ClaimsPart:
    name = "claims"
    summary = "claim or opinion, category and sentiment of what employees said"
    thresholds_path = claims.THRESHOLDS
    readme_marker = "claims-eval"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        settings = claims.Settings.from_file(thresholds)
        classifier = claims.ClaimClassifier(bench.embedder.embed, settings=settings)
        lexical = claims.ClaimClassifier(None, settings=settings)
        measured = [_measure(bench, classifier, lexical, HELD_OUT, _turns(bench), "")]
        notes = []
        try:
            fresh = read_raw(bench.labelled(FRESH))
            turning = {r["text"] for r in fresh if r.get("turn")}
            measured.append(_measure(bench, classifier, lexical, FRESH, turning, ", fresh"))
        except MissingData as missing:
            notes.append(str(missing))
        lines = ["| claims, measured on held-out sentences | precision | recall |", "|---|---|---|"]
        for m in measured:
            lines += [f"| `{m.path}`: {row} | {p:.2f} | {r:.2f} |" for row, (p, r) in m.kinds.items()]
        for m in measured:
            lines += ["", m.sentence]
        lines += ["", f"(`python -m askback.evaluate claims --readme`) {floors_line(thresholds)}"]
        figures = [f for m in measured for f in m.figures]
        text = "\n".join(
            f"claims (held out: {m.path}): " + ", ".join(f"{f.name} {f.value:.2f}" for f in m.figures) for m in measured
        )
        return Report(self.name, figures, "\n".join(lines) + "\n", text, notes)

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        rows = [r for r in claims.training_rows() if r.kind is not None]
        extra = [r for r in claims.training_rows() if r.kind is None]
        base = claims.Settings.from_file(thresholds)
        embed = remembering(bench.embedder.embed)  # every fold and penalty embeds the same sentences
        chosen: dict[str, float] = {}
        account = []
        # The three tasks are separate ridge fits, so one fit per penalty scores all three.
        right = {(task, penalty): 0 for task in TASKS for penalty in PENALTIES}
        for penalty in PENALTIES:
            settings = replace(base, **{f"{task}_penalty": penalty for task in TASKS})
            for fold in range(FOLDS):
                held = [r for i, r in enumerate(rows) if i % FOLDS == fold]
                train = [r for i, r in enumerate(rows) if i % FOLDS != fold] + extra
                found = claims.ClaimClassifier(embed, train, settings).classify([r.text for r in held])
                for task in TASKS:
                    right[task, penalty] += sum(
                        getattr(r, task) == getattr(f, task) for r, f in zip(held, found, strict=True)
                    )
        for task in TASKS:
            best, penalty = max((right[task, p] / len(rows), p) for p in PENALTIES)
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
    rows = read_raw(path)
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
