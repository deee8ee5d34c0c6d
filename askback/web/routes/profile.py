"""The candidate's profile: the role sought, priorities and their weights, signals to show."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from askback.core import taxonomy
from askback.core.models import Profile
from askback.errors import UsageError
from askback.web.views import FormData, Rt, redirect, render

router = APIRouter()

MAX_WEIGHT = 10.0


@router.get("/profile", response_class=HTMLResponse)
def show(request: Request, rt: Rt, saved: bool = False) -> HTMLResponse:
    from askback.store import profiles

    with rt.session() as session:
        profile = profiles.load(session) or Profile()
    return render(request, "profile.html", profile=profile, saved=saved, max_weight=MAX_WEIGHT)


@router.post("/profile")
def save(rt: Rt, form: FormData) -> Response:
    from askback.store import profiles

    profiles_to_save = _parse(form)
    with rt.session() as session:
        profiles.save(session, profiles_to_save)
    return redirect("/profile?saved=1")


def _parse(form: dict[str, list[str]]) -> Profile:
    def one(name: str) -> str:
        return (form.get(name) or [""])[0].strip()

    seniority = one("seniority")
    if seniority and seniority not in taxonomy.SENIORITIES:
        raise UsageError(f"unknown seniority {seniority!r}")
    priorities: dict[str, float] = {}
    for priority_id in taxonomy.PRIORITY_IDS:
        raw = one(f"priority-{priority_id}")
        if not raw:
            continue
        try:
            weight = float(raw)
        except ValueError:
            raise UsageError(f"the weight of {priority_id} must be a number, not {raw!r}") from None
        if not 0 <= weight <= MAX_WEIGHT:
            raise UsageError(f"weights are from 0 (does not matter) to {MAX_WEIGHT:g}; {priority_id} has {weight:g}")
        if weight > 0:
            priorities[priority_id] = weight
    signals = tuple(s for s in taxonomy.SIGNAL_IDS if s in form.get("signal", []))
    return Profile(role=one("role")[:200], seniority=seniority, priorities=priorities, signals=signals)
