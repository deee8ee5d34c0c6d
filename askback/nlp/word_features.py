"""Words as features that keep a sentence's stance: the lexical half of a trained reader.

A sentence embedding knows what a sentence is about but barely sees the small words that turn
it ("the allowance is *tiny*", "exists *on paper*", "*never* once paged"). A bag of words sees
them, if it keeps what a bag usually loses: a word inside a negation's scope is a different
feature from the same word outside it ("not_supportive" is not "supportive"), the words of the
clause a sentence lands on ("X but Y") count again as such, and pairs of neighbouring words keep
short phrases ("on paper", "only shared"). Negation scope and clauses come from
:mod:`askback.nlp.stance`. Weighted by inverse document frequency over the sentences the model
learns from, each row normalised to length one, so that a long review and a terse note weigh
alike beside the embedding.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from askback.nlp.stance import read
from askback.nlp.text import STOP_WORDS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]

NEGATED = "not_"
LANDS_ON = "last:"


def terms(text: str) -> list[str]:
    """The features of one sentence: words (marked when negated), the words of its last clause
    when it turns, and pairs of neighbouring words."""
    reading = read(text)
    last = reading.clauses - 1
    found: list[str] = []
    previous = ""
    for word in reading.words:
        term = NEGATED + word.text if word.negated and not word.negator else word.text
        found.append(term)
        if reading.clauses > 1 and word.clause == last:
            found.append(LANDS_ON + term)
        if previous:
            found.append(f"{previous} {term}")
        previous = term
    return found


def is_single_word(term: str) -> bool:
    """Whether a feature is one word that carries meaning (not a pair, not a stop word)."""
    word = term.removeprefix(LANDS_ON).removeprefix(NEGATED)
    return " " not in word and word not in STOP_WORDS and len(word) > 2


def readable(term: str) -> str:
    """A feature as a person reads it in the sentence: "not_supportive" as "not ... supportive"."""
    term = term.removeprefix(LANDS_ON)
    return " ".join(f"not ... {w.removeprefix(NEGATED)}" if w.startswith(NEGATED) else w for w in term.split(" "))


@dataclass(frozen=True)
class WordFeatures:
    """The vocabulary learnt from training sentences (terms seen in at least ``min_count``)
    and each term's inverse document frequency."""

    terms: tuple[str, ...]
    idf: tuple[float, ...]

    @classmethod
    def fit(cls, texts: Sequence[str], min_count: int = 2) -> WordFeatures:
        counts = Counter(t for text in texts for t in set(terms(text)))
        kept = tuple(sorted(t for t, n in counts.items() if n >= min_count))
        n = len(texts)
        return cls(kept, tuple(math.log((1 + n) / (1 + counts[t])) + 1 for t in kept))

    @cached_property
    def index(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.terms)}

    def matrix(self, texts: Sequence[str]) -> Matrix:
        """One row per text: the idf of each known term it holds, normalised to length one."""
        import numpy as np

        rows = np.zeros((len(texts), len(self.index)))
        for row, text in enumerate(texts):
            for term in set(terms(text)):
                column = self.index.get(term)
                if column is not None:
                    rows[row, column] = self.idf[column]
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        out: Matrix = rows / np.maximum(norms, 1e-12)
        return out
