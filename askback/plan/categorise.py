"""Which category a question belongs to, for questions the bank has never seen.

A k-nearest-neighbour vote over sentence embeddings of labelled questions: the bank's 364
and the training half of the project's varied-style set (terse, chatty, compound, typos).
Neighbours vote with their similarity, so one close paraphrase outweighs several loose
matches. Measured on the held-out half in tests/data (python -m askback.evaluate category).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askback.bank.loader import load_bank
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.embeddings import Embedder

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors

TRAINING = Path(__file__).parent / "data" / "questions_training.jsonl"
THRESHOLDS = Path(__file__).parent / "data" / "category.thresholds.yaml"


@dataclass(frozen=True)
class VoteSettings:
    """How many neighbours vote and how sharply closeness counts (similarity ** power)."""

    k: int
    power: float

    @classmethod
    def from_file(cls, file: ThresholdFile) -> VoteSettings:
        return cls(k=int(file.value("k")), power=file.value("power"))


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
        self, embedder: Embedder, example_vectors: Vectors | None = None, settings: VoteSettings | None = None
    ) -> None:
        self.embedder = embedder
        self.settings = settings or shipped_settings()
        self.examples = examples()
        self.vectors = (
            example_vectors if example_vectors is not None else embedder.embed([e.text for e in self.examples])
        )

    def neighbours(self, vectors: Vectors, k: int | None = None) -> list[list[Neighbour]]:
        import numpy as np

        k = k or self.settings.k
        sims = vectors @ self.vectors.T
        top = np.argsort(-sims, axis=1)[:, :k]
        return [[Neighbour(self.examples[j], float(sims[i, j])) for j in row] for i, row in enumerate(top)]

    def categorise(self, texts: Sequence[str], vectors: Vectors | None = None) -> list[tuple[str, float]]:
        """(category, confidence) per text; confidence is the winning share of the vote."""
        vectors = vectors if vectors is not None else self.embedder.embed(list(texts))
        results = []
        for near in self.neighbours(vectors):
            votes: dict[str, float] = {}
            for n in near:
                votes[n.example.category] = (
                    votes.get(n.example.category, 0.0) + max(n.similarity, 0.0) ** self.settings.power
                )
            best = max(votes, key=lambda c: votes[c])
            results.append((best, round(votes[best] / (sum(votes.values()) or 1.0), 3)))
        return results

    def nearest_bank(self, vectors: Vectors) -> list[Neighbour | None]:
        """The closest bank question to each text: its subtopic, roles and topics inform the checks."""
        return [next((n for n in near if n.example.question_id), None) for near in self.neighbours(vectors, k=25)]
