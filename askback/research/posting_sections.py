"""A posting's sections: what the job involves, what it asks for, what it offers, how it hires.

Headings decide first ("What you'll do", "About you", "What we offer", "Our hiring process");
a posting without headings is sorted sentence by sentence from the words each one uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from askback.nlp.sentences import split_sentences
from askback.research.posting_text import Line

HEADINGS = {
    "process": r"process|how we hire|how to apply|interview|hiring|next steps|application|what to expect|recruitment",
    "benefits": r"benefit|perks|we offer|what we offer|offer\b|why join|working here|wir bieten|what you get|"
    r"why you'll love|life at",
    "requirements": r"requirement|qualification|looking for|about you|you have|you bring|your profile|background|"
    r"must have|nice to have|skills|what you need|you should have|who you are|profil|ideal candidate|"
    r"you'll bring|what you bring|bonus points|experience",
    "responsibilities": r"what you'll do|what you will do|responsibilit|your role|the role|about the role|in this role|"
    r"you will|you'll|the work|your mission|day to day|day-to-day|aufgaben|work on|the opportunity|the job",
}
HEADING_KINDS = {kind: re.compile(words, re.IGNORECASE) for kind, words in HEADINGS.items()}
SENTENCE_KINDS = {
    "process": re.compile(
        r"\b(?:interview\w*|recruiter|take-home|hiring process|our process|application process|recruitment"
        r"|screen(?:ing)? call|stages?)\b|→",
        re.IGNORECASE,
    ),
    "requirements": re.compile(
        r"\b\d+\+?\s*(?:-\s*\d+\s*)?years\b|\bexperience (?:with|in|as|of|putting|shipping|leading)\b|\byou have\b"
        r"|\bmust have\b|\bnice to have\b|\bbonus:|\bdegree\b|\bfluen(?:t|cy)\b|\bproficien|\bknowledge of\b"
        r"|\bbackground in\b|\bstrong (?:\w+ )?(?:skills|sql|python|c\+\+)\b",
        re.IGNORECASE,
    ),
    "benefits": re.compile(
        r"\b(?:holiday|vacation|paid leave|days of leave|pension|insurance|health ?care|stipend|learning budget"
        r"|stock options|equity|401\(k\)|laptop|gym|multisport|parental leave|bike leasing|company car)\b",
        re.IGNORECASE,
    ),
    "responsibilities": re.compile(
        r"^(?:you(?:'|’)ll|you will|build|own|design|lead|work with|maintain|write|help|improve|ship|run|develop"
        r"|implement|train|define|take part|mentor|support|troubleshoot|set up|manage|create|collect)\b",
        re.IGNORECASE,
    ),
}
MAX_ITEMS = 12


@dataclass(frozen=True)
class Sections:
    responsibilities: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    process: tuple[str, ...] = ()


def _heading_kind(headings: Sequence[str]) -> str | None:
    for heading in reversed(headings):
        for kind, pattern in HEADING_KINDS.items():
            if pattern.search(heading):
                return kind
    return None


def _sentence_kind(sentence: str) -> str | None:
    for kind, pattern in SENTENCE_KINDS.items():
        if pattern.search(sentence):
            return kind
    return None


def sections(found: Sequence[Line]) -> Sections:
    """Each section's sentences, in posting order, at most ``MAX_ITEMS`` each."""
    parts: dict[str, list[str]] = {kind: [] for kind in HEADINGS}
    for line in found:
        by_heading = _heading_kind(line.headings)
        for sentence in split_sentences(line.text) or [line.text]:
            kind = by_heading or _sentence_kind(sentence)
            if kind and len(parts[kind]) < MAX_ITEMS and sentence not in parts[kind]:
                parts[kind].append(sentence)
    return Sections(
        responsibilities=tuple(parts["responsibilities"]),
        requirements=tuple(parts["requirements"]),
        benefits=tuple(parts["benefits"]),
        process=tuple(parts["process"]),
    )
