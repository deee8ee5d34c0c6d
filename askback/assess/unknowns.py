"""What is still unknown about a company, which question would settle it, and whom to ask.

A category the candidate cares about with little evidence is an unknown. The question comes
from the bank (not one already asked of this company), preferring questions that probe the
candidate's priorities; the person is the best of the question's roles. Recruiters know
policies and pay but rarely how the team really works, so for anything but the essentials
someone one or two levels above the job (skip-level) or the hiring manager comes first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from askback.assess.compare import CategoryScore
from askback.core.models import Question
from askback.core.taxonomy import category, priority, role_label

ASK_ORDER = ("skip-level", "hiring-manager", "peer", "executive", "recruiter")
ASK_ORDER_ESSENTIALS = ("recruiter", "hiring-manager", "skip-level", "peer", "executive")


@dataclass(frozen=True)
class Unknown:
    category: str
    weight: float  # how much the candidate's priorities weigh the category
    evidence_weight: float
    question: Question | None
    ask: str | None  # the role to ask

    def describe(self, company: str) -> str:
        label = category(self.category).label
        if self.question is None or self.ask is None:
            return f"{label}: little evidence, and the bank has no unasked question left"
        return f'{label}: ask the {role_label(self.ask).lower()}: "{self.question.render(company)}"'

    def as_dict(self, company: str) -> dict[str, Any]:
        return {
            "category": self.category,
            "weight": self.weight,
            "evidence_weight": round(self.evidence_weight, 2),
            "question_id": self.question.id if self.question else None,
            "question": self.question.render(company) if self.question else None,
            "ask": self.ask,
        }


def unknowns(
    scores: Mapping[str, CategoryScore],
    weights: Mapping[str, float],
    bank: Sequence[Question],
    asked: set[str],
    priorities: Mapping[str, float],
) -> list[Unknown]:
    """Categories with little evidence that the candidate weighs at all, heaviest first."""
    found = []
    for category_id, score in scores.items():
        weight = weights.get(category_id, 0.0)
        if not score.unknown or weight <= 0:
            continue
        question = best_question(category_id, bank, asked, priorities)
        ask = who_to_ask(question, category_id) if question else None
        found.append(Unknown(category_id, weight, score.evidence_weight, question, ask))
    return sorted(found, key=lambda u: (-u.weight, u.evidence_weight, u.category))


def best_question(
    category_id: str, bank: Sequence[Question], asked: set[str], priorities: Mapping[str, float]
) -> Question | None:
    candidates = [q for q in bank if q.category == category_id and q.id not in asked]
    if not candidates:
        return None
    return max(candidates, key=lambda q: (_fit(q, priorities), -bank.index(q)))


def _fit(question: Question, priorities: Mapping[str, float]) -> float:
    """Priorities the question probes (by weight), its subtopic's place in them, and whether
    someone other than the recruiter can answer it."""
    fit = sum(w for p, w in priorities.items() if p in question.priorities)
    fit += 0.5 * sum(w for p, w in priorities.items() if question.subtopic in priority(p).subtopics)
    if question.category != "essentials" and set(question.roles) & {"skip-level", "hiring-manager"}:
        fit += 1.5
    if question.roles == ("recruiter",) and question.category != "essentials":
        fit -= 1.0
    return fit


def who_to_ask(question: Question, category_id: str) -> str:
    order = ASK_ORDER_ESSENTIALS if category_id == "essentials" else ASK_ORDER
    return next((r for r in order if r in question.roles), question.roles[0])
