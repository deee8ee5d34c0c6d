"""``askback notes``: add to a plan or one of its questions, list by company, refuse empty notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli.invoke import fail, run, run_json


@pytest.fixture
def plan() -> dict[str, object]:
    made: dict[str, object] = run_json("prepare", "--company", "Acme", "--minutes", "5", "--format", "json")
    return made


def test_notes_are_added_from_text_a_file_or_stdin_and_listed(plan: dict[str, object], tmp_path: Path) -> None:
    plan_id = str(plan["id"])
    question = plan["questions"][0]["id"]  # type: ignore[index]
    run("notes", "add", plan_id, "Calm, clear answers.")
    note = tmp_path / "note.md"
    note.write_text("Pairing is daily.\n", encoding="utf-8")
    run("notes", "add", plan_id, "--question", question, "--file", str(note))
    run("notes", "add", plan_id, "--question", question, "-", stdin="Mentors rotate yearly.")
    rows = run_json("notes", "list", "--company", "acme", "--format", "json")
    assert [(r["question_id"], r["text"]) for r in rows] == [
        (None, "Calm, clear answers."),
        (question, "Pairing is daily.\n\nMentors rotate yearly."),
    ]
    assert run_json("notes", "list", "--format", "json") == rows
    text = run("notes", "list", "--company", "acme")
    assert "general notes" in text and question in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "a note needs some words; nothing was saved"),
        (["--question", "no-such-question", "Fine."], "question 'no-such-question' is not in plan"),
        ([], "give the note as TEXT (or - for standard input) or with --file, not both"),
    ],
)
def test_a_bad_note_is_one_line_and_stores_nothing(
    plan: dict[str, object],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    code, out, err = fail(capsys, monkeypatch, "notes", "add", str(plan["id"]), *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {message}") and err.count("\n") == 1
    assert run_json("notes", "list", "--format", "json") == []
