"""``askback demo``: the main job end to end on the bundled fictional company."""

from __future__ import annotations

import typer

from askback.cli.options import InterviewerOption, MinutesOption, StageOption, open_db
from askback.cli.output import DocFormat, DocFormatOption
from askback.cli.prepare import ExplainOption, OutOption, show_plan


def register(app: typer.Typer) -> None:
    app.command(name="demo")(demo)


def demo(
    interviewer: InterviewerOption = "hiring-manager",
    stage: StageOption = None,
    minutes: MinutesOption = 15,
    explain: ExplainOption = True,
    fmt: DocFormatOption = DocFormat.text,
    out: OutOption = None,
) -> None:
    """Load the demo company and prepare a plan for it with the demo profile.

    Your own profile is kept if you have one. Everything works offline.

    Example: askback demo --interviewer skip-level --minutes 20
    """
    from askback.demo.service import load_demo
    from askback.plan.service import prepare

    db = open_db()
    company, _profile, summary = load_demo(db)
    typer.echo(
        f"Demo company {company.name}: {summary.pages_new + summary.pages_changed + summary.pages_unchanged} pages, "
        f"{summary.facts or 'no new'} facts researched from its bundled site.",
        err=True,
    )
    plan = prepare(db, company.name, interviewer=interviewer, stage=stage, minutes=minutes)
    show_plan(plan, fmt, explain, out)
