"""What the assess tests share: fixture files and a way to record an interview as askback keeps it.

A module of its own (not conftest) so that importing it is unambiguous beside the other
test folders' conftest files.
"""

from __future__ import annotations

from pathlib import Path

from askback.bank.loader import by_id
from askback.core.models import Answer, Plan, PlanItem, Profile
from askback.runtime import Runtime
from askback.store import answers, companies, plans

FIXTURES = Path(__file__).parents[1] / "fixtures" / "assess"
PRIORITIES = {"mentoring": 3.0, "remote": 1.0}


def interview(
    runtime: Runtime,
    company: str,
    interviewer: str,
    rated: dict[str, tuple[int, str]],
    notes: str = "",
    ratings: dict[str, int] | None = None,
) -> None:
    """A saved plan of the questions asked, their answers and the notes, as askback keeps them."""
    bank = by_id()
    with runtime.session() as session:
        found = companies.ensure(session, company)
        items = tuple(PlanItem(q, bank[q].text, bank[q].category, bank[q].subtopic, status="asked") for q in rated)
        plan = plans.save(session, Plan(found, interviewer, "team", 30, items, Profile()))
        assert plan.id is not None
        row = plans.plan_row(session, plan.id)
        row.notes, row.category_ratings = notes, ratings
        for question, (rating, text) in rated.items():
            answers.add(session, found.id, Answer(question, interviewer, text, rating, plan.id))
