"""Greedy selection: the best next question given what is already in the plan.

Each step re-scores the remaining candidates against the plan so far, so the plan spreads
over the categories the candidate's priorities weight instead of filling up with the single
best-scoring subtopic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from askback.core import taxonomy
from askback.plan.score import Candidate

SAME_CATEGORY_PENALTY = 0.8
MAX_PER_PRIORITY = 2  # more than two questions probing one priority crowd out the rest
SAME_SUBTOPIC_PENALTY = 1.5
NEW_WEIGHTED_CATEGORY = 0.9
NEW_CATEGORY = 0.3
MIN_BACKUPS, MAX_BACKUPS = 3, 5


@dataclass(frozen=True)
class Choice:
    candidate: Candidate
    gain: float
    reasons: tuple[str, ...]


def select(
    candidates: Sequence[Candidate],
    budget: int,
    weighted: dict[str, float],
    forced: Sequence[Choice] = (),
    grounded_share: float = 0.0,
) -> list[Choice]:
    """Up to ``budget`` choices: ``forced`` ones first, then the best by marginal gain.

    No two choices share a subtopic and no priority is probed by more than two, while other
    candidates allow it. At least ``grounded_share`` of the choices cite research, when enough
    research-grounded candidates exist: once the slots left are only enough for the grounded
    questions still owed, only grounded candidates compete for them.
    """
    chosen = list(forced[:budget])
    taken = {c.candidate.question.id for c in chosen}
    pool = [c for c in candidates if c.question.id not in taken]
    owed = math.ceil(grounded_share * budget)
    while len(chosen) < budget and pool:
        allowed = [c for c in pool if _fits(c, chosen)] or pool
        still_owed = owed - sum(1 for c in chosen if c.candidate.question.source == "research")
        grounded = [c for c in allowed if c.question.source == "research"]
        if grounded and still_owed >= budget - len(chosen):
            allowed = grounded
        best = max(allowed, key=lambda c: (_gain(c, chosen, weighted)[0], c.question.id))
        gain, extra = _gain(best, chosen, weighted)
        chosen.append(Choice(best, gain, best.reasons + extra))
        pool.remove(best)
    return chosen


def _fits(candidate: Candidate, chosen: Sequence[Choice]) -> bool:
    """Whether the candidate keeps the plan varied: a new subtopic, and no priority a third time."""
    q = candidate.question
    if any(c.candidate.question.subtopic == q.subtopic for c in chosen):
        return False
    probed = Counter(p for c in chosen for p in c.candidate.question.priorities)
    return all(probed[p] < MAX_PER_PRIORITY for p in q.priorities)


def _gain(candidate: Candidate, chosen: Iterable[Choice], weighted: dict[str, float]) -> tuple[float, tuple[str, ...]]:
    q = candidate.question
    categories = Counter(c.candidate.question.category for c in chosen)
    subtopics = {c.candidate.question.subtopic for c in chosen}
    gain = candidate.score - SAME_CATEGORY_PENALTY * categories[q.category]
    if q.subtopic in subtopics:
        gain -= SAME_SUBTOPIC_PENALTY
    extra: tuple[str, ...] = ()
    if categories[q.category] == 0:
        label = taxonomy.category(q.category).label
        if weighted.get(q.category):
            gain += NEW_WEIGHTED_CATEGORY * min(1.0, weighted[q.category] / max(weighted.values()))
            extra = (f"adds {label}, a category your priorities weight",)
        else:
            gain += NEW_CATEGORY
            extra = (f"adds {label} to the plan's coverage",)
    return round(gain, 4), extra


def backups(candidates: Sequence[Candidate], main: Sequence[Choice]) -> list[tuple[Candidate, str]]:
    """Replacements for the main questions most likely to be covered before you ask them.

    Each backup is, where the bank allows, in the same category as the question it stands in
    for but on another subtopic, so that it still learns something if the interviewer already
    spoke to the topic; a short plan still gets at least three backups from any category.
    """
    wanted = min(MAX_BACKUPS, max(MIN_BACKUPS, len(main) // 2 + 1))
    used = {c.candidate.question.id for c in main}
    used_subtopics = {c.candidate.question.subtopic for c in main}
    by_score = sorted(candidates, key=lambda c: (-c.score, c.question.id))
    ranked_main = sorted(main, key=lambda c: -c.candidate.score)
    result: list[tuple[Candidate, str]] = []
    for round_ in range(wanted):
        if len(result) >= wanted or not ranked_main:
            break
        target = ranked_main[round_ % len(ranked_main)].candidate.question
        options = [c for c in by_score if c.question.id not in used]
        same = [c for c in options if c.question.category == target.category]
        fresh = [c for c in same if c.question.subtopic not in used_subtopics]
        pool = fresh or same or options
        if not pool:
            break
        pick = pool[0]
        result.append((pick, target.id))
        used.add(pick.question.id)
        used_subtopics.add(pick.question.subtopic)
    return result
