"""Options several commands share, and parsing of their values."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated

import typer

from askback.errors import UsageError

if TYPE_CHECKING:
    from askback.runtime import Runtime

CompanyOption = Annotated[str, typer.Option("--company", "-c", help="Company name (or its slug).")]
InterviewerOption = Annotated[
    str,
    typer.Option(
        "--interviewer",
        "-i",
        help="Who you will talk to: recruiter, hiring-manager, peer, skip-level or executive.",
    ),
]
StageOption = Annotated[
    str | None,
    typer.Option("--stage", "-s", help="screen, technical, team, final or offer (default: usual for the interviewer)."),
]
MinutesOption = Annotated[int, typer.Option("--minutes", "-m", help="Minutes you will have for your questions.")]
PriorityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--priority", "-p", help="What you care about, optionally weighted: mentoring or mentoring=3. Repeatable."
    ),
]
SignalOption = Annotated[
    list[str] | None,
    typer.Option("--signal", help="A soft skill to show, e.g. team-player. Repeatable."),
]


def parse_priorities(values: list[str] | None) -> dict[str, float] | None:
    """``["mentoring=3", "remote"]`` -> ``{"mentoring": 3.0, "remote": 1.0}``; the services
    check the names and weights (:func:`askback.core.rules.priorities`)."""
    if not values:
        return None
    result: dict[str, float] = {}
    for value in values:
        name, _, weight = value.partition("=")
        name = name.strip()
        try:
            result[name] = float(weight) if weight else 1.0
        except ValueError:
            raise UsageError(f"priority weight must be a number, as in {name}=3; got {weight!r}") from None
    return result


def parse_signals(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


class _Door:
    """One command's runtime: the caller's (tests pass theirs as the context object), else one
    over the configured database, opened on first use (``--help`` opens nothing) and closed
    when the command ends."""

    def __init__(self, given: Runtime | None) -> None:
        self._given = given
        self._opened: Runtime | None = None

    def runtime(self) -> Runtime:
        if self._given is not None:
            return self._given
        if self._opened is None:
            from askback.runtime import Runtime

            self._opened = Runtime.open()
        return self._opened

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()
            self._opened = None


_DOOR: ContextVar[_Door | None] = ContextVar("askback_cli_runtime", default=None)


def bind_runtime(ctx: typer.Context) -> None:
    """Called once per invocation, before the command: where :func:`runtime` finds its runtime."""
    door = _Door(ctx.obj)
    ctx.call_on_close(door.close)
    _DOOR.set(door)


def runtime() -> Runtime:
    """The runtime of the command being run."""
    door = _DOOR.get()
    if door is None:
        raise RuntimeError("askback's commands run through askback.cli.app, which binds their runtime")
    return door.runtime()
