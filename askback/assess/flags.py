"""Red and green flags in what interviewers and employees said.

Two kinds of evidence, as in research topics. Phrases ("like a family", "unlimited PTO") are
matched as whole words, case-insensitively: precise and explainable. Paraphrases ("the
founder calls us his second family") are caught by meaning: a sentence's embedding must be
close to one of a flag's example sentences, clearly closer to that flag than to any other,
and clearly closer to it than to a large set of ordinary sentences that raise no flag (the
"none" prototypes). That last test is what keeps precision up: similarity in MiniLM space is
mostly about the subject, so a plain statement about on-call pay lands near both on-call
flags unless something says "this is just a statement about on-call". Finally a small
linear model (red, green or no flag), trained on the same examples, must agree with the
flag's kind: nearest neighbours know the subject, the model knows the direction.
A sentence in which a phrase matched is not matched by meaning as well.

Thresholds were chosen by cross-validation on askback/assess/data (bench/eval_assess.py
--tune), never on the held-out sentences in tests/data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.datafile import load_data
from askback.nlp.linear import fit_ridge
from askback.nlp.phrases import PhraseIndex

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]

DATA = Path(__file__).parent / "data"
FLAGS = DATA / "flags.yaml"
FLAG_TRAINING = DATA / "flag_training.jsonl"
KINDS = ("red", "green")
DIRECTIONS = ("red", "green", "none")
_OPPOSITE = {"red": "green", "green": "red"}


@dataclass(frozen=True)
class Thresholds:
    similarity: float = 0.50  # to the closest example of the flag
    over_other_flags: float = 0.0  # ahead of the closest example of any other flag
    over_none: float = 0.05  # ahead of the closest sentence that raises no flag
    polarity_penalty: float = 1.0  # ridge penalty of the red / green / none model
    phrase_against_direction: bool = True  # keep a phrase match the model reads the other way


@dataclass(frozen=True)
class FlagSpec:
    id: str
    kind: str  # red or green
    category: str
    label: str
    why: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class FlagMatch:
    """A flag found in one sentence: by a phrase (``how="phrase"``) or by meaning."""

    flag: FlagSpec
    how: str  # phrase or meaning
    matched: str  # the phrase, or the example sentence it is closest to
    score: float


@lru_cache(maxsize=2)
def load_flags(path: Path = FLAGS) -> tuple[FlagSpec, ...]:
    """The flag list, checked by its schema (:mod:`askback.assess.schema`) as it loads."""
    from askback.assess.schema import FlagsFile

    return tuple(
        FlagSpec(
            id=f.id,
            kind=f.kind,
            category=f.category,
            label=f.label,
            why=f.why,
            patterns=tuple(p.lower() for p in f.patterns),
            examples=tuple(f.examples),
        )
        for f in load_data(path, FlagsFile).flags
    )


def flag_by_id() -> dict[str, FlagSpec]:
    return {f.id: f for f in load_flags()}


@lru_cache(maxsize=2)
def training_sentences(path: Path = FLAG_TRAINING) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Labelled employee sentences: (text, flag ids); most raise no flag and serve as "none"."""
    from askback.assess.schema import FlagSentences

    return tuple((r.text, tuple(r.flags)) for r in load_data(path, FlagSentences).root)


class PhraseMatcher:
    """The flags' phrases found as whole words (:class:`askback.nlp.phrases.PhraseIndex`), so
    "no tests" never matches "no testsuite"."""

    def __init__(self, flags: Sequence[FlagSpec]) -> None:
        self._index = PhraseIndex((phrase, flag) for flag in flags for phrase in flag.patterns)

    def matches(self, text: str) -> dict[str, FlagMatch]:
        found: dict[str, FlagMatch] = {}
        for hit in self._index.find(text):
            found.setdefault(hit.value.id, FlagMatch(hit.value, "phrase", hit.phrase, 1.0))
        return found


Embed = Callable[[Sequence[str]], "Matrix"]


class FlagDetector:
    """Flags per sentence. Without an embedder (no model installed) only phrases are matched."""

    def __init__(
        self,
        embed: Embed | None,
        thresholds: Thresholds = Thresholds(),
        flags: Sequence[FlagSpec] | None = None,
        training: Sequence[tuple[str, tuple[str, ...]]] | None = None,
        none_sentences: Sequence[str] | None = None,
    ) -> None:
        self.flags = tuple(flags if flags is not None else load_flags())
        self.thresholds = thresholds
        self.phrases = PhraseMatcher(self.flags)
        self._embed = embed
        rows = training if training is not None else training_sentences()
        by_id = {f.id: f for f in self.flags}
        self._examples = [(f, e) for f in self.flags for e in f.examples]
        self._examples += [(by_id[ids[0]], text) for text, ids in rows if ids and ids[0] in by_id]
        self._none = [text for text, ids in rows if not ids] + list(
            none_sentences if none_sentences is not None else _company_sentences()
        )
        self._vectors: tuple[Matrix, Matrix] | None = None
        self._polarity: npt.NDArray[np.float64] | None = None

    def detect(self, texts: Sequence[str], vectors: Matrix | None = None) -> list[list[FlagMatch]]:
        """The flags each text raises, phrases first; ``vectors`` are the texts' embeddings if known."""
        found = [dict(self.phrases.matches(t)) for t in texts]
        if self._embed is not None and texts:
            vectors = vectors if vectors is not None else self._embed(list(texts))
            direction = self._direction(vectors)
            if not self.thresholds.phrase_against_direction:
                found = [
                    {k: m for k, m in h.items() if d != _OPPOSITE[m.flag.kind]}
                    for h, d in zip(found, direction, strict=True)
                ]
            for hits, match in zip(found, self._by_meaning(vectors, direction), strict=True):
                if match is not None and not hits:
                    hits[match.flag.id] = match
        return [sorted(h.values(), key=lambda m: -m.score) for h in found]

    def _by_meaning(self, vectors: Matrix, direction: Sequence[str]) -> list[FlagMatch | None]:
        import numpy as np

        examples, none = self._prototypes()
        sims = vectors @ examples.T
        none_best = (vectors @ none.T).max(axis=1) if len(none) else np.full(len(vectors), -1.0)
        owners = np.array([self.flags.index(f) for f, _ in self._examples])
        results: list[FlagMatch | None] = []
        for row, floor, kind in zip(sims, none_best, direction, strict=True):
            per_flag = np.full(len(self.flags), -1.0)
            np.maximum.at(per_flag, owners, row)
            order = np.argsort(-per_flag)
            best, second = float(per_flag[order[0]]), float(per_flag[order[1]]) if len(order) > 1 else -1.0
            th = self.thresholds
            flag = self.flags[int(order[0])]
            if (
                best >= th.similarity
                and best - second >= th.over_other_flags
                and best - floor >= th.over_none
                and kind == flag.kind
            ):
                closest = max((i for i, o in enumerate(owners) if o == order[0]), key=lambda i: row[i])
                results.append(FlagMatch(flag, "meaning", self._examples[closest][1], round(best, 3)))
            else:
                results.append(None)
        return results

    def _prototypes(self) -> tuple[Matrix, Matrix]:
        if self._vectors is None:
            assert self._embed is not None
            both = self._embed([e for _, e in self._examples] + self._none)
            self._vectors = (both[: len(self._examples)], both[len(self._examples) :])
        return self._vectors

    def _direction(self, vectors: Matrix) -> list[str]:
        """red, green or none per vector, from a linear model over the same prototypes."""
        import numpy as np

        if self._polarity is None:
            examples, none = self._prototypes()
            x = np.hstack([np.vstack([examples, none]), np.ones((len(examples) + len(none), 1))])
            labels = [f.kind for f, _ in self._examples] + ["none"] * len(none)
            self._polarity = fit_ridge(x.astype(np.float64), labels, DIRECTIONS, self.thresholds.polarity_penalty)
        scores = np.hstack([vectors, np.ones((len(vectors), 1))]) @ self._polarity
        return [DIRECTIONS[int(i)] for i in scores.argmax(axis=1)]


def _company_sentences() -> list[str]:
    """Sentences from company material (research's labelled set): plain statements, mostly no flag."""
    from askback.research.schema import LabelledSentences
    from askback.research.topics import TRAINING

    return [r.text for r in load_data(TRAINING, LabelledSentences).root]
