"""``askback notes``: notes from the terminal, in the same place the web app's live view keeps them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from askback.cli.options import runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows
from askback.errors import UsageError

notes_app = typer.Typer()


def register(app: typer.Typer) -> None:
    app.add_typer(notes_app, name="notes")


@notes_app.callback(no_args_is_help=True)
def notes_group() -> None:
    """Add notes to a plan from the terminal and read them back; the web app shows the same notes.

    Example: askback notes add 3 --question growth-mentoring-first-mentor "Buddy for 90 days, then nothing."
    """


@notes_app.command(name="add")
def add(
    plan_id: Annotated[int, typer.Argument(help="The plan the interview followed (askback plans).")],
    text: Annotated[str | None, typer.Argument(help="The note (- reads standard input).")] = None,
    question: Annotated[
        str | None, typer.Option("--question", help="A question id of the plan; without it, the plan's general notes.")
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the note from a text or Markdown file.")] = None,
) -> None:
    """Add a note to a plan, or to one of its questions; it is appended to what is already there.

    Example: askback notes add 3 "Team of six, two seniors left in spring."
    """
    from askback.plan.interview_notes import add_note, read_note_file

    if (text is None) == (file is None):
        raise UsageError("give the note as TEXT (or - for standard input) or with --file, not both")
    said = read_note_file(file) if file is not None else sys.stdin.read() if text == "-" else str(text)
    note = add_note(runtime(), plan_id, said, question)
    where = f'"{note.question}"' if note.question_id else "the general notes"
    typer.echo(f"Note added to plan {note.plan_id} ({note.company}, {note.interviewer}): {where}.")


@notes_app.command(name="list")
def list_notes(
    company: Annotated[str | None, typer.Option("--company", "-c", help="Only this company's notes.")] = None,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List the notes taken in interviews, in the terminal or on the web, plan by plan.

    Example: askback notes list --company acme --format json
    """
    from askback.plan.interview_notes import list_notes as load

    rows = [n.as_dict() for n in load(runtime(), company)]
    for row in rows:
        row["about"] = row["question_id"] or "general notes"
    columns = [
        ("plan", "Plan"),
        ("company", "Company"),
        ("interviewer", "Interviewer"),
        ("about", "About"),
        ("text", "Note"),
    ]
    emit_rows(rows, columns, fmt, empty="No notes yet. Try: askback notes add PLAN TEXT")
