"""``askback research`` and ``askback facts``: what a company says about itself."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import FormatOption, ListFormat, console, counted, emit_rows

if TYPE_CHECKING:
    from askback.research.service import ResearchSummary


class Render(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def register(app: typer.Typer) -> None:
    app.command(name="research")(research)
    app.command(name="facts")(facts)


def research(
    sources: Annotated[list[str], typer.Argument(help="URLs, files, folders, or - for pasted text on stdin.")],
    company: CompanyOption,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Stop a web crawl after this many pages.")] = 50,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow crawling private and loopback addresses (local test sites).")
    ] = False,
    render: Annotated[
        Render,
        typer.Option(
            "--render",
            help="Pages built by JavaScript: render them in headless Chromium (auto: those with scripts but little text).",
        ),
    ] = Render.auto,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="text or json (the summary).")] = ListFormat.text,
) -> None:
    """Research a company from its site, a handbook folder, saved pages or pasted text.

    Each sentence becomes a fact with its source, headings, topics and quantities. Running it
    again only processes pages that changed.

    Example: askback research https://acme.example/ ./acme-handbook --company acme
    """
    from askback.errors import UsageError
    from askback.research.service import research as run

    if max_pages < 1:
        raise UsageError("--max-pages must be at least 1")
    rt = runtime()
    if sys.stderr.isatty() and fmt is ListFormat.text:
        from askback.cli.progress import StepBars

        with StepBars() as bars:
            summary = run(rt, company, sources, max_pages, allow_private, on_step=bars.show, render=render.value)
    else:
        summary = run(rt, company, sources, max_pages, allow_private, render=render.value)
    _show_summary(summary, fmt)


def _show_summary(summary: ResearchSummary, fmt: ListFormat) -> None:
    from dataclasses import asdict

    if fmt is not ListFormat.text:
        typer.echo(json.dumps(asdict(summary), indent=2, ensure_ascii=False))
        return
    pages = summary.pages_new + summary.pages_changed
    typer.echo(
        f"{summary.company}: {counted(pages, 'page')} read ({summary.pages_new} new, {summary.pages_changed} changed), "
        f"{summary.pages_unchanged} unchanged, {counted(summary.sentences, 'sentence')}, "
        f"{counted(summary.facts, 'fact')}, in {summary.seconds:.1f} s "
        f"({counted(summary.embedded, 'sentence')} embedded in {summary.embed_seconds:.1f} s)"
    )
    if summary.pages_removed:
        typer.echo(f"{summary.pages_removed} pages no longer in their folder were removed.")
    for ref, reason in summary.skipped:
        typer.echo(f"  skipped {ref}: {reason}")
    for ref, note in summary.notes:
        typer.echo(f"  note {ref}: {note}")
    if summary.facts:
        typer.echo(f"See them with: askback facts --company {summary.company!r}")


def facts(
    company: CompanyOption,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only facts on this research topic.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most this many facts.")] = None,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List a company's facts with their sources, optionally on one topic.

    Example: askback facts --company acme --topic leave
    """
    from askback.services.companies import company_facts

    found, listed = company_facts(runtime(), company, topic)
    rows = [
        {
            "topics": [t for t, _ in f.topics],
            "text": f.text,
            "source": f.source,
            "headings": list(f.headings),
            "quantities": [q["text"] for q in f.quantities],
            "confidence": round(f.topics[0][1], 2) if f.topics else None,
        }
        for f in listed[:limit]
    ]
    if fmt is ListFormat.text and not rows:
        console().print(f"No facts for {found.name}" + (f" on {topic}" if topic else "") + ". Try: askback research")
        return
    emit_rows(rows, [("topics", "Topics"), ("text", "Fact"), ("source", "Source")], fmt)
