"""The interviewers service: who the candidate will meet, each with a role read from their
title relative to the job (or set by the user), and the interviews on the calendar.

What ``askback interviewers`` and ``askback interviews`` and the web app's company page call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from askback.core import taxonomy
from askback.core.dates import parse_when
from askback.core.models import Company
from askback.core.people import Interview, Interviewer
from askback.errors import NotFoundError, UsageError
from askback.people.roles import infer_role
from askback.people.titles import Level, job_level
from askback.runtime import Runtime
from askback.store import companies, profiles
from askback.store import people as store

MAX_NOTES = 20_000  # a bio, a talk's abstract or a blog post; more is not notes


@dataclass(frozen=True)
class Person:
    """An interviewer with the role the planner aims at and why."""

    interviewer: Interviewer
    role: str
    why: str
    next_interview: Interview | None = None

    @property
    def name(self) -> str:
        return self.interviewer.name

    def describe(self) -> str:
        """ "Dana Ruiz (VP Engineering, executive)"."""
        return f"{self.name} ({self.interviewer.title}, {taxonomy.role_label(self.role).lower()})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.interviewer.id,
            "name": self.name,
            "title": self.interviewer.title,
            "role": self.role,
            "role_set_by": "you" if self.interviewer.role else "title",
            "why": self.why,
            "notes": self.interviewer.notes,
            "next_interview": _interview_dict(self.next_interview) if self.next_interview else None,
        }


def _interview_dict(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.id,
        "day": interview.day.isoformat(),
        "time": interview.time,
        "stage": interview.stage,
        "with": interview.interviewer_name or None,
    }


def check_role(role: str | None) -> str | None:
    if role is not None and role not in taxonomy.ROLE_IDS:
        raise UsageError(f"unknown role {role!r}; choose one of {', '.join(taxonomy.ROLE_IDS)}")
    return role


def check_stage(stage: str | None) -> str | None:
    if stage is not None and stage not in taxonomy.STAGE_IDS:
        raise UsageError(f"unknown stage {stage!r}; choose one of {', '.join(taxonomy.STAGE_IDS)}")
    return stage


def add(
    runtime: Runtime,
    company_name: str,
    name: str,
    title: str,
    role: str | None = None,
    notes: str = "",
    on: str | None = None,
    stage: str | None = None,
) -> Person:
    """Add an interviewer (and their interview, when ``on`` gives its date); all or nothing."""
    name, title, notes = " ".join(name.split()), " ".join(title.split()), notes.strip()
    if not name:
        raise UsageError("an interviewer needs a name")
    if not title:
        raise UsageError(f"what is {name}'s job title? It tells askback what they can answer")
    if len(notes) > MAX_NOTES:
        raise UsageError(f"notes are at most {MAX_NOTES:,} characters, not {len(notes):,}")
    check_role(role)
    check_stage(stage)
    when = parse_when(on, "interview date") if on else None
    with runtime.session() as session:
        company = companies.resolve(session, company_name)
        person = store.add_interviewer(session, Interviewer(0, company.id, name, title, notes, role))
        if when is not None:
            store.add_interview(session, company.id, when[0], when[1], stage, person.id)
        return people_of(session, company, [person])[0]


def list_people(runtime: Runtime, company_name: str) -> tuple[Company, list[Person]]:
    with runtime.session() as session:
        company = companies.get(session, company_name)
        return company, people_of(session, company, store.interviewers(session, company.id))


def find(runtime: Runtime, company_name: str, name: str) -> Person:
    """The interviewer called ``name``; an unknown name lists the known ones in one line."""
    with runtime.session() as session:
        company = companies.get(session, company_name)
        return find_in(session, company, name)


def find_in(session: Session, company: Company, name: str) -> Person:
    found = store.find_interviewer(session, company.id, name)
    if found is None:
        known = [p.name for p in store.interviewers(session, company.id)]
        hint = (
            f"known: {', '.join(known)}"
            if known
            else f'add one with askback interviewers add --company {company.slug} --name "..." --title "..."'
        )
        raise NotFoundError(f"no interviewer called {name!r} at {company.name}; {hint}")
    return people_of(session, company, [found])[0]


def remove(runtime: Runtime, company_name: str, name: str) -> Person:
    with runtime.session() as session:
        company = companies.get(session, company_name)
        person = find_in(session, company, name)
        store.remove_interviewer(session, person.interviewer.id)
        return person


def schedule(
    runtime: Runtime, company_name: str, on: str, with_name: str | None = None, stage: str | None = None
) -> Interview:
    """Put an interview on the calendar, with a known interviewer or nobody named yet."""
    day, time = parse_when(on, "interview date")
    check_stage(stage)
    with runtime.session() as session:
        company = companies.get(session, company_name)
        person = find_in(session, company, with_name) if with_name else None
        return store.add_interview(session, company.id, day, time, stage, person.interviewer.id if person else None)


def calendar(
    runtime: Runtime, company_name: str | None = None, since: date | None = None
) -> list[tuple[Company, Interview]]:
    """Interviews in date order (from ``since`` on, when given), each with its company."""
    with runtime.session() as session:
        known = {c.id: c for c in companies.list_all(session)}
        ids = [companies.get(session, company_name).id] if company_name else None
        return [(known[i.company_id], i) for i in store.interviews(session, ids) if since is None or i.day >= since]


def unschedule(runtime: Runtime, interview_id: int) -> None:
    with runtime.session() as session:
        store.remove_interview(session, interview_id)


def job_of(session: Session, company: Company) -> Level | None:
    """The job's level: the company's newest posting, else the candidate's profile."""
    posting = store.job_title_and_seniority(session, company.id)
    if posting is not None:
        found = job_level(posting[0], posting[1])
        if found is not None:
            return found
    profile = profiles.load(session)
    return job_level(profile.role, profile.seniority) if profile else None


def people_of(session: Session, company: Company, found: list[Interviewer]) -> list[Person]:
    level = job_of(session, company)
    upcoming: dict[int, Interview] = {}
    today = date.today()
    for interview in store.interviews(session, [company.id]):
        if interview.interviewer_id is not None and interview.day >= today:
            upcoming.setdefault(interview.interviewer_id, interview)
    people = []
    for person in found:
        if person.role:
            role, why = person.role, "set by you"
        else:
            inferred = infer_role(person.title, level)
            role, why = inferred.role, inferred.why
        people.append(Person(person, role, why, upcoming.get(person.id)))
    return people
