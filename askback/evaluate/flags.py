"""Red and green flags as a trained part: measured on two held-out sets in tests/data (the
first, and a fresh one written later by a separate author, reported apart), tuned by
five-fold cross-validation on the labelled sentences shipped in askback/assess/data.

Besides precision and recall it reports the sentences that turn (tagged when they were
written: negation, contrast, comparison with a promise, hedge, reported speech, sarcasm): how many
flags they raise and how many of those have the colour opposite to the sentence.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from askback.assess import claims, flags
from askback.core.datafile import read_raw
from askback.core.thresholds import ThresholdFile
from askback.evaluate.part import Figure, MissingData, Report, Tuned, floors_line

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench
    from askback.nlp.embeddings import Vectors

HELD_OUT = "tests/data/flag_sentences.jsonl"
MOODS = "tests/data/claims_opinions.jsonl"  # the same sentences' sentiment, for the colour check
FRESH = "tests/data/flag_sentences_fresh.jsonl"  # a second held-out set, by a separate author
FRESH_MOODS = "tests/data/claims_opinions_fresh.jsonl"
TURNS = ("negation", "contrast", "comparison", "hedge", "reported", "sarcasm")
COLOUR_OF_MOOD = {"negative": "red", "positive": "green"}
GRID = {
    "flag_penalty": (1.0,),  # 3 lost on 3,983 sentences, 2 on 5,645
    "margin": (0.0, 0.1, 0.2),
    "colour_veto": (0.0, 0.3),
    "phrase_colour_veto": (0.0, 99.0),  # 99: a phrase is never vetoed; 0.5 lost on 3,983 sentences
    "phrase_margin": (-99.0, -0.5, 0.0, 0.3),  # -99: the flag model never overrules a phrase
    "word_weight": (1.0,),  # 0.5 lost on 3,983 sentences
    "use_mood": (0.0, 1.0),
}
FOLDS = 5
REFIT = ("flag_penalty", "word_weight")  # the rest only decide, so the folds are fitted once for them
WRONG_COLOUR_COST = 3

Embed = Callable[[Sequence[str]], "Vectors"]


@dataclass(frozen=True)
class Row:
    text: str
    flags: frozenset[str]
    turn: str | None


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    tp: int
    fp: int
    fn: int
    opposite: int = 0  # false flags whose colour is the opposite of the sentence's

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    @property
    def objective(self) -> float:
        """What tuning maximises: F0.5 (precision first) with a flag of the wrong colour
        counted as WRONG_COLOUR_COST false flags, since it says the opposite of what was said."""
        p = self.tp / max(1, self.tp + self.fp + (WRONG_COLOUR_COST - 1) * self.opposite)
        r = self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def load(path: Path) -> list[Row]:
    rows = read_raw(path)
    return [Row(r["text"], frozenset(r["flags"]), r.get("turn")) for r in rows]


def score(found: Sequence[Sequence[flags.FlagMatch]], gold: Sequence[frozenset[str]]) -> Scores:
    tp = fp = fn = 0
    for matches, truth in zip(found, gold, strict=True):
        predicted = {m.flag.id for m in matches}
        tp, fp, fn = tp + len(predicted & truth), fp + len(predicted - truth), fn + len(truth - predicted)
    return Scores(tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn)


def turn_table(
    rows: Sequence[Row], found: Sequence[Sequence[flags.FlagMatch]], moods: dict[str, str]
) -> dict[str, Counter[str]]:
    """Per kind of turn: sentences, flags found, wrong ones, and ones of the opposite colour:
    not among the gold flags' colours or, where the sentence raises none, against its
    labelled sentiment (green on bad news, red on good news)."""
    known = flags.flag_by_id()
    table: dict[str, Counter[str]] = {turn: Counter() for turn in (*TURNS, "all")}
    for row, matches in zip(rows, found, strict=True):
        if row.turn is None:
            continue
        colours = {known[g].kind for g in row.flags} or {COLOUR_OF_MOOD.get(moods.get(row.text, ""), "any")}
        for turn in (row.turn, "all"):
            counts = table[turn]
            counts["sentences"] += 1
            for match in matches:
                counts["flags"] += 1
                counts["wrong"] += match.flag.id not in row.flags
                counts["opposite"] += "any" not in colours and match.flag.kind not in colours
    return table


@dataclass(frozen=True)
class Measured:
    """The figures of one labelled set."""

    path: str
    rows: list[Row]
    result: Scores
    phrases: Scores
    table: dict[str, Counter[str]]
    figures: list[Figure]
    text: str


def measure(
    bench: Workbench, detector: flags.FlagDetector, settings: flags.Thresholds, path: str, moods_path: str, suffix: str
) -> Measured:
    """Precision, recall and the turn table of one held-out set; ``suffix`` names its figures
    (the first set's figures carry none, so the floors keep their names)."""
    rows = load(bench.labelled(path))
    moods = {r["text"]: r["sentiment"] for r in read_raw(bench.labelled(moods_path))}
    texts = [r.text for r in rows]
    gold = [r.flags for r in rows]
    # As in use: each sentence's sentiment comes from the claim classifier (never the labels)
    classified = claims.ClaimClassifier(bench.embedder.embed).classify(texts) if settings.use_mood else None
    found = detector.detect(texts, moods=[c.sentiment for c in classified] if classified else None)
    result = score(found, gold)
    phrases = score(flags.FlagDetector(None, settings).detect(texts), gold)
    table = turn_table(rows, found, moods)
    on = f"held out: {path}"
    agrees = 1 - table["all"]["opposite"] / max(1, table["all"]["flags"])
    figures = [
        Figure(f"precision{suffix}", result.precision, on),
        Figure(f"recall{suffix}", result.recall, on),
        Figure(f"colour agrees on sentences that turn{suffix}", agrees, on),
    ]
    text = (
        f"flags ({on}, {len(rows)} sentences, {sum(1 for g in gold if g)} with a flag): precision "
        f"{result.precision:.2f}, recall {result.recall:.2f} (phrases alone: P {phrases.precision:.2f}, "
        f"R {phrases.recall:.2f})\n" + "\n".join(_turn_lines(table))
    )
    return Measured(path, rows, result, phrases, table, figures, text)


class FlagsPart:
    name = "flags"
    summary = "red and green flags in notes and accounts (phrases, meaning, stance)"
    thresholds_path = flags.THRESHOLDS
    readme_marker = "flags-eval"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        settings = flags.Thresholds.from_file(thresholds)
        detector = flags.FlagDetector(bench.embedder.embed, settings)
        measured = [measure(bench, detector, settings, HELD_OUT, MOODS, "")]
        try:
            measured.append(measure(bench, detector, settings, FRESH, FRESH_MOODS, ", fresh"))
        except MissingData as missing:
            notes = [str(missing)]
        else:
            notes = []
        figures = [f for m in measured for f in m.figures]
        markdown = _markdown(measured, thresholds)
        text = "\n".join(m.text for m in measured)
        return Report(self.name, figures, markdown, text, notes)

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        rows = list(flags.training_sentences())
        base = flags.Thresholds.from_file(thresholds)
        best: tuple[float, dict[str, float], Scores] | None = None
        embed = remembering(bench.embedder.embed)  # every fold and grid point embeds the same sentences
        fitting = {k: v for k, v in GRID.items() if k in REFIT}
        deciding = {k: v for k, v in GRID.items() if k not in REFIT}
        for fit_combo in itertools.product(*fitting.values()):
            fit_values = dict(zip(fitting, fit_combo, strict=True))
            folds = Folds(embed, rows, replace(base, **fit_values))  # type: ignore[arg-type]
            for combo in itertools.product(*deciding.values()):
                values = fit_values | dict(zip(deciding, combo, strict=True))
                result = folds.score(replace(base, **values))  # type: ignore[arg-type]
                if best is None or result.objective > best[0]:
                    best = (result.objective, values, result)
        assert best is not None
        _, values, result = best
        return Tuned(
            values,
            on=f"askback/assess/data/flag_training.jsonl ({FOLDS}-fold cross-validation)",
            reason=(
                f"best F0.5 (precision first, a flag of the opposite colour counting {WRONG_COLOUR_COST} times) "
                f"across the folds: P {result.precision:.2f}, R {result.recall:.2f}, {result.opposite} of the "
                f"opposite colour, on {len(rows)} sentences"
            ),
            account=(
                f"flags: cross-validated precision {result.precision:.2f}, recall {result.recall:.2f}, "
                f"{result.opposite} flags of the opposite colour"
            ),
        )


class Folds:
    """Each fold's detector learns from the other folds (and the flags' own examples) and is
    scored on the fold it never saw; fitted once, then scored with any deciding thresholds.
    The sentiment each held-out sentence gets (for ``use_mood``) comes from a claim classifier
    that learnt from the same other folds."""

    def __init__(self, embed: Embed, rows: Sequence[tuple[str, tuple[str, ...]]], settings: flags.Thresholds) -> None:
        self.rows = rows
        self.embed = embed
        self.detectors = [
            flags.FlagDetector(embed, settings, training=[r for i, r in enumerate(rows) if i % FOLDS != fold])
            for fold in range(FOLDS)
        ]
        self._moods: list[list[str]] | None = None

    def score(self, settings: flags.Thresholds) -> Scores:
        found: list[list[flags.FlagMatch]] = []
        held_rows = [r for fold in range(FOLDS) for r in self.rows[fold::FOLDS]]
        for fold, detector in enumerate(self.detectors):
            moods = self.moods()[fold] if settings.use_mood else None
            found += detector.deciding(settings).detect([t for t, _ in self.rows[fold::FOLDS]], moods=moods)
        known, moods_known = flags.flag_by_id(), flags.claims_moods()
        opposite = 0
        for (text, ids), matches in zip(held_rows, found, strict=True):
            colours = {known[i].kind for i in ids if i in known} or {moods_known.get(text, "any")}
            opposite += sum(1 for m in matches if "any" not in colours and m.flag.kind not in colours)
        return replace(score(found, [frozenset(ids) for _, ids in held_rows]), opposite=opposite)

    def moods(self) -> list[list[str]]:
        """Each fold's sentences' sentiment, classified by a model that never saw the fold."""
        if self._moods is None:
            labelled = [r for r in claims.training_rows() if r.kind is not None]
            self._moods = []
            for fold in range(FOLDS):
                held = {t for t, _ in self.rows[fold::FOLDS]}
                train = [r for r in labelled if r.text not in held]
                classifier = claims.ClaimClassifier(self.embed, train)
                self._moods.append([c.sentiment for c in classifier.classify([t for t, _ in self.rows[fold::FOLDS]])])
        return self._moods


def remembering(embed: Embed) -> Embed:
    """``embed`` that embeds each text once for the whole run."""
    import numpy as np

    known: dict[str, Vectors] = {}

    def embed_once(texts: Sequence[str]) -> Vectors:
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            known.update(zip(missing, embed(missing), strict=True))
        return np.stack([known[t] for t in texts]) if texts else embed(texts)

    return embed_once


def _turn_lines(table: dict[str, Counter[str]]) -> list[str]:
    return [
        f"  {turn:10} {c['sentences']:>3} sentences: {c['flags']} flags, {c['wrong']} wrong, "
        f"{c['opposite']} of the opposite colour"
        for turn, c in table.items()
    ]


def _markdown(measured: Sequence[Measured], thresholds: ThresholdFile) -> str:
    lines = ["| flags, measured on held-out sentences | precision | recall |", "|---|---|---|"]
    for m in measured:
        flagged = sum(1 for r in m.rows if r.flags)
        lines += [
            f"| `{m.path}`: red and green flags ({len(m.rows)} sentences, {flagged} with a flag) "
            f"| {m.result.precision:.2f} | {m.result.recall:.2f} |",
            f"| `{m.path}`: by phrases alone | {m.phrases.precision:.2f} | {m.phrases.recall:.2f} |",
        ]
    for m in measured:
        lines += [
            "",
            f"| sentences that turn in `{m.path}` | sentences | flags found | wrong | opposite colour |",
            "|---|---|---|---|---|",
            *(
                f"| {turn} | {c['sentences']} | {c['flags']} | {c['wrong']} | {c['opposite']} |"
                for turn, c in m.table.items()
                if c["sentences"] or turn == "all"
            ),
        ]
    lines += ["", f"(`python -m askback.evaluate flags --readme`) {floors_line(thresholds)}"]
    return "\n".join(lines) + "\n"


FLAGS = FlagsPart()
