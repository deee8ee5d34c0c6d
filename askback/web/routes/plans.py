"""The plan builder: choose interviewer, stage and minutes; reorder, swap, remove, add your own."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from askback.runtime import Runtime
from askback.web.views import Lint, Rt, is_htmx, redirect, render

router = APIRouter()


@router.get("/plans", response_class=HTMLResponse)
def list_plans(request: Request, rt: Rt) -> HTMLResponse:
    from askback.plan.service import list_plans as saved_plans

    saved = saved_plans(rt)
    return render(request, "plans.html", plans=list(reversed(saved)))


@router.get("/plans/new", response_class=HTMLResponse)
def new_plan(request: Request, rt: Rt, company: str | None = None) -> HTMLResponse:
    from askback.services.companies import list_companies
    from askback.services.profiles import get_profile

    known = [o.company for o in list_companies(rt)]
    return render(request, "new_plan.html", companies=known, chosen=company, profile=get_profile(rt))


@router.post("/plans")
def create_plan(
    rt: Rt,
    company: Annotated[str, Form()],
    interviewer: Annotated[str, Form()] = "",
    stage: Annotated[str, Form()] = "",
    minutes: Annotated[int, Form()] = 15,
    role: Annotated[str, Form()] = "",
    with_name: Annotated[str, Form(alias="with")] = "",
) -> Response:
    from askback.plan.service import prepare

    plan = prepare(
        rt,
        company,
        interviewer=interviewer or (None if with_name.strip() else "hiring-manager"),
        stage=stage or None,
        minutes=minutes,
        role=role.strip() or None,
        with_name=with_name.strip() or None,
    )
    return redirect(f"/plans/{plan.id}")


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def builder(request: Request, rt: Rt, linter: Lint, plan_id: int) -> HTMLResponse:
    from askback.plan import live

    plan = live.get(rt, plan_id)
    linter.warm(plan)
    return render(request, "builder.html", plan=plan)


def _items(request: Request, rt: Runtime, plan_id: int, anchor: str = "") -> Response:
    """The plan's questions after a change: a fragment for htmx, else the page again."""
    from askback.plan import live

    if is_htmx(request):
        return render(request, "_builder_items.html", plan=live.get(rt, plan_id))
    return redirect(f"/plans/{plan_id}{anchor}")


@router.post("/plans/{plan_id}/items/{item_id}/move")
def move(request: Request, rt: Rt, plan_id: int, item_id: int, offset: Annotated[int, Form()]) -> Response:
    from askback.plan import live

    live.move(rt, plan_id, item_id, max(-1, min(1, offset)))
    return _items(request, rt, plan_id, f"#item-{item_id}")


@router.post("/plans/{plan_id}/items/{item_id}/remove")
def remove(request: Request, rt: Rt, plan_id: int, item_id: int) -> Response:
    from askback.plan import live

    live.remove(rt, plan_id, item_id)
    return _items(request, rt, plan_id, "#questions")


@router.post("/plans/{plan_id}/items/{item_id}/swap")
def swap(request: Request, rt: Rt, plan_id: int, item_id: int) -> Response:
    from askback.plan import live

    live.swap_in_backup(rt, plan_id, item_id)
    return _items(request, rt, plan_id, f"#item-{item_id}")


@router.post("/plans/{plan_id}/own")
def add_own(
    request: Request,
    rt: Rt,
    linter: Lint,
    plan_id: int,
    text: Annotated[str, Form()],
    category: Annotated[str, Form()] = "",
) -> Response:
    """Add the candidate's question, filed under the category the linter saw in it.

    The verdict shown while typing carries that category; without it (no JavaScript) the
    question is linted here.
    """
    from askback.core.taxonomy import CATEGORY_IDS
    from askback.plan import live

    verdict: dict[str, Any] = {"category": category} if category in CATEGORY_IDS else {}
    if not verdict and text.strip():
        verdict = linter.verdict(live.get(rt, plan_id), text) or {}
    category, subtopic = live.own_question_topic(verdict.get("category"), verdict.get("subtopic"))
    item = live.add_own(rt, plan_id, text, category, subtopic)
    return _items(request, rt, plan_id, f"#item-{item.id}")


@router.post("/plans/{plan_id}/lint", response_class=HTMLResponse)
def lint(request: Request, rt: Rt, linter: Lint, plan_id: int, text: Annotated[str, Form()] = "") -> HTMLResponse:
    from askback.plan import live

    plan = live.get(rt, plan_id)
    if not text.strip():
        return render(request, "_lint.html", verdict=None, unavailable=False, empty=True)
    verdict = linter.verdict(plan, text)
    return render(request, "_lint.html", verdict=verdict, unavailable=verdict is None, empty=False)
