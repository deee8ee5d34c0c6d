"""``askback compare``: the decision, with the evidence behind it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from askback.cli.offers import CurrencyOption, RateOption
from askback.cli.options import PriorityOption, parse_priorities, runtime
from askback.errors import UsageError


class ReportFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"
    html = "html"
    pdf = "pdf"


def register(app: typer.Typer) -> None:
    app.command(name="compare")(compare)


def compare(
    companies: Annotated[list[str], typer.Argument(help="Two or more companies (names or slugs).")],
    currency: CurrencyOption = None,
    rate: RateOption = None,
    priority: PriorityOption = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text, md, json, html (with charts) or pdf.")
    ] = ReportFormat.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file.")] = None,
) -> None:
    """Rank companies by your priorities from interviews, flags, employees' claims, research and pay.

    Shows the evidence behind every score and how confident it is, what is still unknown and
    whom to ask, where interviewers disagreed, and how much each priority's weight must change
    for first place to change. Uses your saved profile unless --priority is given.

    Example: askback compare northwind-relay harbor-and-pine oakmere-systems --format html --out compare.html
    """
    from askback.assess import report
    from askback.assess.offers import parse_rates
    from askback.assess.service import compare as run
    from askback.cli.output import emit_document

    if fmt is ReportFormat.pdf and out is None:
        raise UsageError("a PDF needs --out FILE")
    result = run(runtime(), companies, currency, parse_rates(rate), parse_priorities(priority))
    if fmt is ReportFormat.pdf:
        assert out is not None
        _write_bytes(out, report.to_pdf(result))
        return
    render = {
        ReportFormat.text: report.to_text,
        ReportFormat.md: report.to_markdown,
        ReportFormat.json: report.to_json,
        ReportFormat.html: report.to_html,
    }[fmt]
    emit_document(render(result), out)


def _write_bytes(out: Path, data: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror}") from exc
    typer.echo(f"Wrote {out}", err=True)
