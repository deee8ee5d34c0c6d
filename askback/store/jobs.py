"""Job postings: saved with the fields read from them, listed and read back per company."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from askback.core.jobs import Job, JobFields
from askback.errors import NotFoundError
from askback.store.models import CompanyRow, JobRow, PageRow


def save(
    session: Session,
    company_id: int,
    *,
    source: str,
    text: str,
    text_hash: str,
    fields: JobFields,
    warnings: list[str],
    page_ref: str | None,
) -> tuple[Job, bool]:
    """The stored job and whether it is new: the same posting twice for a company is one job."""
    row = session.scalars(select(JobRow).where(JobRow.company_id == company_id, JobRow.text_hash == text_hash)).first()
    created = row is None
    if row is None:
        row = JobRow(company_id=company_id, text_hash=text_hash)
        session.add(row)
    row.source, row.text = source, text
    row.title = fields.title.value[:300] if fields.title else ""
    row.fields, row.warnings = fields.as_dict(), warnings
    if page_ref:  # a posting added again without its facts keeps the ones it has
        row.page_id = _page_id(session, company_id, page_ref)
    session.flush()
    return _job(session, row), created


def _page_id(session: Session, company_id: int, ref: str) -> int | None:
    return session.scalars(select(PageRow.id).where(PageRow.company_id == company_id, PageRow.ref == ref)).first()


def _job(session: Session, row: JobRow) -> Job:
    company = session.get(CompanyRow, row.company_id)
    page = session.get(PageRow, row.page_id) if row.page_id else None
    return Job(
        id=row.id,
        company=company.name if company else "",
        source=row.source,
        title=row.title,
        fields=JobFields.from_dict(row.fields),
        text=row.text,
        warnings=tuple(row.warnings),
        created_at=row.created_at,
        evidence_source=page.ref if page else "",
        company_slug=company.slug if company else "",
    )


def for_company(session: Session, company_id: int) -> list[Job]:
    rows = session.scalars(select(JobRow).where(JobRow.company_id == company_id).order_by(JobRow.id))
    return [_job(session, r) for r in rows]


def list_all(session: Session) -> list[Job]:
    return [_job(session, r) for r in session.scalars(select(JobRow).order_by(JobRow.company_id, JobRow.id))]


def get(session: Session, job_id: int) -> Job:
    row = session.get(JobRow, job_id)
    if row is None:
        raise NotFoundError(f"no job {job_id}; `askback job list` shows the known ones")
    return _job(session, row)


def latest(session: Session, company_id: int) -> Job | None:
    """The company's newest posting: the one a plan prepares for."""
    row = session.scalars(select(JobRow).where(JobRow.company_id == company_id).order_by(JobRow.id.desc())).first()
    return _job(session, row) if row else None


def remove(session: Session, job_id: int) -> Job:
    """Delete a job; its page and the facts read from it go too unless another job shares them."""
    job = get(session, job_id)
    row = session.get(JobRow, job_id)
    assert row is not None
    page_id = row.page_id
    session.delete(row)
    session.flush()
    if page_id is not None and session.scalars(select(JobRow.id).where(JobRow.page_id == page_id)).first() is None:
        page = session.get(PageRow, page_id)
        if page is not None:
            session.delete(page)
    return job
