"""``askback interviewers`` and ``askback interviews``: the people you will meet and when."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows
from askback.errors import UsageError

if TYPE_CHECKING:
    from askback.people.interviewers import Person

interviewers_app = typer.Typer()
interviews_app = typer.Typer()

NameArgument = Annotated[str, typer.Argument(help="The interviewer's name, as added.")]
OnOption = Annotated[
    str | None, typer.Option("--on", help="The interview's date, optionally with a time: 2026-12-10 14:30.")
]
InterviewStageOption = Annotated[
    str | None, typer.Option("--stage", "-s", help="screen, technical, team, final or offer.")
]


def register(app: typer.Typer) -> None:
    app.add_typer(interviewers_app, name="interviewers")
    app.add_typer(interviews_app, name="interviews")


@interviewers_app.callback(no_args_is_help=True)
def interviewers_group() -> None:
    """The people who will interview you: their title tells askback what they can answer.

    Example: askback interviewers add --company acme --name "Dana Ruiz" --title "VP Engineering"
    """


@interviewers_app.command(name="add")
def add(
    company: CompanyOption,
    name: Annotated[str, typer.Option("--name", "-n", help="Their name.")],
    title: Annotated[str, typer.Option("--title", "-t", help="Their job title, e.g. 'VP Engineering'.")],
    role: Annotated[
        str | None,
        typer.Option(
            "--role", help="recruiter, hiring-manager, peer, skip-level or executive (default: from the title)."
        ),
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="What you know of them: a bio, a talk, a post.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the notes from a file (text, Markdown, HTML, PDF).")
    ] = None,
    on: OnOption = None,
    stage: InterviewStageOption = None,
) -> None:
    """Add an interviewer; their role is read from their title relative to the job.

    Example: askback interviewers add --company acme --name "Dana Ruiz" --title "VP Engineering" --file dana-talk.md --on "2026-12-10 14:00" --stage final
    """
    from askback.people.interviewers import add as add_person

    if notes is not None and file is not None:
        raise UsageError("give --notes or --file, not both")
    text = notes or ""
    if file is not None:
        from askback.people.reading import read_text

        text = read_text(file)
    person = add_person(runtime(), company, name, title, role, text, on, stage)
    typer.echo(f"Added {person.describe()}: {person.why}.")


@interviewers_app.command(name="list")
def list_people(company: CompanyOption, fmt: FormatOption = ListFormat.text) -> None:
    """List a company's interviewers with their roles and next interviews.

    Example: askback interviewers list --company acme
    """
    from askback.people.interviewers import list_people as load

    found, people = load(runtime(), company)
    rows = [_row(p) for p in people]
    columns = [("name", "Name"), ("title", "Title"), ("role", "Role"), ("why", "Why"), ("next", "Next interview")]
    emit_rows(
        rows if fmt is ListFormat.text else [p.as_dict() for p in people],
        columns,
        fmt,
        empty=f'No interviewers for {found.name} yet. Try: askback interviewers add --company {found.slug} --name "..." --title "..."',
    )


def _row(person: Person) -> dict[str, str]:
    following = person.next_interview
    return {
        "name": person.name,
        "title": person.interviewer.title,
        "role": person.role,
        "why": person.why,
        "next": following.when + (f" ({following.stage})" if following and following.stage else "")
        if following
        else "",
    }


@interviewers_app.command(name="show")
def show(company: CompanyOption, name: NameArgument, fmt: FormatOption = ListFormat.text) -> None:
    """Show one interviewer: title, role and why, next interview, notes.

    Example: askback interviewers show --company acme "Dana Ruiz"
    """
    from askback.people.interviewers import find

    person = find(runtime(), company, name)
    if fmt is not ListFormat.text:
        emit_rows([person.as_dict()], [], fmt)
        return
    row = _row(person)
    typer.echo(f"{person.name}: {person.interviewer.title}")
    typer.echo(f"role: {person.role} ({person.why})")
    if row["next"]:
        typer.echo(f"next interview: {row['next']}")
    if person.interviewer.notes:
        typer.echo(f"notes:\n{person.interviewer.notes}")


@interviewers_app.command(name="remove")
def remove(company: CompanyOption, name: NameArgument) -> None:
    """Remove an interviewer; their interviews stay on the calendar with nobody named.

    Example: askback interviewers remove --company acme "Dana Ruiz"
    """
    from askback.people.interviewers import remove as remove_person

    person = remove_person(runtime(), company, name)
    typer.echo(f"Removed {person.name}.")


@interviews_app.callback(no_args_is_help=True)
def interviews_group() -> None:
    """Interviews on your calendar: askback status shows the next one per company.

    Example: askback interviews add --company acme --on "2026-12-10 14:00" --with "Dana Ruiz" --stage final
    """


@interviews_app.command(name="add")
def add_interview(
    company: CompanyOption,
    on: Annotated[str, typer.Option("--on", help="The date, optionally with a time: 2026-12-10 14:30.")],
    with_name: Annotated[str | None, typer.Option("--with", help="The interviewer's name (added before).")] = None,
    stage: InterviewStageOption = None,
) -> None:
    """Put an interview on the calendar.

    Example: askback interviews add --company acme --on 2026-12-10 --stage screen
    """
    from askback.people.interviewers import schedule

    interview = schedule(runtime(), company, on, with_name, stage)
    who = f" with {interview.interviewer_name}" if interview.interviewer_name else ""
    typer.echo(f"Interview #{interview.id} on {interview.when}{who}.")


@interviews_app.command(name="list")
def list_interviews(
    company: Annotated[str | None, typer.Option("--company", "-c", help="Only this company's interviews.")] = None,
    past: Annotated[bool, typer.Option("--past", help="Include interviews before today.")] = False,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List interviews in date order, from today on.

    Example: askback interviews list --past
    """
    from datetime import date

    from askback.people.interviewers import calendar

    found = calendar(runtime(), company, None if past else date.today())
    rows = [
        {
            "id": i.id,
            "company": c.name,
            "day": i.day.isoformat(),
            "time": i.time,
            "stage": i.stage,
            "with": i.interviewer_name or None,
        }
        for c, i in found
    ]
    columns = [
        ("id", "Id"),
        ("day", "Day"),
        ("time", "Time"),
        ("company", "Company"),
        ("stage", "Stage"),
        ("with", "With"),
    ]
    emit_rows(
        rows,
        columns,
        fmt,
        empty="No interviews on the calendar. Try: askback interviews add --company NAME --on 2026-12-10",
    )


@interviews_app.command(name="remove")
def remove_interview(
    interview_id: Annotated[int, typer.Argument(help="The interview's id (interviews list).")],
) -> None:
    """Take an interview off the calendar.

    Example: askback interviews remove 3
    """
    from askback.people.interviewers import unschedule

    unschedule(runtime(), interview_id)
    typer.echo(f"Removed interview #{interview_id}.")


@interviewers_app.command(name="plan")
def plan(company: CompanyOption, fmt: FormatOption = ListFormat.text) -> None:
    """Split the open questions about a company across its known interviewers.

    Each question goes to the person best placed to answer it: someone one or two levels above
    the job first, pay and logistics to the recruiter.

    Example: askback interviewers plan --company acme
    """
    from askback.core import taxonomy
    from askback.people.split import split

    found = split(runtime(), company)
    if fmt is not ListFormat.text:
        emit_rows([found.as_dict()], [], fmt)
        return
    if not found.assignments:
        typer.echo(
            f'No interviewers for {found.company.name} yet. Try: askback interviewers add --company {found.company.slug} --name "..." --title "..."'
        )
        return
    blocks = []
    for a in found.assignments:
        lines = [a.person.describe() + (f", {a.person.next_interview.when}" if a.person.next_interview else "")]
        lines += [f"  - {q.render(found.company.name)}" for q in a.questions] or ["  (nothing open for this role)"]
        blocks.append("\n".join(lines))
    if found.unplaced:
        by_role = {a.person.role: a.person.name for a in found.assignments}
        lines = ["Left over (nobody on your list in that role, or no time left with them):"]
        lines += [
            f"  - {by_role.get(role, 'a ' + taxonomy.role_label(role).lower())}: {q.render(found.company.name)}"
            for q, role in found.unplaced
        ]
        blocks.append("\n".join(lines))
    typer.echo("\n\n".join(blocks))
