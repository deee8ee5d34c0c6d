"""``askback brief``: one screen to read before the call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import DocFormat, DocFormatOption, emit_document

OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Write the brief to this file.")]


def register(app: typer.Typer) -> None:
    app.command(name="brief")(brief)


def brief(company: CompanyOption, fmt: DocFormatOption = DocFormat.text, out: OutOption = None) -> None:
    """What the company says about itself, what is distinctive about it, its numbers, and what
    is already public (so not worth asking), each line with its source.

    Example: askback brief --company acme --format md --out acme-brief.md
    """
    from askback.plan.brief import company_brief, render_text

    found = company_brief(runtime(), company)
    if fmt is DocFormat.json:
        text = json.dumps(found.as_dict(), indent=2, ensure_ascii=False) + "\n"
    else:
        text = render_text(found, markdown=fmt is DocFormat.md)
    emit_document(text, out)
