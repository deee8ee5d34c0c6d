"""``askback accounts``, ``offers`` and ``compare`` as a user runs them, and the demo end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli.invoke import fail, invoke, run, run_json

FIXTURES = Path(__file__).parents[1] / "fixtures" / "assess"
DEMO = ["northwind-relay", "harbor-and-pine", "oakmere-systems"]


def test_accounts_add_list_show_and_summary() -> None:
    assert run("accounts", "add", "--company", "Acme", "--file", str(FIXTURES / "accounts.csv")) == (
        "Added 2 accounts for Acme: #1, #2\n"
    )
    out = run("accounts", "add", "--company", "Acme", "--who", "current", "--role", "SRE", "We are like a family here.")
    assert out == "Added 1 account for Acme: #3\n"
    assert run("accounts", "add", "--company", "Acme", "--file", str(FIXTURES / "accounts.csv")) == (
        "Already known (not added again): #1, #2\n"
    )
    rows = run_json("accounts", "list", "--company", "acme", "--format", "json")
    assert [(r["id"], r["who"], r["role"], r["claims"] + r["opinions"]) for r in rows] == [
        (1, "current", "Backend engineer", 2),
        (2, "former", "Data engineer", 2),
        (3, "current", "SRE", 1),
    ]
    assert rows[2]["flags"] == [{"id": "like-a-family", "colour": "red", "name": '"We are like a family"'}]
    shown = run("accounts", "show", "3")
    assert shown.startswith("Acme: #3 current SRE (conversation)\n")
    assert "[red like-a-family]" in shown
    summary = run("accounts", "summary", "--company", "acme")
    assert summary.startswith("Acme: 3 accounts, 1 corroborated claim(s)\n")
    assert "Corroborated claims (two or more people):" in summary
    data = run_json("accounts", "summary", "--company", "acme", "--format", "json")
    corroborated = [g for c in data["categories"].values() for g in c["corroborated"]]
    assert [g["people"] for g in corroborated] == [2]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--file", str(FIXTURES / "bad-who.csv")], 2, "bad-who.csv row 3: who is current or former, not 'formr'"),
        (["--file", str(FIXTURES / "bad.json")], 2, "bad.json: not valid JSON"),
        (["--file", str(FIXTURES / "nope.csv")], 2, "no file"),
        (["--when", "soon", "Fine place."], 2, "when is a date like 2026-09"),
        (
            ["Fine place.", "--file", str(FIXTURES / "accounts.csv")],
            2,
            "give the account as TEXT or with --file, not both",
        ),
    ],
)
def test_bad_accounts_are_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, message: str
) -> None:
    exit_code, out, err = fail(capsys, monkeypatch, "accounts", "add", "--company", "Acme", *args)
    assert (exit_code, out) == (code, "")
    assert err.startswith("Error: ") and message in err and err.count("\n") == 1
    assert run_json("companies", "list", "--format", "json") == []


def test_offers_add_and_list_in_one_currency(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(
        "offers",
        "add",
        "--company",
        "Acme",
        "--title",
        "Engineer",
        "--base",
        "6000",
        "--currency",
        "EUR",
        "--period",
        "month",
        "--bonus-percent",
        "10",
    )
    run(
        "offers",
        "add",
        "--company",
        "Beta",
        "--base",
        "100000",
        "--currency",
        "usd",
        "--equity-units",
        "4000",
        "--equity-unit-value",
        "5",
    )
    rows = run_json("offers", "list", "--currency", "EUR", "--rate", "USD=0.9", "--format", "json")
    assert [(r["company"], r["base"], r["bonus"], r["equity"], r["total"]) for r in rows] == [
        ("Acme", 72000, 7200, 0, 79200),
        ("Beta", 90000, 0, 4500, 94500),
    ]
    code, out, err = fail(capsys, monkeypatch, "offers", "list", "--currency", "EUR")
    assert (code, out) == (2, "")
    assert err == "Error: no exchange rate from USD to EUR: add --rate USD=N (N EUR for one USD)\n"
    code, _, err = fail(capsys, monkeypatch, "offers", "add", "--company", "Acme", "--base", "-1", "--currency", "EUR")
    assert (code, err) == (2, "Error: base pay must be above 0, not -1\n")


@pytest.mark.slow
@pytest.mark.usefixtures("warm_model")  # the shipped texts' vectors, computed once per run
def test_demo_then_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo loads three companies, and compare weighs them: one test, as the demo researches a site."""
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    assert "askback compare northwind-relay harbor-and-pine oakmere-systems" in result.stderr
    text = run("compare", *DEMO)
    assert text.startswith("Northwind Relay, Harbor & Pine and Oakmere Systems, weighed by your priorities\n")
    assert "Interviewers who disagreed" in text and "rated 4/5 and 2/5" in text
    assert "How far each weight is from changing first place" in text
    data = run_json("compare", *DEMO, "--format", "json")
    assert sorted(data["ranking"]) == sorted(DEMO)
    by_slug = {c["slug"]: c for c in data["companies"]}
    assert by_slug["oakmere-systems"]["offer"] is None and by_slug["harbor-and-pine"]["offer"]["total"] == 113150
    assert all(c["accounts"] == 4 for c in data["companies"])
    html = tmp_path / "report" / "compare.html"
    run("compare", *DEMO, "--format", "html", "--out", str(html))
    assert html.read_text(encoding="utf-8").count("<svg") == 4
    run("compare", *DEMO, "--format", "md", "--out", str(tmp_path / "compare.md"))
    pytest.importorskip("weasyprint")
    pdf = tmp_path / "compare.pdf"
    run("compare", *DEMO, "--format", "pdf", "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF-")
    again = invoke("demo")  # loading the comparison again adds nothing
    assert again.exit_code == 0
    assert len(run_json("accounts", "list", "--company", "oakmere-systems", "--format", "json")) == 4
    code, _, err = fail(capsys, monkeypatch, "compare", *DEMO, "--format", "pdf")
    assert (code, err) == (2, "Error: a PDF needs --out FILE\n")
    code, _, err = fail(capsys, monkeypatch, "compare", "northwind-relay", "nowhere")
    assert (code, err) == (1, "Error: no company called 'nowhere'; `askback companies` lists the known ones\n")
