"""Topics at two speeds: the static model for the clear cases, MiniLM for the close calls.

A sentence with a topic keyword keeps that topic when it is close enough in meaning to the
topic's examples (:mod:`askback.research.topics`). Most sentences are far from every bar, and
for them the static model's rough similarity gives the same answer as MiniLM's at a
thousandth of the cost. Only sentences near a bar (where the rough similarity could fall on
the wrong side) are embedded with MiniLM, and their topics are decided on MiniLM's
similarities, as before. The margins were chosen on the training sentences (agreement with
MiniLM alone 98.3%, a third of the keyword sentences sent to MiniLM) and the calibration on
the CivicActions guidebook, never on the held-out sets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from askback.research.topics import TopicClassifier

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder, Vectors
    from askback.research.topics import Matrix

Topics = list[list[tuple[str, float]]]
Exact = Callable[[Sequence[str]], "Vectors"]  # MiniLM vectors for some texts (cached by the caller)


# Static cosines run wider than MiniLM's: this line maps them onto MiniLM's scale (least squares
# over sentence-topic similarities of the CivicActions guidebook's keyword sentences, r = 0.52).
CALIBRATION = (0.368, 0.144)


@dataclass(frozen=True, kw_only=True)
class Margins:
    """How close to a bar a static similarity must be for MiniLM to decide instead."""

    below: float = 0.12  # a keyword topic the static model would drop, this close under its bar
    above: float = 0.02  # a keyword topic the static model would keep, this close over its bar
    alone: float = 0.10  # a topic without a keyword, this close under the semantic-only bar


@dataclass
class GateResult:
    topics: Topics
    close_calls: int  # sentences MiniLM decided


def classify(
    texts: Sequence[str],
    static: Embedder,
    exact: Exact | None,
    exact_classifier: TopicClassifier | None,
    margins: Margins = Margins(),
) -> GateResult:
    """Topics for ``texts``; MiniLM (``exact``) sees only the close calls, or none when absent."""
    import numpy as np

    rough = TopicClassifier(static.embed)
    hits = [rough.matcher.hits(t) for t in texts]
    wanted = [i for i, h in enumerate(hits) if h]  # without a keyword, no sentence gets a topic here
    sims = np.zeros((len(texts), len(rough.topics)), dtype=np.float32)
    if wanted:
        slope, intercept = CALIBRATION
        sims[wanted] = slope * rough.similarity(static.embed([texts[i] for i in wanted])) + intercept
    close = [i for i in wanted if _close_call(rough, hits[i], sims[i], margins)] if exact else []
    if close and exact is not None and exact_classifier is not None:
        assert exact_classifier.topics == rough.topics
        sims[close] = exact_classifier.similarity(exact([texts[i] for i in close]))
    return GateResult(rough.decide(hits, sims), len(close))


def _close_call(classifier: TopicClassifier, hits: dict[str, float], sims: Matrix, margins: Margins) -> bool:
    th = classifier.thresholds
    by_topic = dict(zip(classifier.topics, (float(s) for s in sims), strict=True))
    for topic, count in hits.items():
        if count >= 2:
            continue  # kept whatever the similarity
        bar = th.keyword_with_semantic if count >= 1 else th.weak_keyword
        if bar - margins.below <= by_topic.get(topic, 0.0) < bar + margins.above:
            return True
    return max(by_topic.values(), default=0.0) >= th.semantic_alone - margins.alone
