"""Load the demo company and a demo candidate profile into the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.core.datafile import load_data
from askback.core.models import Company, Profile
from askback.research.service import ResearchSummary, research
from askback.runtime import Runtime
from askback.store import companies, profiles

if TYPE_CHECKING:
    from askback.demo.schema import DemoHistory, DemoInterview, DemoInterviewer, DemoOffer

DEMO_DIR = Path(__file__).parent
SITE_DIR = DEMO_DIR / "site"
POSTING = DEMO_DIR / "posting.md"  # the job the demo candidate answers


@dataclass(frozen=True)
class DemoCompany:
    name: str
    slug: str
    url: str
    about: str
    profile: Profile
    site: Path


def demo_company() -> DemoCompany:
    from askback.demo.schema import DemoCompanyFile

    raw = load_data(DEMO_DIR / "company.yaml", DemoCompanyFile)
    return DemoCompany(
        name=raw.name,
        slug=raw.slug,
        url=raw.url,
        about=raw.about,
        profile=Profile(
            role=raw.profile.role,
            seniority=raw.profile.seniority,
            priorities=dict(raw.profile.priorities),
            signals=tuple(raw.profile.signals),
        ),
        site=SITE_DIR,
    )


def add_demo(runtime: Runtime) -> tuple[Company, Profile]:
    """The demo company, and the demo profile for a user who has none yet: what the CLI's
    ``askback demo`` and the web app's "Add the demo company" both start with (the web app
    then researches it as a job, where the user watches it)."""
    demo = demo_company()
    with runtime.session() as session:
        company = companies.ensure(session, demo.name, url=demo.url, about=demo.about)
        profile = profiles.save_if_missing(session, demo.profile)
    _load_posting(runtime, company.name, with_facts=False)  # the web app's button answers at once
    _load_people(runtime, company)
    return company, profile


def demo_people() -> list[DemoInterviewer]:
    """The people the demo candidate meets, soonest first."""
    from askback.demo.schema import DemoCompanyFile

    raw = load_data(DEMO_DIR / "company.yaml", DemoCompanyFile)
    return sorted(raw.interviewers, key=lambda p: (p.in_days, p.time))


def _load_people(runtime: Runtime, company: Company) -> None:
    """The demo's interviewers with their interviews, and the demo CV unless the user has their
    own experience; each is added once, so the demo can run any number of times."""
    from datetime import date, timedelta

    from askback.demo.schema import DemoCompanyFile
    from askback.people import interviewers
    from askback.people.profile import experience, set_experience

    raw = load_data(DEMO_DIR / "company.yaml", DemoCompanyFile)
    _, known = interviewers.list_people(runtime, company.slug)
    names = {p.name.lower() for p in known}
    for person in raw.interviewers:
        if person.name.lower() in names:
            continue
        day = date.today() + timedelta(days=person.in_days)
        on = f"{day.isoformat()} {person.time}".strip()
        interviewers.add(runtime, company.slug, person.name, person.title, None, person.notes, on, person.stage)
    if raw.cv and not experience(runtime).items:
        set_experience(runtime, DEMO_DIR / raw.cv)


def load_demo(runtime: Runtime) -> tuple[Company, Profile, ResearchSummary]:
    """Add the demo company (see :func:`add_demo`), research its bundled site and read its
    job posting.

    Research is incremental, so running the demo again costs little.
    """
    company, profile = add_demo(runtime)
    summary = research(runtime, company.name, [str(demo_company().site)])
    _load_posting(runtime, company.name)  # now its sentences become facts too
    return company, profile, summary


def _load_posting(runtime: Runtime, company: str, with_facts: bool = True) -> None:
    """The demo job posting; adding it again changes nothing, so the demo can run any number of times."""
    from askback.research.posting_service import add_job

    add_job(runtime, company, str(POSTING), with_facts=with_facts)


COMPANIES_DIR = DEMO_DIR / "companies"


def load_comparison(runtime: Runtime) -> list[Company]:
    """The three demo companies' interviews, notes, employee accounts and offers, loaded once.

    Interviews become saved plans of the questions asked, with their answers and notes, as if
    the candidate had used askback through each process; loading again adds nothing, so
    ``askback demo`` can be run any number of times.
    """

    from askback.demo.schema import DemoHistory

    main = COMPANIES_DIR / f"{demo_company().slug}.yaml"
    loaded = []
    for path in sorted(COMPANIES_DIR.glob("*.yaml"), key=lambda p: (p != main, p.name)):
        loaded.append(_load_company(runtime, load_data(path, DemoHistory)))
    return loaded


def _load_company(runtime: Runtime, raw: DemoHistory) -> Company:
    from askback.assess import service as assess
    from askback.assess.accounts import AccountDraft

    with runtime.session() as session:
        company = companies.ensure(session, raw.name, about=raw.about or None)
        for interview in raw.interviews:
            _load_interview(session, company, interview)
    drafts = [AccountDraft(a.text, a.who, a.role, a.when, a.source) for a in raw.accounts]
    if drafts:
        assess.add_accounts(runtime, company.name, drafts)
    if raw.offer is not None:
        _load_offer(runtime, company, raw.offer)
    return company


def _load_interview(session: Session, company: Company, interview: DemoInterview) -> None:
    from askback.bank.loader import by_id
    from askback.core.models import Plan, PlanItem
    from askback.plan.live import answer_in
    from askback.store import plans

    notes = interview.notes.strip()
    interviewer, stage = interview.interviewer, interview.stage
    if any(
        p.interviewer == interviewer and p.stage == stage and p.notes == notes
        for p in plans.list_all(session, company.id)
    ):
        return
    bank = by_id()
    questions = [bank[a.question] for a in interview.answers]
    items = tuple(
        PlanItem(
            q.id,
            q.render(company.name),
            q.category,
            q.subtopic,
            status="asked",
            reasons=("asked in the demo interview",),
        )
        for q in questions
    )
    profile = profiles.load(session) or demo_company().profile
    plan = plans.save(
        session,
        Plan(
            company=company,
            interviewer=interviewer,
            stage=stage,
            minutes=max(10, 3 * len(items)),
            items=items,
            profile=profile,
        ),
    )
    assert plan.id is not None
    plans.plan_row(session, plan.id).notes = notes
    for a in interview.answers:
        answer_in(session, plan.id, a.question, a.answer, a.rating)


def _load_offer(runtime: Runtime, company: Company, raw: DemoOffer) -> None:
    from askback.assess import service as assess
    from askback.assess.offers import check_equity
    from askback.store import assess as store

    offer = store.OfferRecord(
        company_id=company.id,
        title=raw.title,
        base=raw.base,
        currency=raw.currency,
        period=raw.period,
        bonus_percent=raw.bonus_percent,
        equity=check_equity(raw.equity),
        location=raw.location,
        start=raw.start,
    )
    with runtime.session() as session:
        if store.same_offer_exists(session, offer):
            return
    assess.add_offer(runtime, company.name, offer)
