"""Research topics as a trained part: held-out sentences in tests/data, tuning on the training
sentences shipped in askback/research/data (scored against the hand-written examples only, since
with themselves as examples every training sentence would find its own topic)."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.datafile import read_raw
from askback.core.taxonomy import RESEARCH_TOPIC_IDS
from askback.core.thresholds import ThresholdFile
from askback.evaluate.part import Figure, Report, Tuned, floors_line
from askback.research import gate, topics
from askback.research.vectors import static_for

if TYPE_CHECKING:
    import numpy as np

    from askback.evaluate.workbench import Workbench

HELD_OUT = "tests/data/topic_sentences.jsonl"
GRID = {
    "keyword_with_semantic": (0.2, 0.25, 0.3, 0.35, 0.4),
    "semantic_alone": (0.5, 0.55, 0.6, 0.65, 0.7),
    "runner_up": (0.03, 0.06, 0.1),
}

Labelled = list[tuple[str, set[str]]]


def load(path: Path) -> Labelled:
    rows = read_raw(path)
    return [(r["text"], set(r["topics"])) for r in rows]


def predict(classifier: topics.TopicClassifier, texts: list[str], vectors: np.ndarray) -> list[set[str]]:
    """As research does it: only sentences with a keyword get a vector."""
    import numpy as np

    gated = np.array(
        [v if classifier.needs_vector(t) else np.zeros_like(v) for t, v in zip(texts, vectors, strict=True)]
    )
    return [{t for t, _ in found} for found in classifier.classify(texts, gated)]


@dataclass(frozen=True)
class Scores:
    per_topic: dict[str, tuple[float, float, int]]  # topic -> (precision, recall, labelled sentences)
    precision: float
    recall: float

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return (1 + 0.5**2) * p * r / (0.5**2 * p + r) if p + r else 0.0


def score(gold: list[set[str]], predicted: list[set[str]]) -> Scores:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        tp.update(p & g)
        fp.update(p - g)
        fn.update(g - p)
    per = {}
    for t in RESEARCH_TOPIC_IDS:
        prec = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rec = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        per[t] = (prec, rec, tp[t] + fn[t])
    micro_p = sum(tp.values()) / max(1, sum(tp.values()) + sum(fp.values()))
    micro_r = sum(tp.values()) / max(1, sum(tp.values()) + sum(fn.values()))
    return Scores(per, micro_p, micro_r)


class TopicsPart:
    name = "topics"
    summary = "research topics of a sentence (keywords + embeddings)"
    thresholds_path = topics.THRESHOLDS
    readme_marker = "topics-eval"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        held_out = load(bench.labelled(HELD_OUT))
        texts = [t for t, _ in held_out]
        classifier = topics.TopicClassifier(bench.embedder.embed, thresholds=topics.Thresholds.from_file(thresholds))
        gold = [g for _, g in held_out]
        vectors = bench.embedder.embed(texts)
        result = alone = score(gold, predict(classifier, texts, vectors))
        how = "MiniLM on every keyword sentence"
        static = static_for(bench.embedder)
        if static is not None:  # as research decides: the static table, and MiniLM for the close calls
            by_text = dict(zip(texts, vectors, strict=True))
            gated = gate.classify(texts, static, lambda close: _rows(by_text, close), classifier)
            result = score(gold, [{t for t, _ in found} for found in gated.topics])
            keyword = sum(1 for t in texts if classifier.needs_vector(t))
            how = (
                f"as research decides them: MiniLM for the {gated.close_calls} close calls of {keyword} sentences "
                f"with a keyword, the static table for the rest (MiniLM on all of them: precision "
                f"{alone.precision:.2f}, recall {alone.recall:.2f})"
            )
        training = sum(1 for line in topics.TRAINING.read_text(encoding="utf-8").splitlines() if line.strip())
        on = f"held out: {HELD_OUT}"
        figures = [Figure("precision", result.precision, on), Figure("recall", result.recall, on)]
        return Report(
            self.name, figures, _markdown(result, len(held_out), training, thresholds, how), _text(result, on, how)
        )

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        dev = load(topics.TRAINING)
        texts = [t for t, _ in dev]
        vectors = bench.embedder.embed(texts)
        hand_written = topics.load_spec(topics.DATA, None)
        fixed = {k: v for k, v in thresholds.values.items() if k not in GRID}
        best: tuple[float, dict[str, float], Scores] | None = None
        for combo in itertools.product(*GRID.values()):
            values = {**fixed, **dict(zip(GRID, combo, strict=True))}
            classifier = topics.TopicClassifier(bench.embedder.embed, hand_written, topics.Thresholds(**values))
            result = score([g for _, g in dev], predict(classifier, texts, vectors))
            if best is None or result.f05 > best[0]:
                best = (result.f05, values, result)
        assert best is not None
        _, values, result = best
        return Tuned(
            {k: values[k] for k in GRID},
            on="askback/research/data/topic_training.jsonl (against the hand-written examples only)",
            reason="grid search for F0.5: a wrong topic misleads the linter more than a missing one",
            account=f"topics: best on the training sentences: precision {result.precision:.2f}, recall {result.recall:.2f}",
        )


def _rows(by_text: dict[str, np.ndarray], texts: Sequence[str]) -> np.ndarray:
    import numpy as np

    return np.array([by_text[t] for t in texts])


def _text(result: Scores, on: str, how: str) -> str:
    lines = [f"topics ({on}): micro precision {result.precision:.2f}, recall {result.recall:.2f}; {how}"]
    lines += [f"  {t:24} P {p:.2f}  R {r:.2f}  n={n}" for t, (p, r, n) in result.per_topic.items()]
    return "\n".join(lines)


def _markdown(result: Scores, held_out: int, training: int, thresholds: ThresholdFile, how: str) -> str:
    head = (
        f"Topic precision and recall are measured on {held_out} labelled sentences in\n"
        f"`{HELD_OUT}`, written separately from the {training} training sentences and\n"
        "the examples in `askback/research/data/topics.yaml`, and seen neither by training nor by\n"
        "tuning (`python -m askback.evaluate topics --markdown`). Over all topics, "
        f"{how}: precision {result.precision:.2f},\nrecall {result.recall:.2f}. {floors_line(thresholds)}\n"
    )
    rows = [f"| {t} | {p:.2f} | {r:.2f} | {n} |" for t, (p, r, n) in result.per_topic.items()]
    return head + "\n| topic | precision | recall | sentences |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"


TOPICS = TopicsPart()
