"""The schema of the demo's data files: the demo company with the demo candidate
(demo/company.yaml) and the three companies' interviews, employee accounts and offers
(demo/companies/*.yaml), checked whenever they are loaded
(:func:`askback.core.datafile.load_data`). The services then apply their own rules to what is
loaded (an account's fields, an offer's equity), as they do to what a user types."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from askback.core import taxonomy


def _text(value: Any) -> Any:
    """YAML reads an unquoted 2026-10-22 as a date; the demo keeps dates as the text written."""
    return value.isoformat() if isinstance(value, date) else value


class DemoProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: str = ""
    seniority: str = ""
    priorities: dict[str, float] = Field(default_factory=dict)
    signals: list[str] = Field(default_factory=list)

    @field_validator("priorities")
    @classmethod
    def _known_priorities(cls, value: dict[str, float]) -> dict[str, float]:
        return {k: v for k, v in value.items() if _known(k, taxonomy.PRIORITY_IDS, "priority")}

    @field_validator("signals")
    @classmethod
    def _known_signals(cls, value: list[str]) -> list[str]:
        return [s for s in value if _known(s, taxonomy.SIGNAL_IDS, "signal")]


class DemoInterviewer(BaseModel):
    """Someone the demo candidate will meet, ``in_days`` from the day the demo is loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    notes: str = ""
    in_days: int = Field(ge=0)
    time: str = Field(default="", pattern=r"^(\d{2}:\d{2})?$")
    stage: str

    @field_validator("stage")
    @classmethod
    def _known_stage(cls, value: str) -> str:
        if value not in taxonomy.STAGE_IDS:
            raise ValueError(f"unknown stage {value!r}")
        return value


class DemoCompanyFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    url: str = Field(pattern=r"^https?://")
    about: str = ""
    profile: DemoProfile
    cv: str | None = None  # the demo candidate's CV, a file beside this one
    interviewers: list[DemoInterviewer] = Field(default_factory=list)


class DemoAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    answer: str = Field(min_length=1)
    rating: int | None = Field(default=None, ge=1, le=5)

    @field_validator("question")
    @classmethod
    def _in_the_bank(cls, value: str) -> str:
        from askback.bank.loader import by_id

        if value not in by_id():
            raise ValueError(f"no question {value!r} in the bank")
        return value


class DemoInterview(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    interviewer: str
    stage: str
    date: str = ""
    answers: list[DemoAnswer] = Field(default_factory=list)
    notes: str = ""

    _dates = field_validator("date", mode="before")(_text)

    @field_validator("interviewer")
    @classmethod
    def _known_role(cls, value: str) -> str:
        _known(value, taxonomy.ROLE_IDS, "interviewer")
        return value

    @field_validator("stage")
    @classmethod
    def _known_stage(cls, value: str) -> str:
        _known(value, taxonomy.STAGE_IDS, "stage")
        return value


class DemoAccount(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    who: str | None = None
    role: str = ""
    when: str = ""
    source: str = "conversation"

    _dates = field_validator("when", mode="before")(_text)


class DemoOffer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = ""
    base: float
    currency: str
    period: str = "year"
    bonus_percent: float = 0.0
    equity: dict[str, Any] = Field(default_factory=dict)
    location: str = ""
    start: str = ""

    _dates = field_validator("start", mode="before")(_text)


class DemoHistory(BaseModel):
    """One demo company's process so far, as if the candidate had used askback through it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    about: str = ""
    offer: DemoOffer | None = None
    interviews: list[DemoInterview] = Field(default_factory=list)
    accounts: list[DemoAccount] = Field(default_factory=list)


def _known(value: str, known: tuple[str, ...], what: str) -> bool:
    if value not in known:
        raise ValueError(f"unknown {what} {value!r}; choose one of {', '.join(known)}")
    return True
