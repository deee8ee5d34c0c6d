"""Scores per category from the evidence, and one weighted total per company.

Every piece of evidence is a score from 0 to 10 with a weight: an answer rated 4/5 is 7.5
with weight 1; a red flag is 0 and a green flag 10, weight 0.75; a claim two employees
made independently counts by its sentiment. A category's score is the weighted mean of its
evidence pulled towards a neutral 5 by a prior worth one answer, so a single data point
cannot make a category perfect or hopeless. How much evidence there is, not how extreme it
is, sets the confidence.

The total is linear in the candidate's priority weights (categories weighted by
:func:`askback.core.taxonomy.weighted_categories`, plus pay), which is what lets
:mod:`askback.assess.sensitivity` solve exactly for the weight at which the ranking flips.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from askback.core.taxonomy import CATEGORY_IDS, weighted_categories

PRIOR_SCORE = 5.0
PRIOR_WEIGHT = 1.0
PAY = "pay"
PAY_WEIGHT = 1.0  # the weight of pay when the candidate has not named compensation as a priority
UNKNOWN_BELOW = 1.5  # evidence weight under which a category is "still unknown"
CONFIDENCE_LEVELS = ((0.0, "none"), (UNKNOWN_BELOW, "low"), (3.5, "medium"), (float("inf"), "high"))


@dataclass(frozen=True)
class Evidence:
    """One reason for a category's score."""

    category: str
    score: float  # 0 (bad) to 10 (good)
    weight: float
    kind: str  # rating, category-rating, flag, claim, one-person, research
    text: str  # what it was, in words
    source: str = ""  # where it came from

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "score": round(self.score, 1),
            "weight": round(self.weight, 2),
            "text": self.text,
            "source": self.source,
        }


@dataclass(frozen=True)
class CategoryScore:
    category: str
    score: float
    evidence_weight: float
    evidence: tuple[Evidence, ...]

    @property
    def confidence(self) -> str:
        return confidence_label(self.evidence_weight)

    @property
    def unknown(self) -> bool:
        return self.evidence_weight < UNKNOWN_BELOW

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 1),
            "confidence": self.confidence,
            "evidence_weight": round(self.evidence_weight, 2),
            "evidence_count": len(self.evidence),
            "evidence": [e.as_dict() for e in self.evidence],
        }


def confidence_label(weight: float) -> str:
    if weight <= 0:
        return "none"
    return next(label for limit, label in CONFIDENCE_LEVELS[1:] if weight < limit)


def category_scores(evidence: Iterable[Evidence]) -> dict[str, CategoryScore]:
    """A score for every category, neutral (5) where there is no evidence."""
    by_category: dict[str, list[Evidence]] = {c: [] for c in CATEGORY_IDS}
    for item in evidence:
        by_category[item.category].append(item)
    scores = {}
    for category, items in by_category.items():
        weight = sum(e.weight for e in items)
        score = (PRIOR_SCORE * PRIOR_WEIGHT + sum(e.score * e.weight for e in items)) / (PRIOR_WEIGHT + weight)
        ranked = tuple(sorted(items, key=lambda e: -e.weight * abs(e.score - PRIOR_SCORE)))
        scores[category] = CategoryScore(category, score, weight, ranked)
    return scores


def component_weights(priorities: Mapping[str, float]) -> dict[str, float]:
    """The weight of each category and of pay, from the candidate's priorities.

    Without priorities every category counts the same. Naming ``compensation`` as a priority
    sets the weight of pay as well as of the categories it maps to.
    """
    weights = weighted_categories(dict(priorities)) if priorities else {c: 1.0 for c in CATEGORY_IDS}
    weights = {c: weights.get(c, 0.0) for c in CATEGORY_IDS}
    weights[PAY] = priorities.get("compensation", PAY_WEIGHT)
    return weights


def components_of(priority: str, priorities: Mapping[str, float]) -> tuple[str, ...]:
    """The components whose weight moves one for one with ``priority``'s weight."""
    from askback.core.taxonomy import priority as lookup

    if priority == PAY:
        return (PAY,)
    found = tuple(lookup(priority).categories)
    return (*found, PAY) if priority == "compensation" else found


def weighted_sum(components: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The numerator of the total: ranking by it is ranking by the total (same denominator)."""
    return sum(weights.get(name, 0.0) * score for name, score in components.items())


def total(components: Mapping[str, float], weights: Mapping[str, float]) -> float:
    denominator = sum(weights.get(name, 0.0) for name in components) or 1.0
    return weighted_sum(components, weights) / denominator


def pay_scores(totals: Mapping[str, float | None]) -> dict[str, float | None]:
    """Each offer's yearly total as a share of the best one, 0-10; None where there is no offer."""
    known = [t for t in totals.values() if t is not None and t > 0]
    best = max(known, default=0.0)
    return {k: (10.0 * t / best if t is not None and best > 0 else None) for k, t in totals.items()}


def overall_confidence(scores: Mapping[str, CategoryScore], weights: Mapping[str, float]) -> str:
    """The confidence of a total: evidence per category, weighted like the categories themselves."""
    weighted = [(weights.get(c, 0.0), s.evidence_weight) for c, s in scores.items()]
    denominator = sum(w for w, _ in weighted) or 1.0
    return confidence_label(sum(w * e for w, e in weighted) / denominator)


def ranked(totals: Mapping[str, float], order: Sequence[str]) -> list[str]:
    """Keys by total, best first; ties keep the order the user named the companies in."""
    return sorted(order, key=lambda k: (-round(totals[k], 9), order.index(k)))
