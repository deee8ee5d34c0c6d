"""Interviewers, their interviews and the candidate's experience, as rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from askback.core.people import Experience, Interview, Interviewer
from askback.errors import NotFoundError, UsageError
from askback.store.models import ExperienceRow, InterviewerRow, InterviewRow, JobRow, ProfileRow


def _interviewer(row: InterviewerRow) -> Interviewer:
    return Interviewer(row.id, row.company_id, row.name, row.title, row.notes, row.role)


def add_interviewer(session: Session, person: Interviewer) -> Interviewer:
    if find_interviewer(session, person.company_id, person.name) is not None:
        raise UsageError(f"{person.name} is already an interviewer there; remove them first to change the title")
    row = InterviewerRow(
        company_id=person.company_id, name=person.name, title=person.title, role=person.role, notes=person.notes
    )
    session.add(row)
    session.flush()
    return _interviewer(row)


def interviewers(session: Session, company_id: int) -> list[Interviewer]:
    query = select(InterviewerRow).where(InterviewerRow.company_id == company_id).order_by(InterviewerRow.id)
    return [_interviewer(r) for r in session.scalars(query)]


def find_interviewer(session: Session, company_id: int, name: str) -> Interviewer | None:
    """By name, ignoring case and surrounding spaces: people type names loosely."""
    query = select(InterviewerRow).where(
        InterviewerRow.company_id == company_id, func.lower(InterviewerRow.name) == name.strip().lower()
    )
    row = session.scalars(query).first()
    return _interviewer(row) if row is not None else None


def remove_interviewer(session: Session, interviewer_id: int) -> None:
    row = session.get(InterviewerRow, interviewer_id)
    if row is None:
        raise NotFoundError(f"no interviewer {interviewer_id}")
    for interview in session.scalars(select(InterviewRow).where(InterviewRow.interviewer_id == interviewer_id)):
        interview.interviewer_id = None  # the interview stays on the calendar, with nobody named
    session.delete(row)


def add_interview(
    session: Session, company_id: int, day: date, time: str, stage: str | None, interviewer_id: int | None
) -> Interview:
    row = InterviewRow(company_id=company_id, day=day, time=time, stage=stage, interviewer_id=interviewer_id)
    session.add(row)
    session.flush()
    return interviews(session, [company_id], only=row.id)[0]


def interviews(session: Session, company_ids: Sequence[int] | None = None, only: int | None = None) -> list[Interview]:
    """Interviews in calendar order, with the interviewer's name when one is set."""
    query = select(InterviewRow, InterviewerRow.name).outerjoin(
        InterviewerRow, InterviewerRow.id == InterviewRow.interviewer_id
    )
    if company_ids is not None:
        query = query.where(InterviewRow.company_id.in_(list(company_ids)))
    if only is not None:
        query = query.where(InterviewRow.id == only)
    query = query.order_by(InterviewRow.day, InterviewRow.time, InterviewRow.id)
    return [
        Interview(r.id, r.company_id, r.day, r.time, r.stage, r.interviewer_id, name or "")
        for r, name in session.execute(query)
    ]


def remove_interview(session: Session, interview_id: int) -> None:
    row = session.get(InterviewRow, interview_id)
    if row is None:
        raise NotFoundError(f"no interview {interview_id}; `askback interviews list` shows them")
    session.delete(row)


def job_title_and_seniority(session: Session, company_id: int) -> tuple[str, str] | None:
    """The newest job posting's title and seniority for this company, if one was added."""
    row = session.scalars(select(JobRow).where(JobRow.company_id == company_id).order_by(JobRow.id.desc())).first()
    if row is None:
        return None
    seniority = (row.fields or {}).get("seniority") or {}
    value = seniority.get("value") if isinstance(seniority, dict) else seniority
    return row.title, str(value or "")


def _profile_row(session: Session) -> ProfileRow:
    row = session.scalars(select(ProfileRow).order_by(ProfileRow.id)).first()
    if row is None:
        row = ProfileRow()
        session.add(row)
        session.flush()
    return row


def save_experience(session: Session, source: str, found: Sequence[Experience]) -> None:
    """Replace the profile's experience with what was read from ``source`` (a CV is read whole)."""
    profile = _profile_row(session)
    for old in session.scalars(select(ExperienceRow).where(ExperienceRow.profile_id == profile.id)):
        session.delete(old)
    profile.experience_source = source
    for position, e in enumerate(found):
        session.add(
            ExperienceRow(
                profile_id=profile.id,
                position=position,
                kind=e.kind,
                text=e.text,
                action=e.action,
                result=e.result,
                skills=list(e.skills),
            )
        )
    session.flush()


def experience(session: Session) -> tuple[str, list[Experience]]:
    """(the file it came from, the experience in CV order); ("", []) before any was set."""
    profile = session.scalars(select(ProfileRow).order_by(ProfileRow.id)).first()
    if profile is None:
        return "", []
    query = select(ExperienceRow).where(ExperienceRow.profile_id == profile.id).order_by(ExperienceRow.position)
    return profile.experience_source, [
        Experience(r.kind, r.text, r.action, r.result, tuple(r.skills)) for r in session.scalars(query)
    ]
