"""Red and green flags in what interviewers and employees said.

Two kinds of evidence, as in research topics. Phrases ("like a family", "unlimited PTO") are
matched as whole words, case-insensitively: precise and explainable. Paraphrases ("the
founder calls us his second family") are caught by meaning: a sentence's embedding must be
close to one of a flag's example sentences, clearly closer to that flag than to any other,
and clearly closer to it than to a large set of ordinary sentences that raise no flag (the
"none" prototypes). That last test is what keeps precision up: similarity in MiniLM space is
mostly about the subject, so a plain statement about on-call pay lands near both on-call
flags unless something says "this is just a statement about on-call". So a flag is a topic
match times a colour agreement: nearest neighbours know the subject, and a small linear
colour model (red or green) must not read the sentence the other way. It learns from every
sentence whose colour is known (the flags' examples, the labelled sentences that raise a
flag, the good or bad news in training_claims.jsonl), over the sentence's embedding, the
embedding of its last clause (where "X but Y" lands) and the stance cues of
:mod:`askback.nlp.stance`. A sentence in which a phrase matched is not matched by meaning.

Thresholds were chosen by cross-validation on askback/assess/data (bench/eval_assess.py
--tune), never on the held-out sentences in tests/data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askback.core.datafile import load_data, read_raw
from askback.core.thresholds import ThresholdFile, load_thresholds
from askback.nlp.linear import fit_ridge, with_bias
from askback.nlp.phrases import PhraseIndex
from askback.nlp.stance import Reading, clauses, read
from askback.nlp.text import content_tokens

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
    """How close a sentence must be to a flag, and which stance rules apply. The shipped values
    live in data/flags.thresholds.yaml with the date, set and reason of their last tuning
    (five-fold cross-validation on flag_training.jsonl, ``python bench/eval_assess.py --tune``)."""

    similarity: float  # to the closest example of the flag
    over_other_flags: float  # ahead of the closest example of any other flag
    over_none: float  # ahead of the closest sentence that raises no flag
    polarity_penalty: float  # ridge penalty of the red / green colour model
    phrase_colour_veto: float  # drop a phrase match when the colour model leans the other way by more than this
    stance_weight: float  # the stance cues in the colour model
    last_clause_weight: float  # the embedding of the sentence's last clause in the colour model
    colour_veto: float  # drop a flag when the colour model leans the other way by more than this
    colour_bonus: float  # a clear colour in the flag's direction lowers the margin over "no flag" by this much per unit
    against_lean: float  # drop a flag when the sentence leans at least this far the other way
    red_negation_window: int  # a red phrase is cancelled by a negator this close before it ("not a family")
    anchored: bool  # a match by meaning must share a word with the flag's phrases or examples
    same_negation: bool  # ... and be negated when its closest example is (cross-validation: no)
    use_mood: bool  # drop a flag whose colour the sentence's classified sentiment rules out

    @classmethod
    def from_file(cls, file: ThresholdFile) -> Thresholds:
        """The values of a thresholds file; yes/no settings are stored as 1 and 0."""
        return cls(
            similarity=file.value("similarity"),
            over_other_flags=file.value("over_other_flags"),
            over_none=file.value("over_none"),
            polarity_penalty=file.value("polarity_penalty"),
            phrase_colour_veto=file.value("phrase_colour_veto"),
            stance_weight=file.value("stance_weight"),
            last_clause_weight=file.value("last_clause_weight"),
            colour_veto=file.value("colour_veto"),
            colour_bonus=file.value("colour_bonus"),
            against_lean=file.value("against_lean"),
            red_negation_window=int(file.value("red_negation_window")),
            anchored=bool(file.value("anchored")),
            same_negation=bool(file.value("same_negation")),
            use_mood=bool(file.value("use_mood")),
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
    matched: str  # the phrase, or the example sentence it is closest to
    score: float

    @property
    def raised_by(self) -> str:
        """What raised the flag, in words a person can check against the sentence."""
        if self.how == "phrase":
            return f'the words "{self.matched}"'
        if self.how == "meaning":
            return f'its meaning, close to "{self.matched}"'
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


class FlagDetector:
    """Flags per sentence. Without an embedder (no model installed) only phrases are matched."""

    def __init__(
        self,
        embed: Embed | None,
        thresholds: Thresholds | None = None,
        flags: Sequence[FlagSpec] | None = None,
        training: Sequence[tuple[str, tuple[str, ...]]] | None = None,
        none_sentences: Sequence[str] | None = None,
    ) -> None:
        self.flags = tuple(flags if flags is not None else load_flags())
        self.thresholds = thresholds or shipped_thresholds()
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
        self._anchors: dict[str, set[str]] | None = None
        self._none_negated: npt.NDArray[np.bool_] | None = None

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
            vectors = vectors if vectors is not None else self._embed(list(texts))
            colour = self._colour(vectors, texts)
            phrase_veto = self.thresholds.phrase_colour_veto
            found = [
                {k: m for k, m in h.items() if self._colour_agrees(m.flag, c, phrase_veto)}
                for h, c in zip(found, colour, strict=True)
            ]
            for hits, match in zip(found, self._by_meaning(vectors, colour, texts), strict=True):
                if match is not None and not hits:
                    hits[match.flag.id] = match
        found = [{k: m for k, m in h.items() if self._agrees(m.flag, r)} for h, r in zip(found, readings, strict=True)]
        if moods is not None and self.thresholds.use_mood:
            found = [
                {k: m for k, m in h.items() if _MOOD_AGAINST.get(mood) != m.flag.kind}
                for h, mood in zip(found, moods, strict=True)
            ]
        return [sorted(h.values(), key=lambda m: -m.score) for h in found]

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

    def _by_meaning(self, vectors: Matrix, colour: Sequence[float], texts: Sequence[str]) -> list[FlagMatch | None]:
        import numpy as np

        examples, none = self._prototypes()
        sims = vectors @ examples.T
        none_best = self._none_floor(vectors, texts, none)
        owners = np.array([self.flags.index(f) for f, _ in self._examples])
        results: list[FlagMatch | None] = []
        for row, floor, lean, text in zip(sims, none_best, colour, texts, strict=True):
            per_flag = np.full(len(self.flags), -1.0)
            np.maximum.at(per_flag, owners, row)
            order = np.argsort(-per_flag)
            best, second = float(per_flag[order[0]]), float(per_flag[order[1]]) if len(order) > 1 else -1.0
            th = self.thresholds
            flag = self.flags[int(order[0])]
            if (
                best >= th.similarity
                and best - second >= th.over_other_flags
                and best - floor
                >= th.over_none - th.colour_bonus * max(0.0, (1 if flag.kind == "green" else -1) * lean)
                and self._colour_agrees(flag, lean)
                and (not th.anchored or self._shares_a_word(text, flag))
            ):
                closest = max((i for i, o in enumerate(owners) if o == order[0]), key=lambda i: row[i])
                example = self._examples[closest][1]
                if th.same_negation and read(text).has_negation != read(example).has_negation:
                    results.append(None)  # embeddings barely see "not": "isn't involved" is near "involved"
                    continue
                results.append(FlagMatch(flag, "meaning", example, round(best, 3)))
            else:
                results.append(None)
        return results

    def _none_floor(self, vectors: Matrix, texts: Sequence[str], none: Matrix) -> npt.NDArray[np.float64]:
        """The closest sentence that raises no flag, for each text. With ``same_negation``, only
        among those negated as the text is: "it's not a family" raises no flag, yet must not
        stop "we're basically one family" from raising one."""
        import numpy as np

        if not len(none):
            return np.full(len(vectors), -1.0)
        sims = np.asarray(vectors @ none.T, dtype=np.float64)
        if self.thresholds.same_negation:
            if self._none_negated is None:
                self._none_negated = np.array([read(t).has_negation for t in self._none])
            negated = np.array([read(t).has_negation for t in texts])
            sims = np.where(negated[:, None] == self._none_negated[None, :], sims, -1.0)
        floor: npt.NDArray[np.float64] = sims.max(axis=1)
        return floor

    def _shares_a_word(self, text: str, flag: FlagSpec) -> bool:
        """Whether the sentence shares a meaningful word with the flag's phrases or examples:
        nearness of meaning alone is mostly nearness of subject ("a bit stretched" is near
        "the last hire left")."""
        if self._anchors is None:
            self._anchors = {}
            for owner, example in self._examples:
                self._anchors.setdefault(owner.id, set()).update(content_tokens(example))
            for spec in self.flags:
                for phrase in spec.patterns:
                    self._anchors.setdefault(spec.id, set()).update(content_tokens(phrase))
        return bool(self._anchors.get(flag.id, set()) & set(content_tokens(text)))

    def _prototypes(self) -> tuple[Matrix, Matrix]:
        if self._vectors is None:
            assert self._embed is not None
            both = self._embed([e for _, e in self._examples] + self._none)
            self._vectors = (both[: len(self._examples)], both[len(self._examples) :])
        return self._vectors

    def _colour(self, vectors: Matrix, texts: Sequence[str]) -> list[float]:
        """Green minus red score of the colour model per sentence: a linear model over the
        sentence's embedding, its last clause's and its stance cues, so that "mentoring is real"
        and "mentoring is thinner than promised" can part ways while sharing a subject."""
        if self._polarity is None:
            examples, _ = self._prototypes()
            known = [(e, f.kind, examples[i]) for i, (f, e) in enumerate(self._examples)]
            moods = claims_moods()
            coloured = [t for t in self._none if t in moods]
            texts_known = [t for t, _, _ in known] + coloured
            vectors_known = examples if not coloured else _vstack(examples, self._embed_all(coloured))
            labels = [k for _, k, _ in known] + [moods[t] for t in coloured]
            x = self._colour_features(vectors_known, texts_known)
            self._polarity = fit_ridge(x, labels, KINDS, self.thresholds.polarity_penalty)
        scores = self._colour_features(vectors, texts) @ self._polarity
        return [float(green - red) for red, green in scores]

    def _embed_all(self, texts: Sequence[str]) -> Matrix:
        assert self._embed is not None
        return self._embed(list(texts))

    def _colour_features(self, vectors: Matrix, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        import numpy as np

        parts = [vectors.astype(np.float64)]
        if self.thresholds.last_clause_weight:
            parts.append(self.thresholds.last_clause_weight * self._last_clauses(vectors, texts))
        cues = np.array([read(t).cues for t in texts], dtype=np.float64).reshape(len(texts), -1)
        parts.append(self.thresholds.stance_weight * cues)
        return with_bias(np.hstack(parts))

    def _last_clauses(self, vectors: Matrix, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """The embedding of each sentence's last clause (the sentence's own where it has one)."""
        import numpy as np

        out = vectors.astype(np.float64).copy()
        lasts = {i: c[-1] for i, t in enumerate(texts) if len(c := clauses(t)) > 1}
        if lasts:
            out[list(lasts)] = self._embed_all(list(lasts.values()))
        return out


def _vstack(a: Matrix, b: Matrix) -> Matrix:
    import numpy as np

    return np.vstack([a, b])


@lru_cache(maxsize=1)
def claims_moods() -> dict[str, str]:
    """The colour of the labelled sentences that are good or bad news (training_claims.jsonl)."""

    rows = read_raw(CLAIMS_TRAINING)
    return {r["text"]: _COLOUR_OF_MOOD[r["sentiment"]] for r in rows if r.get("sentiment") in _COLOUR_OF_MOOD}


def _company_sentences() -> list[str]:
    """Sentences from company material (research's labelled set): plain statements, mostly no flag."""
    from askback.research.schema import LabelledSentences
    from askback.research.topics import TRAINING

    return [r.text for r in load_data(TRAINING, LabelledSentences).root]
