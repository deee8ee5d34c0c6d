""" "Answered publicly" as a trained part: labelled questions against researched companies.

Each labelled set is a company's material (the demo company, or a real handbook in
../shared/corpora) and questions in a candidate's words, marked answered or not with the
page(s) that answer them. The handbooks' sets were split once, up front, by a stable hash of
the question (:func:`held_out`) into a tuning part and a held-out part; tuning reads only the
first, the README's figures for held-out sets come from the second.

Tuning fits the two logistic scorers of :mod:`askback.plan.answered` on the tuning questions:
the pair scorer on (question, sentence) pairs, a sentence counting as an answer when it is
on a page that answers the question; the question scorer on the best sentence's features,
its bar chosen from out-of-fold chances as the lowest that keeps precision at
:data:`PRECISION_AIM` (a wrong "answered" hides a good question; a missed one costs little).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.datafile import read_raw
from askback.core.models import Fact
from askback.core.thresholds import ThresholdFile
from askback.evaluate.part import Figure, MissingData, Report, Tuned, floors_line
from askback.nlp.linear import fit_logistic, logistic
from askback.plan import answered

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench
    from askback.plan.answered import Candidate

DEMO_SITE = Path(answered.__file__).resolve().parent.parent / "demo" / "site"
PRECISION_AIM = 0.92
FOLDS = 5
REPEATS = 4  # ways of dealing the tuning questions into folds when choosing the bar
PAIR_PENALTY = 0.001
# The static screen rules a question out below this share of the lowest static chance of a
# tuning question the check answers: a margin, since static vectors are a rougher guide.
SCREEN_SHARE = 0.5
QUESTION_PENALTY = 0.01


@dataclass(frozen=True)
class LabelledSet:
    label: str  # how figures name it: "18F held out"
    company: str
    corpus: str | None  # a folder under ../shared/corpora, or None for the demo site
    path: str  # the labelled questions, under the checkout
    held_out: bool
    tunes: bool = True  # tuning sets the scorers learn from


SETS = (
    LabelledSet("demo", "Northwind Relay", None, "tests/data/answered_demo.jsonl", held_out=False, tunes=False),
    LabelledSet("18F tuning", "18F", "18f-handbook", "tests/data/answered_18f_tuning.jsonl", held_out=False),
    LabelledSet(
        "CivicActions tuning",
        "CivicActions",
        "civicactions-guidebook",
        "tests/data/answered_civicactions_tuning.jsonl",
        held_out=False,
    ),
    # Written later for tuning (tests/data/README.md), no hash split; reported, not learned from:
    # refitting on them as well lowered recall on every held-out and fresh set (README).
    LabelledSet("18F added", "18F", "18f-handbook", "tests/data/answered_18f_more.jsonl", held_out=False, tunes=False),
    LabelledSet(
        "CivicActions added",
        "CivicActions",
        "civicactions-guidebook",
        "tests/data/answered_civicactions_more.jsonl",
        held_out=False,
        tunes=False,
    ),
    LabelledSet("18F held out", "18F", "18f-handbook", "tests/data/answered_18f_heldout.jsonl", held_out=True),
    LabelledSet(
        "CivicActions held out",
        "CivicActions",
        "civicactions-guidebook",
        "tests/data/answered_civicactions_heldout.jsonl",
        held_out=True,
    ),
    # Written by a separate author after the check was tuned (tests/data/README.md): measured,
    # never tuned on, and their mistakes are never printed.
    LabelledSet("18F fresh", "18F", "18f-handbook", "tests/data/answered_18f_fresh.jsonl", held_out=True),
    LabelledSet(
        "CivicActions fresh",
        "CivicActions",
        "civicactions-guidebook",
        "tests/data/answered_civicactions_fresh.jsonl",
        held_out=True,
    ),
)


def held_out(question: str) -> bool:
    """The split of the handbooks' labelled questions, fixed before any tuning: half by hash."""
    return int(hashlib.sha256(question.strip().lower().encode()).hexdigest(), 16) % 2 == 1


def load(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = read_raw(path)
    return rows


def sources_of(row: dict[str, object]) -> set[str]:
    """The pages that answer a labelled question ("sources"; the demo set has one "source")."""
    found = row.get("sources")
    if isinstance(found, list):
        return {str(s) for s in found}
    return {str(row["source"])} if row.get("source") else set()  # the demo set's older, single-page form


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


class Prepared:
    """A labelled set's questions with the sentences the linter finds for each, found once:
    what a question is answered by then depends only on the scorers' settings."""

    def __init__(self, bench: Workbench, labelled: LabelledSet) -> None:
        from askback.plan.answered_index import save_computed
        from askback.plan.lint import _embed, load_context

        self.labelled = labelled
        self.rows = load(bench.labelled(labelled.path))
        source = bench.corpus(labelled.corpus) if labelled.corpus else DEMO_SITE
        runtime = bench.researched(labelled.company, source)
        context = load_context(runtime, labelled.company, None, None)
        texts = [str(r["question"]) for r in self.rows]
        vectors = _embed(context, texts)
        if context.fact_index is None or vectors is None:
            raise MissingData(f"{labelled.company} has no facts or no embedding model")
        index = context.fact_index
        self.candidates: list[list[Candidate]] = [index.candidates(text, vectors[i]) for i, text in enumerate(texts)]
        # the same sentences with the static vectors, as the screen sees them (None: no screen)
        self.screened: list[list[Candidate] | None] = [index.screen_candidates(text) for text in texts]
        with runtime.session() as session:
            save_computed(context.fact_index, session)  # the next run reads them

    def outcome(self, settings: answered.Settings) -> Outcome:
        """What the linter says about each question with these settings, against the labels."""
        tp = fp = fn = right = 0
        mistakes = []
        for row, candidates, screened in zip(self.rows, self.candidates, self.screened, strict=True):
            said = _decide(str(row["question"]), candidates, settings, screened)
            if said is not None and row["answered"]:
                tp += 1
                right += said.source in sources_of(row)
                if said.source not in sources_of(row):
                    mistakes.append(f"  other page: {row['question']}\n      <- {said.source}: {said.text}")
            elif said is not None:
                fp += 1
                mistakes.append(f"  false answered: {row['question']}\n      <- {said.source}: {said.text}")
            elif row["answered"]:
                fn += 1
                mistakes.append(f"  missed: {row['question']} ({', '.join(sorted(sources_of(row)))})")
        return Outcome(len(self.rows), tp, fp, fn, right, tuple(mistakes))


def _decide(
    question: str,
    candidates: Sequence[Candidate],
    settings: answered.Settings,
    screened: Sequence[Candidate] | None = None,
) -> Fact | None:
    """The fact the linter would cite for the question, or None (as FactIndex.answer decides:
    a question the static screen rules out is not answered whatever MiniLM would say)."""
    if screened is not None and settings.screen_at > 0:
        quick = answered.judge(question, screened, settings)
        if quick is None or quick[1] < settings.screen_at:
            return None
    found = answered.judge(question, candidates, settings)
    return found[0] if found is not None and found[1] >= settings.answered_at else None


class AnsweredPart:
    name = "answered"
    summary = '"answered publicly": does the company\'s material already answer a question?'
    thresholds_path = answered.THRESHOLDS
    readme_marker = "answered-eval"

    def __init__(self) -> None:
        self._prepared: dict[tuple[int, str], Prepared] = {}

    def prepared(self, bench: Workbench, labelled: LabelledSet) -> Prepared:
        key = (id(bench), labelled.path)
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
                f"answered, {labelled.label} ({labelled.path}): {outcome.questions} questions, precision "
                f"{outcome.precision:.2f}, recall {outcome.recall:.2f}, right source "
                f"{outcome.right_source}/{outcome.true_positive}"
            )
            if not labelled.held_out:
                lines += outcome.mistakes  # never a held-out set's: tuning must not learn from them
        return Report(self.name, figures, _markdown(measured, thresholds), "\n".join(lines))

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        tuning = [self.prepared(bench, s) for s in SETS if s.tunes and not s.held_out]
        examples = [
            (str(r["question"]), r, c, q)
            for p in tuning
            for r, c, q in zip(p.rows, p.candidates, p.screened, strict=True)
        ]
        chosen, precision, recall = fit(examples, answered.Settings.from_file(thresholds))
        checked = cross_validate(examples, answered.Settings.from_file(thresholds))
        return Tuned(
            chosen.as_values(),
            on=", ".join(s.path for s in SETS if s.tunes and not s.held_out),
            reason=(
                f"logistic pair and question scorers fitted on the tuning questions; the bar is the lowest "
                f"whose {FOLDS}-fold out-of-fold precision ({REPEATS} ways of dealing the folds, averaged) "
                f"reaches {PRECISION_AIM:.2f} "
                f"(out of fold: precision {precision:.2f}, recall {recall:.2f}; both scorers and the bar "
                f"refitted in each of {FOLDS} folds: precision {checked.precision:.2f}, recall "
                f"{checked.recall:.2f}, right source {checked.source_share:.2f}); the static screen's bar is "
                f"{SCREEN_SHARE:.1f} of the lowest chance the static vectors give a tuning question the check answers"
            ),
            account=(
                f"answered: {len(examples)} tuning questions, bar {chosen.answered_at:.2f}; cross-validated "
                f"(everything refitted per fold): precision {checked.precision:.3f}, recall {checked.recall:.3f}, "
                f"right source {checked.right_source}/{checked.true_positive}; screen bar {chosen.screen_at:.2f}"
            ),
        )


def fit(examples: Sequence[Example], current: answered.Settings) -> tuple[answered.Settings, float, float]:
    """Both scorers fitted on ``examples`` and the bar chosen from out-of-fold chances, with the
    out-of-fold precision and recall at that bar."""
    chosen = _fit_scorers(examples, current)
    out_of_fold = _out_of_fold(examples, current)
    labels = [int(bool(row["answered"])) for _, row, _, _ in examples]
    bar, precision, recall = _lowest_bar(out_of_fold, labels)
    chosen = replace(chosen, answered_at=bar)
    return replace(chosen, screen_at=_screen_bar(examples, chosen)), precision, recall


def _screen_bar(examples: Sequence[Example], settings: answered.Settings) -> float:
    """The static screen's bar: SCREEN_SHARE of the lowest chance the static vectors give a
    question the check answers (0, no screen, without static vectors)."""
    chances = []
    for question, _, candidates, screened in examples:
        found = answered.judge(question, candidates, settings)
        if found is None or found[1] < settings.answered_at:
            continue
        if screened is None:
            return 0.0
        quick = answered.judge(question, screened, settings)
        chances.append(quick[1] if quick is not None else 0.0)
    return math.floor(SCREEN_SHARE * min(chances, default=0.0) * 100) / 100


def _fit_scorers(examples: Sequence[Example], current: answered.Settings) -> answered.Settings:
    """The pair scorer fitted on the questions' candidate sentences, then the question scorer
    on the best of them as that pair scorer ranks them (the bar left as it was)."""
    weights, bias = fit_logistic(*_pairs(examples), l2=PAIR_PENALTY)
    pair_only = replace(current, weights=tuple(weights), bias=bias)
    rows, labels = _question_rows(examples, pair_only)
    question_weights, question_bias = fit_logistic(rows, labels, l2=QUESTION_PENALTY)
    return replace(pair_only, question_weights=tuple(question_weights), question_bias=question_bias)


def cross_validate(examples: Sequence[Example], current: answered.Settings) -> Outcome:
    """What tuning would give on questions it did not see: each fold's questions judged by
    scorers and a bar fitted on the other folds alone (folds by position)."""
    tp = fp = fn = right = 0
    for fold in range(FOLDS):
        train = [e for i, e in enumerate(examples) if i % FOLDS != fold]
        settings, _, _ = fit(train, current)
        for question, row, candidates, screened in examples[fold::FOLDS]:
            said = _decide(question, candidates, settings, screened)
            if said is not None and row["answered"]:
                tp += 1
                right += said.source in sources_of(row)
            elif said is not None:
                fp += 1
            elif row["answered"]:
                fn += 1
    return Outcome(len(examples), tp, fp, fn, right, ())


# a question, its label, its candidates, and the same with the static vectors (None: no screen)
Example = tuple[str, dict[str, object], list["Candidate"], "list[Candidate] | None"]


def _pairs(examples: Sequence[Example]) -> tuple[list[tuple[float, ...]], list[int]]:
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for _, row, candidates, _ in examples:
        for candidate in candidates:
            rows.append(candidate.features)
            labels.append(int(bool(row["answered"]) and candidate.fact.source in sources_of(row)))
    return rows, labels


def _question_rows(
    examples: Sequence[Example], settings: answered.Settings
) -> tuple[list[tuple[float, ...]], list[int]]:
    """One row per question with candidates (others are never answered), and its label."""
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for question, row, candidates, _ in examples:
        ranked = answered.rank(candidates, settings)
        rows.append(
            answered.question_features(question, ranked) if ranked else (0.0,) * len(answered.QUESTION_FEATURES)
        )
        labels.append(int(bool(row["answered"])))
    return rows, labels


def _out_of_fold(examples: Sequence[Example], current: answered.Settings) -> list[float]:
    """Each question's chance from scorers (pair and question) fitted without it, averaged over
    REPEATS ways of dealing the questions into folds (one way alone moved the bar by 0.07); 0
    for a question without candidates, which is never answered."""
    import random

    chances = [0.0] * len(examples)
    for repeat in range(REPEATS):
        order = list(range(len(examples)))
        if repeat:
            random.Random(repeat).shuffle(order)  # the first way is by position, as before
        fold_of = {question: k % FOLDS for k, question in enumerate(order)}
        for fold in range(FOLDS):
            train = [e for i, e in enumerate(examples) if fold_of[i] != fold]
            settings = _fit_scorers(train, current)
            for i in (i for i in range(len(examples)) if fold_of[i] == fold):
                question, _, candidates, _ = examples[i]
                ranked = answered.rank(candidates, settings)
                if ranked:
                    features = answered.question_features(question, ranked)
                    chances[i] += logistic(settings.question_weights, settings.question_bias, features) / REPEATS
    return chances


def _lowest_bar(chances: Sequence[float], labels: Sequence[int]) -> tuple[float, float, float]:
    """The lowest bar whose precision reaches PRECISION_AIM, with that precision and recall
    (a chance of 0 is a question without candidates, never answered)."""
    truly = sum(labels)
    best = (0.99, 0.0, 0.0)
    for step in range(98, 4, -1):
        bar = step / 100
        said = [labels[i] for i, c in enumerate(chances) if c > 0 and c >= bar]
        precision = sum(said) / len(said) if said else 1.0
        if precision >= PRECISION_AIM:
            best = (bar, precision, sum(said) / truly if truly else 0.0)
    return best


def _markdown(measured: list[tuple[LabelledSet, Outcome]], thresholds: ThresholdFile) -> str:
    rows = [
        f"| {s.label} | {o.questions} | {o.precision:.2f} | {o.recall:.2f} | {o.right_source} of {o.true_positive} "
        f"({o.source_share:.2f}) |"
        for s, o in measured
    ]
    return (
        "| labelled set | questions | precision | recall | right source |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + f"\n\n{floors_line(thresholds)}\n"
    )


ANSWERED = AnsweredPart()
