"""Answers heard in interviews, per company and question."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from askback.core.models import Answer
from askback.store.models import AnswerRow


def add(session: Session, company_id: int, answer: Answer) -> Answer:
    row = AnswerRow(
        company_id=company_id,
        plan_id=answer.plan_id,
        question_id=answer.question_id,
        interviewer=answer.interviewer,
        text=answer.text,
        rating=answer.rating,
    )
    session.add(row)
    session.flush()
    return _to_answer(row)


def for_company(session: Session, company_id: int) -> list[Answer]:
    query = select(AnswerRow).where(AnswerRow.company_id == company_id).order_by(AnswerRow.id)
    return [_to_answer(r) for r in session.scalars(query)]


def _to_answer(row: AnswerRow) -> Answer:
    return Answer(
        question_id=row.question_id,
        interviewer=row.interviewer,
        text=row.text,
        rating=row.rating,
        plan_id=row.plan_id,
        created_at=row.created_at,
    )


def replace(session: Session, company_id: int, answer: Answer) -> Answer:
    """Add ``answer``, replacing an earlier answer to the same question in the same plan."""
    if answer.plan_id is not None:
        for row in session.scalars(
            select(AnswerRow).where(AnswerRow.plan_id == answer.plan_id, AnswerRow.question_id == answer.question_id)
        ):
            session.delete(row)
        session.flush()
    return add(session, company_id, answer)
