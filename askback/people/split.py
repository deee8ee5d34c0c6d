"""Who to ask what: the open questions about a company, split across its known interviewers.

Open questions are what is still unknown (the unknowns ``askback compare`` lists, each with the
bank question that would settle it), then the best unasked bank questions for each of the
candidate's priorities, then pay and the hiring process, which every candidate needs answered.
Each goes to the known person best placed to answer it: for anything but the essentials,
someone one or two levels above the job first (the skip-level), then the hiring manager, a
peer, an executive and last the recruiter; pay and logistics to the recruiter first. Nobody
gets more than a conversation's worth; a question nobody on the list can answer says whom to
find.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from askback.assess.unknowns import ASK_ORDER, ASK_ORDER_ESSENTIALS
from askback.core.models import Company, Question
from askback.people.interviewers import Person, people_of
from askback.runtime import Runtime
from askback.store import answers as answer_store
from askback.store import companies, plans, profiles
from askback.store import people as store

MAX_PER_PERSON = 6  # a quarter of an hour of questions, at about 2.5 minutes each
PER_PRIORITY = 2
ALWAYS = ("compensation", "hiring-process")  # subtopics every candidate needs answered


@dataclass(frozen=True)
class Assignment:
    person: Person
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Split:
    company: Company
    assignments: tuple[Assignment, ...]
    unplaced: tuple[tuple[Question, str], ...]  # (question, the role to find)

    def as_dict(self) -> dict[str, Any]:
        name = self.company.name
        return {
            "company": name,
            "people": [
                {**a.person.as_dict(), "questions": [_question(q, name) for q in a.questions]} for a in self.assignments
            ],
            "unplaced": [{**_question(q, name), "ask": role} for q, role in self.unplaced],
        }


def _question(q: Question, company: str) -> dict[str, str]:
    return {"id": q.id, "text": q.render(company), "category": q.category, "subtopic": q.subtopic}


def split(runtime: Runtime, company_name: str) -> Split:
    from askback.assess.service import still_unknown
    from askback.bank.loader import load_bank

    with runtime.session() as session:
        company = companies.get(session, company_name)
        people = people_of(session, company, store.interviewers(session, company.id))
        saved = profiles.load(session)
        asked = {a.question_id for a in answer_store.for_company(session, company.id) if a.text.strip()}
        asked |= {i.question_id for p in plans.list_all(session, company.id) for i in p.items if i.status != "open"}
    unknown = still_unknown(runtime, [company])[company.slug] if people else ()
    priorities = dict(saved.priorities) if saved else {}
    bank = load_bank()
    open_questions = _open_questions([u.question for u in unknown if u.question], bank, asked, priorities)
    found = assign(company, people, open_questions)
    return _fill(found, bank, asked | {q.id for q in open_questions}, priorities)


def _open_questions(
    first: Sequence[Question], bank: Sequence[Question], asked: set[str], priorities: dict[str, float]
) -> list[Question]:
    found = list(first)
    taken = asked | {q.id for q in found}
    for priority_id, _ in sorted(priorities.items(), key=lambda kv: -kv[1]):
        for _ in range(PER_PRIORITY):
            pool = [q for q in bank if priority_id in q.priorities]
            pick = best_question_from(pool, taken, priorities)
            if pick is None:
                break
            found.append(pick)
            taken.add(pick.id)
    for subtopic in ALWAYS:
        pick = best_question_from([q for q in bank if q.subtopic == subtopic], taken, priorities)
        if pick is not None:
            found.append(pick)
            taken.add(pick.id)
    return found


def best_question_from(pool: Sequence[Question], taken: set[str], priorities: dict[str, float]) -> Question | None:
    """The unasked question of ``pool`` that probes the most of the candidate's priorities
    (the bank's order breaks ties)."""
    fresh = [q for q in pool if q.id not in taken]
    if not fresh:
        return None
    return max(fresh, key=lambda q: (sum(w for p, w in priorities.items() if p in q.priorities), -fresh.index(q)))


def _fill(found: Split, bank: Sequence[Question], taken: set[str], priorities: dict[str, float]) -> Split:
    """Someone with nothing open still gets the questions they answer best (theirs first among
    the roles that can answer), so a VP is asked about direction rather than nothing."""
    assignments = []
    for a in found.assignments:
        extra: list[Question] = []
        while not a.questions and len(extra) < PER_PRIORITY:
            pick = best_question_from([q for q in bank if q.roles[0] == a.person.role], taken, priorities)
            if pick is None:
                break
            extra.append(pick)
            taken.add(pick.id)
        assignments.append(Assignment(a.person, a.questions + tuple(extra)))
    return Split(found.company, tuple(assignments), found.unplaced)


def assign(company: Company, people: Sequence[Person], questions: Sequence[Question]) -> Split:
    """Each question to the best-placed known person with room left, in the order asked."""
    given: dict[int, list[Question]] = {p.interviewer.id: [] for p in people}
    unplaced: list[tuple[Question, str]] = []
    for question in questions:
        order = ASK_ORDER_ESSENTIALS if question.category == "essentials" else ASK_ORDER
        roles = [r for r in order if r in question.roles]
        person = next(
            (p for r in roles for p in people if p.role == r and len(given[p.interviewer.id]) < MAX_PER_PERSON),
            None,
        )
        if person is None:
            unplaced.append((question, roles[0] if roles else question.roles[0]))
        else:
            given[person.interviewer.id].append(question)
    ranked = sorted(people, key=lambda p: ASK_ORDER.index(p.role) if p.role in ASK_ORDER else len(ASK_ORDER))
    return Split(
        company,
        tuple(Assignment(p, tuple(given[p.interviewer.id])) for p in ranked),
        tuple(unplaced),
    )
