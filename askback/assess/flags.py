"""Red and green flags in what interviewers and employees said.

Two kinds of evidence. Phrases ("like a family", "unlimited PTO") are matched as whole words,
case-insensitively: precise and explainable, unless the sentence turns them ("not a family").
Paraphrases ("the founder calls us his second family") are caught by a trained reader: a
linear model that learns which flag a sentence raises, or none, from about 7,000 labelled
sentences written the way people write notes and reviews, many of them turning (negation,
contrast, a comparison with a promise, reported speech, sarcasm), each with the flag it really
raises. Its features are the sentence's embedding (what it is about), its last clause's
embedding (where "X but Y" lands), the stance cues of :mod:`askback.nlp.stance`, and its
negation-marked words (:mod:`askback.nlp.word_features`), which see what the embedding barely
does: "tiny", "on paper", "not ... once". Nearest example sentences, the earlier method, mostly
measure closeness of subject; on the same folds they found half as many flags at lower
precision. A red / green colour model over the same features must not read the sentence the
other way. A sentence in which a phrase matched is not matched by meaning.

Thresholds were chosen by cross-validation on askback/assess/data (``python -m askback.evaluate
flags --tune``), never on the held-out sentences in tests/data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askback.assess.fitted import ArrayCache, fitted_once
from askback.core.datafile import load_data, read_raw
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.linear import fit_ridge, with_bias
from askback.nlp.phrases import PhraseIndex
from askback.nlp.stance import Reading, clauses, read
from askback.nlp.word_features import WordFeatures, is_single_word, readable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]

DATA = Path(__file__).parent / "data"
FLAGS = DATA / "flags.yaml"
FLAG_TRAINING = DATA / "flag_training.jsonl"
THRESHOLDS = DATA / "flags.thresholds.yaml"
CLAIMS_TRAINING = DATA / "training_claims.jsonl"  # the same sentences' good or bad news
KINDS = ("red", "green")
_COLOUR_OF_MOOD = {"negative": "red", "positive": "green"}
_MOOD_AGAINST = {"negative": "green", "positive": "red"}  # the colour a sentence's sentiment rules out


@dataclass(frozen=True, kw_only=True)
class Thresholds:
    """How sure the reader must be, and how much each kind of evidence counts. The shipped
    values live in data/flags.thresholds.yaml with the date, set and reason of their last tuning
    (five-fold cross-validation on flag_training.jsonl, ``python -m askback.evaluate flags --tune``)."""

    flag_penalty: float  # ridge penalty of the flag model (45 flags and "no flag")
    margin: float  # the flag's score ahead of "no flag" for a match by meaning
    polarity_penalty: float  # ridge penalty of the red / green colour model
    phrase_colour_veto: float  # drop a phrase match when the colour model leans the other way by more than this
    phrase_margin: float  # drop a phrase match whose flag is not the flag model's best and is this far behind "no flag"
    stance_weight: float  # the stance cues beside the embedding
    last_clause_weight: float  # the embedding of the sentence's last clause
    word_weight: float  # the words, negation-marked (:mod:`askback.nlp.word_features`)
    colour_veto: float  # drop a flag when the colour model leans the other way by more than this
    against_lean: float  # drop a flag when the sentence's stance cues lean at least this far the other way
    red_negation_window: int  # a red phrase is cancelled by a negator this close before it ("not a family")
    use_mood: bool  # drop a flag whose colour the sentence's classified sentiment rules out

    @classmethod
    def from_file(cls, file: ThresholdFile) -> Thresholds:
        """The values of a thresholds file; whole numbers and yes/no settings are stored as numbers."""
        values = {name: file.value(name) for name in cls.__dataclass_fields__}
        return cls(
            **{k: v for k, v in values.items() if k not in ("red_negation_window", "use_mood")},
            red_negation_window=int(values["red_negation_window"]),
            use_mood=bool(values["use_mood"]),
        )


@lru_cache(maxsize=1)
def shipped_thresholds() -> Thresholds:
    return Thresholds.from_file(load_thresholds(THRESHOLDS))


@dataclass(frozen=True)
class FlagSpec:
    id: str
    kind: str  # red or green
    category: str
    label: str
    why: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The flag as a person can check it: what it is called, its colour and why it matters."""
        return {
            "id": self.id,
            "colour": self.kind,
            "name": self.label,
            "category": self.category,
            "why": self.why,
            "phrases": list(self.patterns),
        }


@dataclass(frozen=True)
class FlagMatch:
    """A flag found in one sentence: by a phrase (``how="phrase"``) or by meaning."""

    flag: FlagSpec
    how: str  # phrase or meaning
    matched: str  # the phrase, or the words that most raised a flag found by meaning
    score: float

    @property
    def raised_by(self) -> str:
        """What raised the flag, in words a person can check against the sentence."""
        if self.how == "phrase":
            return f'the words "{self.matched}"'
        if self.how == "meaning":
            return f'its meaning and the words "{self.matched}"' if self.matched else "its meaning"
        return "the account's reading when it was added"


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


def flag_refs(ids: Sequence[str]) -> list[dict[str, str]]:
    """Flags named by id (as stored with a sentence) as objects with their colour and name."""
    known = flag_by_id()
    return [{"id": i, "colour": known[i].kind, "name": known[i].label} for i in ids if i in known]


def catalogue() -> list[dict[str, Any]]:
    """Every flag askback looks for, red first, as data (``askback taxonomy flags``)."""
    return [f.as_dict() for f in sorted(load_flags(), key=lambda f: (f.kind != "red", f.id))]


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

    def matches(self, text: str, reading: Reading | None = None, red_window: int = 2) -> dict[str, FlagMatch]:
        """Flags whose phrases occur in ``text``; with a stance ``reading``, not where negated:
        any negation cancels a green phrase ("not a single mentor"), only a close one a red
        phrase ("not a family", but "nobody takes the unlimited PTO" stays red); nor in a clause
        the sentence turns away from ("the budget exists, but good luck using it")."""
        found: dict[str, FlagMatch] = {}
        for hit in self._index.find(text):
            flag = hit.value
            if reading is not None and (
                reading.negated(hit.start, None if flag.kind == "green" else red_window)
                or reading.conceded(hit.start, 1 if flag.kind == "green" else -1)
            ):
                continue
            found.setdefault(flag.id, FlagMatch(flag, "phrase", hit.phrase, 1.0))
        return found


Embed = Callable[[Sequence[str]], "Matrix"]
NO_FLAG = "no-flag"
FITTED = ("flag_penalty", "polarity_penalty", "stance_weight", "last_clause_weight", "word_weight")


@dataclass(frozen=True)
class _Fitted:
    """The trained reader: its vocabulary and the weights of its two linear models."""

    words: WordFeatures
    flag_weights: npt.NDArray[np.float64]  # features x (no flag, flag 1, ..., flag n)
    colour_weights: npt.NDArray[np.float64]  # features x (red, green)

    def arrays(self) -> dict[str, Any]:
        import numpy as np

        return {
            "terms": np.array(self.words.terms),
            "idf": np.array(self.words.idf),
            "flag_weights": self.flag_weights,
            "colour_weights": self.colour_weights,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, Any]) -> _Fitted:
        words = WordFeatures(tuple(str(t) for t in arrays["terms"]), tuple(float(v) for v in arrays["idf"]))
        return cls(words, arrays["flag_weights"], arrays["colour_weights"])


class FlagDetector:
    """Flags per sentence. Without an embedder (no model installed) only phrases are matched.

    A match by meaning comes from a linear model over the sentence's embedding, its last
    clause's embedding, its stance cues and its negation-marked words, that learns which flag a
    sentence raises, or none, from labelled sentences written the way people write notes and
    reviews (flag_training.jsonl, the flags' own examples). Turning sentences are among them,
    with the flag they really raise, so the model learns that "the allowance is tiny" is not
    good on-call, whatever its subject. A colour model over the same features (red or green,
    learnt from every sentence whose colour is known) then vetoes a flag, found by meaning or by
    phrase, that the sentence reads the other way."""

    def __init__(
        self,
        embed: Embed | None,
        thresholds: Thresholds | None = None,
        flags: Sequence[FlagSpec] | None = None,
        training: Sequence[tuple[str, tuple[str, ...]]] | None = None,
        model: str | None = None,
        cache: ArrayCache | None = None,
    ) -> None:
        self.flags = tuple(flags if flags is not None else load_flags())
        self.thresholds = thresholds or shipped_thresholds()
        self.phrases = PhraseMatcher(self.flags)
        self._index = {f.id: i for i, f in enumerate(self.flags)}
        self._embed = embed
        rows = training if training is not None else training_sentences()
        known = {f.id for f in self.flags}
        self._labelled = [(e, f.id) for f in self.flags for e in f.examples]
        self._labelled += [(text, ids[0] if ids and ids[0] in known else NO_FLAG) for text, ids in rows]
        self._fitted: _Fitted | None = None
        self._model = model
        self._cache = cache

    def detect(
        self, texts: Sequence[str], vectors: Matrix | None = None, moods: Sequence[str] | None = None
    ) -> list[list[FlagMatch]]:
        """The flags each text raises, phrases first; ``vectors`` are the texts' embeddings if
        known, and ``moods`` their sentiment (negative, neutral, positive) if classified: with
        ``use_mood``, no green flag on a sentence read as negative and no red on a positive one."""
        readings = [read(t) for t in texts]
        red_window = self.thresholds.red_negation_window
        found = [dict(self.phrases.matches(t, r, red_window)) for t, r in zip(texts, readings, strict=True)]
        if self._embed is not None and texts:
            found = self._with_meaning(texts, vectors, found)
        found = [{k: m for k, m in h.items() if self._agrees(m.flag, r)} for h, r in zip(found, readings, strict=True)]
        if moods is not None and self.thresholds.use_mood:
            found = [
                {k: m for k, m in h.items() if _MOOD_AGAINST.get(mood) != m.flag.kind}
                for h, mood in zip(found, moods, strict=True)
            ]
        return [sorted(h.values(), key=lambda m: -m.score) for h in found]

    def deciding(self, thresholds: Thresholds) -> FlagDetector:
        """This detector, trained as it is, deciding with other margins and vetoes (tuning tries
        many without refitting); ``thresholds`` must not change what is fitted."""
        if any(getattr(thresholds, k) != getattr(self.thresholds, k) for k in FITTED):
            raise ValueError("these thresholds need a detector trained anew")
        other = copy.copy(self)
        other.thresholds = thresholds
        other._fitted = self._trained() if self._embed is not None else None
        return other

    def _with_meaning(
        self, texts: Sequence[str], vectors: Matrix | None, found: list[dict[str, FlagMatch]]
    ) -> list[dict[str, FlagMatch]]:
        """Phrase matches the colour model does not veto, else the flag model's match."""
        fitted = self._trained()
        vectors = vectors if vectors is not None else self._embed_all(texts)
        x = self._features(vectors, texts, fitted.words)
        scores = x @ fitted.flag_weights
        colours = [float(green - red) for red, green in x @ fitted.colour_weights]
        kept = [
            {k: m for k, m in hits.items() if self._phrase_holds(m.flag, row, c)}
            for hits, row, c in zip(found, scores, colours, strict=True)
        ]
        for i, (hits, row, colour) in enumerate(zip(kept, scores, colours, strict=True)):
            best = 1 + int(row[1:].argmax())
            flag = self.flags[best - 1]
            ahead = float(row[best] - row[0])
            if not hits and ahead > self.thresholds.margin and self._colour_agrees(flag, colour):
                words = self._raising_words(x[i], fitted, best)
                hits[flag.id] = FlagMatch(flag, "meaning", words, round(ahead, 3))
        return kept

    def _phrase_holds(self, flag: FlagSpec, row: npt.NDArray[np.float64], colour: float) -> bool:
        """A phrase names a flag's subject, not always the flag: "one-to-one coaching" in a
        sentence about the learning budget is not about meeting the manager. The phrase's flag
        stands unless the colour model reads the sentence the other way, or the flag model reads
        the sentence as another flag's and puts this one far behind "no flag" (the reader's own
        flag may then be found instead). Where the reader's best flag is the phrase's, the
        phrase settles it: "on-call is paid extra, 300 euros a week"."""
        column = 1 + self._index[flag.id]
        ahead = float(row[column] - row[0])
        own = int(row[1:].argmax()) + 1 == column
        return (own or ahead > self.thresholds.phrase_margin) and self._colour_agrees(
            flag, colour, self.thresholds.phrase_colour_veto
        )

    def _agrees(self, flag: FlagSpec, reading: Reading) -> bool:
        """A flag's colour must not contradict the sentence: no green flag on bad news."""
        sign = 1.0 if flag.kind == "green" else -1.0
        return sign * reading.lean > -self.thresholds.against_lean

    def _colour_agrees(self, flag: FlagSpec, colour: float, veto: float | None = None) -> bool:
        """Whether the colour model (``colour`` > 0 reads green, < 0 red) does not lean against
        the flag by more than ``veto`` (``colour_veto`` unless given): "the on-call allowance
        is tiny" names a green flag's phrase and reads red."""
        sign = 1.0 if flag.kind == "green" else -1.0
        return sign * colour >= -(self.thresholds.colour_veto if veto is None else veto)

    def _raising_words(self, row: npt.NDArray[np.float64], fitted: _Fitted, best: int) -> str:
        """The sentence's words that most raised the flag over "no flag", for a person to check:
        single words that carry meaning, as they stand in the sentence ("not ... once")."""
        start = row.shape[0] - 1 - len(fitted.words.terms)
        pull = row[start:-1] * (fitted.flag_weights[start:-1, best] - fitted.flag_weights[start:-1, 0])
        shown: list[str] = []
        for i in pull.argsort()[::-1]:
            term = fitted.words.terms[int(i)]
            if pull[i] <= 0 or len(shown) == 3:
                break
            if is_single_word(term) and (word := readable(term)) not in shown:
                shown.append(word)
        return ", ".join(shown)

    def _trained(self) -> _Fitted:
        """The fitted models; with the name of the embedding ``model``, fitted once per process
        (and, with a ``cache``, once per machine) for the same sentences and settings."""
        if self._fitted is None:
            if self._model is None:
                self._fitted = self._fit()
            else:
                made_from = [self._model, *(f"{k}={getattr(self.thresholds, k)}" for k in FITTED)]
                made_from += [f"{text}\t{label}\t{claims_moods().get(text, '')}" for text, label in self._labelled]
                arrays = fitted_once("flag-model", made_from, lambda: self._fit().arrays(), self._cache)
                self._fitted = _Fitted.from_arrays(arrays)
        return self._fitted

    def _fit(self) -> _Fitted:
        texts = [t for t, _ in self._labelled]
        words = WordFeatures.fit(texts)
        x = self._features(self._embed_all(texts), texts, words)
        classes = (NO_FLAG, *(f.id for f in self.flags))
        flag_weights = fit_ridge(x, [label for _, label in self._labelled], classes, self.thresholds.flag_penalty)
        colour_rows, colour_labels = self._coloured(texts)
        colour_weights = fit_ridge(x[colour_rows], colour_labels, KINDS, self.thresholds.polarity_penalty)
        return _Fitted(words, flag_weights, colour_weights)

    def _coloured(self, texts: Sequence[str]) -> tuple[list[int], list[str]]:
        """The training sentences whose colour is known: the flag's, else their good or bad news."""
        kinds = {f.id: f.kind for f in self.flags}
        moods = claims_moods()
        rows: list[int] = []
        labels: list[str] = []
        for i, (text, (_, label)) in enumerate(zip(texts, self._labelled, strict=True)):
            colour = kinds.get(label) or moods.get(text)
            if colour is not None:
                rows.append(i)
                labels.append(colour)
        return rows, labels

    def _embed_all(self, texts: Sequence[str]) -> Matrix:
        assert self._embed is not None
        return self._embed(list(texts))

    def _features(self, vectors: Matrix, texts: Sequence[str], words: WordFeatures) -> npt.NDArray[np.float64]:
        """The sentence's embedding, its last clause's, its stance cues and its words."""
        import numpy as np

        th = self.thresholds
        cues = np.array([read(t).cues for t in texts], dtype=np.float64).reshape(len(texts), -1)
        parts = [
            vectors.astype(np.float64),
            th.last_clause_weight * self._last_clauses(vectors, texts),
            th.stance_weight * cues,
            th.word_weight * words.matrix(texts),
        ]
        return with_bias(np.hstack(parts))

    def _last_clauses(self, vectors: Matrix, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """The embedding of each sentence's last clause (the sentence's own where it has one)."""
        import numpy as np

        out = vectors.astype(np.float64).copy()
        lasts = {i: c[-1] for i, t in enumerate(texts) if len(c := clauses(t)) > 1}
        if lasts:
            out[list(lasts)] = self._embed_all(list(lasts.values()))
        return out


@lru_cache(maxsize=1)
def claims_moods() -> dict[str, str]:
    """The colour of the labelled sentences that are good or bad news (training_claims.jsonl)."""

    rows = read_raw(CLAIMS_TRAINING)
    return {r["text"]: _COLOUR_OF_MOOD[r["sentiment"]] for r in rows if r.get("sentiment") in _COLOUR_OF_MOOD}
