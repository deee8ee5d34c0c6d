"""The schema of research's data files: the topics (keywords, weak phrases, example sentences)
and the labelled sentences that add examples, checked whenever they are loaded
(:func:`askback.core.datafile.load_data`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from askback.core.taxonomy import RESEARCH_TOPIC_IDS


class TopicEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    keywords: list[str] = Field(default_factory=list)
    weak: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)

    @field_validator("keywords", "weak", "examples")
    @classmethod
    def _no_blanks(cls, values: list[str]) -> list[str]:
        if any(not v.strip() for v in values):
            raise ValueError("an empty phrase matches everything")
        return values


class TopicsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    topics: dict[str, TopicEntry]

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, topics: dict[str, TopicEntry]) -> dict[str, TopicEntry]:
        unknown = sorted(set(topics) - set(RESEARCH_TOPIC_IDS))
        if unknown:
            raise ValueError(f"unknown topics {unknown}; the taxonomy's research topics are the known ones")
        return topics


class LabelledSentence(BaseModel):
    """A sentence and its topics (none: a sentence that states no fact worth keeping)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    topics: list[str]

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, topics: list[str]) -> list[str]:
        unknown = [t for t in topics if t not in RESEARCH_TOPIC_IDS]
        if unknown:
            raise ValueError(f"unknown topics {unknown}")
        return topics


LabelledSentences = RootModel[list[LabelledSentence]]
