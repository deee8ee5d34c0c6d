"""The company brief: what the company says, what is distinctive, its numbers, what not to ask."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from research.shared import FIXTURES, private_home
from sqlalchemy.orm import Session

from askback.core.models import Company, Fact
from askback.errors import NotFoundError
from askback.plan.brief import build_brief, company_brief, render_text
from askback.research import distinctive
from askback.research.quantities import quantities
from askback.research.service import research
from askback.runtime import Runtime

ACME = Company(id=1, slug="acme", name="Acme")


def fact(i: int, text: str, topic: str, source: str = "benefits.md", headings: tuple[str, ...] = ()) -> Fact:
    return Fact(i, text, source, "Page", headings, i, ((topic, 0.9),), tuple(q.as_dict() for q in quantities(text)))


FACTS = [
    fact(1, "Every employee gets 27 days of paid vacation a year.", "leave"),
    fact(2, "Each person has a learning budget of EUR 1,500 a year for courses.", "learning-budget"),
    fact(3, "Twice a year we stop planned work for Hack Week.", "engineering-practices", "eng.md", ("Hack Week",)),
    fact(4, "Hack Week projects have shipped two of our most used features.", "successes", "eng.md", ("Hack Week",)),
    fact(5, "During Hack Week nobody is on call except the platform team.", "on-call", "eng.md", ("Hack Week",)),
]


def test_deadlines_in_procedures_and_other_parties_numbers_are_not_the_company_s_numbers() -> None:
    facts = [
        *FACTS,
        fact(6, "Your expense report is reviewed within 5 business days of submission.", "benefits"),
        fact(7, "Submit leave requests at least 3 days in advance of the first day away.", "leave"),
        fact(8, "Regional trains to the airport run every 20 minutes on weekdays.", "working-hours"),
    ]
    brief = build_brief(ACME, facts, distinctive.find(facts, names=("Acme",)), {})
    shown = {line.text for line in brief.numbers}
    assert {"27 days", "EUR 1,500 a year"} <= shown
    assert not shown & {"5 business days", "3 days", "every 20 minutes", "20 minutes"}


def test_the_brief_says_what_is_distinctive_and_the_numbers_each_with_its_source() -> None:
    own = distinctive.find(FACTS, names=("Acme",))
    answered = {
        "How many vacation days do people get?": ("benefits.md", FACTS[0].text),
        "What does the company do?": ("about.md", "What does Acme do?"),  # a question answers nothing
    }
    brief = build_brief(ACME, FACTS, own, answered)
    assert [(line.text, line.source) for line in brief.practices] == [("Hack Week (3 sentences)", "eng.md")]
    numbers = {(line.label, line.text, line.source) for line in brief.numbers}
    assert ("Leave and vacation", "27 days", "benefits.md") in numbers
    assert ("Learning budget", "EUR 1,500 a year", "benefits.md") in numbers
    assert [(line.text, line.quote) for line in brief.public] == [
        ("How many vacation days do people get?", FACTS[0].text)
    ]
    assert "essentials" in brief.says and "growth" in brief.says


def test_a_fact_is_filed_under_what_it_is_about_not_what_its_question_asks() -> None:
    """A plan asks about parental leave as a question about the team (who covered the work);
    the brief shows the policy itself with the other leave and pay."""
    leave = fact(6, "Parents get 16 weeks of fully paid parental leave.", "parental-leave")
    office = fact(7, "We opened our second office, in Lisbon, in 2020.", "office-locations")
    brief = build_brief(ACME, [leave, office], distinctive.find([leave, office], names=("Acme",)), {})
    assert {line.text for line in brief.says["essentials"]} == {leave.text, office.text}
    assert "people" not in brief.says


def test_the_brief_as_markdown_and_json_keeps_every_source() -> None:
    brief = build_brief(ACME, FACTS, distinctive.find(FACTS), {})
    text = render_text(brief, markdown=True)
    assert text.startswith("# Acme\n")
    assert "## What is distinctive" in text and "## Its numbers" in text
    assert "*eng.md: “Twice a year we stop planned work for Hack Week.”*" in text
    data = brief.as_dict()
    assert set(data) == {"company", "aliases", "facts", "says", "distinctive", "numbers", "already_public"}
    assert all(line["source"] for line in data["numbers"])


def test_a_company_with_no_research_gets_a_hint_not_an_empty_page() -> None:
    text = render_text(build_brief(ACME, [], distinctive.find([]), {}))
    assert "Nothing researched yet: askback research SOURCE --company 'Acme'" in text


@pytest.fixture(scope="module")
def researched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    with private_home(tmp_path_factory.mktemp("brief")) as runtime:
        research(runtime, "Acme", [str(FIXTURES / "brief")])
        yield runtime


def test_a_researched_company_s_brief_names_its_own_practices(researched: Runtime) -> None:
    brief = company_brief(researched, "acme")
    practices = " ".join(line.text for line in brief.practices)
    assert "Hack Week" in practices
    assert any(line.text == "27 days" and line.source == "benefits.md" for line in brief.numbers)


def test_a_brief_for_an_unknown_company_is_a_clear_error(researched: Runtime) -> None:
    with pytest.raises(NotFoundError, match="no company called 'Globex'"):
        company_brief(researched, "Globex")



def test_the_answered_check_runs_once_per_state_of_the_research(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The web app's company page shows the brief on every visit; the check behind "already
    # public" reads a hundred bank questions against every sentence and took seconds a visit.
    from askback.plan import grounding

    calls: list[str] = []
    find = grounding._find_answered_bank_questions

    def counted(session: Session, company: Company, runtime: Runtime) -> dict[str, Fact]:
        calls.append(company.name)
        return find(session, company, runtime)

    monkeypatch.setattr(grounding, "_find_answered_bank_questions", counted)
    with private_home(tmp_path) as runtime:
        research(runtime, "Acme", [str(FIXTURES / "brief")])
        company_brief(runtime, "acme")
        company_brief(runtime, "acme")
        assert len(calls) == 1
        research(runtime, "Acme", [str(FIXTURES / "handbook")])  # new facts: the check runs again
        company_brief(runtime, "acme")
        assert len(calls) == 2
