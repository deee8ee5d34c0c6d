"""``askback job add|list|show`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli.invoke import fail, run, run_json

POSTING = """\
# Senior Backend Engineer

**Location:** Lisbon, Portugal (hybrid, two days a week in the office)

- Build services in Python and PostgreSQL.
- Join the on-call rotation once every six weeks.

Salary: €60,000 – €75,000 a year.
"""


def test_add_show_and_list_a_posting(tmp_path: Path) -> None:
    path = tmp_path / "posting.md"
    path.write_text(POSTING, encoding="utf-8")
    out = run("job", "add", "--company", "Acme", str(path))
    assert out.startswith("Added job 1: Senior Backend Engineer at Acme (")
    shown = run("job", "show", "1")
    assert "Salary     EUR 60,000-75,000 a year\n           “Salary: €60,000 – €75,000 a year.”" in shown
    assert "Remote     hybrid" in shown
    assert "Stack      Python, PostgreSQL" in shown
    document = run_json("job", "show", "--format", "json")
    assert document["salary"] == {
        "minimum": 60000.0,
        "maximum": 75000.0,
        "currency": "EUR",
        "period": "year",
        "evidence": "Salary: €60,000 – €75,000 a year.",
    }
    assert document["location"]["value"] == "Lisbon, Portugal"
    rows = run_json("job", "list", "--format", "json")
    assert [(r["id"], r["company"], r["title"], r["remote"]) for r in rows] == [
        (1, "Acme", "Senior Backend Engineer", "hybrid")
    ]


def test_adding_from_standard_input_and_the_same_posting_again() -> None:
    assert run("job", "add", "--company", "Acme", "-", stdin=POSTING).startswith("Added job 1")
    assert run("job", "add", "--company", "Acme", "-", stdin=POSTING).startswith("Already had job 1")


def test_what_the_posting_leaves_out_is_said_in_show() -> None:
    run("job", "add", "--company", "Acme", "-", stdin="# Data Engineer\n\nYou will build pipelines in dbt.")
    shown = run("job", "show", "--company", "Acme")
    assert "Salary     not stated: ask the recruiter at the screen" in shown
    assert "Remote     not stated: ask the recruiter before the team stage" in shown


def test_a_posting_with_nothing_recognisable_warns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Thanks for reading this far.")))
    code, _, err = fail(capsys, monkeypatch, "job", "add", "--company", "Acme", "-")
    assert code == 0
    assert "Warning: no title, place, pay or stack recognised: the posting is kept as text" in err


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (["job", "add", "--company", "Acme", "missing.md"], 2, "Error: missing.md: no such file\n"),
        (["job", "show", "9"], 1, "Error: no job 9; `askback job list` shows the known ones\n"),
        (["job", "show", "--format", "xml"], 2, "Error: --format must be text or json, not 'xml'\n"),
        (["job", "add", "--company", "Acme", "ftp://acme.example/job"], 2, "Error: ftp://acme.example/job: a posting"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    exit_code: int,
    message: str,
) -> None:
    code, _, err = fail(capsys, monkeypatch, *args)
    assert code == exit_code
    assert err.startswith(message) and err.count("\n") == 1
    assert run("job", "list") == "No job postings yet; add one with `askback job add --company NAME URL|FILE`.\n"


def test_remove_a_posting() -> None:
    run("job", "add", "--company", "Acme", "-", stdin=POSTING)
    assert run("job", "remove", "1") == "Removed job 1: Senior Backend Engineer at Acme\n"
    assert run("job", "list", "--format", "json") == "[]\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary content, not text"),
        (b"  \n", "empty: there is nothing to read in it"),
    ],
)
def test_a_posting_file_is_judged_by_its_content(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: bytes, message: str
) -> None:
    run("companies", "add", "Acme")
    path = tmp_path / "posting.md"
    path.write_bytes(body)
    code, _, err = fail(capsys, monkeypatch, "job", "add", "--company", "Acme", str(path))
    assert code == 2 and err.startswith(f"Error: {path}: {message}") and err.count("\n") == 1, err
    assert run("job", "list") == "No job postings yet; add one with `askback job add --company NAME URL|FILE`.\n"


def test_show_gives_the_policy_and_the_country_of_a_remote_job() -> None:
    posting = (
        "# Senior Data Engineer\n\nRemote (US only) · Full-time\n\n"
        "Alder was founded in Dublin to read freight invoices.\n\n"
        "Compensation: $150,000 - $180,000 + equity.\n"
    )
    run("job", "add", "--company", "Alder", "-", stdin=posting)
    shown = run("job", "show", "--company", "Alder")
    assert "Remote     remote\n           “Remote (US only) · Full-time”" in shown
    assert "Location   US" in shown
    assert "Dublin" not in shown.split("Salary")[0]
    assert "Salary     USD 150,000-180,000 a year" in shown
