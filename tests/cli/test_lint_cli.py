"""``askback lint`` as a user runs it on the researched demo company."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli.invoke import fail, run
from research.shared import DEMO_NAME, researched_demo

from askback import config
from askback.core.taxonomy import CATEGORY_IDS
from askback.runtime import Runtime

KEYS = ["text", "category", "form", "specific", "answered", "problems", "suggestion"]
LONG = ("How does the team decide what to build next and who gets a say in it " * 40)[:2000]
GERMAN = "Wie viele Urlaubstage gibt es bei Ihnen?"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[Runtime]:
    with researched_demo(tmp_path_factory.mktemp("lint-cli-demo"), demo_database) as runtime:
        yield runtime


@pytest.fixture(autouse=True)
def _use_demo(demo: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.DATABASE_ENV, str(demo.db.engine.url))


def jsonl(*args: str, stdin: str | None = None) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run("lint", *args, "--format", "jsonl", stdin=stdin).splitlines()]


def test_one_json_object_per_question_in_order(tmp_path: Path) -> None:
    lines = ["Is there a learning budget?", "", "We use Kafka for our events.", LONG, GERMAN, "How does on-call work?"]
    questions = tmp_path / "questions.txt"
    questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = jsonl("--file", str(questions), "--company", DEMO_NAME)
    assert [r["text"] for r in rows] == lines
    for row in rows:
        assert list(row) == KEYS
        assert row["category"] is None or row["category"] in CATEGORY_IDS
        assert row["form"] in ("open", "closed")
        assert row["answered"] is None or list(row["answered"]) == ["source", "quote", "score"]
        assert all(list(p) == ["code", "message"] for p in row["problems"])
    codes = [[p["code"] for p in r["problems"]] for r in rows]
    assert codes[1] == ["empty"]
    assert "not-a-question" in codes[2]
    assert "too-long" in codes[3]
    assert "not-english" in codes[4]


def test_the_learning_budget_question_from_the_issue() -> None:
    (row,) = jsonl("Is there a learning budget?", "--company", "northwind-relay")
    assert (row["category"], row["form"], row["specific"]) == ("growth", "closed", False)
    assert [p["code"] for p in row["problems"]] == ["closed", "answered", "generic"]
    assert row["answered"]["source"] == "benefits.html"
    assert "EUR 1,500" in row["answered"]["quote"]
    assert 0.68 <= row["answered"]["score"] <= 1
    assert row["suggestion"].startswith("Your benefits page says “")  # the sentence cited, in its own words
    assert "EUR 1,500 a year" in row["suggestion"]


def test_arguments_come_before_file_lines_and_stdin_works() -> None:
    rows = jsonl("How big is the team?", "--file", "-", stdin="Is there on-call?\nWho would I report to?\n")
    assert [r["text"] for r in rows] == ["How big is the team?", "Is there on-call?", "Who would I report to?"]


def test_a_lone_dash_reads_the_questions_from_stdin() -> None:
    rows = jsonl("-", stdin="Is there on-call?\nWho would I report to?\n")
    assert [r["text"] for r in rows] == ["Is there on-call?", "Who would I report to?"]


def test_non_ascii_is_printed_as_is() -> None:
    out = run("lint", "Quelle est la culture de l'équipe ?", "--format", "jsonl")
    assert "l'équipe" in out and "\\u00e9" not in out


def test_text_output_numbers_each_question_with_its_problems_and_a_suggestion() -> None:
    out = run(
        "lint",
        "Do you do code reviews?",
        "How did the Kafka migration change the on-call load?",
        "--company",
        DEMO_NAME,
    )
    blocks = out.strip("\n").split("\n\n")
    assert len(blocks) == 2
    first = blocks[0].splitlines()
    assert first[0] == "1. Do you do code reviews?  2 to look at"
    assert first[1] == "   processes · closed · not specific"
    assert first[2].startswith("   closed: a yes/no or either/or question")
    assert first[3].startswith("   generic: this could be asked of any company")
    assert first[4] == "   try: How do you do code reviews?"
    second = blocks[1].splitlines()
    assert second[0] == "2. How did the Kafka migration change the on-call load?  ok"
    assert second[1] == "   processes · open · specific"
    assert len(second) == 2


def test_an_empty_line_shows_as_empty_in_text() -> None:
    assert run("lint", "").startswith(
        "1. (empty)  1 to look at\n   ? · open · not specific\n   empty: there is no question here\n"
    )


def test_brackets_in_a_question_are_shown_not_read_as_markup() -> None:
    assert run("lint", "How does [bold]on-call[/bold] work?").startswith("1. How does [bold]on-call[/bold] work?  ok\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["lint"], 2, "give questions as arguments or with --file (one per line)"),
        (["lint", "How?", "--interviewer", "cto"], 2, "unknown interviewer 'cto'; choose one of "),
        (["lint", "How?", "--stage", "lunch"], 2, "unknown stage 'lunch'; choose one of "),
        (["lint", "How?", "--company", "Globex"], 1, "no company called 'Globex'"),
        (["lint", "--file", "no-such-questions.txt"], 2, "cannot read no-such-questions.txt: "),
    ],
    ids=["nothing", "interviewer", "stage", "company", "file"],
)
def test_errors_are_an_exit_code_and_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, message: str
) -> None:
    found, out, err = fail(capsys, monkeypatch, *args)
    assert (found, out) == (code, "")
    assert err.startswith(f"Error: {message}") and err.count("\n") == 1


def test_more_than_500_questions_are_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    many = tmp_path / "many.txt"
    many.write_text("How?\n" * 501, encoding="utf-8")
    assert fail(capsys, monkeypatch, "lint", "--file", str(many)) == (
        2,
        "",
        "Error: at most 500 questions at a time; got 501\n",
    )
