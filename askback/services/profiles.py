"""The candidate's profile: the role sought, what they care about, what they want to show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from askback.core import rules
from askback.core.models import Profile
from askback.runtime import Runtime
from askback.store import profiles


@dataclass(frozen=True)
class ProfileChange:
    """Parts of the profile to change, already checked; None keeps a part as it was."""

    role: str | None = None
    seniority: str | None = None
    priorities: dict[str, float] | None = None
    signals: tuple[str, ...] | None = None


def get_profile(runtime: Runtime) -> Profile | None:
    with runtime.session() as session:
        return profiles.load(session)


def check_change(
    *,
    role: str | None = None,
    seniority: str | None = None,
    priorities: Mapping[str, float] | None = None,
    signals: Iterable[str] | None = None,
) -> ProfileChange:
    """The change, checked by the same rules however it was typed (before anything is
    written): priorities are replaced as a whole, and a weight of 0 leaves a priority out."""
    return ProfileChange(
        role=rules.role(role) if role is not None else None,
        seniority=rules.seniority(seniority) if seniority is not None else None,
        priorities=rules.priorities(priorities) if priorities is not None else None,
        signals=rules.signals(signals) if signals is not None else None,
    )


def save_profile(runtime: Runtime, change: ProfileChange) -> Profile:
    with runtime.session() as session:
        current = profiles.load(session) or Profile()
        updated = Profile(
            role=change.role if change.role is not None else current.role,
            seniority=change.seniority if change.seniority is not None else current.seniority,
            priorities=change.priorities if change.priorities is not None else dict(current.priorities),
            signals=change.signals if change.signals is not None else current.signals,
        )
        profiles.save(session, updated)
        return updated
