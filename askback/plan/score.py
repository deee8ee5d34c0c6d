"""How well one question suits one interview, with the reasons a user can read.

The score adds up parts a candidate can check: who can answer it, whether it fits the
stage, which of their priorities it probes, which signals it lets them show. Coverage
across categories is the selector's job, since it depends on what is already chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from askback.core import taxonomy
from askback.core.models import Question
from askback.plan.request import PlanRequest

ROLE_WEIGHT = (1.0, 0.7, 0.5)
STAGE_FIT = 0.5
STAGE_MISFIT = -0.75
PRIORITY_WEIGHT = 2.0
PRIORITY_MATCH = {"direct": 1.0, "subtopic": 0.6, "category": 0.25}
SIGNAL_EACH, SIGNAL_CAP = 0.4, 0.8
# Asked at the wrong stage, these are not just weaker but harmful: pay before the screen is
# over, equity with someone who cannot speak to it.
STAGE_SENSITIVE = frozenset({"compensation", "equity"})


@dataclass(frozen=True)
class Candidate:
    question: Question
    score: float
    reasons: tuple[str, ...]
    priority_categories: frozenset[str]


def score(question: Question, request: PlanRequest) -> Candidate | None:
    """The question's fit, or None when this interviewer or stage is the wrong one for it."""
    if request.interviewer not in question.roles:
        return None
    stage_fits = request.stage in question.stages
    if not stage_fits and question.subtopic in STAGE_SENSITIVE:
        return None
    reasons: list[str] = []
    total = _role_part(question, request.interviewer, reasons)
    total += STAGE_FIT if stage_fits else STAGE_MISFIT
    if stage_fits:
        reasons.append(f"fits the {taxonomy.stage_label(request.stage).lower()} stage")
    priority_part, categories = _priority_part(question, request, reasons)
    total += priority_part + _signal_part(question, request, reasons)
    return Candidate(question, round(total, 4), tuple(reasons), categories)


def _role_part(question: Question, interviewer: str, reasons: list[str]) -> float:
    rank = question.roles.index(interviewer)
    label = taxonomy.role_label(interviewer).lower()
    reasons.append(f"a {label} is the best person to answer it" if rank == 0 else f"a {label} can answer it")
    return ROLE_WEIGHT[min(rank, len(ROLE_WEIGHT) - 1)]


def _priority_part(question: Question, request: PlanRequest, reasons: list[str]) -> tuple[float, frozenset[str]]:
    weights = request.profile.priorities
    top = max(weights.values(), default=0.0)
    if top <= 0:
        return 0.0, frozenset()
    total = 0.0
    touched: set[str] = set()
    for priority_id, weight in sorted(weights.items(), key=lambda kv: -kv[1]):
        prio = taxonomy.priority(priority_id)
        if priority_id in question.priorities:
            match = "direct"
        elif question.subtopic in prio.subtopics:
            match = "subtopic"
        elif question.category in prio.categories:
            match = "category"
        else:
            continue
        touched.add(priority_id)
        total += PRIORITY_MATCH[match] * weight / top
        if match != "category":
            reasons.append(f"probes your priority {prio.label.lower()} (weight {weight:g})")
    categories = frozenset(c for p in touched for c in taxonomy.priority(p).categories)
    return PRIORITY_WEIGHT * total, categories


def _signal_part(question: Question, request: PlanRequest, reasons: list[str]) -> float:
    shown = [s for s in request.profile.signals if s in question.signals]
    if shown:
        reasons.append("lets you show " + ", ".join(taxonomy.signal_label(s).lower() for s in shown))
    return min(SIGNAL_CAP, SIGNAL_EACH * len(shown))
