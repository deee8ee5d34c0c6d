"""Turning what was heard and read into scored evidence, each piece with where it came from.

The weights say how much one piece of evidence should move a category, relative to one
answer rated by the candidate (weight 1): the candidate's own rating of a whole category
after an interview counts more, a flag somewhat less, a claim two employees made
independently counts by the number of people, and the company's own website counts little
(every company describes itself kindly).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from askback.assess.compare import Evidence
from askback.assess.corroborate import Group
from askback.assess.flags import FlagMatch
from askback.core.models import Fact, Question
from askback.core.taxonomy import ROLE_IDS, category, role_label

ANSWER_WEIGHT = 1.0
CATEGORY_RATING_WEIGHT = 1.5
FLAG_WEIGHT = 0.75
FLAG_SOURCES_COUNTED = 3  # the same flag from more places adds no more weight
CLAIM_WEIGHT_PER_PERSON = 0.5
CLAIM_WEIGHT_MAX = 1.5
ONE_PERSON_WEIGHT = {"single-claim": 0.3, "opinion": 0.15, "shared-opinion": 0.3}  # below any corroborated claim (1.0)
RESEARCH_WEIGHT_PER_FACT = 0.05
RESEARCH_WEIGHT_MAX = 0.3
RESEARCH_SCORE = 6.0  # a topic the company writes about openly: slightly better than silence
SENTIMENT_SCORE = {"positive": 8.5, "negative": 1.5}


@dataclass(frozen=True)
class FlagHit:
    """A flag found in something the candidate heard or read."""

    match: FlagMatch
    sentence: str
    source: str

    def as_dict(self) -> dict[str, Any]:
        flag = self.match.flag
        return {
            "id": flag.id,
            "colour": flag.kind,
            "name": flag.label,
            "category": flag.category,
            "why": flag.why,
            "sentence": self.sentence,
            "source": self.source,
            "found_by": self.match.how,
            "matched": self.match.matched,
        }


def rating_score(rating: int) -> float:
    """1-5 stars onto 0-10."""
    return (rating - 1) * 2.5


def from_answer(question: str, category_id: str, interviewer: str, rating: int, answer: str) -> Evidence:
    snippet = answer if len(answer) <= 90 else answer[:87].rstrip() + "..."
    return Evidence(
        category=category_id,
        score=rating_score(rating),
        weight=ANSWER_WEIGHT,
        kind="rating",
        text=f'{rating}/5 for "{question}"' + (f": {snippet}" if snippet else ""),
        source=f"{role_label(interviewer).lower()} interview" if interviewer in ROLE_IDS else interviewer,
    )


def from_category_rating(category_id: str, rating: int, interviewer: str, stage: str) -> Evidence:
    who = role_label(interviewer).lower() if interviewer in ROLE_IDS else interviewer
    return Evidence(
        category=category_id,
        score=rating_score(rating),
        weight=CATEGORY_RATING_WEIGHT,
        kind="category-rating",
        text=f"you rated {category(category_id).label} {rating}/5 after the {who} interview",
        source=f"{who} interview ({stage})",
    )


def from_flags(hits: Iterable[FlagHit]) -> list[Evidence]:
    """One piece of evidence per flag and place it was found, up to a few places per flag."""
    seen: set[tuple[str, str]] = set()
    per_flag: Counter[str] = Counter()
    found = []
    for hit in hits:
        flag = hit.match.flag
        key = (flag.id, hit.source)
        if key in seen or per_flag[flag.id] >= FLAG_SOURCES_COUNTED:
            continue
        seen.add(key)
        per_flag[flag.id] += 1
        found.append(
            Evidence(
                category=flag.category,
                score=0.0 if flag.kind == "red" else 10.0,
                weight=FLAG_WEIGHT,
                kind="flag",
                text=f"{flag.kind} flag {flag.label}: {hit.sentence} (raised by {hit.match.raised_by})",
                source=hit.source,
            )
        )
    return found


def from_groups(groups: Iterable[Group], names: dict[int, str]) -> list[Evidence]:
    """What employees said, with a clear sentiment: claims two or more people made count by the
    number of people; one person's claim or opinion counts too, marked as theirs alone and
    weighted below anything corroborated."""
    found = []
    for group in groups:
        if group.sentiment not in SENTIMENT_SCORE:
            continue
        people = sorted(names.get(a, f"account {a}") for a in group.accounts)
        if group.corroborated:
            weight = min(CLAIM_WEIGHT_MAX, CLAIM_WEIGHT_PER_PERSON * group.people)
            kind, text = "claim", f"{group.people} people independently: {group.text}"
        else:
            weight = ONE_PERSON_WEIGHT[group.bucket]
            kind, text = "one-person", _one_person(group)
        found.append(
            Evidence(
                category=group.category,
                score=SENTIMENT_SCORE[group.sentiment],
                weight=weight,
                kind=kind,
                text=text,
                source="; ".join(people),
            )
        )
    return found


def _one_person(group: Group) -> str:
    said = "opinion" if group.bucket in ("opinion", "shared-opinion") else "account"
    who = "one person's" if group.people == 1 else f"{group.people} people's shared"
    return f"{who} {said}, not corroborated: {group.text}"


def from_facts(facts: Sequence[Fact]) -> list[Evidence]:
    """A small nudge per category the company's own material covers, by number of facts."""
    counts: Counter[str] = Counter()
    for fact in facts:
        categories = {topic_categories().get(t) for t in fact.topic_ids} - {None}
        for category_id in categories:
            counts[str(category_id)] += 1
    return [
        Evidence(
            category=category_id,
            score=RESEARCH_SCORE,
            weight=min(RESEARCH_WEIGHT_MAX, RESEARCH_WEIGHT_PER_FACT * n),
            kind="research",
            text=f"{n} facts on the company's own site or handbook (small weight: its own words)",
            source="research",
        )
        for category_id, n in sorted(counts.items())
    ]


@lru_cache(maxsize=1)
def topic_categories() -> dict[str, str]:
    """Research topic -> the category whose bank questions it most often answers."""
    from askback.bank.loader import load_bank

    return _majority_category(load_bank())


def _majority_category(bank: Sequence[Question]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for question in bank:
        for topic in question.googleable:
            votes.setdefault(topic, Counter())[question.category] += 1
    return {topic: counter.most_common(1)[0][0] for topic, counter in votes.items()}
