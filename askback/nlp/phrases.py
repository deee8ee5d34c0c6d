"""Phrases found in text as whole-word n-grams.

Research topics ("parental leave", "401(k)") and red and green flags ("like a family",
"no tests") are both lists of short phrases looked for in many sentences. A phrase is split
into words by :func:`phrase_words` and stored as a tuple; a text is split the same
way and every run of up to ``max_words`` words is one dictionary lookup. So "no tests" never
matches "no testsuite", case and punctuation do not matter, and the cost per sentence does
not grow with the number of phrases (one regular expression of 1,500 phrases took a
millisecond a sentence). A phrase of several short words is also stored joined ("401 k" as
"401k", "e mail" as "email"), since people write both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from askback.nlp.text import words

T = TypeVar("T")
MAX_PHRASE_WORDS = 8
MAX_JOINED_CHARS = 8  # "401 k" is also "401k"; "on call" stays two words


@dataclass(frozen=True)
class Hit(Generic[T]):
    """One occurrence of a phrase: what it was registered with, and where it starts."""

    phrase: str
    value: T
    start: int  # index of its first word in the text's words
    size: int  # how many words it spans


def phrase_words(text: str) -> list[str]:
    """:func:`askback.nlp.text.words` with the possessive "'s" dropped, so "the office"
    matches "the building's office" and "Slack" matches "Slack's"."""
    return [w.removesuffix("'s") for w in words(text)]


def _joinable(key: tuple[str, ...], joined: str) -> bool:
    """ "401 k" is also written "401k" and "e mail" "email"; "1 1" (from "1:1") is not "11"."""
    return len(key) > 1 and len(joined) <= MAX_JOINED_CHARS and not joined.isdigit()


class PhraseIndex(Generic[T]):
    """Phrases, each registered with a value (a flag, a topic), found in texts word by word."""

    def __init__(self, entries: Iterable[tuple[str, T]], max_words: int = MAX_PHRASE_WORDS) -> None:
        self._index: dict[tuple[str, ...], list[tuple[str, T]]] = {}
        for phrase, value in entries:
            key = tuple(phrase_words(phrase))
            if not key:
                continue
            joined = "".join(key)
            variants = [key, (joined,)] if _joinable(key, joined) else [key]
            for variant in variants:
                known = self._index.setdefault(variant, [])
                if all(value != v for _, v in known):  # the first phrase registered for a value wins
                    known.append((phrase, value))
        self._longest = min(max_words, max((len(k) for k in self._index), default=1))
        self._first_words = {k[0] for k in self._index}  # most words start no phrase: one lookup each

    def __len__(self) -> int:
        return len(self._index)

    def find(self, text: str) -> list[Hit[T]]:
        """Every occurrence of every phrase in ``text``, in reading order."""
        return self.find_in_words(phrase_words(text))

    def find_in_words(self, tokens: list[str]) -> list[Hit[T]]:
        """As :meth:`find`, for a text already split by :func:`phrase_words`."""
        found: list[Hit[T]] = []
        for start, token in enumerate(tokens):
            if token not in self._first_words:
                continue
            for size in range(1, min(self._longest, len(tokens) - start) + 1):
                for phrase, value in self._index.get(tuple(tokens[start : start + size]), ()):
                    found.append(Hit(phrase, value, start, size))
        return found
