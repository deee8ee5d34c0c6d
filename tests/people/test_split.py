"""Open questions split across the known interviewers."""

from __future__ import annotations

from askback.bank.loader import by_id
from askback.core.models import Company
from askback.core.people import Interviewer
from askback.people.interviewers import Person
from askback.people.split import MAX_PER_PERSON, assign

ACME = Company(1, "acme", "Acme")


def person(n: int, name: str, role: str) -> Person:
    return Person(Interviewer(n, 1, name, role.title()), role, "test")


def bank_questions(*subtopics: str, roles: tuple[str, ...] = ()) -> list:  # type: ignore[type-arg]
    found = [q for q in by_id().values() if q.subtopic in subtopics and (not roles or set(roles) <= set(q.roles))]
    return found


def test_pay_goes_to_the_recruiter_and_the_rest_one_or_two_levels_up_first() -> None:
    pay = bank_questions("compensation", roles=("recruiter",))[0]
    career = bank_questions("career-path", roles=("skip-level", "hiring-manager"))[0]
    people = [person(1, "Lee", "recruiter"), person(2, "Ana", "hiring-manager"), person(3, "Dana", "skip-level")]
    found = assign(ACME, people, [pay, career])
    given = {a.person.name: [q.id for q in a.questions] for a in found.assignments}
    assert given == {"Dana": [career.id], "Ana": [], "Lee": [pay.id]}
    assert [a.person.name for a in found.assignments] == ["Dana", "Ana", "Lee"]  # skip-level first


def test_nobody_gets_more_than_a_conversations_worth() -> None:
    questions = bank_questions("team-composition", "management-style", roles=("hiring-manager",))
    assert len(questions) > MAX_PER_PERSON
    found = assign(ACME, [person(1, "Ana", "hiring-manager")], questions)
    assert len(found.assignments[0].questions) == MAX_PER_PERSON
    assert [role for _, role in found.unplaced] == [
        "skip-level" if "skip-level" in q.roles else "hiring-manager" for q, _ in found.unplaced
    ]
    assert len(found.unplaced) == len(questions) - MAX_PER_PERSON


def test_a_question_no_known_role_can_answer_says_whom_to_find() -> None:
    pay = bank_questions("compensation", roles=("recruiter",))[0]
    found = assign(ACME, [person(1, "Sam", "peer")], [pay])
    assert found.unplaced == ((pay, "recruiter"),)
