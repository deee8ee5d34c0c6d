"""An interviewer's role from their title, relative to the job's level."""

from __future__ import annotations

from pathlib import Path

import pytest

from askback.people.roles import infer_role
from askback.people.titles import Level, job_level, read_title

SENIOR = job_level(seniority="senior")
DIRECTOR = job_level(seniority="director")
JUNIOR = job_level("Junior developer")


@pytest.mark.parametrize(
    ("title", "job", "role"),
    [
        ("Talent Partner", SENIOR, "recruiter"),
        ("Senior Technical Recruiter", SENIOR, "recruiter"),
        ("Senior Backend Engineer", SENIOR, "peer"),
        ("Staff Engineer, Routing", SENIOR, "peer"),
        ("Principal Engineer", SENIOR, "skip-level"),
        ("Senior Backend Engineer", JUNIOR, "skip-level"),
        ("Engineering Manager", SENIOR, "hiring-manager"),
        ("Tech Lead", JUNIOR, "hiring-manager"),
        ("Senior Engineering Manager", SENIOR, "skip-level"),
        ("Director of Engineering", SENIOR, "skip-level"),
        ("Head of Platform", SENIOR, "skip-level"),
        ("VP Engineering", SENIOR, "executive"),
        ("Co-founder & CTO", SENIOR, "executive"),
        ("Senior Director, Engineering", DIRECTOR, "hiring-manager"),
        ("VP Engineering", DIRECTOR, "skip-level"),  # one level above a director's manager
        ("CEO", DIRECTOR, "skip-level"),
        ("Engineering Manager", DIRECTOR, "peer"),
        ("Product Manager", SENIOR, "peer"),  # "manager" here manages a product, not people
        ("Barista", SENIOR, "peer"),
    ],
)
def test_role_from_title_relative_to_the_job(title: str, job: Level | None, role: str) -> None:
    assert infer_role(title, job).role == role


def test_the_reason_says_what_was_assumed() -> None:
    assert infer_role("Director of Engineering", SENIOR).why == "2 levels above the job's manager"
    assert infer_role("Director of Engineering", None).why.endswith("(job level assumed senior)")
    assert "no level word" in infer_role("Barista", SENIOR).why


@pytest.mark.parametrize(
    ("title", "ladder", "level"),
    [
        ("VP Engineering", "executive", 8),
        ("Senior Engineering Manager", "management", 5),
        ("Associate Director", "management", 5),
        ("Staff engineer", "individual", 4),
        ("Software Engineer", "individual", 2),
    ],
)
def test_titles_read_as_levels(title: str, ladder: str, level: int) -> None:
    found = read_title(title)
    assert (found.ladder, found.level) == (ladder, level)


def test_job_level_prefers_the_seniority_over_the_title() -> None:
    assert job_level("Backend engineer", "staff") == Level("individual", 4)
    assert job_level("Senior Backend Engineer") == Level("individual", 3)
    assert job_level("", "") is None
    assert job_level("Talent Partner") is None  # not a job a candidate is placed at


def test_the_shipped_vocabularies_load_and_a_bad_entry_names_its_file(tmp_path: Path) -> None:
    from askback.core.datafile import DataError, load_data
    from askback.people.experience import vocabulary as experience_words
    from askback.people.titles import vocabulary as title_words
    from askback.plan.expertise import Closings, closings

    assert "recruiter" in title_words().recruiter and "led" in experience_words().actions
    assert closings()["on-call"].subtopic == "incidents"
    bad = tmp_path / "expertise.yaml"
    bad.write_text("on-call: {close: 'What?', category: people, subtopic: incidents, priorities: []}\n")
    with pytest.raises(DataError, match=r"expertise\.yaml.*not in category 'people'"):
        load_data(bad, Closings)
