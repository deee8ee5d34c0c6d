"""Options several commands share, and parsing of their values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from askback.errors import UsageError

if TYPE_CHECKING:
    from askback.store.db import Database

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
    """``["mentoring=3", "remote"]`` -> ``{"mentoring": 3.0, "remote": 1.0}``."""
    if not values:
        return None
    from askback.core.taxonomy import PRIORITY_IDS

    result: dict[str, float] = {}
    for value in values:
        name, _, weight = value.partition("=")
        name = name.strip()
        if name not in PRIORITY_IDS:
            raise UsageError(f"unknown priority {name!r}; choose from {', '.join(PRIORITY_IDS)}")
        try:
            result[name] = float(weight) if weight else 1.0
        except ValueError:
            raise UsageError(f"priority weight must be a number, as in {name}=3; got {weight!r}") from None
        if not 0 < result[name] <= 10:
            raise UsageError(f"priority weight must be above 0 and at most 10; got {weight}")
    return result


def parse_signals(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    from askback.core.taxonomy import SIGNAL_IDS

    for value in values:
        if value not in SIGNAL_IDS:
            raise UsageError(f"unknown signal {value!r}; choose from {', '.join(SIGNAL_IDS)}")
    return tuple(dict.fromkeys(values))


def open_db() -> Database:
    from askback.store.db import open_database

    return open_database()
