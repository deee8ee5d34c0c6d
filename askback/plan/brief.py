"""The company brief: one screen a candidate reads before the call.

What the company says about itself, category by category; what is distinctive about it (its
own names, practices and cadences); its numbers (leave, budgets, team sizes, cadences); and
what is already public, so not to be asked. Every line keeps its source. The CLI, the web
app's company page and the printed cheat sheet all show this one brief.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from askback.core import taxonomy
from askback.core.models import Company, Fact
from askback.plan.ground import NOT_PRACTICES, about_itself, weigh, worth_asking
from askback.plan.patterns import patterns
from askback.research import distinctive_cache
from askback.research.distinctive import Distinctive

if TYPE_CHECKING:
    from askback.runtime import Runtime

TOPIC_LABELS = {t.id: t.label for t in taxonomy.RESEARCH_TOPICS}
# A deadline in a procedure ("within 5 business days", "at least 10 calendar days ahead") is
# not one of the company's numbers a candidate weighs (leave, budgets, team sizes).
DEADLINE_BEFORE = re.compile(r"\b(?:within|after|before|prior to|by|in)\s+(?:the\s+)?$", re.IGNORECASE)
DEADLINE_AFTER = re.compile(
    r"^\s*(?:in advance|prior|ahead|before|after|of (?:receipt|approval|getting|the date))", re.IGNORECASE
)
PER_CATEGORY = 3
MAX_PRACTICES = 8
MAX_NUMBERS = 10
MAX_PUBLIC = 10
NUMBER_TOPICS = frozenset(
    {
        "leave",
        "parental-leave",
        "benefits",
        "retirement",
        "learning-budget",
        "compensation-philosophy",
        "equity",
        "team-structure",
        "working-hours",
        "on-call",
        "meetings",
        "remote-policy",
        "performance-review",
    }
)


@dataclass(frozen=True)
class Line:
    """One thing the brief says, with where it was read."""

    text: str
    source: str
    quote: str
    label: str = ""  # what the line is about: a category, a practice, a question

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "text": self.text, "source": self.source, "quote": self.quote}


@dataclass(frozen=True)
class Brief:
    company: Company
    facts: int
    says: dict[str, list[Line]] = field(default_factory=dict)  # category id -> lines
    practices: list[Line] = field(default_factory=list)
    numbers: list[Line] = field(default_factory=list)
    public: list[Line] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.says or self.practices or self.numbers or self.public)

    def as_dict(self) -> dict[str, Any]:
        return {
            "company": self.company.name,
            "aliases": list(self.company.aliases),
            "facts": self.facts,
            "says": {c: [line.as_dict() for line in lines] for c, lines in self.says.items()},
            "distinctive": [line.as_dict() for line in self.practices],
            "numbers": [line.as_dict() for line in self.numbers],
            "already_public": [line.as_dict() for line in self.public],
        }


def company_brief(runtime: Runtime, company_name: str) -> Brief:
    """The brief for a company the candidate has researched (NotFoundError if unknown)."""
    from askback.plan.grounding import answered_bank_questions
    from askback.store import companies
    from askback.store import research as research_store

    with runtime.session() as session:
        company = companies.get(session, company_name)
        facts = research_store.facts(session, company.id)
        if not facts:
            return Brief(company, 0)
        own = distinctive_cache.for_company(session, company)
        answered = answered_bank_questions(session, company, runtime)
        return build_brief(company, facts, own, answered)


def build_brief(company: Company, facts: list[Fact], own: Distinctive, answered: dict[str, tuple[str, str]]) -> Brief:
    """The brief from data already loaded: ``answered`` maps bank question text -> (source, quote)."""
    usable = [f for f in facts if f.topics and worth_asking(f)]
    return Brief(
        company=company,
        facts=len(facts),
        says=_says(usable, own, company),
        practices=_practices(usable, own),
        numbers=_numbers(usable, own, company),
        public=_public(answered),
    )


def _best(facts: list[Fact], topic_of: dict[int, str], own: Distinctive, company: Company) -> list[Fact]:
    scored = []
    for fact in facts:
        weight = weigh(fact, topic_of[fact.id], own, "", company.names)
        if weight is not None:
            scored.append((weight, fact.id, fact))
    return [f for _, _, f in sorted(scored, key=lambda s: (-s[0], s[1]))]


def _says(facts: list[Fact], own: Distinctive, company: Company) -> dict[str, list[Line]]:
    table = patterns().topics
    topic_of = {f.id: next((t for t, _ in f.topics if t in table), f.topics[0][0]) for f in facts}
    by_category: dict[str, list[Fact]] = {}
    for fact in facts:
        topic = topic_of[fact.id]
        if topic in table:
            by_category.setdefault(table[topic].fact_category, []).append(fact)
    says: dict[str, list[Line]] = {}
    for category in taxonomy.CATEGORY_IDS:
        chosen: list[Line] = []
        topics_used: set[str] = set()
        for fact in _best(by_category.get(category, []), topic_of, own, company):
            if not about_itself(fact, company.names, topic_of[fact.id]):
                continue
            if topic_of[fact.id] in topics_used:
                continue  # one line per topic: the category at a glance, not one topic at length
            topics_used.add(topic_of[fact.id])
            chosen.append(Line(fact.text, fact.source, fact.text, taxonomy.category(category).label))
            if len(chosen) >= PER_CATEGORY:
                break
        if chosen:
            says[category] = chosen
    return says


def _practices(facts: list[Fact], own: Distinctive) -> list[Line]:
    """The company's named practices, each with the shortest sentence that uses it. Job titles
    ("Project Manager") and the words for staff ("team members") are not practices."""
    lines: list[Line] = []
    shown: set[str] = set()
    for term in own.named():
        words = term.text.split()
        stem = term.key.rstrip("s")
        if not all(w[:1].isupper() or not w[:1].isalpha() for w in words) and term.kind == "name":
            continue
        if words[-1].lower().rstrip("s") in NOT_PRACTICES or stem in shown:
            continue
        uses = [f for f in facts if term.key in f.text.lower()]
        if not uses:
            continue
        shown.add(stem)
        example = min(uses, key=lambda f: (len(f.text.split()), f.id))
        lines.append(Line(f"{term.text} ({term.count} sentences)", example.source, example.text))
        if len(lines) >= MAX_PRACTICES:
            break
    return lines


def _numbers(facts: list[Fact], own: Distinctive, company: Company) -> list[Line]:
    numbered = [f for f in facts if f.quantities and any(t in NUMBER_TOPICS for t, _ in f.topics)]
    topic_of = {f.id: next(t for t, _ in f.topics if t in NUMBER_TOPICS) for f in numbered}
    lines: list[Line] = []
    seen: set[str] = set()
    for fact in _best(numbered, topic_of, own, company):
        quantity = _weighed_quantity(fact)
        label = TOPIC_LABELS.get(topic_of[fact.id], topic_of[fact.id])
        if quantity is None or quantity in seen or not about_itself(fact, company.names, topic_of[fact.id]):
            continue
        seen.add(quantity)
        lines.append(Line(quantity, fact.source, fact.text, label))
        if len(lines) >= MAX_NUMBERS:
            break
    return lines


def _weighed_quantity(fact: Fact) -> str | None:
    """The fact's first number that is an allowance, an amount or a size, not a deadline in a
    procedure ("reviewed within 3-5 business days")."""
    for quantity in fact.quantities:
        said = str(quantity["text"])
        at = fact.text.find(said)
        if "business day" in said or "calendar day" in said or at < 0:
            continue
        if DEADLINE_BEFORE.search(fact.text[:at]) or DEADLINE_AFTER.search(fact.text[at + len(said) :]):
            continue
        return said
    return None


def _public(answered: dict[str, tuple[str, str]]) -> list[Line]:
    """Bank questions the material answers, one per answering sentence."""
    lines: list[Line] = []
    quotes: set[str] = set()
    for question, (source, quote) in answered.items():
        if quote in quotes or "?" in quote:  # a question in the material answers nothing
            continue
        quotes.add(quote)
        lines.append(Line(question, source, quote))
        if len(lines) >= MAX_PUBLIC:
            break
    return lines


def sections(brief: Brief) -> list[tuple[str, list[Line]]]:
    """The brief's sections in reading order, as every front end shows them."""
    return [
        ("What it says about itself", [line for lines in brief.says.values() for line in lines]),
        ("What is distinctive", brief.practices),
        ("Its numbers", brief.numbers),
        ("Already public: don't ask", brief.public),
    ]


def render_text(brief: Brief, markdown: bool = False) -> str:
    """The brief as text for a terminal, or as Markdown."""
    out: list[str] = []
    title = brief.company.name + (f" (also {', '.join(brief.company.aliases)})" if brief.company.aliases else "")
    out.append(f"# {title}" if markdown else title)
    if brief.empty:
        out.append("")
        out.append(f"Nothing researched yet: askback research SOURCE --company '{brief.company.name}'")
        return "\n".join(out) + "\n"
    for heading, lines in sections(brief):
        if not lines:
            continue
        out.append("")
        out.append(f"## {heading}" if markdown else heading.upper())
        for line in lines:
            said = line.text if line.label in ("", line.text) else f"{line.label}: {line.text}"
            evidence = f"{line.source}" if line.quote == line.text else f"{line.source}: “{line.quote}”"
            out.append(f"- {said}  \n  *{evidence}*" if markdown else f"  {said}\n      {evidence}")
    return "\n".join(out) + "\n"
