"""``askback offers``: job offers, compared per year in one currency."""

from __future__ import annotations

from typing import Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import FormatOption, ListFormat, emit_rows

offers_app = typer.Typer()

CurrencyOption = Annotated[
    str | None, typer.Option("--currency", help="Show every figure in this currency (e.g. EUR).")
]
RateOption = Annotated[
    list[str] | None,
    typer.Option("--rate", help="An exchange rate into --currency: USD=0.92 is 0.92 EUR per dollar. Repeatable."),
]


def register(app: typer.Typer) -> None:
    app.add_typer(offers_app, name="offers")


@offers_app.callback(no_args_is_help=True)
def offers_group() -> None:
    """Record offers and see them per year in one currency.

    Example: askback offers list --currency EUR --rate USD=0.92
    """


@offers_app.command(name="add")
def add(
    company: CompanyOption,
    base: Annotated[float, typer.Option("--base", help="Base pay, per --period.")],
    currency: Annotated[str, typer.Option("--currency", help="Three-letter code, e.g. EUR.")],
    title: Annotated[str, typer.Option("--title", help="The job title offered.")] = "",
    period: Annotated[str, typer.Option("--period", help="year or month.")] = "year",
    bonus_percent: Annotated[float, typer.Option("--bonus-percent", help="Target bonus, % of base.")] = 0.0,
    equity_value_per_year: Annotated[
        float | None, typer.Option("--equity-value-per-year", help="What the equity is worth per year.")
    ] = None,
    equity_kind: Annotated[str, typer.Option("--equity-kind", help="options, rsu or shares.")] = "options",
    equity_units: Annotated[float | None, typer.Option("--equity-units", help="Number of options or shares.")] = None,
    equity_unit_value: Annotated[
        float | None, typer.Option("--equity-unit-value", help="Value of one unit (e.g. price minus strike).")
    ] = None,
    vesting_years: Annotated[float, typer.Option("--vesting-years", help="Years until all units vest.")] = 4.0,
    cliff_years: Annotated[float, typer.Option("--cliff-years", help="Years before the first units vest.")] = 1.0,
    location: Annotated[str, typer.Option("--location", help="Office, city or remote.")] = "",
    start: Annotated[str, typer.Option("--start", help="Start date, e.g. 2027-02-01.")] = "",
    deadline: Annotated[
        str | None, typer.Option("--deadline", help="When they want your answer, e.g. 2026-12-20.")
    ] = None,
) -> None:
    """Record an offer: base pay, bonus, equity (a yearly value, or units with vesting), place, start.

    Example: askback offers add --company acme --title "Senior engineer" --base 90000 --currency EUR --bonus-percent 10 --equity-units 4000 --equity-unit-value 5 --deadline 2026-12-20
    """
    from askback.assess.offers import check_equity, currency_code
    from askback.assess.service import OfferRecord, add_offer
    from askback.core.dates import parse_day

    answer_by = parse_day(deadline, "deadline") if deadline is not None else None
    equity: dict[str, object] = {}
    if equity_value_per_year is not None or equity_units is not None or equity_unit_value is not None:
        equity = check_equity(
            {
                "kind": equity_kind,
                "value_per_year": equity_value_per_year,
                "amount": equity_units,
                "value_per_unit": equity_unit_value,
                "vesting_years": vesting_years,
                "cliff_years": cliff_years,
            }
        )
    offer = OfferRecord(
        company_id=0,
        title=title.strip(),
        base=base,
        currency=currency_code(currency),
        period=period,
        bonus_percent=bonus_percent,
        equity=equity,
        location=location.strip(),
        start=start.strip(),
        deadline=answer_by,
    )
    found, saved = add_offer(runtime(), company, offer)
    due = f"; answer by {saved.deadline.isoformat()}" if saved.deadline else ""
    typer.echo(f"Offer #{saved.id} saved for {found.name}{due}.")


@offers_app.command(name="list")
def list_offers(
    company: Annotated[str | None, typer.Option("--company", "-c", help="Only this company's offers.")] = None,
    currency: CurrencyOption = None,
    rate: RateOption = None,
    fmt: FormatOption = ListFormat.text,
) -> None:
    """List offers per year (base, bonus, equity, total) in one currency.

    Without --currency the offers' own currency is used if they share one.

    Example: askback offers list --currency EUR --rate USD=0.92 --rate GBP=1.17
    """
    from askback.assess.offers import parse_rates
    from askback.assess.service import list_offers as load

    found = load(runtime(), company, currency, parse_rates(rate))
    rows = [{"id": y.offer.id, "company": c.name, **y.as_dict()} for c, y in found]
    columns = [
        ("id", "Id"),
        ("company", "Company"),
        ("title", "Title"),
        ("currency", "Currency"),
        ("base", "Base"),
        ("bonus", "Bonus"),
        ("equity", "Equity/yr"),
        ("total", "Total/yr"),
        ("location", "Location"),
        ("deadline", "Answer by"),
    ]
    emit_rows(rows, columns, fmt, empty="No offers yet. Try: askback offers add --company NAME --base N --currency EUR")
