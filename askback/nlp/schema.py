"""The schema of the nlp layer's data file, checked as it loads (:func:`askback.core.datafile.load_data`):
a word YAML reads as something else (an unquoted ``no`` is ``False``) fails there, not in a reading."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PolarityFile(BaseModel):
    """askback/nlp/data/polarity.yaml: words that lean, and the small words that turn a sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    positive: list[str] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)
    negators: list[str] = Field(min_length=1)
    contrast: list[str] = Field(min_length=1)
    concession: list[str]
    promise: list[str]
    doubt: list[str]
    admission: list[str]
