"""Is a sentence a factual claim or an opinion, what is it about, and is it good or bad news?

Three small linear models (ridge regression, one-vs-rest, solved in closed form with numpy)
over the sentence's embedding plus a few lexical cues: numbers, dates and names point to a
claim, first-person judgement words to an opinion. They learn from
askback/assess/data/training_claims.jsonl, and the category model also from the flag
examples (each flag belongs to a category). Ridge rather than logistic regression: the same
accuracy in cross-validation on the training file (bench/eval_assess.py --tune) and one
linear solve instead of hundreds of gradient steps, so training on first use costs
milliseconds. Without the embedding model, a TF-IDF nearest-neighbour vote stands in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askback.assess.fitted import ArrayCache, fitted_once
from askback.assess.flags import load_flags
from askback.assess.text import cues
from askback.core.taxonomy import CATEGORY_IDS
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.linear import fit_ridge
from askback.nlp.stance import CUES as STANCE_CUES
from askback.nlp.stance import read
from askback.nlp.word_features import WordFeatures

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]
    Vectors = npt.NDArray[np.float32]

TRAINING = Path(__file__).parent / "data" / "training_claims.jsonl"
KINDS = ("claim", "opinion")
SENTIMENTS = ("negative", "neutral", "positive")
TASKS = ("kind", "category", "sentiment")
THRESHOLDS = Path(__file__).parent / "data" / "claims.thresholds.yaml"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The ridge penalties and cue weights; the shipped values live in data/claims.thresholds.yaml
    with the date, set and reason of their last tuning (``python -m askback.evaluate claims --tune``)."""

    kind_penalty: float
    category_penalty: float
    sentiment_penalty: float
    cue_weight: float  # how much the lexical cues count beside the 384 embedding dimensions
    stance_weight: float  # how much the stance cues (negation, contrast, lean) count
    word_weight: float  # how much the negation-marked words count

    @classmethod
    def from_file(cls, file: ThresholdFile) -> Settings:
        return cls(**{name: file.value(name) for name in cls.__dataclass_fields__})

    def penalty(self, task: str) -> float:
        return {"kind": self.kind_penalty, "category": self.category_penalty, "sentiment": self.sentiment_penalty}[task]


@lru_cache(maxsize=1)
def shipped_settings() -> Settings:
    return Settings.from_file(load_thresholds(THRESHOLDS))


K_LEXICAL = 7
_COLOUR_MOOD = {"red": "negative", "green": "positive"}  # a flag's examples teach sentiment too


@dataclass(frozen=True)
class Classified:
    kind: str
    category: str
    sentiment: str
    confidence: float  # of the claim/opinion decision, 0.5 (a coin toss) to 1


@dataclass(frozen=True)
class Labelled:
    text: str
    kind: str | None
    category: str
    sentiment: str | None


@lru_cache(maxsize=2)
def training_rows(path: Path = TRAINING, with_flags: bool = True) -> tuple[Labelled, ...]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = [Labelled(r["text"], r["kind"], r["category"], r["sentiment"]) for r in rows]
    if with_flags:
        found += [Labelled(e, None, f.category, _COLOUR_MOOD[f.kind]) for f in load_flags() for e in f.examples]
    return tuple(found)


Embed = Callable[[Sequence[str]], "Vectors"]


def features(vectors: Vectors, texts: Sequence[str], settings: Settings) -> Matrix:
    import numpy as np

    lexical = np.array([cues(t) for t in texts], dtype=np.float64).reshape(len(texts), -1)
    stance = np.array([read(t).cues for t in texts], dtype=np.float64).reshape(len(texts), -1)
    return np.hstack(
        [
            vectors.astype(np.float64),
            settings.cue_weight * lexical,
            settings.stance_weight * stance,
            np.ones((len(texts), 1)),
        ]
    )


def _for_task(x: Matrix, task: str) -> Matrix:
    """The stance cues serve sentiment only: what a sentence is about, and whether it is a
    claim, do not turn with "but" or "not" (measured: category accuracy fell with them)."""
    import numpy as np

    if task == "sentiment":
        return x
    stance = np.arange(x.shape[1] - 1 - len(STANCE_CUES), x.shape[1] - 1)
    return np.delete(x, stance, axis=1)


class ClaimClassifier:
    """Claim or opinion, category and sentiment. With the name of the embedding ``model``, its
    models are fitted once per process for the same sentences and settings, and with a
    ``cache`` once per machine (:mod:`askback.assess.fitted`)."""

    def __init__(
        self,
        embed: Embed | None,
        rows: Sequence[Labelled] | None = None,
        settings: Settings | None = None,
        model: str | None = None,
        cache: ArrayCache | None = None,
    ) -> None:
        self.settings = settings or shipped_settings()
        self._embed = embed
        self._model = model
        self._cache = cache
        self.rows = tuple(rows if rows is not None else training_rows())
        self._weights: dict[str, Matrix] | None = None
        self._words: WordFeatures | None = None
        self._lexical: LexicalVote | None = None

    def classify(self, texts: Sequence[str], vectors: Vectors | None = None) -> list[Classified]:
        if not texts:
            return []
        if self._embed is None:
            return self._lexical_vote().classify(texts)
        import numpy as np

        x = features(vectors if vectors is not None else self._embed(list(texts)), texts, self.settings)
        weights = self._trained()
        kind = self._with_words(_for_task(x, "kind"), texts) @ weights["kind"]
        category = (self._with_words(_for_task(x, "category"), texts) @ weights["category"]).argmax(axis=1)
        sentiment = (self._with_words(_for_task(x, "sentiment"), texts) @ weights["sentiment"]).argmax(axis=1)
        margin = np.abs(kind[:, 0] - kind[:, 1])
        return [
            Classified(
                kind=KINDS[int(kind[i].argmax())],
                category=CATEGORY_IDS[int(category[i])],
                sentiment=SENTIMENTS[int(sentiment[i])],
                confidence=round(float(min(1.0, 0.5 + margin[i] / 4)), 3),
            )
            for i in range(len(texts))
        ]

    def _trained(self) -> dict[str, Matrix]:
        if self._weights is None:
            if self._model is None:
                arrays = self._fit()
            else:
                made_from = [self._model, repr(self.settings)]
                made_from += [f"{r.text}\t{r.kind}\t{r.category}\t{r.sentiment}" for r in self.rows]
                arrays = fitted_once("claim-model", made_from, self._fit, self._cache)
            self._words = WordFeatures(tuple(str(t) for t in arrays["terms"]), tuple(float(v) for v in arrays["idf"]))
            self._weights = {task: arrays[task] for task in TASKS}
        return self._weights

    def _fit(self) -> dict[str, Any]:
        import numpy as np

        assert self._embed is not None
        texts = [r.text for r in self.rows]
        x = features(self._embed(texts), texts, self.settings)
        self._words = WordFeatures.fit(texts)
        arrays: dict[str, Any] = {"terms": np.array(self._words.terms), "idf": np.array(self._words.idf)}
        for task, classes in zip(TASKS, (KINDS, CATEGORY_IDS, SENTIMENTS), strict=True):
            keep = [i for i, r in enumerate(self.rows) if getattr(r, task) is not None]
            labels = [str(getattr(self.rows[i], task)) for i in keep]
            task_x = self._with_words(_for_task(x, task), texts)
            arrays[task] = fit_ridge(task_x[keep], labels, classes, self.settings.penalty(task))
        return arrays

    def _with_words(self, x: Matrix, texts: Sequence[str]) -> Matrix:
        """Each task also reads the words, negation-marked: "tiny", "on paper", "not ... once"
        for sentiment, "I think" for an opinion, "salary" for the essentials (cross-validated
        on 5,645 sentences: claim or opinion 0.853 -> 0.881, category 0.688 -> 0.771)."""
        import numpy as np

        assert self._words is not None
        words = self.settings.word_weight * self._words.matrix(texts)
        return np.hstack([x[:, :-1], words, x[:, -1:]])

    def _lexical_vote(self) -> LexicalVote:
        if self._lexical is None:
            self._lexical = LexicalVote(self.rows)
        return self._lexical


class LexicalVote:
    """The fallback without the model: the labels of the most alike training sentences (TF-IDF)."""

    def __init__(self, rows: Sequence[Labelled]) -> None:
        from askback.nlp.similarity import TfidfIndex

        self.rows = tuple(rows)
        self.index = TfidfIndex([r.text for r in self.rows])

    def classify(self, texts: Sequence[str]) -> list[Classified]:
        return [self._one(t) for t in texts]

    def _one(self, text: str) -> Classified:
        scores = self.index.query(text)
        near = sorted(range(len(self.rows)), key=lambda i: -scores[i])[:K_LEXICAL]
        kind = _vote([(self.rows[i].kind, scores[i]) for i in near], KINDS[0])
        first_person, evaluative, number, month, *_ = cues(text)
        if first_person and evaluative and not number:
            kind = "opinion"
        elif (number or month) and not evaluative:
            kind = "claim"
        return Classified(
            kind=kind,
            category=_vote([(self.rows[i].category, scores[i]) for i in near], "culture"),
            sentiment=_vote([(self.rows[i].sentiment, scores[i]) for i in near], "neutral"),
            confidence=0.5,
        )


def _vote(pairs: Sequence[tuple[str | None, float]], default: str) -> str:
    votes: dict[str, float] = {}
    for label, score in pairs:
        if label is not None and score > 0:
            votes[label] = votes.get(label, 0.0) + score
    return max(votes, key=lambda k: votes[k]) if votes else default
