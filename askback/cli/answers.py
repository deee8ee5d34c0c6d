"""``askback answers``: what interviewers said, which shapes the next round's plan."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows

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
    from askback.plan.live import get, record_answer

    rt = runtime()
    record_answer(rt, plan_id, text, rating, question_id=question_id)
    plan = get(rt, plan_id)
    typer.echo(f"Answer saved for {question_id} ({plan.company.name}, {plan.interviewer}).")


@answers_app.command(name="list")
def list_answers(company: CompanyOption, fmt: FormatOption = ListFormat.text) -> None:
    """List the answers recorded for a company.

    Example: askback answers list --company acme
    """
    from askback.plan.live import answers_for_company

    _company, answers = answers_for_company(runtime(), company)
    rows = [
        {
            "question": a.question_id,
            "interviewer": a.interviewer,
            "rating": a.rating,
            "answer": a.text,
            "plan": a.plan_id,
        }
        for a in answers
    ]
    columns = [("question", "Question"), ("interviewer", "Interviewer"), ("rating", "Rating"), ("answer", "Answer")]
    emit_rows(rows, columns, fmt, empty="No answers recorded yet.")
