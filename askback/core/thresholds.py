"""The thresholds of a trained part, kept as data with the story of their last tuning.

Every trained part (research topics, "answered publicly", question category, flags, claims)
keeps its numbers in one YAML file beside its training data: the values the code reads, the
date, set and reason of the last tuning, and the floors its figures must not fall below
(the README states them and a slow test enforces them). ``python -m askback.evaluate NAME
--tune --write`` rewrites the file; nothing else does.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from askback.core.datafile import load_data
from askback.errors import DataError


class Tuning(BaseModel):
    """When, on what and why the values were last chosen."""

    model_config = ConfigDict(extra="forbid")
    date: datetime.date
    set: str = Field(min_length=1, description="the labelled set the values were chosen on (never a held-out one)")
    reason: str = Field(min_length=1, description="what the tuning optimised and why")


class ThresholdFile(BaseModel):
    """One trained part's thresholds file."""

    model_config = ConfigDict(extra="forbid")
    part: str = Field(min_length=1)
    values: dict[str, float]
    tuned: Tuning
    floors: dict[str, float] = Field(default_factory=dict, description="figure name -> lowest acceptable value")

    def value(self, name: str) -> float:
        try:
            return self.values[name]
        except KeyError:
            raise KeyError(f"{self.part} thresholds have no value {name!r}") from None


class ThresholdFileError(DataError):
    """A thresholds file that does not parse or validate; the message names the file and field."""


def load_thresholds(path: Path) -> ThresholdFile:
    """The file validated through askback's one data loader (errors name the file and field)."""
    return load_data(path, ThresholdFile, ThresholdFileError)


def dump_thresholds(file: ThresholdFile) -> str:
    """The file's text: values and floors in a stable order, the tuning note first."""
    import yaml

    data = file.model_dump(mode="json")
    ordered = {
        "part": data["part"],
        "tuned": data["tuned"],
        "values": data["values"],
        "floors": data["floors"],
    }
    header = (
        f"# Thresholds of the trained part {file.part!r}. Rewritten by\n"
        f"# `python -m askback.evaluate {file.part} --tune --write`; floors are the lowest held-out\n"
        "# figures the README promises (tests/evaluate checks them).\n"
    )
    return header + yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)


def write_thresholds(path: Path, file: ThresholdFile) -> None:
    path.write_text(dump_thresholds(file), encoding="utf-8")
