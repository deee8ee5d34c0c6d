"""``askback export`` and ``askback import``: all user data in one file, to move or keep it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from askback.cli.options import runtime


def register(app: typer.Typer) -> None:
    app.command(name="export")(export)
    app.command(name="import")(import_)


def export(
    file: Annotated[Path, typer.Argument(help="The file to write (JSON); replaced if it exists.")],
    everything: Annotated[
        bool, typer.Option("--all", help="Export every company, page, fact, plan, note, answer and profile.")
    ] = False,
) -> None:
    """Export all your data to one JSON file, to move it to another machine or database.

    Sentence vectors are left out: research and the linter compute them again. One plan on
    its own: askback plans export.

    Example: askback export --all askback-backup.json
    """
    from askback.errors import UsageError
    from askback.services.backup import describe_counts, export_everything, left_out

    if not everything:
        raise UsageError("say what to export: --all exports everything (askback plans export exports one plan)")
    summary = export_everything(runtime(), file)
    typer.echo(f"Exported {summary.rows} rows to {summary.path} ({describe_counts(summary.counts)}).", err=True)
    typer.echo(f"Not exported: {', '.join(left_out())} (computed again when needed).", err=True)


def import_(
    file: Annotated[Path, typer.Argument(help="A file written by askback export --all.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete the data already in the database first (all of it).")
    ] = False,
) -> None:
    """Import a file written by askback export --all, all of it or (on any problem) nothing.

    The database must be empty unless --replace is given.

    Example: askback import askback-backup.json
    """
    from askback.services.backup import describe_counts, import_everything

    summary = import_everything(runtime(), file, replace=replace)
    typer.echo(f"Imported {summary.rows} rows from {summary.path} ({describe_counts(summary.counts)}).", err=True)
