"""Topics at two speeds: MiniLM sees only the sentences near a bar; the rest are decided by the
static table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from askback.nlp.static import static_embedder
from askback.research import gate
from askback.research.topics import TopicClassifier

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors

TEXTS = [
    "New parents take 16 weeks of fully paid parental leave.",  # far over its bar
    "The office printer is on the second floor next to the kitchen.",  # a keyword, but not about offices
    "Our engineers join the on-call rotation one week in six.",
    "Please read this page carefully before you start.",  # no keyword: never embedded here
]


class Exact:
    """Stands in for MiniLM: the static vectors themselves, and a note of what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, texts: Sequence[str]) -> Vectors:
        self.asked.extend(texts)
        return static_embedder().embed(texts)


def test_only_close_calls_reach_the_exact_model() -> None:
    exact = Exact()
    classifier = TopicClassifier(static_embedder().embed)
    wide = gate.Margins(below=1.0, above=1.0, alone=1.0)  # everything with a keyword is close

    everything = gate.classify(TEXTS, static_embedder(), exact, classifier, wide)
    assert exact.asked == TEXTS[:3] and everything.close_calls == 3
    exact.asked.clear()
    none = gate.classify(TEXTS, static_embedder(), exact, classifier, gate.Margins(below=0, above=0, alone=-1.0))
    assert exact.asked == [] and none.close_calls == 0
    # The gate changes who decides, not the rule: these sentences are far from every bar.
    far = (0, 2, 3)
    assert [dict(everything.topics[i]).keys() for i in far] == [dict(none.topics[i]).keys() for i in far]
    assert "parental-leave" in dict(everything.topics[0]) and everything.topics[3] == []


def test_close_calls_are_decided_on_the_exact_models_similarities() -> None:
    class Contrary(Exact):
        def __call__(self, texts: Sequence[str]) -> Vectors:
            super().__call__(texts)
            return -static_embedder().embed(texts)  # disagrees with the static table on everything

    contrary = Contrary()
    wide = gate.Margins(below=1.0, above=1.0, alone=1.0)
    classifier = TopicClassifier(static_embedder().embed)
    decided = gate.classify(TEXTS[:1], static_embedder(), contrary, classifier, wide)
    alone = gate.classify(TEXTS[:1], static_embedder(), None, None)
    # Two keyword hits keep the topic either way; its confidence follows the model that decided.
    assert dict(decided.topics[0])["parental-leave"] < dict(alone.topics[0])["parental-leave"]
    assert contrary.asked == TEXTS[:1]


def test_without_an_exact_model_the_static_table_decides_alone() -> None:
    result = gate.classify(TEXTS, static_embedder(), None, None)
    assert result.close_calls == 0
    assert "parental-leave" in dict(result.topics[0])
    assert np.all([isinstance(t, list) for t in result.topics])
