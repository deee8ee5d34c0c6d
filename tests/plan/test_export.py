"""Plans as Markdown and JSON: what a candidate prints, shares or scripts against."""

from __future__ import annotations

import json

import pytest

from askback.bank.loader import by_id, load_bank
from askback.core.models import Answer, Company, Plan, Profile
from askback.plan import export
from askback.plan.builder import History, build_plan
from askback.plan.request import make_request

COMPANY = Company(id=1, slug="acme-robotics", name="Acme Robotics")
PROFILE = Profile(role="Backend engineer", priorities={"mentoring": 3.0, "remote": 1.0}, signals=("ownership",))

PLAN_KEYS = {
    "id",
    "company",
    "created_at",
    "interviewer",
    "interviewer_name",
    "stage",
    "minutes",
    "role",
    "profile",
    "questions",
    "backups",
}
QUESTION_KEYS = {
    "id",
    "text",
    "category",
    "subtopic",
    "cross_check",
    "score",
    "why",
    "backup_for",
    "follow_ups",
    "listen_for",
    "evidence",
    "status",
    "note",
    "mark",
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(load_bank(), make_request(PROFILE, "hiring-manager", minutes=15), COMPANY)


@pytest.fixture(scope="module")
def plan_with_cross_check() -> Plan:
    bank = load_bank()
    screen = build_plan(bank, make_request(PROFILE, "recruiter", minutes=15), COMPANY)
    history = History(tuple(Answer(i.question_id, "recruiter", "Yes, all of it.") for i in screen.main))
    return build_plan(bank, make_request(PROFILE, "hiring-manager", minutes=15), COMPANY, history)


def test_title_names_company_minutes_interviewer_and_stage(plan: Plan) -> None:
    assert export.title(plan) == "Acme Robotics: 15 minutes with the hiring manager (team stage)"


def test_markdown_has_the_title_every_question_and_the_backups(plan: Plan) -> None:
    md = export.to_markdown(plan)
    assert md.startswith("# Acme Robotics: 15 minutes with the hiring manager (team stage)\n")
    for n, item in enumerate(plan.main, 1):
        assert f"## {n}. {item.text}\n" in md
    assert "## Backups" in md
    for item in plan.backups:
        assert item.text in md
    assert "Why this question" not in md


def test_markdown_carries_follow_ups_and_what_to_listen_for(plan: Plan) -> None:
    md = export.to_markdown(plan)
    first = by_id()[plan.main[0].question_id]
    assert f"- Follow-up: {first.follow_ups[0]}" in md
    assert f"- Good sign: {first.listen_for.good[0]}" in md
    assert f"- Red flag: {first.listen_for.red_flag[0]}" in md


def test_markdown_with_explain_says_why_each_question(plan: Plan) -> None:
    md = export.to_markdown(plan, explain=True)
    assert md.count("- Why this question: ") == len(plan.main)
    assert md.count("  - why: ") == len(plan.backups)
    assert "probes your priority mentoring" in md


def test_markdown_marks_cross_checks(plan_with_cross_check: Plan) -> None:
    md = export.to_markdown(plan_with_cross_check)
    assert md.count("(cross-check)") == sum(i.cross_check for i in plan_with_cross_check.main) >= 1


def test_json_has_the_documented_keys(plan: Plan) -> None:
    data = json.loads(export.to_json(plan))
    assert set(data) == PLAN_KEYS
    assert data["company"] == "Acme Robotics"
    assert (data["interviewer"], data["stage"], data["minutes"]) == ("hiring-manager", "team", 15)
    assert data["profile"] == {"priorities": {"mentoring": 3.0, "remote": 1.0}, "signals": ["ownership"]}
    for question in data["questions"] + data["backups"]:
        assert set(question) == QUESTION_KEYS
        assert question["follow_ups"]
        assert question["listen_for"]["good"] and question["listen_for"]["red_flag"]


def test_json_round_trips_the_plan(plan: Plan) -> None:
    data = json.loads(export.to_json(plan))
    assert data == export.to_dict(plan)
    assert [q["id"] for q in data["questions"]] == [i.question_id for i in plan.main]
    assert [q["text"] for q in data["questions"]] == [i.text for i in plan.main]
    assert [q["why"] for q in data["questions"]] == [list(i.reasons) for i in plan.main]
    assert [q["backup_for"] for q in data["backups"]] == [i.backup_for for i in plan.backups]
    assert all(q["backup_for"] is None for q in data["questions"])


def test_json_keeps_non_ascii_text_readable() -> None:
    company = Company(id=2, slug="zurich-labs", name="Zürich Labs")
    plan = build_plan(load_bank(), make_request(PROFILE, "recruiter", minutes=30), company)
    text = export.to_json(plan)
    assert '"company": "Zürich Labs"' in text
