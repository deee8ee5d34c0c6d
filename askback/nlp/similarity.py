"""Lexical similarity: TF-IDF vectors and cosine between texts.

Used where a fast, explainable measure is enough (near-duplicate questions, search in the
bank) and beside embeddings where meaning matters.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from askback.nlp.text import content_tokens

SparseVector = dict[str, float]


class TfidfIndex:
    """TF-IDF over a fixed set of documents, with cosine queries against them."""

    def __init__(self, documents: Sequence[str]) -> None:
        self.tokens = [content_tokens(doc) for doc in documents]
        df: Counter[str] = Counter()
        for toks in self.tokens:
            df.update(set(toks))
        n = max(len(documents), 1)
        self.idf = {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}
        self.default_idf = math.log(1 + n) + 1.0
        self.vectors = [self.vectorise_tokens(toks) for toks in self.tokens]

    def vectorise(self, text: str) -> SparseVector:
        return self.vectorise_tokens(content_tokens(text))

    def vectorise_tokens(self, tokens: Sequence[str]) -> SparseVector:
        counts = Counter(tokens)
        vec = {t: (1 + math.log(c)) * self.idf.get(t, self.default_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def query(self, text: str) -> list[float]:
        """Cosine of ``text`` against every document, in document order."""
        q = self.vectorise(text)
        return [cosine(q, d) for d in self.vectors]

    def similarity(self, i: int, j: int) -> float:
        """Cosine between documents ``i`` and ``j``."""
        return cosine(self.vectors[i], self.vectors[j])


def cosine(a: SparseVector, b: SparseVector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
