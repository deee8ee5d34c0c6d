"""The one sentence that opens each company's section: the main reason it ranks where it does.

A company's total is a weighted mean of its components (categories and pay), so how far it
sits above or below the others is a sum of one term per component: the component's weight
times its lead over the other companies' mean. The main reason is the largest term pointing
the way the company ranks: the biggest lead for the first, the biggest gap for the last, the
largest either way in between.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from askback.assess.compare import PAY
from askback.core.taxonomy import category

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def main_reason(
    slug: str,
    components: Mapping[str, Mapping[str, float]],
    weights: Mapping[str, float],
    order: Sequence[str],
    evidence: Mapping[str, int],
) -> str:
    """One sentence: where ``slug`` ranks and the component that put it there.

    ``components`` holds every company's component scores, ``order`` the ranking (best
    first) and ``evidence`` how many pieces of evidence stand behind each of ``slug``'s
    categories."""
    others = [s for s in order if s != slug]
    rank = order.index(slug)
    terms = {
        name: weights.get(name, 0.0) * (score - sum(components[o][name] for o in others) / len(others))
        for name, score in components[slug].items()
    }
    if rank == 0:
        name = max(terms, key=lambda n: terms[n])
    elif rank == len(order) - 1:
        name = min(terms, key=lambda n: terms[n])
    else:
        name = max(terms, key=lambda n: abs(terms[n]))
    mean = sum(components[o][name] for o in others) / len(others)
    place = "last" if rank == len(order) - 1 else ORDINALS[rank]
    label = "Pay" if name == PAY else category(name).label
    lead = "ahead on" if components[slug][name] >= mean else "behind on"
    basis = "an offer" if name == PAY else _pieces(evidence.get(name, 0))
    return (
        f"Ranks {place} mainly because it is {lead} {label}: "
        f"{components[slug][name]:.1f} against {mean:.1f} for the others, from {basis}."
    )


def _pieces(count: int) -> str:
    return "no evidence yet" if count == 0 else "one piece of evidence" if count == 1 else f"{count} pieces of evidence"
