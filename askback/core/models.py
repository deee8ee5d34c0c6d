"""Typed domain objects shared by every layer.

Plain frozen dataclasses: cheap to build, hashable, and free of any storage or validation
library, so the planner and the front ends never depend on how a question was loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ListenFor:
    good: tuple[str, ...]
    red_flag: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category: str
    subtopic: str
    form: str
    roles: tuple[str, ...]
    stages: tuple[str, ...]
    signals: tuple[str, ...]
    priorities: tuple[str, ...]
    googleable: tuple[str, ...]
    follow_ups: tuple[str, ...]
    listen_for: ListenFor
    source: str = "bank"

    def render(self, company: str) -> str:
        """The text as said to this company: template slots filled."""
        return self.text.replace("{company}", company)


@dataclass(frozen=True)
class Profile:
    """What the candidate wants: the role, and what they care about and want to show."""

    role: str = ""
    seniority: str = ""
    priorities: dict[str, float] = field(default_factory=dict)
    signals: tuple[str, ...] = ()

    def with_overrides(
        self,
        role: str | None = None,
        priorities: dict[str, float] | None = None,
        signals: tuple[str, ...] | None = None,
    ) -> Profile:
        return Profile(
            role=role if role is not None else self.role,
            seniority=self.seniority,
            priorities=priorities if priorities else dict(self.priorities),
            signals=signals if signals else self.signals,
        )


@dataclass(frozen=True)
class Company:
    id: int
    slug: str
    name: str
    url: str | None = None
    about: str | None = None
    created_at: datetime | None = None
    researched_at: datetime | None = None
    aliases: tuple[str, ...] = ()  # other names it goes by ("GSA TTS" for "18F")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the company goes by, its own first."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class PlanItem:
    """One question in a plan, with why it was chosen."""

    question_id: str
    text: str
    category: str
    subtopic: str
    kind: str = "main"  # "main" or "backup"
    cross_check: bool = False
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    backup_for: str | None = None
    id: int | None = None
    status: str = "open"  # open, asked, covered (by the interviewer before you asked) or skipped
    note: str = ""
    follow_ups: tuple[str, ...] = ()
    listen_good: tuple[str, ...] = ()
    listen_red_flag: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()  # (source, quote) of the facts the question cites
    mark: str = ""  # shown with the question: "shows your expertise", "from your notes on Dana Ruiz"


ITEM_STATUSES = ("open", "asked", "covered", "skipped")


@dataclass(frozen=True)
class Plan:
    company: Company
    interviewer: str
    stage: str
    minutes: int
    items: tuple[PlanItem, ...]
    profile: Profile
    role: str = ""
    id: int | None = None
    created_at: datetime | None = None
    notes: str = ""
    category_ratings: dict[str, int] = field(default_factory=dict)
    interviewer_name: str = ""  # the person the plan is aimed at: "Dana Ruiz (VP Engineering)"

    @property
    def main(self) -> tuple[PlanItem, ...]:
        return tuple(i for i in self.items if i.kind == "main")

    @property
    def backups(self) -> tuple[PlanItem, ...]:
        return tuple(i for i in self.items if i.kind == "backup")


@dataclass(frozen=True)
class Answer:
    """What an interviewer said to one question; answered questions shape later rounds."""

    question_id: str
    interviewer: str
    text: str
    rating: int | None = None
    plan_id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Fact:
    """A sentence from a company's material, with the evidence a candidate can check."""

    id: int
    text: str
    source: str  # the page's URL, or its path relative to the researched folder
    title: str
    headings: tuple[str, ...]
    position: int
    topics: tuple[tuple[str, float], ...]
    quantities: tuple[dict[str, object], ...] = ()

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t for t, _ in self.topics)
