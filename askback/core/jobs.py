"""A job posting as askback understands it: the fields read from it, each with its evidence.

Every field keeps the sentence it was read from, so a candidate can check what askback
believes (the salary, the remote policy) against the posting itself, and so a plan can cite
the posting the way it cites a company's pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

REMOTE_POLICIES = ("remote", "hybrid", "onsite")
SENIORITIES = ("intern", "junior", "mid", "senior", "staff", "principal", "lead", "head")
PERIODS = ("hour", "day", "month", "year")


@dataclass(frozen=True)
class Salary:
    """A pay range as the posting states it; one end may be open ("up to 90.000 EUR")."""

    minimum: float | None
    maximum: float | None
    currency: str  # ISO 4217
    period: str  # one of PERIODS

    def describe(self) -> str:
        """ "EUR 70,000-85,000 a year", "up to GBP 60,000 a year", "USD 45 an hour"."""
        low, high = (_amount(v) for v in (self.minimum, self.maximum))
        if self.minimum is not None and self.maximum is not None and self.minimum != self.maximum:
            amount = f"{self.currency} {low}-{high}"
        elif self.minimum is not None:
            amount = f"{self.currency} {low}" if self.maximum is not None else f"from {self.currency} {low}"
        else:
            amount = f"up to {self.currency} {high}"
        article = "an" if self.period == "hour" else "a"
        return f"{amount} {article} {self.period}"


def _amount(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}" if value % 1 else f"{value:,.0f}"  # cents as money is written: 24.50


@dataclass(frozen=True)
class Found:
    """One value read from the posting and the sentence it was read from."""

    value: str
    evidence: str


@dataclass(frozen=True)
class FoundSalary:
    value: Salary
    evidence: str


@dataclass(frozen=True)
class JobFields:
    """Everything read from one posting. A field the posting does not state is None or empty."""

    title: Found | None = None
    seniority: Found | None = None
    team: Found | None = None
    location: Found | None = None
    remote: Found | None = None
    salary: FoundSalary | None = None
    stack: tuple[Found, ...] = ()
    practices: tuple[Found, ...] = ()
    responsibilities: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    process: tuple[str, ...] = ()

    def recognised(self) -> bool:
        """Whether anything at all was understood; a posting with nothing is kept as text."""
        single = (self.title, self.location, self.remote, self.salary, self.seniority, self.team)
        lists = (self.stack, self.practices, self.responsibilities, self.requirements, self.benefits, self.process)
        return any(v is not None for v in single) or any(lists)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: what the store keeps and what ``--format json`` prints."""
        out: dict[str, Any] = {}
        for name in ("title", "seniority", "team", "location", "remote"):
            found = getattr(self, name)
            out[name] = {"value": found.value, "evidence": found.evidence} if found else None
        out["salary"] = (
            {
                "minimum": self.salary.value.minimum,
                "maximum": self.salary.value.maximum,
                "currency": self.salary.value.currency,
                "period": self.salary.value.period,
                "evidence": self.salary.evidence,
            }
            if self.salary
            else None
        )
        out["stack"] = [{"value": f.value, "evidence": f.evidence} for f in self.stack]
        out["practices"] = [{"value": f.value, "evidence": f.evidence} for f in self.practices]
        for name in ("responsibilities", "requirements", "benefits", "process"):
            out[name] = list(getattr(self, name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JobFields:
        def one(name: str) -> Found | None:
            item = data.get(name)
            return Found(str(item["value"]), str(item["evidence"])) if item else None

        def many(name: str) -> tuple[Found, ...]:
            return tuple(Found(str(i["value"]), str(i["evidence"])) for i in data.get(name) or ())

        pay = data.get("salary")
        salary = (
            FoundSalary(Salary(pay["minimum"], pay["maximum"], pay["currency"], pay["period"]), pay["evidence"])
            if pay
            else None
        )
        return cls(
            title=one("title"),
            seniority=one("seniority"),
            team=one("team"),
            location=one("location"),
            remote=one("remote"),
            salary=salary,
            stack=many("stack"),
            practices=many("practices"),
            responsibilities=tuple(data.get("responsibilities") or ()),
            requirements=tuple(data.get("requirements") or ()),
            benefits=tuple(data.get("benefits") or ()),
            process=tuple(data.get("process") or ()),
        )


@dataclass(frozen=True)
class Job:
    """A stored posting of one company."""

    id: int
    company: str
    source: str
    title: str
    fields: JobFields
    text: str = ""
    warnings: tuple[str, ...] = ()
    created_at: datetime | None = None
    evidence_source: str = field(default="")  # the page ref its sentences are facts under
    company_slug: str = ""

    def as_dict(self) -> dict[str, Any]:
        """What ``askback job show --format json`` and the web app's JSON give."""
        head = {"id": self.id, "company": self.company, "source": self.source, "warnings": list(self.warnings)}
        return head | self.fields.as_dict()
