"""``askback profile``: the role you seek, what you care about, what you want to show."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from askback.cli.options import PriorityOption, SignalOption, parse_priorities, parse_signals, runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows

profile_app = typer.Typer()


def register(app: typer.Typer) -> None:
    app.add_typer(profile_app, name="profile")


@profile_app.callback(invoke_without_command=True)
def profile_default(ctx: typer.Context, fmt: FormatOption = ListFormat.text) -> None:
    """Show your profile (the same as askback profile show).

    Example: askback profile
    """
    if ctx.invoked_subcommand is None:
        show(fmt)


@profile_app.command(name="show")
def show(fmt: FormatOption = ListFormat.text) -> None:
    """Show your profile.

    Example: askback profile show --format json
    """
    from askback.services.profiles import get_profile

    profile = get_profile(runtime())
    if profile is None:
        typer.echo("No profile yet. Try: askback profile set --role 'Backend engineer' --priority mentoring=3")
        return
    from askback.people.profile import experience

    record = experience(runtime())
    row = {
        "role": profile.role,
        "seniority": profile.seniority,
        "priorities": [f"{k}={v:g}" for k, v in sorted(profile.priorities.items(), key=lambda kv: -kv[1])],
        "signals": list(profile.signals),
        "skills": list(record.skills),
        "experience": record.as_dict()["achievements"] if fmt is not ListFormat.text else [],
    }
    if fmt is ListFormat.text:
        row.pop("experience")
        if not record.skills:
            row.pop("skills")  # before a CV was read there is nothing to say
        for key, value in row.items():
            typer.echo(f"{key}: {', '.join(value) if isinstance(value, list) else value}")
        for item in record.achievements:
            typer.echo(f"  - {item.text}")
    else:
        emit_rows([row], [], fmt)


@profile_app.command(name="set")
def set_profile(
    role: Annotated[str | None, typer.Option("--role", "-r", help="The job you seek.")] = None,
    seniority: Annotated[
        str | None, typer.Option("--seniority", help="junior, mid, senior, staff, principal, manager or director.")
    ] = None,
    priority: PriorityOption = None,
    signal: SignalOption = None,
    experience: Annotated[
        Path | None,
        typer.Option("--experience", help="Your CV or a list of achievements (Markdown, text, HTML or PDF)."),
    ] = None,
) -> None:
    """Set parts of your profile; what you leave out stays as it was.

    --experience reads your achievements and skills; plans for the technical and team stages
    may then carry a question that shows your expertise.

    Example: askback profile set --role "Senior backend engineer" --seniority senior --priority mentoring=3 --priority remote=1 --signal ownership --experience cv.md
    """
    from askback.services.profiles import check_change, save_profile

    change = check_change(  # bad input changes nothing
        role=role, seniority=seniority, priorities=parse_priorities(priority), signals=parse_signals(signal)
    )
    if experience is not None:
        from askback.cli.output import counted
        from askback.people.profile import set_experience

        record = set_experience(runtime(), experience)
        typer.echo(
            f"Read {counted(len(record.achievements), 'achievement')} and "
            f"{counted(len(record.skills), 'skill')} from {record.source}."
        )
    save_profile(runtime(), change)
    typer.echo("Profile saved.")
