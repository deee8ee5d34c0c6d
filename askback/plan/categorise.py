"""Which category a question belongs to, for questions the bank has never seen.

A k-nearest-neighbour vote over sentence embeddings of labelled questions (the bank's and the
training questions of the project's varied-style set: terse, chatty, compound, typos), blended
with a one-vs-rest ridge model over the same examples. Neighbours vote with their similarity
raised to a power, so one close paraphrase outweighs several loose matches; the linear model
generalises where no example is close. Its settings are chosen by cross-validation on the
training questions and measured on held-out questions in tests/data
(python -m askback.evaluate category).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askback.bank.loader import load_bank
from askback.core.taxonomy import CATEGORY_IDS
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.embeddings import Embedder

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from askback.nlp.embeddings import Vectors

    Matrix = npt.NDArray[np.float64]

TRAINING = Path(__file__).parent / "data" / "questions_training.jsonl"
THRESHOLDS = Path(__file__).parent / "data" / "category.thresholds.yaml"


@dataclass(frozen=True)
class VoteSettings:
    """How many neighbours vote and how sharply closeness counts (similarity ** power), and how
    much a linear model over the same examples counts beside the vote."""

    k: int
    power: float
    ridge_penalty: float = 0.3
    ridge_share: float = 0.0  # 0: the vote alone; 1: the linear model alone

    @classmethod
    def from_file(cls, file: ThresholdFile) -> VoteSettings:
        return cls(
            k=int(file.value("k")),
            power=file.value("power"),
            ridge_penalty=file.value("ridge_penalty"),
            ridge_share=file.value("ridge_share"),
        )


@lru_cache(maxsize=1)
def shipped_settings() -> VoteSettings:
    return VoteSettings.from_file(load_thresholds(THRESHOLDS))


@dataclass(frozen=True)
class Example:
    text: str
    category: str
    subtopic: str | None  # bank questions know theirs
    question_id: str | None


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    found = [Example(q.text.replace("{company}", "the company"), q.category, q.subtopic, q.id) for q in load_bank()]
    for line in TRAINING.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            found.append(Example(row["text"], row["category"], None, None))
    return tuple(found)


@dataclass(frozen=True)
class Neighbour:
    example: Example
    similarity: float


class Categoriser:
    def __init__(
        self,
        embedder: Embedder,
        example_vectors: Vectors | None = None,
        settings: VoteSettings | None = None,
        labelled: Sequence[Example] | None = None,
    ) -> None:
        """``labelled`` replaces the shipped examples (tuning leaves some out); ``example_vectors``
        are their vectors, when already computed."""
        self.embedder = embedder
        self.settings = settings or shipped_settings()
        self.examples = tuple(labelled) if labelled is not None else examples()
        self.vectors = (
            example_vectors if example_vectors is not None else embedder.embed([e.text for e in self.examples])
        )
        self._weights: Matrix | None = None

    def neighbours(self, vectors: Vectors, k: int | None = None) -> list[list[Neighbour]]:
        import numpy as np

        k = k or self.settings.k
        sims = vectors @ self.vectors.T
        top = np.argsort(-sims, axis=1)[:, :k]
        return [[Neighbour(self.examples[j], float(sims[i, j])) for j in row] for i, row in enumerate(top)]

    def categorise(self, texts: Sequence[str], vectors: Vectors | None = None) -> list[tuple[str, float]]:
        """(category, confidence) per text: the blend of the neighbours' vote (each neighbour's
        share of similarity ** power) and a one-vs-rest ridge model over the same examples
        (its scores scaled to 0..1 per text); confidence is the winner's share of the blend."""
        import numpy as np

        vectors = vectors if vectors is not None else self.embedder.embed(list(texts))
        if not len(vectors):
            return []
        share = self.settings.ridge_share
        blend = (1 - share) * self._votes(vectors) + share * self._linear(vectors) if share else self._votes(vectors)
        best = blend.argmax(axis=1)
        totals = np.clip(blend.sum(axis=1), 1e-9, None)
        return [(CATEGORY_IDS[b], round(float(blend[i, b] / totals[i]), 3)) for i, b in enumerate(best)]

    def _votes(self, vectors: Vectors) -> Matrix:
        import numpy as np

        votes = np.zeros((len(vectors), len(CATEGORY_IDS)))
        for i, near in enumerate(self.neighbours(vectors)):
            for n in near:
                votes[i, CATEGORY_IDS.index(n.example.category)] += max(n.similarity, 0.0) ** self.settings.power
        result: Matrix = votes / np.clip(votes.sum(axis=1, keepdims=True), 1e-9, None)
        return result

    def _linear(self, vectors: Vectors) -> Matrix:
        """Ridge scores, scaled to 0..1 per text (fitted on first use: one linear solve)."""
        import numpy as np

        from askback.nlp.linear import fit_ridge, with_bias

        if self._weights is None:
            labels = [e.category for e in self.examples]
            examples_x = with_bias(self.vectors.astype(np.float64))
            self._weights = fit_ridge(examples_x, labels, CATEGORY_IDS, self.settings.ridge_penalty)
        scores = with_bias(vectors.astype(np.float64)) @ self._weights
        low = scores.min(axis=1, keepdims=True)
        result: Matrix = (scores - low) / np.clip(scores.max(axis=1, keepdims=True) - low, 1e-9, None)
        return result

    def nearest_bank(self, vectors: Vectors) -> list[Neighbour | None]:
        """The closest bank question to each text: its subtopic, roles and topics inform the checks."""
        return [next((n for n in near if n.example.question_id), None) for near in self.neighbours(vectors, k=25)]
