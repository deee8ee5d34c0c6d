"""Interviewers on the company page, and the search at a glance (``/status``, also on the
home page): thin handlers over the same services as ``askback interviewers`` and
``askback status``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from askback.web.views import Rt, redirect, render, wants_json

router = APIRouter()


@router.post("/companies/{slug}/interviewers")
def add_interviewer(
    rt: Rt,
    slug: str,
    name: Annotated[str, Form()],
    title: Annotated[str, Form()],
    role: Annotated[str, Form()] = "",
    notes: Annotated[str, Form()] = "",
    on: Annotated[str, Form()] = "",
    stage: Annotated[str, Form()] = "",
) -> Response:
    from askback.people.interviewers import add
    from askback.people.interviewers import list_people as known

    company, _ = known(rt, slug)  # a company the page was shown for; never created here
    add(rt, company.slug, name, title, role or None, notes, on.strip() or None, stage or None)
    return redirect(f"/companies/{company.slug}#interviewers")


@router.post("/companies/{slug}/interviewers/{interviewer_id}/remove")
def remove_interviewer(rt: Rt, slug: str, interviewer_id: int) -> Response:
    from askback.people.interviewers import list_people, remove

    company, people = list_people(rt, slug)
    person = next((p for p in people if p.interviewer.id == interviewer_id), None)
    if person is not None:
        remove(rt, company.slug, person.name)
    return redirect(f"/companies/{company.slug}#interviewers")


@router.get("/companies/{slug}/interviewers", response_model=None)
def interviewers(request: Request, rt: Rt, slug: str) -> JSONResponse | Response:
    from askback.people.interviewers import list_people

    company, people = list_people(rt, slug)
    if wants_json(request):
        return JSONResponse([p.as_dict() for p in people])
    return redirect(f"/companies/{company.slug}#interviewers")


@router.get("/companies/{slug}/interviewers/plan", response_model=None)
def who_asks_what(request: Request, rt: Rt, slug: str) -> HTMLResponse | JSONResponse:
    from askback.people.split import split

    found = split(rt, slug)
    if wants_json(request):
        return JSONResponse(found.as_dict())
    return render(request, "who_asks_what.html", split=found)


@router.get("/status", response_model=None)
def status(request: Request, rt: Rt) -> HTMLResponse | JSONResponse:
    from askback.people.status import status as load

    found = load(rt)
    if wants_json(request):
        return JSONResponse([s.as_dict() for s in found])
    return render(request, "status.html", statuses=found)
