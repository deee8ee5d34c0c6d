"""The live interview: tick questions, take notes that save as you type, find a follow-up, watch the time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from askback.web.views import Rt, is_htmx, redirect, render, wants_json

router = APIRouter()


@router.get("/plans/{plan_id}/live", response_class=HTMLResponse)
def live_view(request: Request, rt: Rt, plan_id: int, q: str = "") -> HTMLResponse:
    """The plan during the call; ``q`` is the follow-up finder without JavaScript."""
    from askback.bank.loader import by_id
    from askback.plan import live

    plan = live.get(rt, plan_id)
    return render(
        request,
        "live.html",
        plan=plan,
        bank=by_id(),
        saved_at=live.note_times(rt, plan_id),
        q=q,
        results=live.related(plan, q[:300]) if q.strip() else [],
    )


@router.post("/plans/{plan_id}/items/{item_id}/status")
def set_status(request: Request, rt: Rt, plan_id: int, item_id: int, status: Annotated[str, Form()]) -> Response:
    from askback.plan import live

    live.set_status(rt, plan_id, item_id, status)
    if is_htmx(request):
        plan = live.get(rt, plan_id)
        item = next(i for i in plan.items if i.id == item_id)
        return render(request, "_status.html", plan=plan, item=item)
    return redirect(f"/plans/{plan_id}/live#q-{item_id}")


@router.post("/plans/{plan_id}/items/{item_id}/note")
def save_note(
    request: Request,
    rt: Rt,
    plan_id: int,
    item_id: int,
    text: Annotated[str, Form()] = "",
    seq: Annotated[int, Form()] = 0,
) -> Response:
    from askback.plan import live

    saved_at = live.save_note(rt, plan_id, item_id, text)
    if wants_json(request):
        return JSONResponse({"saved_at": saved_at.isoformat(), "seq": seq})
    return redirect(f"/plans/{plan_id}/live#q-{item_id}")


@router.post("/plans/{plan_id}/notes")
def save_plan_notes(
    request: Request,
    rt: Rt,
    plan_id: int,
    text: Annotated[str, Form()] = "",
    seq: Annotated[int, Form()] = 0,
) -> Response:
    from askback.plan import live

    saved_at = live.save_plan_notes(rt, plan_id, text)
    if wants_json(request):
        return JSONResponse({"saved_at": saved_at.isoformat(), "seq": seq})
    return redirect(f"/plans/{plan_id}/live#notes")


@router.get("/plans/{plan_id}/keep")
def keep(rt: Rt, plan_id: int, minutes_left: float) -> JSONResponse:
    """Which open questions to keep when time is short, best first."""
    from askback.plan import live

    plan = live.get(rt, plan_id)
    return JSONResponse({"keep": live.keep_for_time_left(plan, minutes_left)})


@router.get("/plans/{plan_id}/related", response_class=HTMLResponse)
def related(request: Request, rt: Rt, plan_id: int, q: str = "") -> HTMLResponse:
    from askback.plan import live

    plan = live.get(rt, plan_id)
    return render(request, "_related.html", results=live.related(plan, q[:300]), q=q)
