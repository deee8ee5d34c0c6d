"""``askback demo``: the main job end to end on the bundled fictional company."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import MinutesOption, StageOption, runtime
from askback.cli.output import DocFormat, DocFormatOption
from askback.cli.prepare import ExplainOption, OutOption, show_plan

if TYPE_CHECKING:
    from askback.runtime import Runtime


def register(app: typer.Typer) -> None:
    app.command(name="demo")(demo)


def demo(
    interviewer: Annotated[
        str | None,
        typer.Option(
            "--interviewer",
            "-i",
            help="recruiter, hiring-manager, peer, skip-level or executive (default: the demo's next interviewer).",
        ),
    ] = None,
    stage: StageOption = None,
    minutes: MinutesOption = 15,
    explain: ExplainOption = True,
    fmt: DocFormatOption = DocFormat.text,
    out: OutOption = None,
) -> None:
    """Load the demo company and prepare a plan for it with the demo profile.

    Without --interviewer or --stage the plan is for the demo candidate's next interview: a
    technical one with Kwame Mensah, the platform team's tech lead. The demo also adds a job
    posting, two interviewers and a CV (unless you have your own). Also loads three demo companies' interviews, employee accounts and offers, so askback
    compare has something to weigh. Your own profile is kept if you have one. Everything
    works offline.

    Example: askback demo --interviewer skip-level --minutes 20
    """
    from askback.demo.service import load_demo
    from askback.plan.service import prepare

    rt = runtime()
    company, _profile, summary = load_demo(rt)
    typer.echo(
        f"Demo company {company.name}: {summary.pages_new + summary.pages_changed + summary.pages_unchanged} pages, "
        f"{summary.facts or 'no new'} facts researched from its bundled site.",
        err=True,
    )
    if interviewer is None and stage is None:
        from askback.demo.service import demo_people

        following = demo_people()[0]
        plan = prepare(rt, company.name, None, following.stage, minutes, with_name=following.name)
    else:
        plan = prepare(rt, company.name, interviewer=interviewer or "hiring-manager", stage=stage, minutes=minutes)
    show_plan(plan, fmt, explain, out)
    _load_comparison(rt)


def _load_comparison(rt: Runtime) -> None:
    """After the plan: three demo companies' interviews, accounts and offers, for askback compare."""
    from askback.demo.service import load_comparison

    loaded = load_comparison(rt)
    typer.echo(
        f"Loaded interviews, employee accounts and offers for {len(loaded)} demo companies; next: "
        f"askback compare {' '.join(c.slug for c in loaded)}",
        err=True,
    )
