"""An interviewer's role, read from their title relative to the job.

The job's manager is the **hiring manager**: the first management level above the job (for an
individual job, a lead or manager at least). One or two levels above that are the
**skip-level**; further up, a VP, founder or C-level is an **executive**. Individuals at or
just above the job's level are **peers**; one two or more levels above it (a principal
interviewing a mid-level candidate) sees further, like a skip-level. Recruiters are
recruiters whatever their level. The user can always override the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from askback.people.titles import Level, read_title

ASSUMED_JOB = Level("individual", 3)  # a senior individual role, when neither profile nor posting says


@dataclass(frozen=True)
class Inferred:
    role: str
    why: str


def infer_role(title: str, job: Level | None) -> Inferred:
    """The role of someone with ``title`` interviewing for a job at ``job`` level."""
    person = read_title(title)
    if person.ladder == "recruiter":
        return Inferred("recruiter", "a recruiting title")
    if not person.known:
        return Inferred("peer", f"no level word in “{title}”, so taken as a peer")
    level = job or ASSUMED_JOB
    assumed = "" if job else " (job level assumed senior)"
    if not person.manages:
        if person.level >= level.level + 2 and level.ladder == "individual":
            return Inferred("skip-level", f"an individual two or more levels above the job{assumed}")
        return Inferred("peer", f"an individual near the job's level{assumed}")
    managers_level = max(4, level.level) if level.ladder == "individual" else level.level + 1
    above = person.level - managers_level
    if above < 0:
        return Inferred("peer", f"a manager at the job's own level{assumed}")
    if above == 0:
        return Inferred("hiring-manager", f"the first management level above the job{assumed}")
    if above <= 2 or person.ladder != "executive":
        return Inferred("skip-level", f"{_levels(above)} above the job's manager{assumed}")
    return Inferred(
        "executive",
        f"{'a founder or C-level' if person.level >= 9 else 'a VP'}, {_levels(above)} above the job's manager{assumed}",
    )


def _levels(n: int) -> str:
    return "one level" if n == 1 else f"{n} levels"
