"""Job postings in the web app: add one by pasting its text or giving its URL, read its fields."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from askback.errors import UsageError
from askback.web.views import Rt, redirect, render, wants_json

router = APIRouter()


@router.post("/companies/{slug}/postings")
def add_posting(
    rt: Rt,
    slug: str,
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    allow_private: Annotated[bool, Form()] = False,
) -> Response:
    from askback.research.posting_service import add_job

    text, url = text.strip(), url.strip()
    if bool(text) == bool(url):
        raise UsageError("paste the posting's text or give its URL (one of the two)")
    if url and not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"a posting's address is an http:// or https:// URL, not {url!r}")
    added = add_job(rt, slug, url, text=text or None, allow_private=allow_private, new_company=False)
    return redirect(f"/postings/{added.job.id}")


@router.post("/postings/{job_id}/remove")
def remove_posting(rt: Rt, job_id: int) -> Response:
    from askback.research.posting_service import remove_job

    job = remove_job(rt, job_id)
    return redirect(f"/companies/{job.company_slug}")


@router.get("/postings/{job_id}", response_model=None)
def show_posting(request: Request, rt: Rt, job_id: int) -> HTMLResponse | JSONResponse:
    from askback.research.posting_service import get_job

    job = get_job(rt, job_id)
    if wants_json(request):
        return JSONResponse(job.as_dict())
    return render(request, "posting.html", job=job)
