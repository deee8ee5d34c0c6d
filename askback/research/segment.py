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


# Corrections to the splitter's model: a title alone is glued to the name after it, and a
# sentence ending in a short preposition ("... the country you live in.") is not an abbreviation.
TITLE_ALONE = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|St|Mt)\.$")
WORD_THEN_STOP = re.compile(r"(?<=\b(?:in|on|at|to|of|up|it|is|so|me)\.)\s+(?=[A-Z])")


def split_sentences(text: str) -> list[str]:
    import blingfire

    text = text.strip()
    if not text:
        return []
    pieces = [s.strip() for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]
    split = [part for piece in pieces for part in WORD_THEN_STOP.split(piece) if part]
    return _glue_titles(split)


def _glue_titles(sentences: list[str]) -> list[str]:
    """ "We use Linear. Dr." + "Smith leads." -> "We use Linear." + "Dr. Smith leads."."""
    out: list[str] = []
    for sentence in sentences:
        words = out[-1].split() if out else []
        if words and TITLE_ALONE.match(words[-1]):
            head = " ".join(words[:-1])
            out[-1:] = [head] if head else []
            sentence = f"{words[-1]} {sentence}"
        out.append(sentence)
    return out


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
