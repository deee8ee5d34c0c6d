"""What the candidate asks the planner for, with defaults a user would expect."""

from __future__ import annotations

from dataclasses import dataclass, replace

from askback.core import rules, taxonomy
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


@dataclass(frozen=True)
class PlanRequest:
    interviewer: str
    stage: str
    minutes: int
    profile: Profile

    @property
    def question_budget(self) -> int:
        """How many questions fit: about two and a half minutes each."""
        return max(1, rules.questions_for(self.minutes))


def make_request(
    profile: Profile, interviewer: str = "hiring-manager", stage: str | None = None, minutes: int = 15
) -> PlanRequest:
    if interviewer not in taxonomy.ROLE_IDS:
        raise UsageError(f"unknown interviewer {interviewer!r}; choose one of {', '.join(taxonomy.ROLE_IDS)}")
    stage = stage or DEFAULT_STAGE[interviewer]
    if stage not in taxonomy.STAGE_IDS:
        raise UsageError(f"unknown stage {stage!r}; choose one of {', '.join(taxonomy.STAGE_IDS)}")
    rules.minutes(minutes)
    checked = replace(profile, priorities=rules.priorities(profile.priorities), signals=rules.signals(profile.signals))
    return PlanRequest(interviewer=interviewer, stage=stage, minutes=minutes, profile=checked)
