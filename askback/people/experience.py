"""The candidate's experience, read from a CV or a list of achievements.

An **achievement** is a sentence that starts with an action verb ("Replaced manual releases
with a deploy pipeline, cutting release time from two days to twenty minutes"): the verb,
what it acted on, and ideally a result, which starts at a marker word ("cutting", "from")
or is any clause with a number. **Skills** come from a skills section (comma-separated
lines under a "Skills" heading) and from a vocabulary of skills found inside achievements.
The words are data (``data/experience.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from askback.core.datafile import load_data
from askback.core.people import Experience
from askback.research.documents import Block

DATA = Path(__file__).parent / "data" / "experience.yaml"
BULLET = re.compile(r"^\s*(?:[-*•·–]|\d+[.)])\s*")
SUBJECT = re.compile(r"^(?:i|we)\s+", re.IGNORECASE)
MIN_WORDS, MAX_WORDS = 4, 60
MEASURED = re.compile(r"\bby \d[\d,.]*\s*(?:%|x\b|times\b|percent\b)", re.IGNORECASE)


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    actions: tuple[str, ...]
    result_markers: tuple[str, ...]
    skills_headings: tuple[str, ...]
    skills: tuple[str, ...]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_data(DATA, Vocabulary)


def read_experience(blocks: Iterable[Block]) -> list[Experience]:
    """Achievements and skills in CV order, each said once."""
    from askback.nlp.sentences import split_sentences

    found: list[Experience] = []
    seen: set[str] = set()
    for block in blocks:
        if _in_skills_section(block):
            items = [Experience("skill", s) for s in _skill_list(block.text)]
        else:
            items = [a for s in split_sentences(BULLET.sub("", block.text)) if (a := achievement(s)) is not None]
        for item in items:
            key = item.text.lower()
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def _in_skills_section(block: Block) -> bool:
    headings = {h.strip().lower().rstrip(":") for h in block.headings}
    label = block.text.split(":", 1)[0].strip().lower() if ":" in block.text[:40] else ""
    return bool(headings & set(vocabulary().skills_headings)) or label in vocabulary().skills_headings


def _skill_list(text: str) -> list[str]:
    if ":" in text[:40]:
        text = text.split(":", 1)[1]
    items = re.split(r"[,;|•·]|\s+/\s+|\n", text)
    return [i.strip(" .") for i in items if 0 < len(i.strip(" .").split()) <= 4]


def achievement(sentence: str) -> Experience | None:
    """The sentence as an achievement, or None when it does not start with an action verb."""
    text = SUBJECT.sub("", BULLET.sub("", sentence).strip())
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    action = _action(text)
    if action is None:
        return None
    text = text[0].upper() + text[1:]
    return Experience("achievement", text.rstrip(), action, _result(text), tuple(_skills_in(text)))


def _action(text: str) -> str | None:
    lowered = text.lower()
    for verb in sorted(vocabulary().actions, key=len, reverse=True):
        if lowered.startswith(verb + " "):
            return verb
    return None


def _result(text: str) -> str:
    """The part saying what came of it: from a marker word on, a measured change ("by 30%"),
    or a clause with a number."""
    for marker in vocabulary().result_markers:
        found = re.search(rf"(?:,\s*|\s)({re.escape(marker)}\s.+)$", text, re.IGNORECASE)
        if found and (marker != "from" or re.search(r"\d", found.group(1))):
            return found.group(1).rstrip(".")
    measured = MEASURED.search(text)
    if measured:
        return text[measured.start() :].rstrip(".")
    if ";" in text:  # "Mentored four engineers; two were promoted within a year."
        return text.split(";", 1)[1].strip().rstrip(".")
    clauses = [c.strip() for c in text.split(",")[1:]]
    return next((c.rstrip(".") for c in clauses if re.search(r"\d", c)), "")


def _skills_in(text: str) -> list[str]:
    lowered = f" {text.lower()} "
    return [s for s in vocabulary().skills if re.search(rf"(?<![\w+#/-]){re.escape(s)}(?![\w+#/-])", lowered)]
