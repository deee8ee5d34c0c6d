"""Output shared by every command: one ``--format`` option, tables on a terminal, plain
text when piped, JSON for scripts.

Rich is imported only when something is printed, which keeps ``askback --help`` fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console


class ListFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class DocFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="text (a table), json or jsonl.")]
DocFormatOption = Annotated[DocFormat, typer.Option("--format", "-f", help="text, md (Markdown) or json.")]

_console: Console | None = None


def counted(n: int, noun: str) -> str:
    """ "1 page", "12,378 sentences": a number with its noun, in the singular when it is one."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


ECHO_CHARS = 200  # how much of a long input is echoed back: about two lines of a terminal


def shortened(text: str, limit: int = ECHO_CHARS) -> str:
    """What a user gave, echoed back: whole when it is short, else its start and its length,
    so a 20,000-word paste does not fill the terminal again."""
    if len(text) <= limit and "\n" not in text:
        return text
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return f"{flat[:limit].rsplit(' ', 1)[0]}… ({counted(len(flat.split()), 'word')}, shortened)"


def console() -> Console:
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    return _console


def emit_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    fmt: ListFormat,
    empty: str = "Nothing to show.",
) -> None:
    """A listing: a Rich table on a terminal, tab-separated lines when piped, or JSON."""
    if fmt is ListFormat.json:
        typer.echo(json.dumps(list(rows), indent=2, ensure_ascii=False, default=str))
        return
    if fmt is ListFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    if not rows:
        typer.echo(empty)
        return
    if not sys.stdout.isatty():
        for row in rows:
            typer.echo("\t".join(_cell(row.get(key)) for key, _ in columns))
        return
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(key)) for key, _ in columns))
    console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict) and "id" in value:  # a flag or other object listed by its id
        return str(value["id"])
    return str(value)


def emit_document(text: str, out: Path | None) -> None:
    """Print a rendered document, or write it to ``out`` and say where it went."""
    if out is None:
        typer.echo(text)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        from askback.errors import UsageError

        raise UsageError(f"cannot write {out}: {exc.strerror}") from exc
    typer.echo(f"Wrote {out}", err=True)
