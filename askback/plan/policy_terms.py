"""The schema of the policy vocabulary (data/policy_terms.yaml) the answered check reads."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictStr

Phrases = Annotated[list[Annotated[StrictStr, Field(min_length=1)]], Field(min_length=2)]


class PolicyTerms(BaseModel):
    """Policy group -> the phrases candidates and handbooks use for it (two at least)."""

    model_config = ConfigDict(extra="forbid")
    groups: dict[str, Phrases]
