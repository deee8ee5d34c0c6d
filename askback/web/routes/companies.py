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
    from askback.store import companies, plans
    from askback.store import research as research_store

    with rt.session() as session:
        known = companies.list_all(session)
        counts = {c.id: research_store.counts(session, c.id) for c in known}
        plan_lists = {c.id: plans.list_all(session, c.id) for c in known}
    from askback.people.status import status

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
    from askback.store import companies

    url = url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"a company's site is an http:// or https:// address, not {url!r}")
    with rt.session() as session:
        company = companies.ensure(session, name, url=url or None)
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
    from askback.store import companies

    source = source.strip()
    if not source:
        raise UsageError("name a site (https://...) or a folder to research")
    with rt.session() as session:
        company = companies.get(session, slug)
    job = jobs.submit(company.name, [source], allow_private=allow_private)
    if is_htmx(request):
        return render(request, "_job.html", job=job, company=company)
    return redirect(f"/#c-{company.slug}")


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_status(request: Request, rt: Rt, jobs: Jobs, job_id: str) -> HTMLResponse:
    from askback.store import companies

    try:
        job = jobs.status(job_id)
    except NotFoundError:
        raise NotFoundError("that research job is not known (the server may have restarted)") from None
    with rt.session() as session:
        company = companies.get(session, job.company)
    return render(request, "_job.html", job=job, company=company)
