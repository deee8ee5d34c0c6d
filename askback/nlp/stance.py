"""Which way a sentence leans, read clause by clause: the lexical half of stance.

Sentence embeddings mostly encode the subject: "mentoring is real" and "mentoring answer was
thinner than the careers site made me expect" sit close together. What turns a sentence
around is a handful of small words, read here with rules that are old and well understood:

- **negation scope**: a negator ("not", "no", "never", "nobody", "without", "-n't") flips the
  words after it up to the next comma, clause-joining word ("and", "so", "which", ...) or end
  of its clause ("without any pushback" is good news, "not a family, and that is fine" too);
- **contrast**: in "X but Y" the speaker lands on Y, so the last clause counts most, and a
  concession ("on paper", "in theory", "supposedly") empties the good news of its own clause;
- **comparison with a promise**: "thinner than the careers site made me expect" leans the way
  of its comparative, whatever the subject;
- **reported speech**: "they claim" casts doubt, "she admitted" concedes bad news.

The words that lean good or bad, and the small words that turn a sentence, come from
:file:`data/polarity.yaml`. The result is a small
vector of cues (:data:`CUES`) that a trained model weighs beside the embedding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from askback.core.datafile import load_data
from askback.nlp.text import words

POLARITY = Path(__file__).parent / "data" / "polarity.yaml"

_CLAUSE_BREAK = re.compile(r"[;:!?()]|\s[-–—]\s|\.\s|,\s(?=(?:but|though|although|yet|whereas|however)\b)")

# A negation reaches to the next comma or clause-joining word, not further: in "not a family
# here, and that is fine" the "fine" is not turned.
_SCOPE_BREAK = re.compile(r",(?!\d)")
_SCOPE_ENDS = frozenset({"and", "so", "which", "because", "while", "whereas", "then"})

CUES = (
    "lean",  # the whole sentence, last clause weighted most
    "lean of the last clause",
    "good words",
    "bad words",
    "negation",
    "contrast",
    "comparison with a promise",
    "doubt",
    "admission",
)


@dataclass(frozen=True)
class Word:
    text: str
    clause: int
    negated: bool  # inside the scope of a negator earlier in its clause
    lean: int  # +1, -1 or 0 before negation
    negator: bool = False


@dataclass(frozen=True)
class Reading:
    """A sentence read for stance: its words with clause and negation, and its cues."""

    words: tuple[Word, ...]
    clauses: int
    cues: tuple[float, ...]

    @property
    def lean(self) -> float:
        """-1 (bad news) to 1 (good news): the words' lean, the last clause counting most,
        turned by a comparison with a promise."""
        return max(-1.0, min(1.0, self.cues[0] + self.cues[6]))

    def conceded(self, start: int, sign: int) -> bool:
        """Whether the word at ``start`` sits in a clause the sentence turns away from: before
        "but" (or "though", ...) when the last clause does not lean the same way (``sign`` +1
        for good news, -1 for bad). "Learning budget exists, but good luck using it"."""
        if not 0 <= start < len(self.words) or not self.cues[5]:
            return False
        return self.words[start].clause < self.clauses - 1 and sign * self.cues[1] <= 0

    @property
    def has_negation(self) -> bool:
        return any(w.negator for w in self.words)

    def negated(self, start: int, within: int | None = None) -> bool:
        """Whether the word at ``start`` (an index into :func:`askback.nlp.text.words` of the
        sentence) is inside a negation's scope: "no one uses the learning budget". With
        ``within``, only a negator at most that many words before it counts ("not a family")."""
        if not 0 <= start < len(self.words) or not self.words[start].negated or self.words[start].negator:
            return False
        if within is None:
            return True
        return any(w.negator for w in self.words[max(0, start - within) : start])


@dataclass(frozen=True)
class Lexicon:
    """The polarity data file: words that lean, and the small words that turn a sentence."""

    exact: dict[str, int]
    prefixes: tuple[tuple[str, int], ...]
    negators: frozenset[str]
    contrast: frozenset[str]
    concession: tuple[tuple[str, ...], ...]
    promise: frozenset[str]
    doubt: frozenset[str]
    admission: frozenset[str]

    def lean(self, word: str) -> int:
        if word in self.exact:
            return self.exact[word]
        for prefix, value in self.prefixes:
            if word.startswith(prefix):
                return value
        return 0


@lru_cache(maxsize=2)
def lexicon(path: Path = POLARITY) -> Lexicon:
    from askback.nlp.schema import PolarityFile

    raw = load_data(path, PolarityFile)
    exact: dict[str, int] = {}
    prefixes: list[tuple[str, int]] = []
    for entries, value in ((raw.positive, 1), (raw.negative, -1)):
        for entry in entries:
            if entry.endswith("*"):
                prefixes.append((entry[:-1], value))
            else:
                exact[entry] = value
    return Lexicon(
        exact,
        tuple(sorted(prefixes, key=lambda p: -len(p[0]))),
        negators=frozenset(raw.negators),
        contrast=frozenset(raw.contrast),
        concession=tuple(tuple(c.split()) for c in raw.concession),
        promise=frozenset(raw.promise),
        doubt=frozenset(raw.doubt),
        admission=frozenset(raw.admission),
    )


def clauses(text: str) -> list[str]:
    """The clauses of a sentence where it may turn: at "but", "though", semicolons, dashes."""
    found: list[str] = []
    for piece in _CLAUSE_BREAK.split(text):
        current: list[str] = []
        for token in piece.split():
            if token.lower().strip(",.") in lexicon().contrast and current:
                found.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            found.append(" ".join(current))
    return [c.strip(" ,.") for c in found if words(c)] or [text]


@lru_cache(maxsize=16384)
def read(text: str) -> Reading:
    """Words with their clause, negation scope and lean, and the sentence's stance cues.
    Remembered: the flag, colour and sentiment models each read the same sentences."""
    table = lexicon()
    found: list[Word] = []
    parts = clauses(text)
    for index, clause in enumerate(parts):
        for piece in _SCOPE_BREAK.split(clause):
            negated = False
            for token in words(piece):
                plain = token.replace("'", "")
                if plain in table.negators or token.endswith("n't"):
                    found.append(Word(token, index, negated, 0, negator=True))
                    negated = True
                    continue
                if token in _SCOPE_ENDS:
                    negated = False
                found.append(Word(token, index, negated, table.lean(token)))
    return Reading(tuple(found), len(parts), _cues(text, found, parts))


def _cues(text: str, found: list[Word], parts: list[str]) -> tuple[float, ...]:
    last = len(parts) - 1
    table = lexicon()
    conceded = {i for i, c in enumerate(parts) if _has(words(c), table.concession)}
    signed = [(w.clause, _signed(w, w.clause in conceded)) for w in found if not w.negator]
    whole = sum(v * (1.0 if c == last else 0.5) for c, v in signed)
    tokens = words(text)
    return (
        _squash(whole),
        _squash(sum(v for c, v in signed if c == last)),
        float(sum(1 for _, v in signed if v > 0)),
        float(sum(1 for _, v in signed if v < 0)),
        float(any(w.negator for w in found)),
        float(len(parts) > 1 and any(t in table.contrast for t in tokens)),
        _comparison(tokens),
        float(any(t in table.doubt for t in tokens)),
        float(any(t in table.admission for t in tokens)),
    )


def _signed(word: Word, conceded: bool) -> int:
    value = -word.lean if word.negated else word.lean
    return min(value, 0) if conceded else value  # "exists on paper": its good news does not count


def _comparison(tokens: list[str]) -> float:
    """-1 for "thinner than ... expected", +1 for "better than I hoped", 0 without a promise."""
    if "than" not in tokens:
        return 0.0
    at = tokens.index("than")
    table = lexicon()
    if not table.promise & set(tokens[at + 1 :]):
        return 0.0
    before = [table.lean(t) for t in tokens[max(0, at - 3) : at]]
    lean = next((v for v in reversed(before) if v), 0)
    if lean == 0 and at > 0 and tokens[at - 1] in ("more", "less"):
        lean = 1 if tokens[at - 1] == "more" else -1
    return float(lean)


def _has(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(tokens[i : i + len(p)]) == p for p in phrases for i in range(len(tokens)))


def _squash(value: float) -> float:
    """Counts of words to a lean between -1 and 1: two clear words are already a clear lean."""
    return max(-1.0, min(1.0, value / 2))
