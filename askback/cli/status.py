"""``askback status``: every company in your search at a glance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import runtime

if TYPE_CHECKING:
    from askback.assess.unknowns import Unknown
    from askback.people.status import Status

StatusFormat = Annotated[str, typer.Option("--format", "-f", help="text or json.")]


def register(app: typer.Typer) -> None:
    app.command(name="status")(status)


def status(fmt: StatusFormat = "text") -> None:
    """Each company: the stage reached, the next interview and with whom, what is still unknown,
    the offer and its deadline; the most urgent first.

    Example: askback status --format json
    """
    from askback.errors import UsageError
    from askback.people.status import status as load

    if fmt not in ("text", "json"):
        raise UsageError(f"--format is text or json, not {fmt!r}")
    found = load(runtime())
    if fmt == "json":
        typer.echo(json.dumps([s.as_dict() for s in found], indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("No companies yet. Try: askback research https://acme.example/ --company acme, or askback demo")
        return
    typer.echo("\n\n".join(describe(s) for s in found))


def describe(s: Status) -> str:
    """One company as a few lines a candidate reads at a glance."""
    from askback.core import taxonomy

    stage = f"{taxonomy.stage_label(s.stage).lower()} stage reached" if s.stage else "no interview yet"
    lines = [f"{s.company.name}: {stage}"]
    if s.offer is not None:
        offer = f"{s.offer.title or 'offer'}: {s.offer.currency} {s.offer.base:,.0f} a {s.offer.period}"
        if s.offer.deadline is not None:
            left = s.days_left or 0
            due = "today" if left == 0 else f"in {left} days" if left > 0 else f"{-left} days ago"
            offer += f"; answer by {s.offer.deadline.isoformat()} ({due})"
        lines.append(f"  offer: {offer}")
    if s.next_interview is not None:
        i = s.next_interview
        who = f" with {s.next_with.describe()}" if s.next_with else ""
        what = f", {taxonomy.stage_label(i.stage).lower()} stage" if i.stage else ""
        lines.append(f"  next interview: {i.when}{who}{what}")
    for unknown in s.unknowns:
        lines.append(f"  still unknown: {_unknown(s, unknown)}")
    return "\n".join(lines)


def _unknown(s: Status, unknown: Unknown) -> str:
    """ "People: ask Dana Ruiz (hiring manager): ..." when someone in that role is known."""
    from askback.core import taxonomy

    person = s.whom(unknown)
    if person is None or unknown.question is None or unknown.ask is None:
        return unknown.describe(s.company.name)
    role = taxonomy.role_label(unknown.ask).lower()
    label = taxonomy.category(unknown.category).label
    return f'{label}: ask {person.name} ({role}): "{unknown.question.render(s.company.name)}"'
