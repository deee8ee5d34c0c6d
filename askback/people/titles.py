"""Job titles as levels: which ladder a title is on (recruiter, individual, management,
executive) and how high, so an interviewer's role can be read relative to the job.

The words and levels are data (``data/titles.yaml``), validated when first loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from askback.core.datafile import load_data

DATA = Path(__file__).parent / "data" / "titles.yaml"
Ladder = Literal["recruiter", "individual", "management", "executive"]


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    recruiter: tuple[str, ...]
    executive: dict[str, int]
    management: dict[str, int]
    not_management: tuple[str, ...]
    individual: dict[str, int]
    individual_default: int
    modifiers: dict[str, int]
    seniority: dict[str, tuple[Literal["individual", "management"], int]]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_data(DATA, Vocabulary)


@dataclass(frozen=True)
class Level:
    """Where a title sits; ``known`` is False when no word of the vocabulary was found."""

    ladder: Ladder
    level: int
    known: bool = True

    @property
    def manages(self) -> bool:
        return self.ladder in ("management", "executive")


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)?", text.lower().replace("&", " "))) + " "


def _found(phrases: dict[str, int] | tuple[str, ...], text: str) -> list[str]:
    return [p for p in sorted(phrases, key=len, reverse=True) if f" {p} " in text]


def read_title(title: str) -> Level:
    """The ladder and level of a title: "VP Engineering" -> executive 8, "Staff engineer" ->
    individual 4, "Senior Engineering Manager" -> management 5."""
    v = vocabulary()
    text = _words(title)
    if _found(v.recruiter, text):
        return Level("recruiter", 0)
    shift = sum(v.modifiers[m] for m in _found(v.modifiers, text))
    named_job = bool(_found(v.not_management, text))
    for phrase in _found(v.not_management, text):
        text = text.replace(f" {phrase} ", " ")
    executive = _found(v.executive, text)
    if executive:
        return Level("executive", min(9, max(v.executive[p] for p in executive) + shift))
    management = _found(v.management, text)
    if management:
        return Level("management", max(4, max(v.management[p] for p in management) + shift))
    individual = _found(v.individual, text)
    if individual:
        return Level("individual", max(v.individual[p] for p in individual))
    return Level("individual", v.individual_default, known=named_job or _looks_like_a_job(title))


def _looks_like_a_job(title: str) -> bool:
    """A title with no level word is mid-level only if it names a job at all."""
    return bool(
        re.search(r"engineer|developer|designer|scientist|analyst|architect|programmer|sre|devops", title, re.I)
    )


def job_level(title: str = "", seniority: str = "") -> Level | None:
    """The job's level: its seniority when known, else its title; None when neither says."""
    v = vocabulary()
    if seniority in v.seniority:
        ladder, level = v.seniority[seniority]
        return Level(ladder, level)
    if title.strip():
        found = read_title(title)
        if found.known and found.ladder != "recruiter":
            return found
    return None
