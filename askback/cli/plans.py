"""``askback plans``: the saved plans, listed and re-exported."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.options import runtime
from askback.cli.output import DocFormat, DocFormatOption, FormatOption, ListFormat, emit_rows
from askback.cli.prepare import ExplainOption, OutOption, show_plan

plans_app = typer.Typer(no_args_is_help=False)


def register(app: typer.Typer) -> None:
    app.add_typer(plans_app, name="plans")


@plans_app.callback(invoke_without_command=True)
def plans_default(
    ctx: typer.Context,
    company: Annotated[str | None, typer.Option("--company", "-c", help="Only this company's plans.")] = None,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List saved plans (the same as askback plans list).

    Example: askback plans --company acme
    """
    if ctx.invoked_subcommand is None:
        list_plans(company, fmt)


@plans_app.command(name="list")
def list_plans(
    company: Annotated[str | None, typer.Option("--company", "-c", help="Only this company's plans.")] = None,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List saved plans, oldest first.

    Example: askback plans list --format json
    """
    from askback.plan.service import list_plans as saved_plans

    saved = saved_plans(runtime(), company)
    rows = [
        {
            "id": p.id,
            "company": p.company.name,
            "created": p.created_at.strftime("%Y-%m-%d %H:%M") if p.created_at else None,
            "interviewer": p.interviewer,
            "stage": p.stage,
            "minutes": p.minutes,
            "questions": len(p.main),
            "backups": len(p.backups),
        }
        for p in saved
    ]
    columns = [
        ("id", "Plan"),
        ("company", "Company"),
        ("created", "Created"),
        ("interviewer", "Interviewer"),
        ("stage", "Stage"),
        ("minutes", "Minutes"),
        ("questions", "Questions"),
    ]
    emit_rows(rows, columns, fmt, empty="No plans yet. Try: askback prepare --company NAME")


@plans_app.command(name="show")
def show(
    plan_id: Annotated[int, typer.Argument(help="The plan's number, from askback plans.")],
    explain: ExplainOption = False,
    fmt: DocFormatOption = DocFormat.text,
    out: OutOption = None,
) -> None:
    """Show a saved plan again, or export it with --format md|json --out FILE.

    Example: askback plans show 3 --format md --out acme-plan.md
    """
    from askback.plan.live import get

    show_plan(get(runtime(), plan_id), fmt, explain, out)


@plans_app.command(name="export")
def export(
    plan_id: Annotated[int, typer.Argument(help="The plan's number, from askback plans.")],
    fmt: Annotated[DocFormat, typer.Option("--format", "-f", help="md or json.")] = DocFormat.md,
    out: OutOption = None,
    explain: ExplainOption = False,
) -> None:
    """Export a saved plan as Markdown or JSON (to a file with --out).

    Example: askback plans export 3 --format json --out plan.json
    """
    show(plan_id, explain=explain, fmt=DocFormat.md if fmt is DocFormat.text else fmt, out=out)
