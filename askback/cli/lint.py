"""``askback lint``: check questions the way the planner checks its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import runtime
from askback.cli.output import ListFormat

if TYPE_CHECKING:
    from askback.plan.lint import LintResult

MAX_QUESTIONS = 500


def register(app: typer.Typer) -> None:
    app.command(name="lint")(lint)


def lint(
    questions: Annotated[
        list[str] | None, typer.Argument(help="Questions to check (or use --file); - reads them from stdin.")
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="A file with one question per line; - for stdin.")] = None,
    company: Annotated[
        str | None, typer.Option("--company", "-c", help="Judge against this company's research.")
    ] = None,
    interviewer: Annotated[str | None, typer.Option("--interviewer", "-i", help="Who you will ask.")] = None,
    stage: Annotated[str | None, typer.Option("--stage", "-s", help="The interview stage.")] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="text or jsonl (one object per question).")
    ] = ListFormat.text,
) -> None:
    """Check questions: open or closed, specific, already answered publicly, and other problems.

    With --format jsonl, prints exactly one JSON object per input question, in order.

    Example: askback lint "Is there a learning budget?" "How do you handle on-call?" --company acme --interviewer peer
    """
    from askback.errors import UsageError
    from askback.plan.lint import lint_questions

    if questions == ["-"] and file is None:  # "askback lint -" reads stdin, as research does
        questions, file = [], Path("-")
    texts = list(questions or []) + _read(file)
    if not texts:
        raise UsageError("give questions as arguments or with --file (one per line)")
    if len(texts) > MAX_QUESTIONS:
        raise UsageError(f"at most {MAX_QUESTIONS} questions at a time; got {len(texts)}")
    results = lint_questions(runtime(), texts, company=company, interviewer=interviewer, stage=stage)
    if fmt is ListFormat.text:
        _show(results)
    else:
        for result in results:
            typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))


def _read(file: Path | None) -> list[str]:
    from askback.errors import UsageError

    if file is None:
        return []
    try:
        raw = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {file}: {exc}") from exc
    return raw.splitlines()


def _show(results: list[LintResult]) -> None:
    from rich.markup import escape

    from askback.cli.output import console, shortened

    out = console()
    for n, r in enumerate(results, 1):
        verdict = "[green]ok[/green]" if not r.problems else f"[yellow]{len(r.problems)} to look at[/yellow]"
        out.print(f"[bold]{n}. {escape(shortened(r.text)) or '(empty)'}[/bold]  {verdict}")
        out.print(f"   [dim]{r.category or '?'} · {r.form} · {'specific' if r.specific else 'not specific'}[/dim]")
        for p in r.problems:
            out.print(f"   [red]{p.code}[/red]: {escape(p.message)}")
        if r.suggestion:
            out.print(f"   [cyan]try:[/cyan] {escape(shortened(r.suggestion))}")
        out.print("")
