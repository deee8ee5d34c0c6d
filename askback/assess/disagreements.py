"""Where two interviewers answered the same question differently.

A hiring manager saying focus time is protected and a peer saying it gets eaten is worth
more than either answer alone: it is a question to raise again, and often the truth lies
with the person closer to the work. Two answers disagree when their ratings are two or more
apart, or when one reads as good news and the other as bad.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

RATING_GAP = 2


@dataclass(frozen=True)
class Heard:
    """One interviewer's answer to a question, with the sentiment the classifier read in it."""

    question_id: str
    question: str
    interviewer: str
    text: str
    rating: int | None
    sentiment: str  # negative, neutral or positive
    plan_id: int | None = None


@dataclass(frozen=True)
class Disagreement:
    question_id: str
    question: str
    first: Heard
    second: Heard
    reason: str

    def as_dict(self) -> dict[str, Any]:
        def side(h: Heard) -> dict[str, Any]:
            return {"interviewer": h.interviewer, "rating": h.rating, "sentiment": h.sentiment, "answer": h.text}

        return {
            "question_id": self.question_id,
            "question": self.question,
            "reason": self.reason,
            "answers": [side(self.first), side(self.second)],
        }


def disagreements(heard: Sequence[Heard]) -> list[Disagreement]:
    by_question: dict[str, list[Heard]] = {}
    for h in heard:
        by_question.setdefault(h.question_id, []).append(h)
    found = []
    for answers in by_question.values():
        for a, b in combinations(answers, 2):
            if a.interviewer == b.interviewer and a.plan_id == b.plan_id:
                continue
            reason = _reason(a, b)
            if reason:
                found.append(Disagreement(a.question_id, a.question, a, b, reason))
    return found


def _reason(a: Heard, b: Heard) -> str | None:
    if a.rating is not None and b.rating is not None and abs(a.rating - b.rating) >= RATING_GAP:
        return f"rated {a.rating}/5 and {b.rating}/5"
    if {a.sentiment, b.sentiment} == {"positive", "negative"}:
        return f"one answer reads as {a.sentiment}, the other as {b.sentiment}"
    return None
