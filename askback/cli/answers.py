"""``askback answers``: what interviewers said, which shapes the next round's plan."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows
from askback.errors import UsageError

answers_app = typer.Typer()


def register(app: typer.Typer) -> None:
    app.add_typer(answers_app, name="answers")


@answers_app.callback(no_args_is_help=True)
def answers_group() -> None:
    """Record and list the answers interviewers gave to your questions.

    Example: askback answers list --company acme
    """


@answers_app.command(name="add")
def add(
    plan_id: Annotated[int, typer.Argument(help="The plan the question was in.")],
    question_id: Annotated[str, typer.Argument(help="The question's id (askback plans show N --format json).")],
    text: Annotated[str, typer.Argument(help="What the interviewer said, in your words.")],
    rating: Annotated[
        int | None, typer.Option("--rating", help="How good the answer was, 1 (bad) to 5 (great).")
    ] = None,
) -> None:
    """Record the answer to one question of a plan.

    The next plan for the company leaves answered questions out, except a few key ones
    asked again of a different person as cross-checks.

    Example: askback answers add 3 growth-mentoring-first-mentor "Everyone gets a buddy for 90 days" --rating 4
    """
    from askback.core.models import Answer
    from askback.store import answers, plans

    if rating is not None and not 1 <= rating <= 5:
        raise UsageError(f"--rating must be from 1 to 5, not {rating}")
    with runtime().session() as session:
        plan = plans.get(session, plan_id)
        if question_id not in {i.question_id for i in plan.items}:
            raise UsageError(f"question {question_id!r} is not in plan {plan_id}")
        answers.add(session, plan.company.id, Answer(question_id, plan.interviewer, text, rating, plan_id))
    typer.echo(f"Answer saved for {question_id} ({plan.company.name}, {plan.interviewer}).")


@answers_app.command(name="list")
def list_answers(company: CompanyOption, fmt: FormatOption = ListFormat.text) -> None:
    """List the answers recorded for a company.

    Example: askback answers list --company acme
    """
    from askback.store import answers, companies

    with runtime().session() as session:
        found = companies.get(session, company)
        rows = [
            {
                "question": a.question_id,
                "interviewer": a.interviewer,
                "rating": a.rating,
                "answer": a.text,
                "plan": a.plan_id,
            }
            for a in answers.for_company(session, found.id)
        ]
    columns = [("question", "Question"), ("interviewer", "Interviewer"), ("rating", "Rating"), ("answer", "Answer")]
    emit_rows(rows, columns, fmt, empty="No answers recorded yet.")
