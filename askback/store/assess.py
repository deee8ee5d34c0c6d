"""Employee accounts with their classified sentences, and job offers.

The records here are the stored shapes, plain and frozen; ``askback.assess`` turns them into
evidence. Classification happens before saving (in the caller), so this module never needs
the embedding model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from askback.errors import NotFoundError
from askback.store.models import AccountRow, AccountSentenceRow, OfferRow


@dataclass(frozen=True)
class SentenceRecord:
    text: str
    kind: str  # claim or opinion
    category: str
    sentiment: str  # negative, neutral or positive
    confidence: float = 0.0
    flags: tuple[str, ...] = ()
    text_hash: str = ""
    position: int = 0


@dataclass(frozen=True)
class AccountRecord:
    company_id: int
    text: str
    text_hash: str
    who: str | None = None  # current, former, or None when not known
    role: str = ""
    when: str = ""
    source: str = "conversation"
    sentences: tuple[SentenceRecord, ...] = ()
    id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class OfferRecord:
    company_id: int
    title: str
    base: float
    currency: str
    period: str = "year"
    bonus_percent: float = 0.0
    equity: dict[str, Any] = field(default_factory=dict)
    location: str = ""
    start: str = ""
    deadline: date | None = None  # when the company wants an answer
    id: int | None = None
    created_at: datetime | None = None


def add_account(session: Session, account: AccountRecord) -> tuple[AccountRecord, bool]:
    """Store an account and its sentences; (the stored account, whether it is new).

    An account whose text this company already has is returned as it is, not added again.
    """
    existing = session.scalars(
        select(AccountRow).where(AccountRow.company_id == account.company_id, AccountRow.text_hash == account.text_hash)
    ).first()
    if existing is not None:
        return _account(existing), False
    row = AccountRow(
        company_id=account.company_id,
        who=account.who,
        role=account.role,
        said_when=account.when,
        source=account.source,
        text=account.text,
        text_hash=account.text_hash,
    )
    row.sentences = [
        AccountSentenceRow(
            position=position,
            text=s.text,
            text_hash=s.text_hash,
            kind=s.kind,
            category=s.category,
            sentiment=s.sentiment,
            confidence=s.confidence,
            flags=list(s.flags),
        )
        for position, s in enumerate(account.sentences)
    ]
    session.add(row)
    session.flush()
    return _account(row), True


def accounts(session: Session, company_id: int) -> list[AccountRecord]:
    query = select(AccountRow).where(AccountRow.company_id == company_id).order_by(AccountRow.id)
    return [_account(r) for r in session.scalars(query)]


def account(session: Session, account_id: int) -> AccountRecord:
    row = session.get(AccountRow, account_id)
    if row is None:
        raise NotFoundError(f"no account {account_id}; `askback accounts list --company NAME` lists them")
    return _account(row)


def remove_account(session: Session, account_id: int) -> None:
    row = session.get(AccountRow, account_id)
    if row is None:
        raise NotFoundError(f"no account {account_id}; `askback accounts list --company NAME` lists them")
    session.delete(row)


def _account(row: AccountRow) -> AccountRecord:
    return AccountRecord(
        id=row.id,
        company_id=row.company_id,
        text=row.text,
        text_hash=row.text_hash,
        who=row.who,
        role=row.role,
        when=row.said_when,
        source=row.source,
        created_at=row.created_at,
        sentences=tuple(
            SentenceRecord(
                text=s.text,
                kind=s.kind,
                category=s.category,
                sentiment=s.sentiment,
                confidence=s.confidence,
                flags=tuple(s.flags),
                text_hash=s.text_hash,
                position=s.position,
            )
            for s in row.sentences
        ),
    )


def add_offer(session: Session, offer: OfferRecord) -> OfferRecord:
    row = OfferRow(
        company_id=offer.company_id,
        title=offer.title,
        base=offer.base,
        currency=offer.currency,
        period=offer.period,
        bonus_percent=offer.bonus_percent,
        equity=dict(offer.equity) or None,
        location=offer.location,
        start=offer.start,
        deadline=offer.deadline,
    )
    session.add(row)
    session.flush()
    return _offer(row)


def offers(session: Session, company_ids: Sequence[int] | None = None) -> list[OfferRecord]:
    """Offers, oldest first; every company's when ``company_ids`` is None."""
    query = select(OfferRow).order_by(OfferRow.id)
    if company_ids is not None:
        query = query.where(OfferRow.company_id.in_(list(company_ids)))
    return [_offer(r) for r in session.scalars(query)]


def same_offer_exists(session: Session, offer: OfferRecord) -> bool:
    """Whether the company already has an offer with this title, base and currency (demo reloads)."""
    query = select(OfferRow.id).where(
        OfferRow.company_id == offer.company_id,
        OfferRow.title == offer.title,
        OfferRow.base == offer.base,
        OfferRow.currency == offer.currency,
    )
    return session.scalars(query).first() is not None


def _offer(row: OfferRow) -> OfferRecord:
    return OfferRecord(
        id=row.id,
        company_id=row.company_id,
        title=row.title,
        base=row.base,
        currency=row.currency,
        period=row.period,
        bonus_percent=row.bonus_percent,
        equity=dict(row.equity or {}),
        location=row.location,
        start=row.start,
        deadline=row.deadline,
        created_at=row.created_at,
    )
