"""Offers per year in one currency: monthly pay, bonus, equity and exchange rates."""

from __future__ import annotations

from typing import Any

import pytest

from askback.assess.offers import check_equity, check_offer, equity_per_year, parse_rates, target_currency, yearly
from askback.errors import UsageError
from askback.store.assess import OfferRecord


def offer(**fields: Any) -> OfferRecord:
    defaults: dict[str, Any] = {"company_id": 1, "title": "Engineer", "base": 90_000, "currency": "EUR"}
    return OfferRecord(**{**defaults, **fields})


def test_a_monthly_salary_is_twelve_months_a_year() -> None:
    y = yearly(offer(base=6_000, period="month"), "EUR", {})
    assert (y.base, y.bonus, y.equity, y.total) == (72_000, 0, 0, 72_000)


def test_bonus_is_a_share_of_the_yearly_base() -> None:
    y = yearly(offer(base=5_000, period="month", bonus_percent=10), "EUR", {})
    assert (y.base, y.bonus, y.total) == (60_000, 6_000, 66_000)


@pytest.mark.parametrize(
    ("equity", "per_year"),
    [
        ({"kind": "options", "amount": 4_000, "value_per_unit": 5.0, "vesting_years": 4, "cliff_years": 1}, 5_000),
        ({"kind": "rsu", "amount": 900, "value_per_unit": 20.0, "vesting_years": 3}, 6_000),
        ({"kind": "options", "value_per_year": 7_500}, 7_500),
        ({}, 0),
    ],
)
def test_equity_is_spread_over_the_vesting_years(equity: dict[str, Any], per_year: float) -> None:
    assert equity_per_year(equity) == per_year
    assert yearly(offer(equity=equity), "EUR", {}).equity == per_year


def test_other_currencies_are_converted_with_the_users_rate() -> None:
    y = yearly(
        offer(base=100_000, currency="USD", bonus_percent=10, equity={"value_per_year": 10_000}), "EUR", {"USD": 0.9}
    )
    assert (y.base, y.bonus, y.equity, y.total) == pytest.approx((90_000, 9_000, 9_000, 108_000))
    assert y.as_dict()["total"] == 108_000


def test_a_missing_rate_is_an_error_naming_the_option_to_add() -> None:
    with pytest.raises(UsageError, match=r"no exchange rate from USD to EUR: add --rate USD=N"):
        yearly(offer(currency="USD"), "EUR", {"GBP": 1.17})


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["USD"], "a rate looks like"),
        (["USD=abc"], "a rate looks like"),
        (["USD=-1"], "a rate looks like"),
        (["US=1"], "ISO 4217 code"),
        (["ABC=1"], "ISO 4217 code"),
        (["USD=nan"], "a rate looks like"),
        (["USD=inf"], "a rate looks like"),
    ],
)
def test_bad_rates_are_refused(values: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_rates(values)


def test_rates_parse() -> None:
    assert parse_rates(["usd=0.92", "GBP=1.17"]) == {"USD": 0.92, "GBP": 1.17}


def test_target_currency_is_shared_or_must_be_chosen() -> None:
    assert target_currency([offer(), offer()], None) == "EUR"
    assert target_currency([offer(), offer(currency="USD")], "eur") == "EUR"
    assert target_currency([], None) is None
    with pytest.raises(UsageError, match="choose one with --currency"):
        target_currency([offer(), offer(currency="USD")], None)


@pytest.mark.parametrize(
    ("equity", "message"),
    [
        ({"kind": "tokens", "value_per_year": 1}, "equity kind"),
        ({"amount": 100}, "a value per year, or a number of units"),
        ({"amount": 100, "value_per_unit": 2, "vesting_years": 0}, "vesting years must be above 0"),
        ({"value_per_year": -5}, "at least 0"),
    ],
)
def test_bad_equity_is_refused(equity: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_equity(equity)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"base": float("nan")}, "base pay and bonus must be numbers"),
        ({"base": float("inf")}, "base pay and bonus must be numbers"),
        ({"base": 0}, "base pay must be above 0"),
        ({"period": "week"}, "period is year or month"),
        ({"equity": {"value_per_year": float("nan")}}, "at least 0"),
    ],
)
def test_bad_offers_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_offer(offer(**fields))
