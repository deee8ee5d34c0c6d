"""The schema every bank question must satisfy, checked when the bank loads and in tests.

Validation lives at the edge (here) so the rest of askback works with plain, trusted
:class:`askback.core.models.Question` objects.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from askback.core import taxonomy

ID_PATTERN = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
SLOTS = ("{company}",)


class ListenFor(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    good: list[str] = Field(min_length=1, max_length=4)
    red_flag: list[str] = Field(min_length=1, max_length=4)


class BankQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str = Field(min_length=15, max_length=300)
    subtopic: str
    form: Literal["open", "closed"] = "open"
    roles: list[str] = Field(min_length=1)
    stages: list[str] = Field(min_length=1)
    signals: list[str] = Field(default_factory=list)
    priorities: list[str] = Field(default_factory=list)
    googleable: list[str] = Field(default_factory=list)
    follow_ups: list[str] = Field(min_length=1, max_length=2)
    listen_for: ListenFor

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError(f"id {value!r} must be lower-case words joined by '-'")
        return value

    @field_validator("text")
    @classmethod
    def _text_shape(cls, value: str) -> str:
        if not value.rstrip().endswith("?"):
            raise ValueError("text must end with a question mark")
        for slot in re.findall(r"\{[^}]*\}", value):
            if slot not in SLOTS:
                raise ValueError(f"unknown slot {slot}; allowed: {', '.join(SLOTS)}")
        return value.strip()

    @field_validator("subtopic")
    @classmethod
    def _known_subtopic(cls, value: str) -> str:
        _require_known(value, tuple(s.id for c in taxonomy.CATEGORIES for s in c.subtopics), "subtopic")
        return value

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: list[str]) -> list[str]:
        return _require_all_known(value, taxonomy.ROLE_IDS, "role")

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, value: list[str]) -> list[str]:
        return _require_all_known(value, taxonomy.STAGE_IDS, "stage")

    @field_validator("signals")
    @classmethod
    def _known_signals(cls, value: list[str]) -> list[str]:
        return _require_all_known(value, taxonomy.SIGNAL_IDS, "signal")

    @field_validator("priorities")
    @classmethod
    def _known_priorities(cls, value: list[str]) -> list[str]:
        return _require_all_known(value, taxonomy.PRIORITY_IDS, "priority")

    @field_validator("googleable")
    @classmethod
    def _known_topics(cls, value: list[str]) -> list[str]:
        return _require_all_known(value, taxonomy.RESEARCH_TOPIC_IDS, "research topic")


class BankFile(BaseModel):
    """One data file: all the questions of one category."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str
    questions: list[BankQuestion]

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        _require_known(value, taxonomy.CATEGORY_IDS, "category")
        return value

    @model_validator(mode="after")
    def _subtopics_belong(self) -> BankFile:
        own = set(taxonomy.subtopic_ids(self.category))
        for q in self.questions:
            if q.subtopic not in own:
                raise ValueError(
                    f"{q.id}: subtopic {q.subtopic!r} is not in category {self.category!r} "
                    f"(choose one of {', '.join(sorted(own))})"
                )
            if not q.id.startswith(self.category + "-"):
                raise ValueError(f"{q.id}: ids in this file start with {self.category + '-'!r}")
        return self


def _require_known(value: str, known: tuple[str, ...], what: str) -> None:
    if value not in known:
        raise ValueError(f"unknown {what} {value!r}; known: {', '.join(known)}")


def _require_all_known(values: list[str], known: tuple[str, ...], what: str) -> list[str]:
    for value in values:
        _require_known(value, known, what)
    if len(set(values)) != len(values):
        raise ValueError(f"a {what} is listed twice in {values}")
    return values
