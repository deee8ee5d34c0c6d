"""Text to sentences.

Sentence boundaries come from Bling Fire's finite-state splitter: it knows abbreviations
("e.g.", "Dr.", "U.S."), decimals and initials, and splits a whole handbook in a fraction
of a second. Research splits company pages with it and assess splits notes and employee
accounts with it, so both read a sentence the same way.
"""

from __future__ import annotations

import re

# Corrections to the splitter's model: a title alone is glued to the name after it, and a
# sentence ending in a short preposition ("... the country you live in.") is not an abbreviation.
TITLE_ALONE = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof|St|Mt)\.$")
WORD_THEN_STOP = re.compile(r"(?<=\b(?:in|on|at|to|of|up|it|is|so|me)\.)\s+(?=[A-Z])")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, stripped; an empty text has none."""
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
