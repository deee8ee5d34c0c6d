"""The ``askback`` command as a user runs it: output, files written, errors, help."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from cli.invoke import invoke, run, run_json
from embedders import WordsEmbedder
from typer.core import TyperGroup

from askback.cli import app
from askback.core import taxonomy
from askback.demo.service import demo_company

CATEGORY_LABELS = {c.label for c in taxonomy.CATEGORIES}


# --- the main job ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.usefixtures("warm_model")  # the shipped texts' vectors, computed once per run
def test_demo_prints_a_plan_across_categories_and_keeps_the_company() -> None:
    """One test, since the demo researches its bundled site and that takes a while."""
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    demo = demo_company()
    assert demo.name in result.stderr
    out = result.stdout
    # the plan is for the demo candidate's next interview: a technical one with a named person
    assert out.startswith(
        f"{demo.name}: 15 minutes with Kwame Mensah (Tech Lead, Platform Team), the hiring manager (technical stage)\n"
    )
    assert out.count("· shows your expertise") == 1
    assert "· from your notes on Kwame Mensah" in out
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", out, flags=re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 5
    categories = set(re.findall(r"^ {3}(\S+) · ", out, flags=re.MULTILINE))
    assert categories <= CATEGORY_LABELS
    assert len(categories) >= 4
    assert "why: " in out
    assert "Backups" in out

    rows = run_json("companies", "--format", "json")
    # the demo also loads three companies' interviews (three plans for the demo company) for askback compare
    assert [(r["slug"], r["name"], r["url"], r["plans"]) for r in rows if r["slug"] == demo.slug] == [
        (demo.slug, demo.name, demo.url, 4)
    ]
    assert sorted(r["slug"] for r in rows) == ["harbor-and-pine", demo.slug, "oakmere-systems"]
    people = run_json("interviewers", "list", "--company", demo.slug, "--format", "json")
    assert [(p["name"], p["role"], p["next_interview"]["stage"]) for p in people] == [
        ("Kwame Mensah", "hiring-manager", "technical"),
        ("Ines Carvalho", "executive", "final"),
    ]
    assert "Read 7 achievements" not in result.stderr  # the CV is read quietly...
    assert len(run_json("profile", "--format", "json")[0]["experience"]) == 7  # ...and kept with the profile
    again = invoke("demo")  # loading again adds no second interviewer, interview or CV
    assert again.exit_code == 0, again.output
    assert len(run_json("interviews", "list", "--format", "json")) == 2


def test_prepare_json_gives_questions_and_backups() -> None:
    data = run_json("prepare", "--company", "acme", "--priority", "mentoring=3", "--format", "json")
    assert data["company"] == "acme"
    assert data["profile"]["priorities"] == {"mentoring": 3.0}
    assert len(data["questions"]) == 6
    assert 3 <= len(data["backups"]) <= 5
    assert any(q["category"] == "growth" for q in data["questions"])
    assert all(q["text"].endswith("?") for q in data["questions"])


def test_prepare_writes_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "plans" / "acme.md"
    result = invoke("prepare", "--company", "Acme Robotics", "--minutes", "10", "--format", "md", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote {out}" in result.stderr
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Acme Robotics: 10 minutes with the hiring manager (team stage)\n")
    assert len(re.findall(r"^## \d+\. ", md, flags=re.MULTILINE)) == 4
    assert "## Backups" in md


def test_prepare_explain_says_why() -> None:
    out = run("prepare", "--company", "acme", "--priority", "mentoring", "--explain")
    assert "probes your priority mentoring" in out


def test_plans_lists_saved_plans() -> None:
    run("prepare", "--company", "acme")
    run("prepare", "--company", "globex", "--interviewer", "peer", "--minutes", "10")
    lines = run("plans").splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["1", "acme"], ["2", "globex"]]
    listed = run_json("plans", "list", "--format", "json")
    assert [(p["id"], p["company"], p["interviewer"], p["questions"]) for p in listed] == [
        (1, "acme", "hiring-manager", 6),
        (2, "globex", "peer", 4),
    ]
    assert [p["id"] for p in run_json("plans", "--company", "globex", "--format", "json")] == [2]


def test_no_plans_yet_says_how_to_make_one() -> None:
    assert run("plans") == "No plans yet. Try: askback prepare --company NAME\n"


def test_plans_show_gives_the_saved_plan_back() -> None:
    prepared = run_json("prepare", "--company", "acme", "--format", "json")
    shown = run_json("plans", "show", str(prepared["id"]), "--format", "json")
    assert shown["id"] == prepared["id"]
    assert shown["questions"] == prepared["questions"]
    assert shown["backups"] == prepared["backups"]


def test_plans_export_writes_json(tmp_path: Path) -> None:
    run("prepare", "--company", "acme")
    out = tmp_path / "plan.json"
    run("plans", "export", "1", "--format", "json", "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["company"] == "acme"


# --- the bank -------------------------------------------------------------------------------


def test_bank_list_by_category() -> None:
    rows = run_json("bank", "list", "--category", "growth", "--format", "json")
    assert len(rows) >= 30
    assert {r["category"] for r in rows} == {"growth"}


def test_bank_show_one_question() -> None:
    out = run("bank", "show", "growth-who-will-i-learn-from")
    assert out.startswith("Who would I be learning from most during my first few months here?\n")
    assert "  growth-who-will-i-learn-from · Self-development · mentoring\n" in out
    assert "  follow-up: " in out
    assert "  good sign: " in out
    assert "  red flag: " in out


def test_bank_search_finds_learning_budget_questions_first() -> None:
    rows = run_json("bank", "search", "learning", "budget", "--format", "json")
    assert [r["subtopic"] for r in rows[:3]] == ["learning-budget"] * 3
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_bank_search_without_a_match_says_so() -> None:
    assert run("bank", "search", "xylophone") == "No question matches 'xylophone'.\n"


# --- companies, profile, answers --------------------------------------------------------------


def test_profile_set_then_show() -> None:
    assert run("profile", "show") == (
        "No profile yet. Try: askback profile set --role 'Backend engineer' --priority mentoring=3\n"
    )
    run(
        "profile",
        "set",
        "--role",
        "Staff engineer",
        "--seniority",
        "staff",
        "--priority",
        "mentoring=3",
        "--priority",
        "remote",
        "--signal",
        "ownership",
    )
    assert run("profile", "show") == (
        "role: Staff engineer\nseniority: staff\npriorities: mentoring=3, remote=1\nsignals: ownership\n"
    )
    run("profile", "set", "--seniority", "principal")
    assert run("profile", "show", "--format", "json") == run("profile", "--format", "json")
    assert run_json("profile", "show", "--format", "json") == [
        {
            "role": "Staff engineer",
            "seniority": "principal",
            "priorities": ["mentoring=3", "remote=1"],
            "signals": ["ownership"],
            "skills": [],
            "experience": [],
        }
    ]


def test_the_saved_profile_shapes_the_plan() -> None:
    run("profile", "set", "--priority", "compensation=5")
    data = run_json("prepare", "--company", "acme", "--interviewer", "recruiter", "--format", "json")
    assert data["profile"]["priorities"] == {"compensation": 5.0}


def test_an_answered_question_is_left_out_of_the_next_plan() -> None:
    first = run_json("prepare", "--company", "acme", "--format", "json")
    question = first["questions"][0]["id"]
    out = run("answers", "add", str(first["id"]), question, "Everyone gets a buddy for 90 days", "--rating", "4")
    assert out == f"Answer saved for {question} (acme, hiring-manager).\n"
    listed = run_json("answers", "list", "--company", "acme", "--format", "json")
    assert listed == [
        {
            "question": question,
            "interviewer": "hiring-manager",
            "rating": 4,
            "answer": "Everyone gets a buddy for 90 days",
            "plan": first["id"],
        }
    ]
    second = run_json("prepare", "--company", "acme", "--format", "json")
    ids = [q["id"] for q in second["questions"] if not q["cross_check"]] + [q["id"] for q in second["backups"]]
    assert question not in ids
    assert len(second["questions"]) == len(first["questions"])


def test_another_interviewer_cross_checks_the_answer() -> None:
    first = run_json("prepare", "--company", "acme", "--interviewer", "recruiter", "--format", "json")
    for q in first["questions"]:
        run("answers", "add", str(first["id"]), q["id"], "Yes.")
    second = run_json("prepare", "--company", "acme", "--format", "json")
    checks = [q for q in second["questions"] if q["cross_check"]]
    assert 1 <= len(checks) <= 2
    assert {q["id"] for q in checks} <= {q["id"] for q in first["questions"]}
    assert all(any("cross-check" in why for why in q["why"]) for q in checks)


def test_taxonomy_lists_priority_ids() -> None:
    rows = run_json("taxonomy", "priorities", "--format", "json")
    assert [r["id"] for r in rows] == list(taxonomy.PRIORITY_IDS)


# --- errors: one line on stderr, an exit code, no traceback ------------------------------------


def askback_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "ASKBACK_HOME": str(home)}
    env.pop("ASKBACK_DATABASE_URL", None)
    env.pop("ASKBACK_DEBUG", None)
    return env


ERROR_CASES = {
    "unknown-interviewer": (["prepare", "--company", "acme", "--interviewer", "cto"], 2, "unknown interviewer 'cto'"),
    "unknown-priority": (["prepare", "--company", "acme", "--priority", "money"], 2, "unknown priority 'money'"),
    "bad-weight": (
        ["prepare", "--company", "acme", "--priority", "mentoring=x"],
        2,
        "priority weight must be a number",
    ),
    "zero-minutes": (
        ["prepare", "--company", "acme", "--minutes", "0"],
        2,
        "--minutes must be between 3 and 120, not 0",
    ),
    "unknown-category": (["bank", "list", "--category", "perks"], 2, "unknown category 'perks'"),
    "bad-rating": (
        ["answers", "add", "1", "growth-who-will-i-learn-from", "Fine.", "--rating", "9"],
        2,
        "a rating is from 1 to 5, not 9",
    ),
    "unknown-plan": (["plans", "show", "99"], 1, "no plan 99; `askback plans` lists the saved ones"),
    "unknown-question": (["bank", "show", "no-such-question"], 1, "no question 'no-such-question' in the bank"),
    "question-not-in-plan": (
        ["answers", "add", "1", "no-such-question", "Fine."],
        2,
        "question 'no-such-question' is not in plan 1",
    ),
}


@pytest.fixture(scope="module")
def error_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str]]:
    """Each bad command run as a user runs it, in a separate process, all at once to save time.

    The data directory is prepared first (one plan, number 1), so the runs only read it.
    """
    env = askback_env(tmp_path_factory.mktemp("cli-errors") / "home")
    command = [sys.executable, "-m", "askback"]
    subprocess.run(
        [*command, "prepare", "--company", "acme", "--minutes", "5"], env=env, capture_output=True, check=True
    )
    running = {
        case: subprocess.Popen([*command, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for case, (args, _, _) in ERROR_CASES.items()
    }
    results = {}
    for case, process in running.items():
        out, err = process.communicate(timeout=120)
        results[case] = (process.returncode, out, err)
    return results


@pytest.mark.parametrize("case", ERROR_CASES)
def test_errors_are_one_line_without_traceback(error_runs: dict[str, tuple[int, str, str]], case: str) -> None:
    _, expected_code, message = ERROR_CASES[case]
    code, out, err = error_runs[case]
    assert "Traceback" not in err
    assert code == expected_code, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ")
    assert message in lines[0]


# --- help -----------------------------------------------------------------------------------

FOUNDATION_COMMANDS = {"prepare", "demo", "taxonomy", "plans", "bank", "companies", "profile", "answers"}


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words a user types."""
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    paths: list[tuple[str, ...]] = []

    def walk(group: TyperGroup, prefix: tuple[str, ...]) -> None:
        for name, command in group.commands.items():
            paths.append((*prefix, name))
            if isinstance(command, TyperGroup):
                walk(command, (*prefix, name))

    walk(root, ())
    return paths


def test_help_lists_every_command() -> None:
    out = run("--help")
    listed = re.findall(r"^  ([a-z][a-z-]*)\s", out.split("Commands:", 1)[1], flags=re.MULTILINE)
    registered = {p[0] for p in command_paths() if len(p) == 1}
    assert registered >= FOUNDATION_COMMANDS
    assert sorted(listed) == sorted(registered)


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_help_has_an_example(path: tuple[str, ...]) -> None:
    out = run(*path, "--help")
    assert "Example:" in out


def test_a_long_input_is_echoed_shortened(tmp_path: Path) -> None:
    """A 20,000-word paste is linted, and echoed back as its start and its length."""
    words = " ".join(f"word{i % 97}" for i in range(20_000))
    out = run("lint", f"How do you plan {words}?", embedder=WordsEmbedder())  # the echo needs no real judgment
    first = out.splitlines()[0]
    assert first.startswith("1. How do you plan word0 word1") and "… (20,004 words, shortened)" in first
    assert len(out) < 2_000
    rows = [
        json.loads(line)
        for line in run("lint", f"How do you plan {words}?", "--format", "jsonl", embedder=WordsEmbedder()).splitlines()
    ]
    assert rows[0]["text"] == f"How do you plan {words}?"  # JSON keeps what was given, exactly
