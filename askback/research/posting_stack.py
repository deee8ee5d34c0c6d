"""The technologies and engineering practices a posting names, from a vocabulary data file.

Matching is on word boundaries that understand technology names ("C++", ".NET", "Node.js",
"CI/CD"), so "Java" never matches inside "JavaScript" and "Go" never inside "Google". Names
that are also ordinary words ("Go", "Rust", "Swift") match only as written and never as the
first word of a sentence; one-letter names ("C", "R") only next to a list word or mark ("Python or R", "C, C++").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DATA = Path(__file__).parent / "data" / "stack.yaml"
SHORT = 3  # names this short or shorter ("JS", "AWS", "dbt") match as written
LEFT = r"(?<![\w+#.])"
RIGHT = r"(?![\w+#]|\.\w)"
LIST_BEFORE = re.compile(r"(?:[,/(&]|\b(?:and|or|in|of|with))\s*$", re.IGNORECASE)
LIST_NEXT = re.compile(r"\s*(?:[,/&]|\band\b|\bor\b)\s*(?-i:[A-Z])")
LIST_AFTER = re.compile(r"^\s*(?:[,/)&.;]|$|\b(?:and|or)\b)", re.IGNORECASE)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    kind: str = "practice"
    aliases: list[str] = Field(default_factory=list)
    exact: bool = False
    cased: bool = False


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    technologies: list[_Entry]
    practices: list[_Entry]


@dataclass(frozen=True)
class Term:
    name: str  # canonical
    kind: str
    pattern: re.Pattern[str]
    exact: bool
    single_letter: bool


@dataclass(frozen=True)
class Mention:
    name: str
    kind: str
    start: int


def _term(entry: _Entry, spelling: str) -> Term:
    exact = entry.exact or len(spelling) <= SHORT
    flags = 0 if exact or entry.cased else re.IGNORECASE
    return Term(
        entry.name,
        entry.kind,
        re.compile(LEFT + re.escape(spelling) + RIGHT, flags),
        exact=entry.exact,
        single_letter=len(spelling) == 1,
    )


@lru_cache(maxsize=1)
def vocabulary() -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """(technologies, practices), longest spellings first so "React Native" wins over "React"."""
    from askback.core.datafile import load_data

    data = load_data(DATA, _File)

    def terms(entries: list[_Entry]) -> tuple[Term, ...]:
        pairs = [(spelling, e) for e in entries for spelling in (e.name, *e.aliases)]
        pairs.sort(key=lambda p: -len(p[0]))
        return tuple(_term(e, spelling) for spelling, e in pairs)

    return terms(data.technologies), terms(data.practices)


def _allowed(term: Term, text: str, start: int, end: int) -> bool:
    if term.exact and not text[:start].strip(" -•*\t") and not LIST_NEXT.match(text[end:]):
        return False  # "Go further", "Swift delivery" at the start of a sentence; "Go and PostgreSQL" is a list
    if term.single_letter:
        return bool(LIST_BEFORE.search(text[:start]) or LIST_AFTER.search(text[end:]))
    return True


def _find(terms: tuple[Term, ...], text: str) -> list[Mention]:
    taken: list[tuple[int, int]] = []
    found: dict[str, Mention] = {}
    for term in terms:
        for match in term.pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken) or not _allowed(term, text, start, end):
                continue
            taken.append((start, end))
            if term.name not in found or start < found[term.name].start:
                found[term.name] = Mention(term.name, term.kind, start)
    return sorted(found.values(), key=lambda m: m.start)


def technologies(text: str) -> list[Mention]:
    """The technologies named in ``text``, each once, in the order they appear."""
    return _find(vocabulary()[0], text)


def practices(text: str) -> list[Mention]:
    """The engineering practices named in ``text`` (on-call, code review, ...)."""
    return _find(vocabulary()[1], text)


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {t.name: t.kind for t in vocabulary()[0]}


def kind_of(name: str) -> str:
    """A technology's kind (language, database, cloud, ...), or "" for a name not in the vocabulary."""
    return _kinds().get(name, "")
