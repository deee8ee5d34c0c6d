"""Domain objects for the people in a search: interviewers, the interviews on the calendar
and the candidate's own experience. Plain frozen dataclasses, like ``core.models``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Interviewer:
    """Someone the candidate will meet. ``role`` is the user's override, or None to infer it."""

    id: int
    company_id: int
    name: str
    title: str
    notes: str = ""
    role: str | None = None


@dataclass(frozen=True)
class Interview:
    """An interview on the calendar; ``time`` is a local ``HH:MM`` or empty."""

    id: int
    company_id: int
    day: date
    time: str = ""
    stage: str | None = None
    interviewer_id: int | None = None
    interviewer_name: str = ""

    @property
    def when(self) -> str:
        return f"{self.day.isoformat()} {self.time}".strip()


@dataclass(frozen=True)
class Experience:
    """One line of the candidate's record: a skill, or an achievement (an action verb, what it
    acted on, ideally a result) with the skills it names."""

    kind: str  # "skill" or "achievement"
    text: str
    action: str = ""
    result: str = ""
    skills: tuple[str, ...] = field(default_factory=tuple)
