"""The database tables, as SQLAlchemy 2 typed models.

Changing a table means adding a migration under ``migrations/versions``; a test compares
these models with the migrated schema so the two cannot drift.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database: SQLite drops the offset on its own."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("askback stores timezone-aware datetimes only")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012 - SQLAlchemy's API


class CompanyRow(Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))
    about: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    researched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    name_from: Mapped[str] = mapped_column(String(20), default="typed", server_default="typed")
    aliases: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")

    plans: Mapped[list[PlanRow]] = relationship(back_populates="company", cascade="all, delete-orphan")


class ProfileRow(Base):
    """The candidate's profile; one row per account (a single local user has one)."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    seniority: Mapped[str] = mapped_column(String(40), default="")
    priorities: Mapped[dict[str, Any]] = mapped_column(default=dict)
    signals: Mapped[list[Any]] = mapped_column(default=list)
    experience_source: Mapped[str] = mapped_column(String(500), default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class PlanRow(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    interviewer: Mapped[str] = mapped_column(String(40))
    interviewer_name: Mapped[str] = mapped_column(String(200), default="", server_default="")  # "Dana Ruiz"
    stage: Mapped[str] = mapped_column(String(40))
    minutes: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(200), default="")
    profile: Mapped[dict[str, Any]] = mapped_column(default=dict)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    category_ratings: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    company: Mapped[CompanyRow] = relationship(back_populates="plans")
    items: Mapped[list[PlanItemRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanItemRow.position"
    )


class PlanItemRow(Base):
    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # "main" or "backup"
    question_id: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40))
    subtopic: Mapped[str] = mapped_column(String(60))
    cross_check: Mapped[bool] = mapped_column(default=False)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    backup_for: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), default="open", server_default="open")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    note_saved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    plan: Mapped[PlanRow] = relationship(back_populates="items")


class AnswerRow(Base):
    """What an interviewer said in reply to one question: the basis of later rounds."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"))
    question_id: Mapped[str] = mapped_column(String(120), index=True)
    interviewer: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PageRow(Base):
    """One fetched page or file, kept with a hash so unchanged pages are not processed again."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("company_id", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(2000))  # what the user named: a URL, a folder, "-"
    ref: Mapped[str] = mapped_column(String(2000))  # the page's URL or path relative to the folder
    content_type: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(500), default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sentences: Mapped[int] = mapped_column(Integer, default=0)

    facts: Mapped[list[FactRow]] = relationship(back_populates="page", cascade="all, delete-orphan")


class FactRow(Base):
    """A sentence from a page, with its evidence (page, heading path, position) and topics."""

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    headings: Mapped[list[Any]] = mapped_column(default=list)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    quantities: Mapped[list[Any]] = mapped_column(default=list)

    page: Mapped[PageRow] = relationship(back_populates="facts")
    topics: Mapped[list[FactTopicRow]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class FactTopicRow(Base):
    __tablename__ = "fact_topics"

    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True)
    topic: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)
    confidence: Mapped[float] = mapped_column(Float)


class EmbeddingRow(Base):
    """A text's vector, stored once per distinct text and model (keyed by content hash)."""

    __tablename__ = "embeddings"

    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(80), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class AccountRow(Base):
    """What one current or former employee said, from a conversation or a review.

    One account is one person: corroboration counts accounts, never sentences. The text's
    hash makes adding the same account twice a no-op (the demo loads idempotently).
    """

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("company_id", "text_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    who: Mapped[str | None] = mapped_column(String(20))  # current, former or unknown (None)
    role: Mapped[str] = mapped_column(String(200), default="")
    said_when: Mapped[str] = mapped_column(String(20), default="")  # 2026-09, as the user gave it
    source: Mapped[str] = mapped_column(String(20), default="conversation")  # conversation or review
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sentences: Mapped[list[AccountSentenceRow]] = relationship(
        cascade="all, delete-orphan", order_by="AccountSentenceRow.position", lazy="selectin"
    )


class AccountSentenceRow(Base):
    """A sentence of an account, classified when the account was added."""

    __tablename__ = "account_sentences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))  # claim or opinion
    category: Mapped[str] = mapped_column(String(40))
    sentiment: Mapped[str] = mapped_column(String(20))  # negative, neutral or positive
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    flags: Mapped[list[Any]] = mapped_column(default=list)  # flag ids


class OfferRow(Base):
    """A job offer as the company stated it; normalising to yearly figures happens on reading."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    base: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    period: Mapped[str] = mapped_column(String(10), default="year")  # year or month
    bonus_percent: Mapped[float] = mapped_column(Float, default=0.0)
    equity: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    start: Mapped[str] = mapped_column(String(20), default="")
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)  # when the answer is due
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class JobRow(Base):
    """A job posting the candidate answers, with the fields read from it and their evidence.

    A company may have several. The text's hash makes adding the same posting twice a no-op;
    ``page_id`` is the page holding the posting's sentences as facts of the company.
    """

    __tablename__ = "jobs"
    __table_args__ = (UniqueConstraint("company_id", "text_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(2000))  # the URL, the file as named, or "-"
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)  # field -> {"value": ..., "evidence": ...}
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class InterviewerRow(Base):
    """A person the candidate will meet; ``role`` is set only when the user overrode the one
    inferred from the title (inference happens on reading, so a new job level re-infers it)."""

    __tablename__ = "interviewers"
    __table_args__ = (UniqueConstraint("company_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class InterviewRow(Base):
    """An interview on the calendar: a day, an optional local time (``14:30``), whom and which stage."""

    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    interviewer_id: Mapped[int | None] = mapped_column(ForeignKey("interviewers.id", ondelete="SET NULL"))
    day: Mapped[date] = mapped_column(Date)
    time: Mapped[str] = mapped_column(String(5), default="")
    stage: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ExperienceRow(Base):
    """One line of the candidate's record read from their CV: a skill, or an achievement with
    its action verb, its result and the skills it names."""

    __tablename__ = "experiences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # skill or achievement
    text: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(60), default="")
    result: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[list[Any]] = mapped_column(default=list)
