"""Near-duplicate questions: two questions that would get the same answer.

Two measures, because each misses what the other sees: TF-IDF cosine catches the same
words in another order, sentence embeddings catch the same meaning in other words.

Thresholds were set by reading every bank pair above 0.45 (lexical) and 0.70 (semantic):
pairs at or above them were paraphrases ("What led to this position opening up?" /
"... opening up now?"), pairs below asked about different things on a shared subject
("What has the team changed after a retrospective?" / "What has changed since the
current manager took over?", 0.73). tests/bank/test_near_duplicates.py keeps examples of both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from askback.nlp.embeddings import Embedder
from askback.nlp.similarity import TfidfIndex

LEXICAL_THRESHOLD = 0.6
SEMANTIC_THRESHOLD = 0.75


@dataclass(frozen=True)
class SimilarPair:
    first: int
    second: int
    lexical: float
    semantic: float | None

    def is_duplicate(self) -> bool:
        return self.lexical >= LEXICAL_THRESHOLD or (self.semantic or 0.0) >= SEMANTIC_THRESHOLD


def similar_pairs(texts: Sequence[str], embedder: Embedder | None = None, floor: float = 0.45) -> list[SimilarPair]:
    """Every pair alike enough to look at (lexical >= floor or semantic >= 0.7), most alike first."""
    lexical = TfidfIndex(texts)
    semantic = None
    if embedder is not None:
        vectors = embedder.embed(list(texts))
        semantic = vectors @ vectors.T
    pairs = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            lex = lexical.similarity(i, j)
            sem = float(semantic[i, j]) if semantic is not None else None
            if lex >= floor or (sem is not None and sem >= 0.7):
                pairs.append(SimilarPair(i, j, round(lex, 3), None if sem is None else round(sem, 3)))
    return sorted(pairs, key=lambda p: -max(p.lexical / LEXICAL_THRESHOLD, (p.semantic or 0) / SEMANTIC_THRESHOLD))
