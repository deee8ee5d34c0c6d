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
    from askback.services.companies import list_companies

    rows = [
        {
            "slug": o.company.slug,
            "name": o.company.name,
            "url": o.company.url,
            "researched": o.company.researched_at.strftime("%Y-%m-%d %H:%M") if o.company.researched_at else None,
            "plans": len(o.plans),
        }
        for o in list_companies(runtime())
    ]
    columns = [("slug", "Slug"), ("name", "Name"), ("url", "Site"), ("researched", "Researched"), ("plans", "Plans")]
    emit_rows(rows, columns, fmt, empty="No companies yet. Try: askback demo")


@companies_app.command(name="add")
def add(
    name: Annotated[str, typer.Argument(help="The company's name.")],
    url: Annotated[str | None, typer.Option("--url", help="Its website.")] = None,
) -> None:
    """Add a company (prepare and research add them too).

    A name that looks like a known company's is refused elsewhere as a likely typo; here it
    is added, on purpose. --url must be an http:// or https:// address.

    Example: askback companies add "Acme Robotics" --url https://acme.example/
    """
    from askback.services.companies import add_company

    company = add_company(runtime(), name, url)
    typer.echo(f"{company.name} ({company.slug})")
