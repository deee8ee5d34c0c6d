"""``askback companies``: the employers in the database."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.options import runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows
from askback.core.models import Company

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


AliasOption = Annotated[list[str] | None, typer.Option("--alias", help="Another name the company goes by. Repeatable.")]


@companies_app.command(name="add")
def add(
    name: Annotated[str, typer.Argument(help="The company's name.")],
    url: Annotated[str | None, typer.Option("--url", help="Its website.")] = None,
    alias: AliasOption = None,
) -> None:
    """Add a company (prepare and research add them too).

    A name that looks like a known company's is refused elsewhere as a likely typo; here it
    is added, on purpose. --url must be an http:// or https:// address.

    Example: askback companies add "Acme Robotics" --url https://acme.example/ --alias Acme
    """
    from askback.research.names import edit as edit_names
    from askback.services.companies import add_company

    company = add_company(runtime(), name, url)
    if alias:
        company = edit_names(runtime(), company.slug, add=alias)
    typer.echo(_shown(company))


@companies_app.command(name="edit")
def edit(
    name: Annotated[str, typer.Argument(help="The company (its name, slug or another name).")],
    new_name: Annotated[
        str | None, typer.Option("--name", help="The name as the company writes it; research keeps it.")
    ] = None,
    alias: AliasOption = None,
    remove_alias: Annotated[
        list[str] | None, typer.Option("--remove-alias", help="Forget another name. Repeatable.")
    ] = None,
) -> None:
    """Rename a company or change the other names it goes by (the linter and planner use them all).

    Example: askback companies edit 18f --name 18F --alias "GSA TTS"
    """
    from askback.research.names import edit as edit_names

    company = edit_names(runtime(), name, new_name, alias or (), remove_alias or ())
    typer.echo(_shown(company))


def _shown(company: Company) -> str:
    also = f"; also {', '.join(company.aliases)}" if company.aliases else ""
    return f"{company.name} ({company.slug}){also}"
