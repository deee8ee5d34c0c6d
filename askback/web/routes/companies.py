"""Companies: add one (or the demo company), start research from a URL or folder, watch it run."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from askback.errors import NotFoundError, UsageError
from askback.web.views import Jobs, Rt, is_htmx, redirect, render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def index(request: Request, rt: Rt, jobs: Jobs) -> HTMLResponse:
    from askback.demo.service import demo_company
    from askback.people.status import status
    from askback.services.companies import list_companies

    overviews = list_companies(rt)
    known = [o.company for o in overviews]
    counts = {o.company.id: (o.pages, o.facts) for o in overviews}
    plan_lists = {o.company.id: o.plans for o in overviews}
    demo = demo_company()
    return render(
        request,
        "companies.html",
        statuses=status(rt, unknowns=False),  # fast; the page then fetches /status for the unknowns
        companies=known,
        counts=counts,
        plans=plan_lists,
        jobs={c.id: jobs.jobs(c.name)[:1] for c in known},
        demo=demo,
        has_demo=any(c.slug == demo.slug for c in known),
    )


@router.post("/companies")
def add_company(rt: Rt, name: Annotated[str, Form()], url: Annotated[str, Form()] = "") -> Response:
    from askback.services.companies import add_company

    company = add_company(rt, name, url)
    return redirect(f"/#c-{company.slug}")


@router.post("/demo")
def add_demo(rt: Rt) -> Response:
    """The bundled fictional company, and the demo profile for a user who has none yet."""
    from askback.demo.service import add_demo as add

    company, _profile = add(rt)
    return redirect(f"/#c-{company.slug}")


@router.post("/companies/{slug}/research")
def start_research(
    request: Request,
    rt: Rt,
    jobs: Jobs,
    slug: str,
    source: Annotated[str, Form()],
    allow_private: Annotated[bool, Form()] = False,
) -> Response:
    from askback.services.companies import get_company

    source = source.strip()
    if not source:
        raise UsageError("name a site (https://...) or a folder to research")
    company = get_company(rt, slug)
    job = jobs.submit(company.name, [source], allow_private=allow_private)
    if is_htmx(request):
        return render(request, "_job.html", job=job, company=company)
    return redirect(f"/#c-{company.slug}")


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_status(request: Request, rt: Rt, jobs: Jobs, job_id: str) -> HTMLResponse:
    from askback.services.companies import get_company

    try:
        job = jobs.status(job_id)
    except NotFoundError:
        raise NotFoundError("that research job is not known (the server may have restarted)") from None
    company = get_company(rt, job.company)
    return render(request, "_job.html", job=job, company=company)
