"""``askback job``: the postings a candidate answers, read into fields with their evidence."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows

if TYPE_CHECKING:
    from askback.core.jobs import Job

job_app = typer.Typer()

SINGLE_FIELDS = (("title", "Title"), ("seniority", "Level"), ("team", "Team"), ("location", "Location"))
SECTIONS = (
    ("responsibilities", "What you would do"),
    ("requirements", "What they ask for"),
    ("benefits", "Benefits mentioned"),
    ("process", "Hiring process"),
)


def register(app: typer.Typer) -> None:
    app.add_typer(job_app, name="job")


@job_app.callback(no_args_is_help=True)
def job_group() -> None:
    """Add the job postings you answer; see what each says about title, pay, place and stack.

    Example: askback job add --company acme https://acme.example/jobs/backend
    """


@job_app.command(name="add")
def add(
    source: Annotated[
        str, typer.Argument(help="The posting: an http(s) URL, a file (HTML, Markdown, text, PDF) or -.")
    ],
    company: Annotated[str, typer.Option("--company", "-c", help="Company name (or its slug).")],
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow a URL on a private or loopback address.")
    ] = False,
) -> None:
    """Read a posting: its fields are kept with the sentence each came from, and its sentences
    become facts of the company. A URL is fetched alone, politely, never crawled.

    Example: askback job add --company acme posting.md
    """
    from askback.research.posting_service import add_job

    added = add_job(runtime(), company, source, allow_private=allow_private)
    job = added.job
    verb = "Added" if added.created else "Already had"
    typer.echo(f"{verb} job {job.id}: {job.title or 'untitled'} at {job.company} ({added.facts} facts from it)")
    for warning in job.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    typer.echo(f"See it with: askback job show {job.id}")


@job_app.command(name="list")
def list_(
    company: Annotated[str | None, typer.Option("--company", "-c", help="Only this company's jobs.")] = None,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List the job postings added, newest last.

    Example: askback job list --company acme
    """
    from askback.research.posting_service import list_jobs

    rows = [_row(job) for job in list_jobs(runtime(), company)]
    columns = [("id", "ID"), ("company", "Company"), ("title", "Title"), ("remote", "Remote"), ("salary", "Salary")]
    emit_rows(rows, columns, fmt, empty="No job postings yet; add one with `askback job add --company NAME URL|FILE`.")


def _row(job: Job) -> dict[str, object]:
    fields = job.fields
    return {
        "id": job.id,
        "company": job.company,
        "title": job.title,
        "remote": fields.remote.value if fields.remote else "",
        "salary": fields.salary.value.describe() if fields.salary else "",
        "source": job.source,
    }


@job_app.command(name="show")
def show(
    job_id: Annotated[int | None, typer.Argument(help="The job's id (default: the newest).")] = None,
    company: Annotated[str | None, typer.Option("--company", "-c", help="The newest job of this company.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show a posting's fields, each with the sentence it came from.

    Example: askback job show 1 --format json
    """
    from askback.errors import UsageError
    from askback.research.posting_service import get_job

    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json, not {fmt!r}")
    job = get_job(runtime(), job_id, company)
    if fmt == "json":
        typer.echo(json.dumps(job.as_dict(), indent=2, ensure_ascii=False))
        return
    typer.echo("\n".join(describe(job)))


@job_app.command(name="remove")
def remove(job_id: Annotated[int, typer.Argument(help="The job's id (see askback job list).")]) -> None:
    """Forget a posting, and the facts of the company its sentences had become.

    Example: askback job remove 2
    """
    from askback.research.posting_service import remove_job

    job = remove_job(runtime(), job_id)
    typer.echo(f"Removed job {job.id}: {job.title or 'untitled'} at {job.company}")


def describe(job: Job) -> list[str]:
    """The posting as a candidate reads it: each field, then “the sentence it came from”."""
    fields = job.fields
    out = [f"Job {job.id} at {job.company}: {job.title or 'untitled'} (from {job.source})", ""]
    for name, label in SINGLE_FIELDS:
        found = getattr(fields, name)
        if found is not None:
            out += [f"{label:<10} {found.value}", f"{'':<10} “{found.evidence}”"]
    remote = fields.remote
    out += (
        [f"{'Remote':<10} {remote.value}", f"{'':<10} “{remote.evidence}”"]
        if remote
        else [f"{'Remote':<10} not stated: ask the recruiter before the team stage"]
    )
    if fields.salary:
        out += [f"{'Salary':<10} {fields.salary.value.describe()}", f"{'':<10} “{fields.salary.evidence}”"]
    else:
        out.append(f"{'Salary':<10} not stated: ask the recruiter at the screen")
    if fields.stack:
        out.append(f"{'Stack':<10} " + ", ".join(f.value for f in fields.stack))
        out += [f"{'':<10} {f.value}: “{f.evidence}”" for f in fields.stack]
    if fields.practices:
        out.append(f"{'Practices':<10} " + ", ".join(f.value for f in fields.practices))
    for name, label in SECTIONS:
        items = getattr(fields, name)
        if items:
            out += ["", label] + [f"  - {item}" for item in items]
    out += [f"Warning: {w}" for w in job.warnings]
    return out
