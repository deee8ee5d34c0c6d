"""Load the demo company and a demo candidate profile into the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from askback.core.datafile import load_yaml
from askback.core.models import Company, Profile
from askback.research.service import ResearchSummary, research
from askback.runtime import Runtime
from askback.store import companies, profiles

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

    raw = load_yaml(DEMO_DIR / "company.yaml")
    p = raw.get("profile", {})
    return DemoCompany(
        name=raw["name"],
        slug=raw["slug"],
        url=raw["url"],
        about=raw.get("about", ""),
        profile=Profile(
            role=p.get("role", ""),
            seniority=p.get("seniority", ""),
            priorities={k: float(v) for k, v in p.get("priorities", {}).items()},
            signals=tuple(p.get("signals", ())),
        ),
        site=SITE_DIR,
    )


def load_demo(runtime: Runtime) -> tuple[Company, Profile, ResearchSummary]:
    """Register and research the demo company; give the user the demo profile if they have none.

    Research is incremental, so running the demo again costs little.
    """
    demo = demo_company()
    with runtime.session() as session:
        company = companies.ensure(session, demo.name, url=demo.url, about=demo.about)
        profile = profiles.load(session)
        if profile is None:
            profiles.save(session, demo.profile)
            profile = demo.profile
    summary = research(runtime, demo.name, [str(demo.site)])
    _load_posting(runtime, demo.name)
    return company, profile, summary


def _load_posting(runtime: Runtime, company: str) -> None:
    """The demo job posting; adding it again is a no-op, so the demo can run any number of times."""
    from askback.research.posting_service import add_job

    add_job(runtime, company, str(POSTING))


COMPANIES_DIR = DEMO_DIR / "companies"


def load_comparison(runtime: Runtime) -> list[Company]:
    """The three demo companies' interviews, notes, employee accounts and offers, loaded once.

    Interviews become saved plans of the questions asked, with their answers and notes, as if
    the candidate had used askback through each process; loading again adds nothing, so
    ``askback demo`` can be run any number of times.
    """

    main = COMPANIES_DIR / f"{demo_company().slug}.yaml"
    loaded = []
    for path in sorted(COMPANIES_DIR.glob("*.yaml"), key=lambda p: (p != main, p.name)):
        raw = load_yaml(path)
        loaded.append(_load_company(runtime, raw))
    return loaded


def _load_company(runtime: Runtime, raw: dict[str, Any]) -> Company:
    from askback.assess import service as assess
    from askback.assess.accounts import AccountDraft

    with runtime.session() as session:
        company = companies.ensure(session, raw["name"], about=raw.get("about"))
        for interview in raw.get("interviews", ()):
            _load_interview(session, company, interview)
    drafts = [
        AccountDraft(
            a["text"], a.get("who"), a.get("role", ""), str(a.get("when", "")), a.get("source", "conversation")
        )
        for a in raw.get("accounts", ())
    ]
    if drafts:
        assess.add_accounts(runtime, company.name, drafts)
    if raw.get("offer"):
        _load_offer(runtime, company, raw["offer"])
    return company


def _load_interview(session: Session, company: Company, interview: dict[str, Any]) -> None:
    from askback.bank.loader import by_id
    from askback.core.models import Answer, Plan, PlanItem
    from askback.store import answers, plans

    notes = interview.get("notes", "").strip()
    interviewer, stage = interview["interviewer"], interview["stage"]
    if any(
        p.interviewer == interviewer and p.stage == stage and p.notes == notes
        for p in plans.list_all(session, company.id)
    ):
        return
    bank = by_id()
    questions = [bank[a["question"]] for a in interview.get("answers", ())]
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
    for a in interview.get("answers", ()):
        answers.add(
            session, company.id, Answer(a["question"], interviewer, a["answer"].strip(), a.get("rating"), plan.id)
        )


def _load_offer(runtime: Runtime, company: Company, raw: dict[str, Any]) -> None:
    from askback.assess import service as assess
    from askback.assess.offers import check_equity
    from askback.store import assess as store

    offer = store.OfferRecord(
        company_id=company.id,
        title=raw.get("title", ""),
        base=float(raw["base"]),
        currency=raw["currency"],
        period=raw.get("period", "year"),
        bonus_percent=float(raw.get("bonus_percent", 0)),
        equity=check_equity(raw.get("equity") or {}),
        location=raw.get("location", ""),
        start=str(raw.get("start", "")),
    )
    with runtime.session() as session:
        if store.same_offer_exists(session, offer):
            return
    assess.add_offer(runtime, company.name, offer)
