"""The candidate profile. A local install has one; accounts will each have their own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from askback.core.models import Profile
from askback.store.models import ProfileRow


def load(session: Session) -> Profile | None:
    row = session.scalars(select(ProfileRow).order_by(ProfileRow.id)).first()
    if row is None:
        return None
    return Profile(
        role=row.role,
        seniority=row.seniority,
        priorities={k: float(v) for k, v in row.priorities.items()},
        signals=tuple(row.signals),
    )


def save(session: Session, profile: Profile) -> None:
    row = session.scalars(select(ProfileRow).order_by(ProfileRow.id)).first()
    if row is None:
        row = ProfileRow()
        session.add(row)
    row.role = profile.role
    row.seniority = profile.seniority
    row.priorities = dict(profile.priorities)
    row.signals = list(profile.signals)


def save_if_missing(session: Session, profile: Profile) -> Profile:
    """The saved profile, or ``profile`` saved as the first one (what the demo gives a new user)."""
    current = load(session)
    if current is None:
        save(session, profile)
        return profile
    return current
