"""Numbers a candidate compares between companies: days off, budgets, percentages, head counts."""

from __future__ import annotations

import pytest

from askback.research.quantities import Quantity, quantities

# text -> (kind, value, unit, as written, period, qualifier) of the one quantity in it
ONE_QUANTITY = {
    # durations
    "Everyone gets 25 days of paid vacation.": ("duration", 25.0, "days", "25 days", None, None),
    "Parents get 16 weeks of parental leave.": ("duration", 16.0, "weeks", "16 weeks", None, None),
    "You get five working days to settle in.": ("duration", 5.0, "days", "five working days", None, None),
    "We work about 40 hours a week.": ("duration", 40.0, "hours", "about 40 hours a week", "week", "about"),
    "The probation lasts at least 3 months.": ("duration", 3.0, "months", "at least 3 months", None, "at least"),
    "A sabbatical after 3 to 5 years.": ("duration", 3.0, "years", "3 to 5 years", None, None),
    "The first twelve months are the hardest.": ("duration", 12.0, "months", "twelve months", None, None),
    "Standups take 10 minutes.": ("duration", 10.0, "minutes", "10 minutes", None, None),
    "We plan in six-week cycles.": ("duration", 6.0, "weeks", "six-week", None, None),
    # money: symbols, codes and words, with periods and scales
    "A learning budget of $2,000 a year.": ("money", 2000.0, "USD", "$2,000 a year", "year", None),
    "A learning budget of EUR 1,500 a year.": ("money", 1500.0, "EUR", "EUR 1,500 a year", "year", None),
    "We raised €1.5 million last spring.": ("money", 1_500_000.0, "EUR", "€1.5 million", None, None),
    "A home office stipend of £500 per month.": ("money", 500.0, "GBP", "£500 per month", "month", None),
    "A gym allowance of CHF 100/month.": ("money", 100.0, "CHF", "CHF 100/month", "month", None),
    "Meals are covered up to US$50 a day.": ("money", 50.0, "USD", "up to US$50 a day", "day", "up to"),
    "The base salary starts at USD 120k.": ("money", 120_000.0, "USD", "USD 120k", None, None),
    "Each team gets 1,000 euros per year.": ("money", 1000.0, "EUR", "1,000 euros per year", "year", None),
    "Nearly 2 billion dollars moved through it.": ("money", 2e9, "USD", "Nearly 2 billion dollars", None, "nearly"),
    "A bonus of GBP 3k a month is rare.": ("money", 3000.0, "GBP", "GBP 3k a month", "month", None),
    "We pay EUR 1,500 per annum for books.": ("money", 1500.0, "EUR", "EUR 1,500 per annum", "year", None),
    # percentages, with qualifiers
    "We match up to 5% of your salary.": ("percent", 5.0, "%", "up to 5%", None, "up to"),
    "A 6% employer contribution to your pension.": ("percent", 6.0, "%", "6%", None, None),
    "About 30 percent of staff work remotely.": ("percent", 30.0, "%", "About 30 percent", None, "about"),
    "Women are 50 per cent of our engineers.": ("percent", 50.0, "%", "50 per cent", None, None),
    # counts
    "We have 140 employees.": ("count", 140.0, "employees", "140 employees", None, None),
    "A team of approx. 140 people.": ("count", 140.0, "people", "approx. 140 people", None, "approx"),
    "We serve over 1,000 customers.": ("count", 1000.0, "customers", "over 1,000 customers", None, "over"),
    "Engineers are spread over more than 30 countries.": (
        "count",
        30.0,
        "countries",
        "more than 30 countries",
        None,
        "more than",
    ),
}


@pytest.mark.parametrize(("text", "expected"), ONE_QUANTITY.items(), ids=list(ONE_QUANTITY))
def test_one_quantity_with_its_unit_period_and_qualifier(text: str, expected: tuple[object, ...]) -> None:
    kind, value, unit, written, period, qualifier = expected
    assert quantities(text) == [Quantity(kind, value, unit, written, period, qualifier)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "We started in 2019 with two people.",
        "In 2024 revenue doubled.",
        "Since 2019, we have grown.",
        "The standup is at 11:00 every day.",
        "Office hours are 9:00-17:00.",
        "Version 3.2 was released.",
        "Call +31 10 123 4567 for questions.",
        "Meet us in room 101.",
        "We deploy 40 times a day.",
        "Nothing here is a number.",
    ],
)
def test_years_times_and_bare_numbers_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_several_quantities_come_in_reading_order() -> None:
    found = quantities("Engineers are on call one week in six, and on-call is paid EUR 400 per week.")
    assert [(q.kind, q.text) for q in found] == [("duration", "one week"), ("money", "EUR 400 per week")]
    found = quantities("Over 200+ engineers in 3 offices share 1,200 customers.")
    assert [(q.kind, q.value, q.unit) for q in found] == [
        ("count", 200.0, "engineers"),
        ("count", 3.0, "offices"),
        ("count", 1200.0, "customers"),
    ]


def test_a_span_is_counted_once() -> None:
    """'$2,000 a year' is money; its 'year' must not also come back as a duration."""
    assert [q.kind for q in quantities("A budget of $2,000 a year and 25 days off.")] == ["money", "duration"]


def test_as_dict_is_what_the_database_stores() -> None:
    (found,) = quantities("up to 5%")
    assert found.as_dict() == {
        "kind": "percent",
        "value": 5.0,
        "unit": "%",
        "text": "up to 5%",
        "period": None,
        "qualifier": "up to",
    }


def test_an_hourly_rate_keeps_its_period() -> None:
    assert quantities("Interns are paid $30 an hour.") == [Quantity("money", 30.0, "USD", "$30 an hour", "hour")]


def test_a_hyphenated_range_keeps_both_ends() -> None:
    """'3 to 5 years' reads as 3 years with the whole range as written; '2-3 days' should read the same way."""
    assert quantities("We are in the office 2-3 days a week.") == [
        Quantity("duration", 2.0, "days", "2-3 days a week", "week")
    ]
