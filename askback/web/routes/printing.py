"""Print: a one-page cheat sheet of the plan, as a page, a PDF, Markdown or JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from askback.core.models import Plan
from askback.web.views import STATIC, Rt, render, render_text

if TYPE_CHECKING:
    from askback.plan.brief import Brief
    from askback.runtime import Runtime

router = APIRouter()


@router.get("/plans/{plan_id}/print", response_class=HTMLResponse)
def print_view(request: Request, rt: Rt, plan_id: int) -> HTMLResponse:
    from askback.bank.loader import by_id
    from askback.plan import export, live

    plan = live.get(rt, plan_id)
    brief = _brief(rt, plan)
    return render(request, "print.html", plan=plan, bank=by_id(), title=export.title(plan), for_pdf=False, brief=brief)


@router.get("/plans/{plan_id}/plan.pdf")
def pdf(rt: Rt, plan_id: int) -> Response:
    return _download(rt, plan_id, "pdf", "application/pdf", lambda plan: cheat_sheet_pdf(plan, _brief(rt, plan)))


@router.get("/plans/{plan_id}/plan.md")
def markdown(rt: Rt, plan_id: int) -> Response:
    from askback.plan import export

    return _download(rt, plan_id, "md", "text/markdown; charset=utf-8", lambda p: export.to_markdown(p, explain=True))


@router.get("/plans/{plan_id}/plan.json")
def json_export(rt: Rt, plan_id: int) -> Response:
    from askback.plan import export

    return _download(rt, plan_id, "json", "application/json", export.to_json)


def _download(rt: Rt, plan_id: int, suffix: str, media_type: str, make: Callable[[Plan], str | bytes]) -> Response:
    from askback.plan import live

    plan = live.get(rt, plan_id)
    return Response(
        make(plan),
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{_filename(plan)}.{suffix}"'},
    )


def _brief(rt: Runtime, plan: Plan) -> Brief:
    from askback.plan.brief import company_brief

    return company_brief(rt, plan.company.slug)


def cheat_sheet_pdf(plan: Plan, brief: Brief | None = None) -> bytes:
    """The cheat sheet rendered by WeasyPrint from the same template, with nothing fetched from outside."""
    import weasyprint  # type: ignore[import-untyped]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    from askback.bank.loader import by_id
    from askback.plan import export

    html = render_text(
        "print.html", plan=plan, bank=by_id(), title=export.title(plan), for_pdf=True, request=None, brief=brief
    )
    css = weasyprint.CSS(string=(STATIC / "print.css").read_text(encoding="utf-8"))
    nothing = URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=nothing)
    return bytes(document.write_pdf(stylesheets=[css]))


def _filename(plan: Plan) -> str:
    return f"askback-plan-{plan.id}-{plan.company.slug}"
