"""The grounded question patterns (``data/patterns.yaml``), validated when they load.

Patterns are data, not code, so that wording can be improved by reading questions, without
touching the logic that chooses facts; the schema rejects an unknown topic, role, stage,
subtopic, priority or signal, and an ask that would make a two-part question.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from askback.core import taxonomy
from askback.core.datafile import load_data

PATTERNS_FILE = Path(__file__).with_name("data") / "patterns.yaml"
LEADS: tuple[str, ...] = ("sentence", "phrase", "practice", "value")
KINDS: tuple[str, ...] = ("number", "practice", "value", "event", "scale", "trade-off", "policy")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TopicPattern(Strict):
    """How facts on one research topic become questions, and who they suit."""

    category: str  # of the question asked ("How was the work covered ..." is about the team)
    subtopic: str
    about: str | None = None  # the category of the fact itself, where it differs (parental leave is leave)
    roles: tuple[str, ...]
    stages: tuple[str, ...]
    priorities: tuple[str, ...]
    signals: tuple[str, ...]
    asks: dict[str, str]
    good: str
    red_flag: str
    follow_up: str

    @field_validator("roles")
    @classmethod
    def _roles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _known(value, taxonomy.ROLE_IDS, "role")

    @field_validator("stages")
    @classmethod
    def _stages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _known(value, taxonomy.STAGE_IDS, "stage")

    @field_validator("priorities")
    @classmethod
    def _priorities(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _known(value, taxonomy.PRIORITY_IDS, "priority")

    @field_validator("signals")
    @classmethod
    def _signals(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _known(value, taxonomy.SIGNAL_IDS, "signal")

    @field_validator("asks")
    @classmethod
    def _asks(cls, value: dict[str, str]) -> dict[str, str]:
        if "any" not in value:
            raise ValueError("asks needs an 'any' entry, the topic's default")
        _known(tuple(k for k in value if k != "any"), KINDS, "kind")
        for ask in value.values():
            _one_question(ask)
        return value

    @model_validator(mode="after")
    def _subtopic_in_category(self) -> TopicPattern:
        if self.category not in taxonomy.CATEGORY_IDS:
            raise ValueError(f"unknown category {self.category!r}")
        if self.subtopic not in taxonomy.subtopic_ids(self.category):
            raise ValueError(f"subtopic {self.subtopic!r} is not in category {self.category!r}")
        if self.about is not None and self.about not in taxonomy.CATEGORY_IDS:
            raise ValueError(f"unknown category {self.about!r} in 'about'")
        return self

    @property
    def fact_category(self) -> str:
        """The category a fact on this topic belongs to when it is shown as it stands (the brief)."""
        return self.about or self.category

    def ask(self, kind: str) -> str:
        """The topic's ask for this kind of fact, or its default."""
        return self.asks.get(kind) or self.asks["any"]


class PatternSet(Strict):
    leads: dict[str, str]
    kinds: dict[str, str]
    topics: dict[str, TopicPattern]
    disciplines: dict[str, tuple[str, ...]]
    office_tools: tuple[str, ...]

    @field_validator("leads")
    @classmethod
    def _leads(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != set(LEADS):
            raise ValueError(f"leads must be exactly {', '.join(LEADS)}")
        return value

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != set(KINDS):
            raise ValueError(f"kinds must give an ask for exactly {', '.join(KINDS)}")
        for ask in value.values():
            _one_question(ask)
        return value

    @field_validator("topics")
    @classmethod
    def _topics(cls, value: dict[str, TopicPattern]) -> dict[str, TopicPattern]:
        _known(tuple(value), taxonomy.RESEARCH_TOPIC_IDS, "research topic")
        return value


def _known(values: tuple[str, ...], known: tuple[str, ...], what: str) -> tuple[str, ...]:
    for value in values:
        if value not in known:
            raise ValueError(f"unknown {what} {value!r}")
    return values


def _one_question(ask: str) -> None:
    from askback.plan.checks import double_barrelled

    if not ask.endswith("?") or double_barrelled(ask) is not None:
        raise ValueError(f"an ask must be one question ending in '?': {ask!r}")


@lru_cache(maxsize=1)
def patterns(path: Path = PATTERNS_FILE) -> PatternSet:
    """The validated patterns; a mistake raises DataError naming the file and the entry."""
    return load_data(path, PatternSet)
