"""Build a plan from the bank, the request and what earlier rounds already learned.

A pure function over data: the service layer loads the inputs and saves the result, so the
planner is tested without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from askback.core import taxonomy
from askback.core.models import Answer, Company, Plan, PlanItem, Question
from askback.plan.order import conversation_order
from askback.plan.request import PlanRequest
from askback.plan.score import Candidate, score
from askback.plan.select import Choice, backups, select

MAX_CROSS_CHECKS = 2


@dataclass(frozen=True)
class Grounding:
    """What research adds to a plan: questions that cite facts, and bank questions it answers."""

    questions: tuple[Question, ...] = ()
    evidence: dict[str, tuple[str, str]] = field(default_factory=dict)  # grounded question id -> (source, quote)
    answered: dict[str, tuple[str, str]] = field(default_factory=dict)  # bank question id -> (source, quote)
    # Questions always asked when the interviewer can answer them, each with the mark shown beside
    # it: one that shows the candidate's expertise, one from their notes on the interviewer.
    featured: dict[str, str] = field(default_factory=dict)


GROUNDED_BONUS = 0.8  # a question that shows you did your homework beats an equally fitting generic one
# With research, most main questions cite a fact of the company: at least half, as the product
# promises, and 0.6 so that a 15-minute plan of six questions has four of its own.
GROUNDED_SHARE = 0.6


@dataclass(frozen=True)
class History:
    """What earlier rounds with this company produced."""

    answers: tuple[Answer, ...] = ()

    def answered_ids(self) -> set[str]:
        return {a.question_id for a in self.answers if a.text.strip()}


def build_plan(
    bank: Sequence[Question],
    request: PlanRequest,
    company: Company,
    history: History = History(),
    grounding: Grounding = Grounding(),
) -> Plan:
    scored = [c for c in (score(q, request) for q in bank) if c is not None and c.question.id not in grounding.answered]
    scored += [c for c in _grounded_candidates(grounding, request) if c.question.id not in grounding.answered]
    answered = history.answered_ids()
    fresh = [c for c in scored if c.question.id not in answered]
    checks = _cross_checks(scored, request, history)
    forced = checks + _featured(fresh, grounding)
    weighted = taxonomy.weighted_categories(request.profile.priorities)
    share = GROUNDED_SHARE if grounding.questions else 0.0
    main = select(fresh, request.question_budget, weighted, forced, grounded_share=share)
    spare = [c for c in fresh if c.question.id not in {m.candidate.question.id for m in main}]
    items = [_item(m.candidate, company, "main", m.reasons, grounding, cross_check=m in checks) for m in main]
    items = conversation_order(items, lambda i: i.subtopic)
    items += [
        _item(c, company, "backup", (*c.reasons, f"stands in for {target} if that topic is covered"), grounding, target)
        for c, target in backups(spare, main)
    ]
    return Plan(
        company=company,
        interviewer=request.interviewer,
        stage=request.stage,
        minutes=request.minutes,
        items=tuple(items),
        profile=request.profile,
        role=request.profile.role,
    )


def _cross_checks(scored: Sequence[Candidate], request: PlanRequest, history: History) -> list[Choice]:
    """Key questions answered before by someone else, asked again to see if answers agree."""
    asked_by: dict[str, set[str]] = {}
    for answer in history.answers:
        if answer.text.strip():
            asked_by.setdefault(answer.question_id, set()).add(answer.interviewer)
    eligible = [c for c in scored if c.question.id in asked_by and request.interviewer not in asked_by[c.question.id]]
    eligible.sort(key=lambda c: (-c.score, c.question.id))
    limit = min(MAX_CROSS_CHECKS, max(1, request.question_budget // 3))
    return [
        Choice(
            c,
            c.score,
            (
                *c.reasons,
                "cross-check: already answered by "
                + ", ".join(taxonomy.role_label(r).lower() for r in sorted(asked_by[c.question.id]))
                + "; asking again shows whether the answers agree",
            ),
        )
        for c in eligible[:limit]
    ]


def _featured(candidates: Sequence[Candidate], grounding: Grounding) -> list[Choice]:
    return [
        Choice(c, c.score, (*c.reasons, grounding.featured[c.question.id]))
        for c in candidates
        if c.question.id in grounding.featured
    ]


def _grounded_candidates(grounding: Grounding, request: PlanRequest) -> list[Candidate]:
    found = []
    for question in grounding.questions:
        candidate = score(question, request)
        if candidate is None:
            continue
        source, quote = grounding.evidence[question.id]
        replaces = [qid for qid, (s, q) in grounding.answered.items() if (s, q) == (source, quote)]
        reasons: tuple[str, ...] = (f"cites {source}: “{quote}”",)
        if replaces:
            reasons += (f"in place of {', '.join(replaces)}, which that page already answers",)
        found.append(
            Candidate(
                question,
                round(candidate.score + GROUNDED_BONUS, 4),
                candidate.reasons + reasons,
                candidate.priority_categories,
            )
        )
    return found


def _item(
    candidate: Candidate,
    company: Company,
    kind: str,
    reasons: tuple[str, ...],
    grounding: Grounding,
    backup_for: str | None = None,
    cross_check: bool = False,
) -> PlanItem:
    q = candidate.question
    evidence = grounding.evidence.get(q.id)
    return PlanItem(
        question_id=q.id,
        text=q.render(company.name),
        category=q.category,
        subtopic=q.subtopic,
        kind=kind,
        cross_check=cross_check,
        score=candidate.score,
        reasons=reasons,
        backup_for=backup_for,
        follow_ups=tuple(f.replace("{company}", company.name) for f in q.follow_ups),
        listen_good=q.listen_for.good,
        listen_red_flag=q.listen_for.red_flag,
        evidence=(evidence,) if evidence else (),
        mark=grounding.featured.get(q.id, ""),
    )
