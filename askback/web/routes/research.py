"""A company's page: its brief (what is distinctive, its numbers, what not to ask), then its
research, facts by topic, each with its quote and a link to its source."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from askback.core.models import Fact
from askback.web.views import Rt, render

router = APIRouter()


@router.get("/companies/{slug}", response_class=HTMLResponse)
def company_research(request: Request, rt: Rt, slug: str, topic: str | None = None) -> HTMLResponse:
    from askback.core.rules import research_topic
    from askback.core.taxonomy import RESEARCH_TOPIC_IDS
    from askback.plan.brief import company_brief
    from askback.services.companies import company_facts

    research_topic(topic)
    company, facts = company_facts(rt, slug)
    by_topic: dict[str, list[Fact]] = {t: [] for t in RESEARCH_TOPIC_IDS}
    for fact in facts:
        for fact_topic in fact.topic_ids[:1] if topic is None else fact.topic_ids:
            by_topic.setdefault(fact_topic, []).append(fact)
    from askback.research.posting_service import list_jobs

    postings = list_jobs(rt, company.name)
    from askback.people.interviewers import list_people

    _, people = list_people(rt, company.slug)
    counts = {t: len(f) for t, f in by_topic.items() if f}
    brief = company_brief(rt, company.slug) if facts and topic is None else None
    shown = {t: f for t, f in by_topic.items() if f and (topic is None or t == topic)}
    return render(
        request,
        "research.html",
        company=company,
        by_topic=shown,
        counts=counts,
        topic=topic,
        total=len(facts),
        postings=postings,
        people=people,
        brief=brief,
    )
