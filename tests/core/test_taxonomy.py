"""The taxonomy: the ids and labels every option, data file and screen refers to."""

from __future__ import annotations

import pytest

from askback.core import taxonomy


def test_seven_categories_with_the_labels_users_see() -> None:
    assert [(c.id, c.label) for c in taxonomy.CATEGORIES] == [
        ("people", "People"),
        ("culture", "Culture"),
        ("processes", "Processes"),
        ("impact", "Impact"),
        ("growth", "Self-development"),
        ("fun", "Fun"),
        ("essentials", "Essentials"),
    ]


def test_five_interviewer_roles() -> None:
    assert taxonomy.ROLE_IDS == ("recruiter", "hiring-manager", "peer", "skip-level", "executive")
    assert taxonomy.role_label("hiring-manager") == "Hiring manager"


def test_five_interview_stages() -> None:
    assert taxonomy.STAGE_IDS == ("screen", "technical", "team", "final", "offer")
    assert taxonomy.stage_label("offer") == "Offer"


def test_subtopic_ids_are_unique_across_categories() -> None:
    ids = [s.id for c in taxonomy.CATEGORIES for s in c.subtopics]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_category_has_subtopics_with_labels() -> None:
    for category in taxonomy.CATEGORIES:
        assert len(category.subtopics) >= 5, category.id
        assert all(s.label for s in category.subtopics), category.id


def test_conversation_positions_are_distinct() -> None:
    """Two subtopics never share a position, so the order of a plan never depends on chance."""
    orders = [s.order for c in taxonomy.CATEGORIES for s in c.subtopics]
    assert len(orders) == len(set(orders))


def test_people_come_first_and_hiring_process_last() -> None:
    people = [s.order for s in taxonomy.category("people").subtopics]
    others = [s.order for c in taxonomy.CATEGORIES if c.id != "people" for s in c.subtopics if s.id != "role-scope"]
    assert max(people) < min(others)
    assert taxonomy.subtopic("hiring-process").order == max(s.order for c in taxonomy.CATEGORIES for s in c.subtopics)


@pytest.mark.parametrize("priority", taxonomy.PRIORITIES, ids=lambda p: p.id)
def test_every_priority_maps_to_existing_categories_and_subtopics(priority: taxonomy.Priority) -> None:
    assert priority.categories
    assert set(priority.categories) <= set(taxonomy.CATEGORY_IDS)
    known_subtopics = {s.id for c in taxonomy.CATEGORIES for s in c.subtopics}
    assert set(priority.subtopics) <= known_subtopics


def test_priorities_named_in_the_design_exist() -> None:
    for name in ("mentoring", "on-job-education", "work-life-balance", "remote", "compensation", "career-growth"):
        assert name in taxonomy.PRIORITY_IDS


def test_subtopic_lookups() -> None:
    assert taxonomy.category_of_subtopic("learning-budget") == "growth"
    assert taxonomy.subtopic("learning-budget").label == "Learning budget and time"
    assert "mentoring" in taxonomy.subtopic_ids("growth")


@pytest.mark.parametrize(
    ("priorities", "expected"),
    [
        ({}, {}),
        ({"compensation": 2.0}, {"essentials": 2.0}),
        ({"mentoring": 3.0, "remote": 1.0}, {"growth": 3.0, "people": 3.0, "essentials": 1.0, "processes": 1.0}),
        # Two priorities on one category add up.
        ({"mentoring": 3.0, "on-job-education": 2.0}, {"growth": 5.0, "people": 3.0}),
    ],
)
def test_weighted_categories(priorities: dict[str, float], expected: dict[str, float]) -> None:
    assert taxonomy.weighted_categories(priorities) == expected
