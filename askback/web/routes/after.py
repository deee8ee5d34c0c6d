"""After the interview: what each answer was and how good, and a rating per category."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from askback.core import taxonomy
from askback.errors import UsageError
from askback.web.views import FormData, Rt, is_htmx, redirect, render

router = APIRouter()


@router.get("/plans/{plan_id}/after", response_class=HTMLResponse)
def after(request: Request, rt: Rt, plan_id: int, saved: bool = False) -> HTMLResponse:
    from askback.plan import live

    plan = live.get(rt, plan_id)
    answers = live.answers_for_plan(rt, plan_id)
    return render(
        request,
        "after.html",
        plan=plan,
        answers=answers,
        averages=live.rating_by_category(plan, answers),
        saved=saved,
    )


@router.post("/plans/{plan_id}/items/{item_id}/answer")
def record_answer(
    request: Request,
    rt: Rt,
    plan_id: int,
    item_id: int,
    text: Annotated[str, Form()] = "",
    rating: Annotated[str, Form()] = "",
) -> Response:
    from askback.plan import live

    answer = live.record_answer(rt, plan_id, text, _rating(rating), item_id=item_id)
    if is_htmx(request):
        return render(request, "_answer_saved.html", answer=answer)
    return redirect(f"/plans/{plan_id}/after#a-{item_id}")


@router.post("/plans/{plan_id}/ratings")
def rate_categories(rt: Rt, plan_id: int, form: FormData) -> Response:
    from askback.plan import live

    ratings: dict[str, int] = {}
    for category in taxonomy.CATEGORY_IDS:
        value = _rating((form.get(f"rating-{category}") or [""])[0])
        if value is not None:
            ratings[category] = value
    live.rate_categories(rt, plan_id, ratings)
    return redirect(f"/plans/{plan_id}/after?saved=1#categories")


def _rating(raw: str) -> int | None:
    """A form's rating as a number (the service checks its range); empty is none."""
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise UsageError(f"a rating is a number from 1 to 5, not {raw!r}")
    return int(raw)
