"""What the candidate asks the planner for, with defaults a user would expect."""

from __future__ import annotations

from dataclasses import dataclass

from askback.core import taxonomy
from askback.core.models import Profile
from askback.errors import UsageError

# The stage a role is usually met at, when the user does not say.
DEFAULT_STAGE = {
    "recruiter": "screen",
    "hiring-manager": "team",
    "peer": "technical",
    "skip-level": "final",
    "executive": "final",
}
MINUTES_PER_QUESTION = 2.5
MIN_MINUTES, MAX_MINUTES = 3, 120


@dataclass(frozen=True)
class PlanRequest:
    interviewer: str
    stage: str
    minutes: int
    profile: Profile

    @property
    def question_budget(self) -> int:
        """How many questions fit: about two and a half minutes each."""
        return max(1, int(self.minutes / MINUTES_PER_QUESTION))


def make_request(
    profile: Profile, interviewer: str = "hiring-manager", stage: str | None = None, minutes: int = 15
) -> PlanRequest:
    if interviewer not in taxonomy.ROLE_IDS:
        raise UsageError(f"unknown interviewer {interviewer!r}; choose one of {', '.join(taxonomy.ROLE_IDS)}")
    stage = stage or DEFAULT_STAGE[interviewer]
    if stage not in taxonomy.STAGE_IDS:
        raise UsageError(f"unknown stage {stage!r}; choose one of {', '.join(taxonomy.STAGE_IDS)}")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise UsageError(f"--minutes must be between {MIN_MINUTES} and {MAX_MINUTES}, not {minutes}")
    for p in profile.priorities:
        if p not in taxonomy.PRIORITY_IDS:
            raise UsageError(f"unknown priority {p!r}; choose from {', '.join(taxonomy.PRIORITY_IDS)}")
    for s in profile.signals:
        if s not in taxonomy.SIGNAL_IDS:
            raise UsageError(f"unknown signal {s!r}; choose from {', '.join(taxonomy.SIGNAL_IDS)}")
    return PlanRequest(interviewer=interviewer, stage=stage, minutes=minutes, profile=profile)
