"""Which pages a crawl reads first: the ones a candidate needs.

A crawl stops at ``--max-pages``, and on a large site the links that happen to come first are
rarely the useful ones (a news archive, a product catalogue). So every queued link gets a rank
from its link text and its address: about, careers, culture and values, benefits, the
engineering blog, the handbook and press come first, in that order; pages that say nothing
about working there (sign-in, legal, tag archives) come last; the rest in between, shallow
addresses before deep ones. The groups and their words are data (``crawl_priority.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field

from askback.core.datafile import load_data

DATA = Path(__file__).parent / "data" / "crawl_priority.yaml"
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, order=True)
class Rank:
    """Sorts ascending: ``group`` first (0 = about ... ; ``ordinary``; ``last``), then depth."""

    group: int
    depth: int
    name: str  # the group's name, "" for ordinary pages


@dataclass(frozen=True)
class _Groups:
    first: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (name, phrases as word tuples)
    last: tuple[tuple[str, ...], ...]


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    words: list[str] = Field(min_length=1)


class _Last(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]


class _PriorityFile(BaseModel):
    """The shape of ``crawl_priority.yaml``."""

    model_config = ConfigDict(extra="forbid")
    first: list[_Group] = Field(min_length=1)
    last: _Last


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(words.lower()))


@lru_cache(maxsize=1)
def _groups() -> _Groups:
    data = load_data(DATA, _PriorityFile)
    first = tuple((group.name, tuple(_phrase(w) for w in group.words)) for group in data.first)
    return _Groups(first, tuple(_phrase(w) for w in data.last.words))


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return size > 0 and any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def rank(url: str, text: str = "") -> Rank:
    """The rank of a link to ``url`` whose anchor text is ``text``; lower is read sooner."""
    path = unquote(urlsplit(url).path).lower()
    segments = [s for s in path.split("/") if s]
    depth = len(segments)
    path_words = _WORDS.findall(path)
    text_words = _WORDS.findall(text.lower())
    groups = _groups()
    if any(_contains(path_words, phrase) for phrase in groups.last):
        return Rank(len(groups.first) + 1, depth, "")
    for index, (name, phrases) in enumerate(groups.first):
        if any(_contains(text_words, p) or _contains(path_words, p) for p in phrases):
            return Rank(index, depth, name)
    return Rank(len(groups.first), depth, "")


def group_names() -> tuple[str, ...]:
    """The groups read first, in order (for documentation and tests)."""
    return tuple(name for name, _ in _groups().first)
