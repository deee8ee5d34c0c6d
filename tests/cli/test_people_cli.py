"""``askback interviewers``, ``interviews``, ``status`` and offer deadlines as a user runs them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from cli.invoke import fail, run, run_json

SOON = (date.today() + timedelta(days=5)).isoformat()
LATER = (date.today() + timedelta(days=9)).isoformat()


def test_interviewers_get_a_role_from_their_title_relative_to_the_profile() -> None:
    run("profile", "set", "--role", "Senior backend engineer", "--seniority", "senior")
    out = run("interviewers", "add", "--company", "Acme", "--name", "Dana Ruiz", "--title", "Director of Engineering")
    assert out == "Added Dana Ruiz (Director of Engineering, skip-level): 2 levels above the job's manager.\n"
    run("interviewers", "add", "--company", "acme", "--name", "Lee Park", "--title", "Talent Partner")
    run("interviewers", "add", "--company", "acme", "--name", "Ana Silva", "--title", "CTO", "--role", "hiring-manager")
    rows = run_json("interviewers", "list", "--company", "acme", "--format", "json")
    assert [(r["name"], r["role"], r["role_set_by"]) for r in rows] == [
        ("Dana Ruiz", "skip-level", "title"),
        ("Lee Park", "recruiter", "title"),
        ("Ana Silva", "hiring-manager", "you"),
    ]


def test_a_staff_job_makes_the_same_title_a_peer() -> None:
    run("profile", "set", "--seniority", "principal")
    run("interviewers", "add", "--company", "acme", "--name", "Kai", "--title", "Staff Engineer")
    assert run_json("interviewers", "show", "--company", "acme", "kai", "--format", "json")[0]["role"] == "peer"


def test_notes_from_a_file_show_and_remove(tmp_path: Path) -> None:
    bio = tmp_path / "dana.md"
    bio.write_text("# Dana Ruiz\n\nDana leads the routing platform and wrote about moving dispatch to Kafka.\n")
    run(
        "interviewers",
        "add",
        "--company",
        "Acme",
        "--name",
        "Dana Ruiz",
        "--title",
        "VP Engineering",
        "--file",
        str(bio),
    )
    shown = run("interviewers", "show", "--company", "acme", "Dana Ruiz")
    assert "notes:\nDana leads the routing platform and wrote about moving dispatch to Kafka." in shown
    assert run("interviewers", "remove", "--company", "acme", "dana ruiz") == "Removed Dana Ruiz.\n"
    assert run("interviewers", "list", "--company", "acme").startswith("No interviewers for Acme yet.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "CTO", "--role", "boss"], "unknown role 'boss'"),
        (["--title", " "], "what is Dana's job title?"),
        (["--title", "CTO", "--on", "next tuesday"], "a interview date looks like 2026-12-10"),
        (["--title", "CTO", "--on", "2026-02-30"], "2026-02-30 is not a day of the calendar"),
        (["--title", "CTO", "--stage", "lunch"], "unknown stage 'lunch'"),
    ],
)
def test_bad_interviewer_input_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    code, _, err = fail(capsys, monkeypatch, "interviewers", "add", "--company", "acme", "--name", "Dana", *args)
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert run_json("companies", "list", "--format", "json") == []  # not even the company


def test_an_unreadable_notes_file_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "talk.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    code, _, err = fail(
        capsys, monkeypatch, "interviewers", "add", "-c", "acme", "-n", "Dana", "-t", "CTO", "--file", str(broken)
    )
    assert code == 2 and str(broken) in err


def test_an_unknown_name_suggests_the_known_ones(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("interviewers", "add", "--company", "acme", "--name", "Dana Ruiz", "--title", "CTO")
    run("interviewers", "add", "--company", "acme", "--name", "Lee Park", "--title", "Recruiter")
    code, _, err = fail(capsys, monkeypatch, "interviewers", "show", "--company", "acme", "Dan")
    assert (code, err) == (1, "Error: no interviewer called 'Dan' at acme; known: Dana Ruiz, Lee Park\n")


def test_interviews_on_the_calendar_and_in_status() -> None:
    run("profile", "set", "--seniority", "senior", "--priority", "mentoring=3")
    run(
        "interviewers",
        "add",
        "-c",
        "Acme",
        "-n",
        "Dana Ruiz",
        "-t",
        "Engineering Manager",
        "--on",
        f"{LATER} 14:00",
        "--stage",
        "team",
    )
    assert run("interviews", "add", "-c", "acme", "--on", SOON, "--stage", "screen") == f"Interview #2 on {SOON}.\n"
    rows = run_json("interviews", "list", "--format", "json")
    assert [(r["day"], r["time"], r["stage"], r["with"]) for r in rows] == [
        (SOON, "", "screen", None),
        (LATER, "14:00", "team", "Dana Ruiz"),
    ]
    run("interviews", "remove", "2")
    shown = run("status")
    assert shown.startswith("Acme: team stage reached\n")
    assert (
        f"  next interview: {LATER} 14:00 with Dana Ruiz (Engineering Manager, hiring manager), team stage\n" in shown
    )


def test_status_puts_the_nearest_offer_deadline_first() -> None:
    run("companies", "add", "Globex")
    run("interviews", "add", "-c", "globex", "--on", SOON)
    out = run(
        "offers",
        "add",
        "-c",
        "Initech",
        "--base",
        "90000",
        "--currency",
        "EUR",
        "--title",
        "Engineer",
        "--deadline",
        LATER,
    )
    assert out == f"Offer #1 saved for Initech; answer by {LATER}.\n"
    found = run_json("status", "--format", "json")
    assert [s["slug"] for s in found] == ["initech", "globex"]
    left = (date.fromisoformat(LATER) - date.today()).days  # 9, or 8 once the run has passed midnight
    assert found[0]["stage"] == "offer" and found[0]["offer"]["days_left"] == left
    assert f"  offer: Engineer: EUR 90,000 a year; answer by {LATER} (in {left} days)\n" in run("status")
    assert run_json("offers", "list", "--format", "json")[0]["deadline"] == LATER


def test_a_bad_deadline_is_refused(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = fail(
        capsys, monkeypatch, "offers", "add", "-c", "x", "--base", "1", "--currency", "EUR", "--deadline", "soon"
    )
    assert code == 2 and err == "Error: a deadline looks like 2026-12-10 or 2026-12-10 14:30, not 'soon'\n"
    assert run_json("offers", "list", "--format", "json") == []


SITE = {
    "engineering.md": "# Engineering at Acme\n\n"
    "Written proposals: larger changes start as an RFC.\n\n"
    "Data: PostgreSQL 16 as the main database and Kafka for event streaming.\n\n"
    "Engineers are on call one week in six, and on-call is paid.\n",
    "benefits.md": "# Benefits\n\nEveryone gets 28 days of paid leave a year.\n",
}
CV = (
    "# Alex Example\n\n## Experience\n\n"
    "- Wrote design proposals as RFCs for every cross-team change.\n"
    "- Led the migration of order events from Postgres queues to Kafka, with zero downtime.\n"
    "- Mentored four junior engineers; two were promoted within a year.\n\n"
    "## Skills\n\nPython, Kafka\n"
)


@pytest.fixture
def researched(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    for name, text in SITE.items():
        (site / name).write_text(text)
    cv = tmp_path / "cv.md"
    cv.write_text(CV)
    run("research", str(site), "--company", "Acme")
    assert run("profile", "set", "--seniority", "senior", "--experience", str(cv)) == (
        "Read 3 achievements and 3 skills from cv.md.\nProfile saved.\n"  # Python, Kafka, postgres
    )
    return cv


def test_a_plan_aimed_at_a_named_interviewer_shows_your_expertise(researched: Path) -> None:
    notes = "Sam wrote about moving dispatch events to Kafka."
    run("interviewers", "add", "-c", "acme", "-n", "Sam Okafor", "-t", "Staff Engineer", "--notes", notes)
    plan = run_json("prepare", "-c", "acme", "--with", "sam okafor", "--stage", "technical", "--format", "json")
    screen = run_json("prepare", "-c", "acme", "--with", "Sam Okafor", "--stage", "screen", "--format", "json")
    assert (plan["interviewer"], plan["interviewer_name"]) == ("peer", "Sam Okafor (Staff Engineer)")
    marked = {q["mark"]: q for q in plan["questions"] if q["mark"]}
    assert set(marked) == {"shows your expertise", "from your notes on Sam Okafor"}
    expertise = marked["shows your expertise"]
    assert expertise["text"].startswith(("At my last job I ", "Previously I "))
    assert expertise["evidence"][0]["source"] == "engineering.md"
    assert marked["from your notes on Sam Okafor"]["text"] == (
        "I read that you wrote about moving dispatch events to Kafka. What part of that is the team still working out?"
    )
    all_questions = plan["questions"] + plan["backups"]
    assert sum(q["text"].startswith(("At my last job", "Previously I")) for q in all_questions) <= 2
    assert not any(q["text"].startswith(("At my last job", "Previously I")) for q in screen["questions"])
    lint = run_json(
        "lint",
        "--company",
        "acme",
        "--interviewer",
        "peer",
        "--stage",
        "technical",
        "--format",
        "json",
        expertise["text"],
    )
    assert lint["problems"] == []  # the same verdict as askback lint gives


def test_prepare_with_an_unknown_person_names_the_known_ones(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("interviewers", "add", "-c", "Acme", "-n", "Sam Okafor", "-t", "Staff Engineer")
    code, _, err = fail(capsys, monkeypatch, "prepare", "-c", "acme", "--with", "Dana")
    assert (code, err) == (1, "Error: no interviewer called 'Dana' at Acme; known: Sam Okafor\n")


def test_an_unreadable_cv_is_named_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF-1.4 broken")
    code, _, err = fail(capsys, monkeypatch, "profile", "set", "--seniority", "staff", "--experience", str(cv))
    assert code == 2 and err.startswith(f"Error: {cv}: ")
    assert "seniority: staff" not in run("profile")


def test_interviewers_plan_splits_open_questions() -> None:
    run("profile", "set", "--seniority", "senior", "--priority", "mentoring=3", "--priority", "compensation=2")
    run("interviewers", "add", "-c", "Acme", "-n", "Lee Park", "-t", "Talent Partner")
    run("interviewers", "add", "-c", "acme", "-n", "Dana Ruiz", "-t", "Director of Engineering")
    found = run_json("interviewers", "plan", "-c", "acme", "--format", "json")[0]
    people = {p["name"]: p for p in found["people"]}
    assert [p["name"] for p in found["people"]] == ["Dana Ruiz", "Lee Park"]  # the skip-level first
    assert any(q["subtopic"] == "compensation" for q in people["Lee Park"]["questions"])  # pay to the recruiter
    assert not any(q["subtopic"] == "compensation" for q in people["Dana Ruiz"]["questions"])
    assert any(q["category"] == "growth" for q in people["Dana Ruiz"]["questions"])  # mentoring
    text = run("interviewers", "plan", "-c", "acme")
    assert text.startswith("Dana Ruiz (Director of Engineering, skip-level)\n  - ")


def test_a_plan_for_a_person_takes_the_stage_of_their_next_interview() -> None:
    run(
        "interviewers",
        "add",
        "-c",
        "Acme",
        "-n",
        "Dana Ruiz",
        "-t",
        "Engineering Manager",
        "--on",
        SOON,
        "--stage",
        "final",
    )
    plan = run_json("prepare", "-c", "acme", "--with", "Dana Ruiz", "--format", "json")
    assert (plan["interviewer"], plan["stage"]) == ("hiring-manager", "final")
    plan = run_json("prepare", "-c", "acme", "--with", "Dana Ruiz", "--stage", "team", "--format", "json")
    assert plan["stage"] == "team"
