"""The candidate's profile: the role sought, priorities and their weights, signals to show."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from askback.core import rules, taxonomy
from askback.core.models import Profile
from askback.errors import UsageError
from askback.web.views import FormData, Rt, redirect, render

router = APIRouter()


@router.get("/profile", response_class=HTMLResponse)
def show(request: Request, rt: Rt, saved: bool = False) -> HTMLResponse:
    from askback.services.profiles import get_profile

    profile = get_profile(rt) or Profile()
    return render(request, "profile.html", profile=profile, saved=saved, max_weight=rules.MAX_WEIGHT)


@router.post("/profile")
def save(rt: Rt, form: FormData) -> Response:
    """The whole profile as the form shows it: a priority left empty or at 0 does not count."""
    from askback.services.profiles import check_change, save_profile

    def one(name: str) -> str:
        return (form.get(name) or [""])[0].strip()

    priorities: dict[str, float] = {}
    for priority_id in taxonomy.PRIORITY_IDS:
        raw = one(f"priority-{priority_id}")
        if raw:
            try:
                priorities[priority_id] = float(raw)
            except ValueError:
                raise UsageError(f"the weight of {priority_id} must be a number, not {raw!r}") from None
    change = check_change(
        role=one("role"), seniority=one("seniority"), priorities=priorities, signals=form.get("signal", [])
    )
    save_profile(rt, change)
    return redirect("/profile?saved=1")
