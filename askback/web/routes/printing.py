"""Print: a one-page cheat sheet of the plan, as a page, a PDF, Markdown or JSON."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from askback.core.models import Plan
from askback.web.views import STATIC, Rt, render, render_text

router = APIRouter()


@router.get("/plans/{plan_id}/print", response_class=HTMLResponse)
def print_view(request: Request, rt: Rt, plan_id: int) -> HTMLResponse:
    from askback.bank.loader import by_id
    from askback.plan import export, live

    plan = live.get(rt, plan_id)
    return render(request, "print.html", plan=plan, bank=by_id(), title=export.title(plan), for_pdf=False)


@router.get("/plans/{plan_id}/plan.pdf")
def pdf(rt: Rt, plan_id: int) -> Response:
    return _download(rt, plan_id, "pdf", "application/pdf", cheat_sheet_pdf)


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


def cheat_sheet_pdf(plan: Plan) -> bytes:
    """The cheat sheet rendered by WeasyPrint from the same template, with nothing fetched from outside."""
    import weasyprint  # type: ignore[import-untyped]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    from askback.bank.loader import by_id
    from askback.plan import export

    html = render_text("print.html", plan=plan, bank=by_id(), title=export.title(plan), for_pdf=True, request=None)
    css = weasyprint.CSS(string=(STATIC / "print.css").read_text(encoding="utf-8"))
    nothing = URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=nothing)
    return bytes(document.write_pdf(stylesheets=[css]))


def _filename(plan: Plan) -> str:
    return f"askback-plan-{plan.id}-{plan.company.slug}"
