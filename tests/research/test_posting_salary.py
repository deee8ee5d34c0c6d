"""Salary shapes seen in postings, read into amounts, an ISO currency and a period."""

from __future__ import annotations

import pytest

from askback.core.jobs import Salary
from askback.research.posting_salary import parse_salary, salary_score


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Salary: €70-85k", Salary(70_000, 85_000, "EUR", "year")),
        ("$150,000 - $180,000 + equity", Salary(150_000, 180_000, "USD", "year")),
        ("£55k–£65k per annum", Salary(55_000, 65_000, "GBP", "year")),
        ("Salary: up to 90.000 EUR gross per year.", Salary(None, 90_000, "EUR", "year")),
        ("Pay: $45/hour.", Salary(45, 45, "USD", "hour")),
        ("Rate: £550 - £650 per day (outside IR35)", Salary(550, 650, "GBP", "day")),
        ("Salary between € 3.200 and € 4.100 gross per month.", Salary(3_200, 4_100, "EUR", "month")),
        ("Wynagrodzenie: 14 000 – 19 000 PLN netto miesięcznie (B2B).", Salary(14_000, 19_000, "PLN", "month")),
        ("Compensation: CA$160,000 – CA$185,000 base, plus options.", Salary(160_000, 185_000, "CAD", "year")),
        ("85-100k € brut annuel", Salary(85_000, 100_000, "EUR", "year")),
        ("Salary from £60,000 depending on experience.", Salary(60_000, None, "GBP", "year")),
        ("We offer a starting salary of £32,000 a year.", Salary(32_000, 32_000, "GBP", "year")),
        ("The salary is between 70.000 and 85.000 euros gross per year.", Salary(70_000, 85_000, "EUR", "year")),
        ("Salaire : entre 45 000 et 55 000 € brut annuel", Salary(45_000, 55_000, "EUR", "year")),
        ("Retribución: entre 30.000 y 36.000 euros brutos anuales", Salary(30_000, 36_000, "EUR", "year")),
        ("CHF 120'000 – 140'000 per year, 13 monthly payments.", Salary(120_000, 140_000, "CHF", "year")),
        ("SGD 7,000 – 9,500 per month", Salary(7_000, 9_500, "SGD", "month")),
        ("Compensation: $60/hour to $75/hour", Salary(60, 75, "USD", "hour")),
        ("We pay 4.000 - 5.000 EUR brutto monatlich.", Salary(4_000, 5_000, "EUR", "month")),
        ("CTC: ₹35-45 LPA", Salary(3_500_000, 4_500_000, "INR", "year")),
        ("We offer a £2,000 learning budget and a salary of £60,000-£70,000.", Salary(60_000, 70_000, "GBP", "year")),
        ("Pay starts at $95,000 and goes up to $115,000.", Salary(95_000, 115_000, "USD", "year")),
        ("The base salary is $140k+ depending on experience.", Salary(140_000, None, "USD", "year")),
        ("A$140k + super", Salary(140_000, 140_000, "AUD", "year")),
        ("90 000 - 110 000 kr/mån", Salary(90_000, 110_000, "SEK", "month")),
        ("Package: R45,000 - R55,000 per month", Salary(45_000, 55_000, "ZAR", "month")),
        ("RM 6,000 - RM 8,000 per month", Salary(6_000, 8_000, "MYR", "month")),
        ("Lohn: CHF 110'000.– bis 130'000.– pro Jahr", Salary(110_000, 130_000, "CHF", "year")),
        ("€ 65.000,– bis € 75.000,– brutto", Salary(65_000, 75_000, "EUR", "year")),
        ("Salaire : 70–85 000 € par an selon profil.", Salary(70_000, 85_000, "EUR", "year")),
        ("R$ 9.000 a R$ 12.000 por mês (CLT)", Salary(9_000, 12_000, "BRL", "month")),
    ],
)
def test_salary_shapes(sentence: str, expected: Salary) -> None:
    assert parse_salary(sentence) == expected


def test_a_dollar_in_a_canadian_posting_is_canadian() -> None:
    salary = parse_salary("Salary: 75 000 $ – 95 000 $ par année.", context="Work from our studio in Montréal.")
    assert salary == Salary(75_000, 95_000, "CAD", "year")


@pytest.mark.parametrize(
    ("place", "currency"),
    [("Toronto", "CAD"), ("Sydney, Australia", "AUD"), ("Mexico City", "MXN"), ("Austin, TX", "USD"), ("US", "USD")],
)
def test_a_dollar_is_the_currency_of_the_jobs_place(place: str, currency: str) -> None:
    # the posting also names Toronto (an office of the company): the job's place decides
    salary = parse_salary("Salary: $92,000 - $118,000", context="Offices in Toronto and Chicago.", place=place)
    assert salary is not None and salary.currency == currency


def test_krona_follows_the_country() -> None:
    assert parse_salary("Lønn: 600 000 kr per year", context="Our office in Oslo") == Salary(
        600_000, 600_000, "NOK", "year"
    )


@pytest.mark.parametrize(
    "sentence",
    ["We'll match 4% of your salary into a pension.", "Team of 12 engineers in 3 countries.", "No pay info here."],
)
def test_sentences_without_a_stated_amount_are_no_salary(sentence: str) -> None:
    assert parse_salary(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "$2,000 home office stipend",
        "€1,500 yearly learning budget",
        "We raised $40 million last year.",
        "Experience with Python or R, 5 years",
    ],
)
def test_money_that_is_a_benefit_is_not_the_salary(sentence: str) -> None:
    assert salary_score(sentence) == 0


def test_a_range_beside_a_budget_is_still_pay() -> None:
    sentence = "€75,000 – €92,000 depending on experience, 28 days of holiday and a €1,000 home-office budget."
    assert salary_score(sentence) > 0
    assert parse_salary(sentence) == Salary(75_000, 92_000, "EUR", "year")


def test_a_pay_sentence_outscores_a_bare_amount() -> None:
    assert salary_score("The base salary range is $190,000 - $230,000.") > salary_score("Costs $40 per seat.")


def test_describe_reads_like_a_person_would_say_it() -> None:
    assert Salary(70_000, 85_000, "EUR", "year").describe() == "EUR 70,000-85,000 a year"
    assert Salary(None, 60_000, "GBP", "year").describe() == "up to GBP 60,000 a year"
    assert Salary(24.5, 29, "USD", "hour").describe() == "USD 24.50-29 an hour"
