"""Does the company's public material already answer a question?

Meaning alone is not enough: "How much is the learning budget?" is close in meaning to "We
have a learning budget", which does not answer it. So a fact answers a question only when
(1) it is close in meaning, (2) it speaks to a topic the question asks about, (3) it holds
the kind of answer asked for (an amount for "how much", a duration for "how long"), and
(4) the question asks what a policy says, not how it is lived: experience ("in practice",
"the last time", "how do people feel") is never in the handbook. Precision comes first: a
wrong "answered" hides a good question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.models import Fact
from askback.core.thresholds import ThresholdFile, load_thresholds

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors
    from askback.research.topics import Thresholds

THRESHOLDS = Path(__file__).parent / "data" / "answered.thresholds.yaml"
MIN_FACT_WORDS = 6  # shorter "facts" are headings and fragments, not answers


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The numbers of the answered check; shipped in data/answered.thresholds.yaml."""

    candidate_floor: float  # facts less similar than this are not looked at
    answered_at: float  # the score a fact needs to answer the question
    same_topic_bonus: float
    quantity_bonus: float
    strong_match: float  # close enough that a shared topic need not be shown
    # A question is always about something: it gets its nearest topic (and any within
    # question_runner_up of it) however loose the match, plus its keyword topics at a lower bar
    # than page sentences.
    question_keyword: float
    question_alone: float
    question_runner_up: float

    @classmethod
    def from_file(cls, file: ThresholdFile) -> Settings:
        return cls(**{name: file.value(name) for name in cls.__dataclass_fields__})


@lru_cache(maxsize=1)
def shipped_settings() -> Settings:
    return Settings.from_file(load_thresholds(THRESHOLDS))


def question_topic_thresholds(settings: Settings | None = None) -> Thresholds:
    """The topic classifier's bars for a question rather than a page sentence."""
    from askback.research.topics import shipped_thresholds

    chosen = settings or shipped_settings()
    return replace(
        shipped_thresholds(),
        keyword_with_semantic=chosen.question_keyword,
        semantic_alone=chosen.question_alone,
        runner_up=chosen.question_runner_up,
    )


EXPERIENCE = re.compile(
    r"\b(actually|in practice|really|last time|most recent|recently|a time when|an example|for example|"
    r"how do(?:es)? (?:it|that|people|you|the team) feel|how do you like|what do you like|your (?:own|personal)|"
    r"you personally|surprised?|day[- ]to[- ]day|typical (?:day|week)|what happened|how did|what changed|"
    r"how has|how have|how often do people|do people (?:really|actually)|would you|what would|biggest|hardest|"
    r"favou?rite|worst|best part|enjoy\w*|challenge|struggle|honestly|culture around|vibe|specifically|"
    r"this particular|(?:your|this|my) (?:squad|team|project|group)|most (?:active|popular|common|used)|leaning|"
    r"still|these days|feel|felt|diverse)\b",
    re.IGNORECASE,
)
WANTS_QUANTITY = re.compile(
    r"\b(how (?:much|many|long|big|large|often|soon)|what (?:is|'s|are) the (?:amount|budget|salary|range|number|"
    r"percentage|size|length|split)|what percentage|how many (?:days|weeks|hours))\b|\bwhat(?:'s| is) the \w+ (?:budget|allowance|range)\b",
    re.IGNORECASE,
)
ALTERNATIVES = re.compile(r"\b(versus|vs\.?|or (?:were|was|is|are|do|does|did|will|would))\b", re.IGNORECASE)
KIND_HINTS = (
    ("percent", re.compile(r"\b(percent|percentage|%|match(?:ing)?|contribution)\b", re.IGNORECASE)),
    (
        "money",
        re.compile(
            r"\b(pay|paid|salary|salaries|budget|cost|allowance|stipend|bonus|compensat\w*|price|"
            r"money|funding|raised|\$|eur|usd|dollars?|euros?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "duration",
        re.compile(
            r"\b(how long|days?|weeks?|months?|years?|hours?|leave|vacation|pto|holidays?|"
            r"time off|notice|sabbatical|often|soon)\b",
            re.IGNORECASE,
        ),
    ),
    ("count", re.compile(r"\b(how many|size|headcount|people|employees|engineers|customers|teams?)\b", re.IGNORECASE)),
)


@dataclass(frozen=True)
class Evidence:
    source: str
    quote: str
    score: float
    fact_id: int

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "quote": self.quote, "score": round(self.score, 3)}


def asks_experience(question: str) -> bool:
    return bool(EXPERIENCE.search(question))


def asks_two_things(question: str) -> bool:
    """Two questions, or a choice between alternatives: one fact rarely settles both."""
    from askback.plan.checks import double_barrelled

    return double_barrelled(question) is not None or bool(ALTERNATIVES.search(question))


def wanted_quantity(question: str) -> str | None:
    """ "any", a quantity kind, or None when the question does not ask for a number."""
    if not WANTS_QUANTITY.search(question):
        return None
    for kind, pattern in KIND_HINTS:
        if pattern.search(question):
            return kind
    return "any"


class FactIndex:
    """A company's facts with their vectors, ready to be matched against questions."""

    def __init__(self, facts: Sequence[Fact], vectors: Vectors, settings: Settings | None = None) -> None:
        self.facts = list(facts)
        self.vectors = vectors
        self.settings = settings or shipped_settings()

    def answer(self, question: str, vector: Vectors, topics: set[str]) -> Evidence | None:
        if not self.facts or asks_experience(question) or asks_two_things(question):
            return None
        import numpy as np

        sims = self.vectors @ vector
        wanted = wanted_quantity(question)
        best: Evidence | None = None
        for i in np.argsort(-sims)[:12]:
            sim = float(sims[i])
            if sim < self.settings.candidate_floor:
                break
            score = self._score(self.facts[i], sim, topics, wanted)
            if score is not None and score >= self.settings.answered_at and (best is None or score > best.score):
                fact = self.facts[i]
                best = Evidence(fact.source, fact.text, score, fact.id)
        return best

    def _score(self, fact: Fact, sim: float, topics: set[str], wanted: str | None) -> float | None:
        if len(fact.text.split()) < MIN_FACT_WORDS:
            return None
        same_topic = bool(topics & set(fact.topic_ids))
        if not same_topic and sim < self.settings.strong_match:
            return None
        score = sim + (self.settings.same_topic_bonus if same_topic else 0.0)
        if wanted is not None:
            kinds = {str(q["kind"]) for q in fact.quantities}
            if not kinds or (wanted != "any" and wanted not in kinds):
                return None
            score += self.settings.quantity_bonus
        return score
