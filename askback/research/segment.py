"""Blocks to sentences.

Sentence boundaries come from Bling Fire's finite-state splitter: it knows abbreviations
("e.g.", "Dr.", "U.S."), decimals and initials, and splits a whole handbook in a fraction
of a second. Each list item and table row is already its own block, so lists never run
together into one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from askback.research.documents import Block, Sentence

MIN_WORDS = 3
MAX_CHARS = 1_000
LETTERS = re.compile(r"[^\W\d_]{2,}")


def split_sentences(text: str) -> list[str]:
    import blingfire

    text = text.strip()
    if not text:
        return []
    return [s.strip() for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]


def sentences(blocks: Iterable[Block]) -> list[Sentence]:
    """Every sentence worth keeping, numbered in document order."""
    found: list[Sentence] = []
    for block in blocks:
        for text in split_sentences(block.text):
            if _worth_keeping(text):
                found.append(Sentence(block.headings, text[:MAX_CHARS], len(found)))
    return found


def _worth_keeping(text: str) -> bool:
    return len(text.split()) >= MIN_WORDS and LETTERS.search(text) is not None
