"""The schema of the flag list and its labelled sentences, checked whenever they are loaded
(:func:`askback.core.datafile.load_data`): a typo in a kind or a category fails there, not
in a report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from askback.core.taxonomy import CATEGORY_IDS

Turn = Literal["negation", "contrast", "comparison", "hedge", "reported", "sarcasm"]


class FlagEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    kind: Literal["red", "green"]
    category: str
    label: str = Field(min_length=1)
    why: str = Field(min_length=1)
    patterns: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORY_IDS:
            raise ValueError(f"unknown category {value!r}; choose one of {', '.join(CATEGORY_IDS)}")
        return value

    @model_validator(mode="after")
    def _can_be_found(self) -> FlagEntry:
        if not self.patterns and not self.examples:
            raise ValueError("a flag needs patterns or examples to be found by")
        return self


class FlagsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    flags: list[FlagEntry]

    @field_validator("flags")
    @classmethod
    def _unique(cls, flags: list[FlagEntry]) -> list[FlagEntry]:
        seen: set[str] = set()
        for flag in flags:
            if flag.id in seen:
                raise ValueError(f"flag {flag.id!r} is listed twice")
            seen.add(flag.id)
        return flags


class FlagSentence(BaseModel):
    """An employee's sentence and the flags it raises (most raise none)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    flags: list[str]
    turn: Turn | None = None  # how the sentence turns, tagged when it was written (for evaluation)


FlagSentences = RootModel[list[FlagSentence]]
