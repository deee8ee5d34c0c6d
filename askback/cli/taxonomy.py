"""``askback taxonomy``: the ids other options accept."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from askback.cli.output import FormatOption, ListFormat, emit_rows


class Kind(StrEnum):
    categories = "categories"
    roles = "roles"
    stages = "stages"
    signals = "signals"
    priorities = "priorities"
    topics = "topics"
    flags = "flags"


def register(app: typer.Typer) -> None:
    app.command(name="taxonomy")(taxonomy)


def taxonomy(
    kind: Annotated[Kind, typer.Argument(help="What to list.")] = Kind.categories,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List the ids askback understands: categories, roles, stages, signals, priorities, topics or flags.

    Flags are the red and green signs askback looks for in notes, answers and accounts: each with
    its colour, name and why it matters (--format json adds the phrases that raise it).

    Example: askback taxonomy priorities
    """
    from askback.core import taxonomy as t

    rows: list[dict[str, object]]
    if kind is Kind.flags:
        from askback.assess.flags import catalogue

        emit_rows(catalogue(), [("id", "Id"), ("colour", "Colour"), ("name", "Name"), ("why", "Why it matters")], fmt)
        return
    if kind is Kind.categories:
        rows = [{"id": c.id, "label": c.label, "about": ", ".join(s.id for s in c.subtopics)} for c in t.CATEGORIES]
    elif kind is Kind.roles:
        rows = [{"id": r.id, "label": r.label, "about": r.about} for r in t.ROLES]
    elif kind is Kind.stages:
        rows = [{"id": s.id, "label": s.label, "about": s.about} for s in t.STAGES]
    elif kind is Kind.signals:
        rows = [{"id": s.id, "label": s.label, "about": ""} for s in t.SIGNALS]
    elif kind is Kind.priorities:
        rows = [{"id": p.id, "label": p.label, "about": ", ".join(p.categories)} for p in t.PRIORITIES]
    else:
        rows = [{"id": r.id, "label": r.label, "about": ""} for r in t.RESEARCH_TOPICS]
    emit_rows(rows, [("id", "Id"), ("label", "Shown as"), ("about", "About")], fmt)
