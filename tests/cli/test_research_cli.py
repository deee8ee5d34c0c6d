"""``askback research``, ``askback facts`` and ``askback companies`` as a user runs them."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cli.invoke import fail, run
from research.shared import copy_handbook

COMPANY = "Acme Robotics"
SUMMARY = re.compile(
    r"^Acme Robotics: (?P<read>\d+) pages? read \((?P<new>\d+) new, (?P<changed>\d+) changed\), "
    r"(?P<unchanged>\d+) unchanged, (?P<sentences>\d+) sentences?, (?P<facts>\d+) facts?, "
    r"in \d+\.\d s \((?P<embedded>\d+) sentences? embedded in \d+\.\d s\)$"
)


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return copy_handbook(tmp_path / "handbook")


@pytest.fixture
def researched(handbook: Path) -> str:
    return run("research", str(handbook), "--company", COMPANY)


def numbers(line: str) -> dict[str, int]:
    match = SUMMARY.match(line)
    assert match, line
    return {k: int(v) for k, v in match.groupdict().items()}


# --- research -------------------------------------------------------------------------------


def test_research_prints_one_summary_line_and_where_to_look(researched: str) -> None:
    first, hint = researched.splitlines()
    found = numbers(first)
    assert (found["read"], found["new"], found["changed"], found["unchanged"]) == (6, 6, 0, 0)
    assert found["sentences"] >= found["facts"] > 0
    assert hint == "See them with: askback facts --company 'Acme Robotics'"


def test_research_again_reads_nothing_new(handbook: Path, researched: str) -> None:
    (line,) = run("research", str(handbook), "--company", COMPANY).splitlines()
    assert numbers(line) == {
        "read": 0,
        "new": 0,
        "changed": 0,
        "unchanged": 6,
        "sentences": 0,
        "facts": 0,
        "embedded": 0,
    }


def test_research_says_what_was_removed_skipped_and_noted(handbook: Path, researched: str) -> None:
    (handbook / "remote.txt").unlink()
    (handbook / "index.md").unlink()
    (handbook / "scan.csv").write_text("a,b\n", encoding="utf-8")
    (handbook / "old.txt").write_bytes(
        "Das Büro in München ist groß und schön, und alle sind glücklich.".encode("cp1252")
    )
    lines = run("research", str(handbook), "--company", COMPANY, str(handbook / "scan.csv")).splitlines()
    assert numbers(lines[0])["new"] == 1
    assert lines[1] == "2 pages no longer in their folder were removed."
    assert lines[2] == "  skipped scan.csv: .csv: not a format askback reads (HTML, Markdown, text, PDF)"
    assert lines[3].startswith("  note old.txt: not valid UTF-8: decoded as ")


def test_research_json_is_the_whole_summary(handbook: Path) -> None:
    data = json.loads(run("research", str(handbook), "--company", COMPANY, "--format", "json"))
    assert set(data) == {
        "company",
        "pages_new",
        "pages_changed",
        "pages_unchanged",
        "pages_removed",
        "sentences",
        "facts",
        "embedded",
        "seconds",
        "embed_seconds",
        "skipped",
        "notes",
        "semantic",
    }
    assert (data["company"], data["pages_new"], data["pages_removed"], data["skipped"], data["semantic"]) == (
        COMPANY,
        6,
        0,
        [],
        True,
    )


def test_research_reads_pasted_text_from_stdin() -> None:
    out = run("research", "-", "--company", COMPANY, stdin="Parents get 16 weeks of fully paid parental leave.\n")
    assert numbers(out.splitlines()[0])["new"] == 1
    assert "1 page read" in out and "1 sentence," in out and "1 fact," in out  # counted in the singular
    rows = [json.loads(line) for line in run("facts", "--company", COMPANY, "--format", "jsonl").splitlines()]
    assert [(r["source"], r["text"]) for r in rows] == [
        ("pasted text", "Parents get 16 weeks of fully paid parental leave.")
    ]


# --- facts ----------------------------------------------------------------------------------


def test_facts_jsonl_gives_source_headings_topics_and_quantities(researched: str) -> None:
    rows = [json.loads(line) for line in run("facts", "--company", COMPANY, "--format", "jsonl").splitlines()]
    assert rows and all(set(r) == {"topics", "text", "source", "headings", "quantities", "confidence"} for r in rows)
    vacation = next(r for r in rows if r["text"].startswith("Everyone gets 25 days"))
    assert vacation == {
        "topics": vacation["topics"],
        "text": "Everyone gets 25 days of paid vacation a year, plus public holidays.",
        "source": "policies/leave.md",
        "headings": ["Time off", "Vacation and leave"],
        "quantities": ["25 days"],
        "confidence": vacation["confidence"],
    }
    assert vacation["topics"][0] == "leave" and 0.5 <= vacation["confidence"] <= 0.99
    assert [r["source"] for r in rows] == sorted(r["source"] for r in rows)  # grouped by page


def test_facts_on_one_topic(researched: str) -> None:
    rows = [
        json.loads(line)
        for line in run("facts", "--company", "acme-robotics", "--topic", "on-call", "--format", "jsonl").splitlines()
    ]
    assert [(r["text"], r["source"], r["quantities"]) for r in rows] == [
        (
            "Engineers are on call one week in eight, and on-call is paid at EUR 300 per week.",
            "engineering.md",
            ["one week", "EUR 300 per week"],
        )
    ]


def test_facts_as_text_are_tab_separated_when_piped(researched: str) -> None:
    lines = run("facts", "--company", COMPANY, "--topic", "on-call").splitlines()
    assert lines == [
        "on-call\tEngineers are on call one week in eight, and on-call is paid at EUR 300 per week.\tengineering.md"
    ]


def test_facts_limit_and_json(researched: str) -> None:
    rows = json.loads(run("facts", "--company", COMPANY, "--limit", "2", "--format", "json"))
    assert len(rows) == 2


def test_no_facts_says_how_to_get_some() -> None:
    run("companies", "add", COMPANY)
    assert run("facts", "--company", COMPANY) == "No facts for Acme Robotics. Try: askback research\n"
    assert run("facts", "--company", COMPANY, "--topic", "leave") == (
        "No facts for Acme Robotics on leave. Try: askback research\n"
    )
    assert run("facts", "--company", COMPANY, "--format", "jsonl") == ""


# --- companies ------------------------------------------------------------------------------


def rows(*args: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = json.loads(run(*args, "--format", "json"))
    return result


def test_companies_show_when_they_were_researched(handbook: Path) -> None:
    run("companies", "add", COMPANY)
    assert [(c["slug"], c["researched"]) for c in rows("companies")] == [("acme-robotics", None)]
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    run("research", str(handbook), "--company", COMPANY)
    (company,) = rows("companies")
    researched = datetime.strptime(company["researched"], "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    assert before <= researched <= datetime.now(UTC)


# --- errors: an exit code and one line --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["facts", "--company", COMPANY, "--topic", "perks"],
            2,
            "unknown research topic 'perks'; askback taxonomy topics lists them",
        ),
        (["facts", "--company", "globex"], 1, "no company called 'globex'; `askback companies` lists the known ones"),
        (["research", "nowhere-folder", "--company", COMPANY], 2, "nowhere-folder: no such file or folder"),
        (
            ["research", "file:///etc/passwd", "--company", COMPANY],
            2,
            "file:///etc/passwd: only http(s) URLs, files, folders and - are research sources",
        ),
        (["research", ".", "--company", COMPANY, "--max-pages", "0"], 2, "--max-pages must be at least 1"),
    ],
    ids=["unknown-topic", "unknown-company", "missing-folder", "file-url", "max-pages"],
)
def test_errors_are_an_exit_code_and_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    code: int,
    message: str,
) -> None:
    assert fail(capsys, monkeypatch, *args) == (code, "", f"Error: {message}\n")


def test_a_research_that_reads_nothing_exits_1_with_the_reasons_and_makes_no_company(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "about.txt").write_text("", encoding="utf-8")
    code, out, err = fail(capsys, monkeypatch, "research", str(tmp_path), "--company", "Initech")
    assert (code, out) == (1, "")
    assert err == (
        f"Error: nothing was read from {tmp_path}: about.txt: empty: there is nothing to read in it; "
        "logo.md: binary content, not text: askback reads HTML, Markdown, text and PDF; nothing was stored\n"
    )
    assert run("companies", "list") == "No companies yet. Try: askback demo\n"


def test_an_unreadable_pdf_is_one_line_of_askback_s_own(handbook: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """pypdf's own warnings ("EOF marker not found") would reach the terminal on stderr."""
    (handbook / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    out = run("research", str(handbook), "--company", COMPANY)
    assert "  note broken.pdf: an unreadable PDF (damaged, encrypted or cut short): nothing was read from it" in out
    assert capfd.readouterr().err == ""
