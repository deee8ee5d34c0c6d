"""Tokens for lexical matching.

A light, dependency-free normaliser: lower-case words, English stop words removed, and a
crude suffix stripper so that "mentor", "mentors" and "mentoring" meet. It is deliberately
simple; semantic matching is the embedding model's job.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    i'm you're we're it's there's what's how's let's i'd you'd i've you've we've don't doesn't
    didn't isn't aren't also may might must shall us one get got like tell describe walk give
    example kind sort
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

_SUFFIXES = (
    "ational",
    "ization",
    "ations",
    "ation",
    "ings",
    "ing",
    "ness",
    "ment",
    "ments",
    "ities",
    "ity",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """Lower-case words, contractions kept whole and curly apostrophes made straight: the one
    word splitter behind lexical similarity, the question checks and phrase matching."""
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


def content_tokens(text: str) -> list[str]:
    """Stemmed words that carry meaning: what lexical similarity compares."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]
