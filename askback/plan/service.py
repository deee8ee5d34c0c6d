"""The planning service: what ``askback prepare`` and the web app's plan builder call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from askback.bank import load_bank
from askback.core.models import Plan, Profile
from askback.plan.builder import History, build_plan
from askback.plan.grounding import load_grounding
from askback.plan.request import make_request
from askback.runtime import Runtime
from askback.store import answers as answer_store
from askback.store import companies, plans, profiles

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from askback.core.models import Company
    from askback.plan.builder import Grounding


def prepare(
    runtime: Runtime,
    company_name: str,
    interviewer: str = "hiring-manager",
    stage: str | None = None,
    minutes: int = 15,
    role: str | None = None,
    priorities: dict[str, float] | None = None,
    signals: tuple[str, ...] | None = None,
) -> Plan:
    """Build a plan for the next interview with ``company_name`` and save it.

    The saved profile supplies priorities and signals unless the call names its own; a
    company the database has not seen yet is created, since preparing is often the first
    thing a candidate does.
    """
    with runtime.session() as session:
        saved = profiles.load(session) or Profile()
        profile = saved.with_overrides(role=role, priorities=priorities, signals=signals)
        request = make_request(profile, interviewer=interviewer, stage=stage, minutes=minutes)
        company = companies.ensure(session, company_name)
        history = History(answers=tuple(answer_store.for_company(session, company.id)))
        grounding = _with_posting(session, company, load_grounding(session, company, runtime), profile)
        plan = build_plan(load_bank(), request, company, history, grounding)
        return plans.save(session, plan)


def _with_posting(session: Session, company: Company, grounding: Grounding, profile: Profile) -> Grounding:
    """The company's newest job posting adds stack questions, asks what it leaves out and
    drops the bank questions it already answers."""
    from askback.plan.posting_questions import merged, posting_questions
    from askback.store import jobs
    from askback.store import research as research_store

    job = jobs.latest(session, company.id)
    if job is None:
        return grounding
    facts = research_store.facts(session, company.id)
    return merged(grounding, posting_questions(job, facts, profile.role))
