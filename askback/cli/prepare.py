"""``askback prepare``: the main job, a plan for the next interview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from askback.cli.options import (
    CompanyOption,
    MinutesOption,
    PriorityOption,
    SignalOption,
    StageOption,
    parse_priorities,
    parse_signals,
    runtime,
)
from askback.cli.output import DocFormat, DocFormatOption
from askback.core.models import Plan

ExplainOption = Annotated[bool, typer.Option("--explain", "-e", help="Say why each question was chosen.")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Write the plan to this file.")]


def register(app: typer.Typer) -> None:
    app.command(name="prepare")(prepare)


def prepare(
    company: CompanyOption,
    role: Annotated[str | None, typer.Option("--role", "-r", help="The job you are interviewing for.")] = None,
    interviewer: Annotated[
        str | None,
        typer.Option(
            "--interviewer",
            "-i",
            help="Who you will talk to: recruiter, hiring-manager, peer, skip-level or executive "
            "(default: the --with person's role, else hiring-manager).",
        ),
    ] = None,
    with_name: Annotated[
        str | None, typer.Option("--with", "-w", help="A known interviewer's name (askback interviewers add).")
    ] = None,
    stage: StageOption = None,
    minutes: MinutesOption = 15,
    priority: PriorityOption = None,
    signal: SignalOption = None,
    explain: ExplainOption = False,
    fmt: DocFormatOption = DocFormat.text,
    out: OutOption = None,
) -> None:
    """Prepare a plan of questions for your next interview with a company.

    Uses your saved profile (askback profile set) unless --priority or --signal are given.
    --with aims the plan at a person you added with askback interviewers add. The plan is
    saved; askback plans lists it.

    Example: askback prepare --company acme --interviewer hiring-manager --minutes 10 --priority mentoring=3 --explain
    """
    from askback.plan.service import prepare as prepare_plan

    plan = prepare_plan(
        runtime(),
        company,
        interviewer=interviewer,
        stage=stage,
        minutes=minutes,
        role=role,
        priorities=parse_priorities(priority),
        signals=parse_signals(signal),
        with_name=with_name,
    )
    show_plan(plan, fmt, explain, out)


def show_plan(plan: Plan, fmt: DocFormat, explain: bool, out: Path | None) -> None:
    from askback.cli.output import console, emit_document
    from askback.plan import export

    if fmt is DocFormat.json:
        emit_document(export.to_json(plan), out)
    elif fmt is DocFormat.md or out is not None:
        emit_document(export.to_markdown(plan, explain), out)
    else:
        from askback.cli.plan_view import render_plan

        console().print(render_plan(plan, explain))
