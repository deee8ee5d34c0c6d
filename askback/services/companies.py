"""Companies: the employers a candidate researches, prepares for and weighs."""

from __future__ import annotations

from dataclasses import dataclass, field

from askback.core import rules
from askback.core.models import Company, Fact, Plan
from askback.runtime import Runtime
from askback.store import companies, plans
from askback.store import research as research_store


@dataclass(frozen=True)
class CompanyOverview:
    """A company with how much is known about it: what the company lists show."""

    company: Company
    pages: int = 0
    facts: int = 0
    plans: list[Plan] = field(default_factory=list)


def list_companies(runtime: Runtime) -> list[CompanyOverview]:
    with runtime.session() as session:
        found = []
        for company in companies.list_all(session):
            pages, facts = research_store.counts(session, company.id)
            found.append(CompanyOverview(company, pages, facts, plans.list_all(session, company.id)))
        return found


def add_company(runtime: Runtime, name: str, url: str | None = None) -> Company:
    """The company of that name, created if it is new (with a look-alike name too: adding it is
    on purpose), its site set when given; the site must be a web address."""
    url = rules.web_address(url)
    with runtime.session() as session:
        return companies.ensure(session, name, url=url)


def get_company(runtime: Runtime, name: str) -> Company:
    """The company of that name or slug; a typo gets the known name it looks like."""
    with runtime.session() as session:
        return companies.get(session, name)


def company_facts(runtime: Runtime, name: str, topic: str | None = None) -> tuple[Company, list[Fact]]:
    """The company and its facts, optionally on one research topic, in the order they were read."""
    rules.research_topic(topic)
    with runtime.session() as session:
        company = companies.get(session, name)
        return company, research_store.facts(session, company.id, topic)
