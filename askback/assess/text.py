"""Sentences of notes, answers and accounts, and the lexical cues the classifiers use.

Notes are typed fast: line breaks, bullets and "Pros: a, b, c" lists carry as much structure
as full stops, so each line is split on its own and a review's pros and cons list becomes one
statement per item (each item can be corroborated on its own).
"""

from __future__ import annotations

import re

from askback.nlp.sentences import split_sentences

MIN_WORDS = 2
MIN_ITEM_WORDS = 3  # a list item stands alone only if it is a clause of its own
MAX_CHARS = 600
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_LIST_PREFIX = re.compile(r"^(pros|cons|advice to management|advice)\s*[:\-–]\s*", re.IGNORECASE)
_LABEL_PREFIX = re.compile(r"^(title|review title|summary)\s*[:\-–]\s*", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The statements in ``text``, in order, each long enough to mean something."""
    found: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        line = _LABEL_PREFIX.sub("", line)
        listed = _LIST_PREFIX.match(line)
        line = _LIST_PREFIX.sub("", line)
        for sentence in split_sentences(line):
            parts = _list_items(sentence) if listed else [sentence]
            found.extend(_capital(p[:MAX_CHARS]) for p in parts if len(p.split()) >= MIN_WORDS)
    return found


def _list_items(sentence: str) -> list[str]:
    """ "salary bands are published, decisions are written down" -> two statements, if each
    item is a clause of its own (three words or more); otherwise the sentence stays whole."""
    items = [i.strip(" .;") for i in re.split(r"[;,]\s+(?:and\s+)?", sentence)]
    if len(items) > 1 and all(len(i.split()) >= MIN_ITEM_WORDS for i in items):
        return [i + "." for i in items]
    return [sentence]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|me|my|imo|honestly)\b", re.IGNORECASE)
_EVALUATIVE = re.compile(
    r"\b(feel|feels|felt|think|believe|love|loved|hate|hated|great|awesome|terrible|amazing|"
    r"fantastic|seems?|fair|fairest|best|worst|nice|lovely|brilliant|frustrating|toxic|happy|"
    r"proud|recommend|horrible|boring|exciting|worried|enjoy|enjoyed|joke|decent|meh)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twice|once|half|weekly|monthly|quarterly)\b",
    re.IGNORECASE,
)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_PROPER = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")

CUES = ("first person", "evaluative word", "number", "month", "proper noun", "exclamation")


def cues(text: str) -> tuple[float, ...]:
    """Lexical signs of a claim (numbers, dates, names) or an opinion (first person, judgement)."""
    return (
        float(bool(_FIRST_PERSON.search(text))),
        float(bool(_EVALUATIVE.search(text))),
        float(bool(_NUMBER.search(text))),
        float(bool(_MONTH.search(text))),
        float(bool(_PROPER.search(text))),
        float(text.rstrip().endswith("!")),
    )
