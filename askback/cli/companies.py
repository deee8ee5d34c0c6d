"""``askback companies``: the employers in the database."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.options import runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows

companies_app = typer.Typer()


def register(app: typer.Typer) -> None:
    app.add_typer(companies_app, name="companies")


@companies_app.callback(invoke_without_command=True)
def companies_default(ctx: typer.Context, fmt: FormatOption = ListFormat.text) -> None:
    """List companies with when they were researched (the same as askback companies list).

    Example: askback companies --format json
    """
    if ctx.invoked_subcommand is None:
        list_companies(fmt)


@companies_app.command(name="list")
def list_companies(fmt: FormatOption = ListFormat.text) -> None:
    """List companies, their plans and when they were researched.

    Example: askback companies list
    """
    from askback.store import companies, plans

    with runtime().session() as session:
        known = companies.list_all(session)
        plan_counts = {c.id: len(plans.list_all(session, c.id)) for c in known}
    rows = [
        {
            "slug": c.slug,
            "name": c.name,
            "url": c.url,
            "researched": c.researched_at.strftime("%Y-%m-%d %H:%M") if c.researched_at else None,
            "plans": plan_counts[c.id],
        }
        for c in known
    ]
    columns = [("slug", "Slug"), ("name", "Name"), ("url", "Site"), ("researched", "Researched"), ("plans", "Plans")]
    emit_rows(rows, columns, fmt, empty="No companies yet. Try: askback demo")


@companies_app.command(name="add")
def add(
    name: Annotated[str, typer.Argument(help="The company's name.")],
    url: Annotated[str | None, typer.Option("--url", help="Its website.")] = None,
) -> None:
    """Add a company (prepare and research add them too).

    Example: askback companies add "Acme Robotics" --url https://acme.example/
    """
    from askback.store import companies

    with runtime().session() as session:
        company = companies.ensure(session, name, url=url)
    typer.echo(f"{company.name} ({company.slug})")
