"""Blocks to sentences.

Each block is split by the shared sentence splitter (:mod:`askback.nlp.sentences`). Each
list item and table row is already its own block, so lists never run together into one
sentence; fragments without words (number runs, lone symbols) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from askback.nlp.sentences import split_sentences
from askback.research.documents import Block, Sentence

MIN_WORDS = 3
MAX_CHARS = 1_000
LETTERS = re.compile(r"[^\W\d_]{2,}")


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
