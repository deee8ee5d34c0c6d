"""``askback bank``: browse and search the question bank."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.output import FormatOption, ListFormat, emit_rows
from askback.core.models import Question

bank_app = typer.Typer()
CategoryOption = Annotated[
    str | None, typer.Option("--category", "-c", help="people, culture, processes, impact, growth, fun or essentials.")
]
COLUMNS = [
    ("id", "Id"),
    ("category", "Category"),
    ("subtopic", "Subtopic"),
    ("roles", "Best asked of"),
    ("text", "Question"),
]


def register(app: typer.Typer) -> None:
    app.add_typer(bank_app, name="bank")


@bank_app.callback(invoke_without_command=True)
def bank_default(ctx: typer.Context, category: CategoryOption = None, fmt: FormatOption = ListFormat.text) -> None:
    """List the bank's questions (the same as askback bank list).

    Example: askback bank --category growth
    """
    if ctx.invoked_subcommand is None:
        list_questions(category, fmt)


@bank_app.command(name="list")
def list_questions(category: CategoryOption = None, fmt: FormatOption = ListFormat.text) -> None:
    """List questions, optionally of one category.

    Example: askback bank list --category culture --format json
    """
    from askback.bank.search import questions

    emit_rows([_row(q) for q in questions(category)], COLUMNS, fmt)


@bank_app.command(name="show")
def show(
    question_id: Annotated[str, typer.Argument(help="A question id from askback bank list.")],
    fmt: FormatOption = ListFormat.text,
) -> None:
    """Show one question with its follow-ups and what to listen for.

    Example: askback bank show growth-mentoring-first-mentor
    """
    from askback.bank.search import question as find

    question = find(question_id)
    if fmt is not ListFormat.text:
        emit_rows([_detail(question)], [], fmt)
        return
    from askback.core import taxonomy

    d = _detail(question)
    typer.echo(question.text)
    typer.echo(f"  {question.id} · {taxonomy.category(question.category).label} · {question.subtopic}")
    for key in ("roles", "stages", "signals", "priorities", "googleable"):
        typer.echo(f"  {key}: {', '.join(d[key]) or '-'}")  # type: ignore[arg-type]
    for follow in question.follow_ups:
        typer.echo(f"  follow-up: {follow}")
    for good in question.listen_for.good:
        typer.echo(f"  good sign: {good}")
    for red in question.listen_for.red_flag:
        typer.echo(f"  red flag: {red}")


@bank_app.command(name="search")
def search(
    words: Annotated[list[str], typer.Argument(help="Words to look for, e.g. on-call pager.")],
    category: CategoryOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 10,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """Find questions by meaning-bearing words, best match first.

    Example: askback bank search learning budget conferences
    """
    from askback.bank.search import search as find

    rows = [{**_row(q), "score": round(s, 3)} for s, q in find(" ".join(words), category, limit)]
    emit_rows(rows, COLUMNS, fmt, empty=f"No question matches {' '.join(words)!r}.")


def _row(q: Question) -> dict[str, object]:
    return {"id": q.id, "category": q.category, "subtopic": q.subtopic, "roles": list(q.roles), "text": q.text}


def _detail(q: Question) -> dict[str, object]:
    return {
        **_row(q),
        "form": q.form,
        "stages": list(q.stages),
        "signals": list(q.signals),
        "priorities": list(q.priorities),
        "googleable": list(q.googleable),
        "follow_ups": list(q.follow_ups),
        "listen_for": {"good": list(q.listen_for.good), "red_flag": list(q.listen_for.red_flag)},
    }
