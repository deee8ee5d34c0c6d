"""The planning service: what ``askback prepare`` and the web app's plan builder call."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.bank import load_bank
from askback.core.models import Company, Plan, Profile
from askback.plan.builder import Grounding, History, build_plan
from askback.plan.expertise import MARK
from askback.plan.grounding import load_grounding
from askback.plan.request import PlanRequest, make_request
from askback.runtime import Runtime
from askback.store import answers as answer_store
from askback.store import companies, plans, profiles

if TYPE_CHECKING:
    from askback.people.interviewers import Person

MAX_REBUILDS = 3


def prepare(
    runtime: Runtime,
    company_name: str,
    interviewer: str | None = "hiring-manager",
    stage: str | None = None,
    minutes: int = 15,
    role: str | None = None,
    priorities: dict[str, float] | None = None,
    signals: tuple[str, ...] | None = None,
    with_name: str | None = None,
) -> Plan:
    """Build a plan for the next interview with ``company_name`` and save it.

    The saved profile supplies priorities and signals unless the call names its own; a
    company the database has not seen yet is created, since preparing is often the first
    thing a candidate does, unless its name looks like a typo of a known company's.
    ``with_name`` aims the plan at a known interviewer: their role (unless ``interviewer`` is
    given), the stage of their next interview (unless ``stage`` is) and a question from the
    notes on them.
    """
    from askback.people.interviewers import find_in

    with runtime.session() as session:
        saved = profiles.load(session) or Profile()
        profile = saved.with_overrides(role=role, priorities=priorities, signals=signals)
        company = companies.get(session, company_name) if with_name else companies.resolve(session, company_name)
        person = find_in(session, company, with_name) if with_name else None
        who = interviewer or (person.role if person else "hiring-manager")
        if stage is None and person is not None and person.next_interview is not None:
            stage = person.next_interview.stage  # the stage of the interview on the calendar
        request = make_request(profile, interviewer=who, stage=stage, minutes=minutes)
        history = History(answers=tuple(answer_store.for_company(session, company.id)))
        grounding = load_grounding(session, company, runtime, profile.role)
        if person is not None:
            grounding = _with_notes(person, request, grounding)
        grounding = _with_expertise(runtime, session, company, request, grounding)
        grounding = _with_posting(session, company, grounding, request)  # after them: it avoids their subjects
        plan = build_plan(load_bank(), request, company, history, grounding)
        plan = _without_answered(runtime, plan, request, company, history, grounding)
        if person is not None:
            plan = replace(plan, interviewer_name=f"{person.name} ({person.interviewer.title})")
        return plans.save(session, plan)


def _with_posting(session: Session, company: Company, grounding: Grounding, request: PlanRequest) -> Grounding:
    """The company's newest job posting adds stack questions, asks what it leaves out and
    drops the bank questions it already answers."""
    from askback.plan.posting_questions import merged, posting_questions
    from askback.store import jobs
    from askback.store import research as research_store

    job = jobs.latest(session, company.id)
    if job is None:
        return grounding
    facts = research_store.facts(session, company.id)
    return merged(grounding, posting_questions(job, facts, request.profile.role), request.stage)


def _with_expertise(
    runtime: Runtime, session: Session, company: Company, request: PlanRequest, grounding: Grounding
) -> Grounding:
    """The best "shows your expertise" question is always asked; a second may win on its score.
    One on the subject of a question already featured (from the notes on the interviewer) is
    left out, so the plan does not ask about the same thing twice."""
    from askback.plan.expertise_grounding import load_expertise

    found = load_expertise(runtime, session, company, request.interviewer, request.stage)
    featured = [grounding.evidence[qid][1] for qid in grounding.featured if qid in grounding.evidence]
    found = [e for e in found if not any(_same_subject(e.fact.text, other) for other in featured)]
    if not found:
        return grounding
    return replace(
        grounding,
        questions=grounding.questions + tuple(e.question for e in found),
        evidence={**grounding.evidence, **{e.question.id: (e.fact.source, e.fact.text) for e in found}},
        featured={**grounding.featured, found[0].question.id: MARK},
    )


def _same_subject(a: str, b: str) -> bool:
    """Two texts about the same thing (two content words in common): a plan asks about it once."""
    from askback.nlp.text import content_tokens

    return len(set(content_tokens(a)) & set(content_tokens(b))) >= SAME_SUBJECT_WORDS


SAME_SUBJECT_WORDS = 2


def _with_notes(person: Person, request: PlanRequest, grounding: Grounding) -> Grounding:
    from askback.plan.notes import notes_question

    found = notes_question(person.name, person.interviewer.notes, request.interviewer)
    if found is None:
        return grounding
    qid = found.question.id
    return replace(
        grounding,
        questions=(*grounding.questions, found.question),
        evidence={**grounding.evidence, qid: (f"your notes on {person.name}", found.quote)},
        featured={**grounding.featured, qid: f"from your notes on {person.name}"},
    )


def _without_answered(
    runtime: Runtime, plan: Plan, request: PlanRequest, company: Company, history: History, grounding: Grounding
) -> Plan:
    """The plan with every question the linter finds answered by the research replaced.

    The planner already leaves out bank questions the research answers; the linter judges
    the wording as said, so it is the last word: what it flags is dropped and the plan rebuilt.
    """
    if not grounding.questions:
        return plan
    from askback.plan.lint import answered_in, load_context

    context = load_context(runtime, company.name, None, None)
    for _ in range(MAX_REBUILDS):
        found = answered_in(context, [item.text for item in plan.items])
        flagged = {item.question_id: found[item.text] for item in plan.items if item.text in found}
        if not flagged:
            break
        grounding = replace(grounding, answered={**grounding.answered, **flagged})
        plan = build_plan(load_bank(), request, company, history, grounding)
    return plan


def list_plans(runtime: Runtime, company_name: str | None = None) -> list[Plan]:
    """Saved plans, oldest first: every company's, or one company's."""
    with runtime.session() as session:
        company_id = companies.get(session, company_name).id if company_name else None
        return plans.list_all(session, company_id)
