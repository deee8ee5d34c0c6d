"""The ``askback`` command: a thin front end over askback's services.

Each command parses its options, calls one service and formats the result. Errors a user
can fix become one line on stderr and an exit code (2 for bad usage, 1 otherwise); set
``ASKBACK_DEBUG=1`` to see the traceback instead.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import typer

from askback.cli import (
    accounts,
    answers,
    backup,
    bank,
    brief,
    companies,
    compare,
    demo,
    interviewers,
    jobs,
    lint,
    notes,
    offers,
    plans,
    prepare,
    profile,
    research,
    serve,
    status,
    taxonomy,
)
from askback.cli.options import bind_runtime
from askback.errors import AskbackError, UsageError

if TYPE_CHECKING:
    from askback.runtime import Runtime

app = typer.Typer(
    name="askback",
    help="Interview the employer back: research a company, prepare specific open questions "
    "for the right interviewer, and weigh what you heard.\n\n"
    "Start with: askback demo",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    add_completion=False,
)

app.callback()(bind_runtime)

for module in (
    research,
    jobs,
    brief,
    prepare,
    lint,
    plans,
    bank,
    companies,
    profile,
    answers,
    notes,
    accounts,
    offers,
    interviewers,
    compare,
    status,
    demo,
    taxonomy,
    serve,
    backup,
):
    module.register(app)


def main(runtime: Runtime | None = None) -> None:
    """The console entry point; a caller (a test) may pass the runtime every command uses."""
    try:
        app(obj=runtime)
    except AskbackError as exc:
        if os.environ.get("ASKBACK_DEBUG"):
            raise
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
