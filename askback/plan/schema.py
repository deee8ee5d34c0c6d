"""The schema of the linter's rules (plan/data/lint.yaml), checked whenever they are loaded
(:func:`askback.core.datafile.load_data`): a pattern that is not a regular expression, or a
rule naming a subtopic, role or stage the taxonomy does not know, fails there."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from askback.core import taxonomy


class PatternRule(BaseModel):
    """Case-insensitive regular expressions, why a match matters, and (for "obvious") examples by meaning."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    why: str = Field(min_length=1)
    patterns: list[str] = Field(min_length=1)
    prototypes: list[str] = Field(default_factory=list)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
        return patterns


class SubtopicRule(BaseModel):
    """Questions on these subtopics suit neither these roles (audience) nor these stages (moment)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subtopics: list[str] = Field(min_length=1)
    roles: list[str] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list)
    message: str = Field(min_length=1)

    @field_validator("subtopics")
    @classmethod
    def _known_subtopics(cls, values: list[str]) -> list[str]:
        known = {s.id for c in taxonomy.CATEGORIES for s in c.subtopics}
        return _known(values, known, "subtopic")

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, values: list[str]) -> list[str]:
        return _known(values, set(taxonomy.ROLE_IDS), "role")

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, values: list[str]) -> list[str]:
        return _known(values, set(taxonomy.STAGE_IDS), "stage")


class LintRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    obvious: PatternRule
    leading: PatternRule
    negative: PatternRule
    private_life: PatternRule
    audience: list[SubtopicRule]
    moment: list[SubtopicRule]


def _known(values: list[str], known: set[str], what: str) -> list[str]:
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}")
    return values
