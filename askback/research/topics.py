"""Which research topics a sentence speaks to, with a confidence.

Two kinds of evidence, combined: keywords (precise, explainable, blind to paraphrase) and
sentence embeddings compared with example sentences per topic (robust to wording, vague
on their own). A keyword hit needs some semantic agreement; without a keyword, only a
strong semantic match counts. Thresholds are tuned on half of the labelled set in
tests/data and measured on the other half (python -m askback.evaluate topics).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.datafile import load_data
from askback.core.taxonomy import RESEARCH_TOPIC_IDS
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.phrases import PhraseIndex

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]

DATA = Path(__file__).parent / "data" / "topics.yaml"
TRAINING = Path(__file__).parent / "data" / "topic_training.jsonl"
THRESHOLDS = Path(__file__).parent / "data" / "topics.thresholds.yaml"
NONE = "none"  # sentences that look like content but state nothing: cookie notices, filler


@dataclass(frozen=True, kw_only=True)
class Thresholds:
    """The bars a sentence's similarity must clear; the shipped values live in
    data/topics.thresholds.yaml (``python -m askback.evaluate topics --tune --write``)."""

    keyword_with_semantic: float  # a keyword hit is kept when the sentence is this close to the topic
    semantic_alone: float  # without a keyword, the sentence must be this close
    runner_up: float  # a second semantic-only topic must be within this of the best
    weak_keyword: float  # a weak keyword alone ("office", "award") needs a closer match

    @classmethod
    def from_file(cls, file: ThresholdFile) -> Thresholds:
        return cls(**{name: file.value(name) for name in cls.__dataclass_fields__})


@lru_cache(maxsize=1)
def shipped_thresholds() -> Thresholds:
    return Thresholds.from_file(load_thresholds(THRESHOLDS))


@dataclass(frozen=True)
class TopicSpec:
    keywords: dict[str, tuple[str, ...]]  # topic -> phrases
    weak: dict[str, tuple[str, ...]]  # topic -> phrases that also mean other things ("office", "award")
    examples: dict[str, tuple[str, ...]]  # topic -> prototype sentences


@lru_cache(maxsize=2)
def load_spec(path: Path = DATA, training: Path | None = TRAINING) -> TopicSpec:
    """Keywords and example sentences per topic: the hand-written examples in topics.yaml plus
    the labelled training sentences (a half of the labelled set the evaluation never sees)."""
    from askback.research.schema import LabelledSentences, TopicsFile

    topics = load_data(path, TopicsFile).topics
    examples = {t: list(v.examples) for t, v in topics.items()}
    if training is not None and training.exists():
        for row in load_data(training, LabelledSentences).root:
            for topic in row.topics or [NONE]:
                examples.setdefault(topic, []).append(row.text)
    return TopicSpec(
        keywords={t: tuple(k.lower() for k in v.keywords) for t, v in topics.items()},
        weak={t: tuple(k.lower() for k in v.weak) for t, v in topics.items()},
        examples={t: tuple(v) for t, v in examples.items()},
    )


MAX_PHRASE_WORDS = 6
WEAK = 0.5  # what a weak phrase counts for: two of them count as one keyword


class KeywordMatcher:
    """Topic keywords found as whole-word phrases (:class:`askback.nlp.phrases.PhraseIndex`),
    so "401(k)" matches "401k" and "401 k". A hit counts 1 for a keyword and :data:`WEAK` for
    a weak phrase; a phrase said twice counts twice."""

    def __init__(self, keywords: dict[str, tuple[str, ...]], weak: dict[str, tuple[str, ...]] | None = None) -> None:
        self._weight: dict[tuple[str, str], float] = {}
        entries: list[tuple[str, str]] = []
        for weight, table in ((1.0, keywords), (WEAK, weak or {})):  # a keyword wins over the same words listed weak
            for topic, phrases in table.items():
                for phrase in phrases:
                    self._weight.setdefault((phrase, topic), weight)
                    entries.append((phrase, topic))
        self._index = PhraseIndex(entries, max_words=MAX_PHRASE_WORDS)

    def hits(self, text: str) -> dict[str, float]:
        found: dict[str, float] = {}
        for hit in self._index.find(text):
            found[hit.value] = found.get(hit.value, 0.0) + self._weight[(hit.phrase, hit.value)]
        return found


Embed = Callable[[Sequence[str]], "Matrix"]


class TopicClassifier:
    def __init__(self, embed: Embed | None, spec: TopicSpec | None = None, thresholds: Thresholds | None = None):
        self.spec = spec or load_spec()
        self.thresholds = thresholds or shipped_thresholds()
        self.matcher = KeywordMatcher(self.spec.keywords, self.spec.weak)
        self._embed = embed
        self._topics = [t for t in (*RESEARCH_TOPIC_IDS, NONE) if self.spec.examples.get(t)]
        self._prototypes: Matrix | None = None
        self._owner: list[int] = []

    def needs_vector(self, text: str) -> bool:
        """Only sentences with a keyword hit are embedded: the rest rarely state a fact."""
        return bool(self.matcher.hits(text))

    def classify(
        self, texts: Sequence[str], vectors: Matrix | None = None, hits: Sequence[dict[str, float]] | None = None
    ) -> list[list[tuple[str, float]]]:
        """Topics with confidences for each text; ``vectors`` are the texts' embeddings, if known,
        and ``hits`` their keyword hits, if already counted."""
        keyword_hits = list(hits) if hits is not None else [self.matcher.hits(t) for t in texts]
        similarity = self._similarity(vectors) if vectors is not None else None
        return [
            self._decide(hits, similarity[i] if similarity is not None else None) for i, hits in enumerate(keyword_hits)
        ]

    @property
    def topics(self) -> tuple[str, ...]:
        """The columns of :meth:`similarity`."""
        return tuple(self._topics)

    def similarity(self, vectors: Matrix) -> Matrix:
        """texts x :attr:`topics`: the best cosine to any of a topic's examples."""
        return self._similarity(vectors)

    def decide(self, hits: Sequence[dict[str, float]], sims: Matrix) -> list[list[tuple[str, float]]]:
        """Topics from keyword hits and similarities already computed (perhaps by two models:
        :mod:`askback.research.gate`)."""
        return [self._decide(h, sims[i]) for i, h in enumerate(hits)]

    def _similarity(self, vectors: Matrix) -> Matrix:
        """texts x topics: the best cosine to any of a topic's examples."""
        import numpy as np

        prototypes = self._prototype_vectors()
        sims = vectors @ prototypes.T
        result = np.full((len(vectors), len(self._topics)), -1.0, dtype=np.float32)
        owner = np.array(self._owner)
        for k in range(len(self._topics)):
            result[:, k] = sims[:, owner == k].max(axis=1)
        return result

    def warm_up(self) -> None:
        """Embed the example sentences now (while the caller's cache is open) rather than on first use."""
        self._prototype_vectors()

    def _prototype_vectors(self) -> Matrix:
        if self._prototypes is None:
            if self._embed is None:
                raise ValueError("semantic matching needs an embedder")
            texts = [e for t in self._topics for e in self.spec.examples[t]]
            self._owner = [k for k, t in enumerate(self._topics) for _ in self.spec.examples[t]]
            self._prototypes = self._embed(texts)
        return self._prototypes

    def _decide(self, hits: dict[str, float], sims: Matrix | None) -> list[tuple[str, float]]:
        th = self.thresholds
        if not hits and (sims is None or float(sims.max(initial=0.0)) < th.semantic_alone):
            return []  # without a keyword only a strong semantic match counts: most sentences stop here
        if sims is None:  # keywords alone: a weak phrase alone is not enough
            found = ((t, min(0.9, 0.5 + 0.15 * n)) for t, n in hits.items() if n >= 1)
            return sorted(found, key=lambda x: -x[1])
        by_topic = dict(zip(self._topics, (float(s) for s in sims), strict=True))
        chosen: dict[str, float] = {}
        for topic, count in hits.items():
            sim = by_topic.get(topic, 0.0)
            bar = th.keyword_with_semantic if count >= 1 else th.weak_keyword
            if sim >= bar or count >= 2:
                chosen[topic] = round(min(0.99, 0.45 + 0.1 * count + sim / 2), 3)
        best = max(by_topic.values(), default=0.0)
        for topic, sim in by_topic.items():
            if topic not in chosen and sim >= th.semantic_alone and sim >= best - th.runner_up:
                chosen[topic] = round(min(0.95, sim), 3)
        chosen.pop(NONE, None)
        return sorted(chosen.items(), key=lambda x: -x[1])
