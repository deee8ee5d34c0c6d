"""How much one priority's weight must change before another company comes first.

Every company's total has the same denominator, so the ranking is the ranking of
``sum(weight[c] * score[c])``, which is linear in each priority's weight ``w``: the leader's
lead over a rival is ``gap + delta * slope``, where ``slope`` sums the leader's minus the
rival's scores over the components that priority weighs. The lead reaches zero at exactly
``delta = -gap / slope``; the smallest such change over all rivals, keeping the weight at
zero or above, is the answer. No search, no sampling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from askback.assess.compare import PAY, component_weights, components_of, weighted_sum
from askback.core import rules
from askback.core.taxonomy import PRIORITY_IDS, priority

MAX_WEIGHT = rules.MAX_WEIGHT  # the most a weight can be


def priority_label(name: str) -> str:
    """ "work-life-balance" -> "work-life balance", as the taxonomy names it."""
    return priority(name).label.lower() if name in PRIORITY_IDS else name


@dataclass(frozen=True)
class Flip:
    """What happens to first place when one weight alone changes."""

    priority: str
    weight: float
    change: float | None  # signed change of the weight at which first place is tied; None: never
    rival: str | None  # who takes first place beyond that point

    @property
    def new_weight(self) -> float | None:
        return None if self.change is None else self.weight + self.change

    def describe(self, names: Mapping[str, str]) -> str:
        label = priority_label(self.priority)
        if self.change is None or self.rival is None or self.new_weight is None:
            return f"{label} (weight {self.weight:g}): no change of this weight alone flips first place"
        direction = "rise" if self.change > 0 else "fall"
        beyond = f" (beyond {MAX_WEIGHT:g}, the most a weight can be)" if self.new_weight > MAX_WEIGHT else ""
        return (
            f"{label} (weight {self.weight:g}): {names.get(self.rival, self.rival)} comes first if it "
            f"{direction}s by {abs(self.change):.2f} to {self.new_weight:.2f}{beyond}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "priority": self.priority,
            "weight": self.weight,
            "change": None if self.change is None else round(self.change, 4),
            "new_weight": None if self.new_weight is None else round(self.new_weight, 4),
            "new_leader": self.rival,
        }


def flips(
    components: Mapping[str, Mapping[str, float]], priorities: Mapping[str, float], order: Sequence[str]
) -> list[Flip]:
    """One :class:`Flip` per priority (and for pay when it has the default weight).

    ``components`` maps each company to its score per category and ``pay``; ``order`` is the
    ranking, leader first.
    """
    if len(order) < 2:
        return []
    weights = component_weights(priorities)
    sums = {k: weighted_sum(components[k], weights) for k in order}
    leader = order[0]
    names = list(priorities) + ([] if "compensation" in priorities else [PAY])
    result = []
    for name in names:
        weight = weights[PAY] if name == PAY else float(priorities[name])
        result.append(_flip(name, weight, leader, order[1:], components, sums, components_of(name, priorities)))
    return result


def _flip(
    name: str,
    weight: float,
    leader: str,
    rivals: Sequence[str],
    components: Mapping[str, Mapping[str, float]],
    sums: Mapping[str, float],
    moved: Sequence[str],
) -> Flip:
    best: tuple[float, str] | None = None
    for rival in rivals:
        gap = sums[leader] - sums[rival]
        slope = sum(components[leader].get(c, 0.0) - components[rival].get(c, 0.0) for c in moved)
        if slope == 0:
            continue
        change = -gap / slope
        if weight + change < 0:
            continue
        if best is None or abs(change) < abs(best[0]):
            best = (change, rival)
    if best is None:
        return Flip(name, weight, None, None)
    return Flip(name, weight, best[0], best[1])
