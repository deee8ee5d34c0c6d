"""Bad input after the interviews is refused with one line, and nothing is stored."""

from __future__ import annotations

import pytest
from cli.invoke import fail, run, run_json

OFFER = ["offers", "add", "--company", "Acme", "--base", "90000"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([*OFFER, "--currency", "ABC"], "a currency is an ISO 4217 code such as EUR or USD, not 'ABC'"),
        ([*OFFER, "--currency", "EURO"], "a currency is an ISO 4217 code such as EUR or USD, not 'EURO'"),
        ([*OFFER, "--currency", "EUR", "--bonus-percent", "101"], "bonus percent must be from 0 to 100, not 101"),
        ([*OFFER, "--currency", "EUR", "--bonus-percent", "-5"], "bonus percent must be from 0 to 100, not -5"),
    ],
)
def test_a_bad_offer_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    code, out, err = fail(capsys, monkeypatch, *args)
    assert (code, out, err) == (2, "", f"Error: {message}\n")
    assert run_json("offers", "list", "--format", "json") == []


def test_a_lower_case_iso_code_is_accepted() -> None:
    run(*OFFER, "--currency", "chf", "--bonus-percent", "100")
    assert [r["currency"] for r in run_json("offers", "list", "--format", "json")] == ["CHF"]


@pytest.mark.parametrize(
    ("answer", "rating", "message"),
    [
        ("", [], "an answer needs some words or a rating; nothing was saved"),
        ("   ", [], "an answer needs some words or a rating; nothing was saved"),
        ("Fine.", ["--rating", "0"], "a rating is from 1 to 5, not 0"),
        ("Fine.", ["--rating", "6"], "a rating is from 1 to 5, not 6"),
    ],
)
def test_an_empty_answer_or_a_rating_outside_1_to_5_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, answer: str, rating: list[str], message: str
) -> None:
    plan = run_json("prepare", "--company", "acme", "--minutes", "5", "--format", "json")
    question = plan["questions"][0]["id"]
    code, out, err = fail(capsys, monkeypatch, "answers", "add", str(plan["id"]), question, answer, *rating)
    assert (code, out, err) == (2, "", f"Error: {message}\n")
    assert run_json("answers", "list", "--company", "acme", "--format", "json") == []


@pytest.mark.parametrize("companies", [["acme"], ["acme", "Acme"]])
def test_compare_needs_two_different_companies(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, companies: list[str]
) -> None:
    run("companies", "add", "acme")
    code, out, err = fail(capsys, monkeypatch, "compare", *companies)
    assert (code, out) == (2, "")
    assert err == "Error: compare takes 2 to 8 different companies, not 1\n"
