"""Reading achievements and skills from a CV."""

from __future__ import annotations

import pytest

from askback.people.experience import achievement, read_experience
from askback.research.markdown import markdown_blocks

CV = """# Alex Example

Senior backend engineer with eight years of experience.

## Experience

- Replaced manual releases with a deploy pipeline, cutting release time from 2 days to 20 minutes.
- Led the migration of order events from Postgres queues to Kafka, with zero downtime.
- Mentored four junior engineers; two were promoted within a year.
- Responsible for the routing service.
- I introduced blameless postmortems after a week-long outage.

## Skills

Python, Go, Kafka, PostgreSQL
"""


def test_achievements_and_skills_in_cv_order() -> None:
    found = read_experience(markdown_blocks(CV))
    assert [(e.kind, e.action) for e in found] == [
        ("achievement", "replaced"),
        ("achievement", "led"),
        ("achievement", "mentored"),
        ("achievement", "introduced"),  # "I introduced ..." is read without its subject
        ("skill", ""),
        ("skill", ""),
        ("skill", ""),
        ("skill", ""),
    ]
    assert [e.text for e in found if e.kind == "skill"] == ["Python", "Go", "Kafka", "PostgreSQL"]
    assert found[3].text == "Introduced blameless postmortems after a week-long outage."


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        (
            "Replaced manual releases with a deploy pipeline, cutting release time from 2 days to 20 minutes.",
            "cutting release time from 2 days to 20 minutes",
        ),
        ("Led the migration of order events to Kafka, with zero downtime.", "with zero downtime"),
        ("Mentored four junior engineers; two were promoted within a year.", "two were promoted within a year"),
        (
            "Cut the AWS bill by 30%, by moving batch jobs to spot instances.",
            "by 30%, by moving batch jobs to spot instances",
        ),
        ("Introduced blameless postmortems after a week-long outage.", ""),
    ],
)
def test_the_result_of_an_achievement(sentence: str, result: str) -> None:
    found = achievement(sentence)
    assert found is not None and found.result == result


@pytest.mark.parametrize(
    "sentence",
    ["Responsible for the routing service.", "Python, Go, Kafka", "Led.", "Senior backend engineer with eight years."],
)
def test_lines_that_are_not_achievements(sentence: str) -> None:
    assert achievement(sentence) is None


def test_skills_named_inside_an_achievement() -> None:
    found = achievement("Moved our search from Elasticsearch to PostgreSQL full-text search on Kubernetes.")
    assert found is not None and set(found.skills) >= {"elasticsearch", "postgresql", "kubernetes", "search"}
