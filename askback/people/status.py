"""The search at a glance: for each company, how far the process has got, the next interview
and with whom, what is still unknown, and the offer with its deadline.

``askback status`` and the web app's home page show the same :class:`Status` rows, ordered so
what needs the candidate first comes first: an offer whose deadline is nearest, then the next
interview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from askback.assess.unknowns import Unknown
from askback.core import taxonomy
from askback.core.models import Company
from askback.core.people import Interview
from askback.people.interviewers import Person, people_of
from askback.runtime import Runtime
from askback.store import assess as offer_store
from askback.store import companies, plans
from askback.store import people as store
from askback.store.assess import OfferRecord

MAX_UNKNOWNS = 3  # the heaviest few; askback compare lists them all


@dataclass(frozen=True)
class Status:
    company: Company
    stage: str | None  # the furthest stage reached: an offer, an interview or a plan
    next_interview: Interview | None
    next_with: Person | None
    unknowns: tuple[Unknown, ...]
    offer: OfferRecord | None
    today: date
    people: tuple[Person, ...] = ()

    def whom(self, unknown: Unknown) -> Person | None:
        """The known interviewer in the role an unknown should be asked of, if there is one."""
        return next((p for p in self.people if p.role == unknown.ask), None)

    @property
    def days_left(self) -> int | None:
        """Days until the offer's deadline (negative once it has passed)."""
        if self.offer is None or self.offer.deadline is None:
            return None
        return (self.offer.deadline - self.today).days

    def as_dict(self) -> dict[str, Any]:
        following = self.next_interview
        return {
            "company": self.company.name,
            "slug": self.company.slug,
            "stage": self.stage,
            "next_interview": None
            if following is None
            else {
                "day": following.day.isoformat(),
                "time": following.time,
                "stage": following.stage,
                "with": self.next_with.as_dict() if self.next_with else None,
            },
            "unknowns": [
                {**u.as_dict(self.company.name), "ask_name": p.name if (p := self.whom(u)) else None}
                for u in self.unknowns
            ],
            "offer": None
            if self.offer is None
            else {
                "title": self.offer.title,
                "base": self.offer.base,
                "currency": self.offer.currency,
                "period": self.offer.period,
                "deadline": self.offer.deadline.isoformat() if self.offer.deadline else None,
                "days_left": self.days_left,
            },
        }


def status(runtime: Runtime, today: date | None = None, unknowns: bool = True) -> list[Status]:
    """Every company's process, most urgent first. ``unknowns=False`` skips the part that reads
    notes and accounts with the language models (the web app's quick view)."""
    today = today or date.today()
    with runtime.session() as session:
        known = companies.list_all(session)
        interviews = store.interviews(session, [c.id for c in known])
        offers = {o.company_id: o for o in offer_store.offers(session, [c.id for c in known])}  # newest wins
        stages = {c.id: [p.stage for p in plans.list_all(session, c.id)] for c in known}
        people = {
            c.id: {p.interviewer.id: p for p in people_of(session, c, store.interviewers(session, c.id))} for c in known
        }
    missing = _unknowns(runtime, known) if unknowns and known else {}
    found = []
    for company in known:
        own = [i for i in interviews if i.company_id == company.id]
        following = next((i for i in own if i.day >= today), None)
        offer = offers.get(company.id)
        reached = [s for s in stages[company.id] + [i.stage for i in own if i.stage]]
        found.append(
            Status(
                company=company,
                stage="offer" if offer is not None else _furthest(reached),
                next_interview=following,
                next_with=people[company.id].get(following.interviewer_id or -1) if following else None,
                unknowns=missing.get(company.slug, ())[:MAX_UNKNOWNS],
                offer=offer,
                today=today,
                people=tuple(people[company.id].values()),
            )
        )
    return sorted(found, key=_urgency)


def _unknowns(runtime: Runtime, known: Sequence[Company]) -> dict[str, tuple[Unknown, ...]]:
    from askback.assess.service import still_unknown

    return still_unknown(runtime, known)


def _furthest(stages: Sequence[str]) -> str | None:
    order = taxonomy.STAGE_IDS
    return max(stages, key=order.index) if stages else None


def _urgency(s: Status) -> tuple[int, str, str]:
    """Deadlines first (nearest first), then the next interview, then the rest by name."""
    if s.offer is not None and s.offer.deadline is not None and (s.days_left or 0) >= 0:
        return (0, s.offer.deadline.isoformat(), s.company.name.lower())
    if s.next_interview is not None:
        return (1, s.next_interview.when, s.company.name.lower())
    return (2, "", s.company.name.lower())
