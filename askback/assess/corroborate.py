"""The same thing said by different people: grouping statements by meaning, counting people.

Statements from all of a company's accounts are grouped by average-linkage clustering on
their embeddings (a group joins another only when its members are alike on average, so one
loose link does not chain unrelated claims together). A group is **corroborated** when it
holds a factual claim and comes from two or more accounts: one account is one person, so
someone who says the same thing twice still counts once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

SAME_MEANING = 0.50  # mean cosine at which two groups say the same thing (read off pairs in the demo accounts)
SAME_MEANING_LEXICAL = 0.35  # the TF-IDF equivalent, when there is no model


@dataclass(frozen=True)
class Statement:
    account_id: int
    text: str
    kind: str  # claim or opinion
    category: str
    sentiment: str
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    statements: tuple[Statement, ...]

    @property
    def accounts(self) -> frozenset[int]:
        return frozenset(s.account_id for s in self.statements)

    @property
    def people(self) -> int:
        return len(self.accounts)

    @property
    def has_claim(self) -> bool:
        return any(s.kind == "claim" for s in self.statements)

    @property
    def corroborated(self) -> bool:
        return self.has_claim and self.people >= 2

    @property
    def bucket(self) -> str:
        """corroborated, shared-opinion, single-claim or opinion."""
        if self.people >= 2:
            return "corroborated" if self.has_claim else "shared-opinion"
        return "single-claim" if self.has_claim else "opinion"

    @property
    def text(self) -> str:
        """The group's wording: its first claim, else its first statement."""
        return next((s.text for s in self.statements if s.kind == "claim"), self.statements[0].text)

    @property
    def category(self) -> str:
        return _majority([s.category for s in self.statements])

    @property
    def sentiment(self) -> str:
        return _majority([s.sentiment for s in self.statements])


def _majority(values: Sequence[str]) -> str:
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def group(statements: Sequence[Statement], similarity: npt.NDArray[np.float64], threshold: float) -> list[Group]:
    """Average-linkage groups of ``statements`` given their pairwise ``similarity`` matrix."""
    clusters: list[list[int]] = [[i] for i in range(len(statements))]
    while len(clusters) > 1:
        best, pair = threshold, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                mean = float(similarity[clusters[a]][:, clusters[b]].mean())
                if mean >= best:
                    best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] = sorted(clusters[a] + clusters.pop(b))
    ordered = sorted(clusters, key=lambda c: c[0])
    return [Group(tuple(statements[i] for i in c)) for c in ordered]


def cosine_matrix(vectors: Vectors) -> npt.NDArray[np.float64]:
    import numpy as np

    result: npt.NDArray[np.float64] = (vectors @ vectors.T).astype(np.float64)
    return result


def lexical_matrix(texts: Sequence[str]) -> npt.NDArray[np.float64]:
    import numpy as np

    from askback.nlp.similarity import TfidfIndex

    index = TfidfIndex(list(texts))
    n = len(texts)
    result = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            result[i, j] = result[j, i] = index.similarity(i, j)
    return result
