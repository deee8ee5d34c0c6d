"""The plan during and after the interview: edit, tick, take notes, rate.

Every change is one short transaction, so a note typed a second ago is on disk whatever
happens to the browser or the server next.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import uuid4

from askback.core import rules, taxonomy
from askback.core.models import ITEM_STATUSES, Answer, Company, Plan, PlanItem
from askback.errors import UsageError
from askback.runtime import Runtime
from askback.store import answers as answer_store
from askback.store import companies
from askback.store import plans as store
from askback.store.models import PlanItemRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_NOTE_CHARS = 100_000


def get(runtime: Runtime, plan_id: int) -> Plan:
    with runtime.session() as session:
        return store.get(session, plan_id)


def set_status(runtime: Runtime, plan_id: int, item_id: int, status: str) -> None:
    if status not in ITEM_STATUSES:
        raise UsageError(f"status must be one of {', '.join(ITEM_STATUSES)}, not {status!r}")
    with runtime.session() as session:
        store.item_row(session, plan_id, item_id).status = status


def save_note(runtime: Runtime, plan_id: int, item_id: int, text: str) -> datetime:
    text = _storable(text)
    now = datetime.now(UTC)
    with runtime.session() as session:
        row = store.item_row(session, plan_id, item_id)
        row.note, row.note_saved_at = text, now
    return now


def save_plan_notes(runtime: Runtime, plan_id: int, text: str) -> datetime:
    text = _storable(text)
    with runtime.session() as session:
        store.plan_row(session, plan_id).notes = text
    return datetime.now(UTC)


def _storable(text: str) -> str:
    """The note as stored: exactly as typed, except NUL characters, which no note needs and
    PostgreSQL cannot store."""
    if len(text) > MAX_NOTE_CHARS:
        raise UsageError(f"a note can hold {MAX_NOTE_CHARS:,} characters; this one has {len(text):,}")
    return text.replace("\x00", "")


def record_answer(
    runtime: Runtime,
    plan_id: int,
    text: str,
    rating: int | None,
    *,
    question_id: str | None = None,
    item_id: int | None = None,
) -> Answer:
    """The answer to one question of the plan, named by its question id (the CLI) or by the
    plan item that holds it (the web app), replacing an earlier answer from the same plan."""
    with runtime.session() as session:
        if item_id is not None:
            question_id = store.item_row(session, plan_id, item_id).question_id
        if question_id is None:
            raise UsageError("say which question was answered")
        return answer_in(session, plan_id, question_id, text, rating)


def answer_in(session: Session, plan_id: int, question_id: str, text: str, rating: int | None) -> Answer:
    """How every answer is recorded (the CLI, the web app, the demo): checked, within
    ``session``, replacing an earlier answer to the same question in the same plan."""
    rules.answer(text, rating)
    plan = store.plan_row(session, plan_id)
    if question_id not in {i.question_id for i in plan.items}:
        raise UsageError(f"question {question_id!r} is not in plan {plan_id}")
    answer = Answer(question_id, plan.interviewer, _storable(text).strip(), rating, plan_id)
    return answer_store.replace(session, plan.company_id, answer)


def answers_for_company(runtime: Runtime, company_name: str) -> tuple[Company, list[Answer]]:
    """Every answer recorded for a company, oldest first."""
    with runtime.session() as session:
        company = companies.get(session, company_name)
        return company, answer_store.for_company(session, company.id)


def rate_categories(runtime: Runtime, plan_id: int, ratings: dict[str, int]) -> None:
    for category, value in ratings.items():
        if category not in taxonomy.CATEGORY_IDS:
            raise UsageError(f"ratings are 1-5 per category id; got {category}={value}")
        rules.rating(value)
    with runtime.session() as session:
        store.plan_row(session, plan_id).category_ratings = dict(ratings)


def reorder(runtime: Runtime, plan_id: int, item_ids: Sequence[int]) -> None:
    """Put the main questions in the order given; backups keep theirs, after them."""
    with runtime.session() as session:
        row = store.plan_row(session, plan_id)
        main = [i for i in row.items if i.kind == "main"]
        if sorted(item_ids) != sorted(i.id for i in main):
            raise UsageError("reorder needs every main question of the plan exactly once")
        by_id = {i.id: i for i in main}
        backups = [i for i in row.items if i.kind != "main"]
        store.renumber(session, row, [by_id[i] for i in item_ids] + backups)


def move(runtime: Runtime, plan_id: int, item_id: int, offset: int) -> None:
    """Move a main question up (-1) or down (+1): what keyboard reordering needs."""
    plan = get(runtime, plan_id)
    ids = [i.id for i in plan.main if i.id is not None]
    if item_id not in ids:
        raise UsageError(f"item {item_id} is not a main question of plan {plan_id}")
    at = ids.index(item_id)
    to = max(0, min(len(ids) - 1, at + offset))
    ids.insert(to, ids.pop(at))
    reorder(runtime, plan_id, ids)


def swap_in_backup(runtime: Runtime, plan_id: int, backup_id: int) -> None:
    """A backup takes the place of the question it stands in for, which becomes a backup."""
    with runtime.session() as session:
        row = store.plan_row(session, plan_id)
        backup = store.item_row(session, plan_id, backup_id)
        if backup.kind != "backup":
            raise UsageError(f"item {backup_id} is not a backup")
        ordered = sorted(row.items, key=lambda i: i.position)
        target = next((i for i in ordered if i.kind == "main" and i.question_id == backup.backup_for), None)
        backup.kind, backup.backup_for = "main", None
        if target is None:  # what it stood in for was removed: it joins the end of the main questions
            ordered.remove(backup)
            ordered.insert(sum(1 for i in ordered if i.kind == "main"), backup)
        else:
            target.kind, target.backup_for = "backup", backup.question_id
            a, b = ordered.index(backup), ordered.index(target)
            ordered[a], ordered[b] = ordered[b], ordered[a]
        store.renumber(session, row, ordered)


def remove(runtime: Runtime, plan_id: int, item_id: int) -> None:
    with runtime.session() as session:
        row = store.plan_row(session, plan_id)
        item = store.item_row(session, plan_id, item_id)
        row.items.remove(item)
        session.flush()
        store.renumber(session, row, sorted(row.items, key=lambda i: i.position))


def add_own(runtime: Runtime, plan_id: int, text: str, category: str, subtopic: str) -> PlanItem:
    """The candidate's own question, added at the end of the main questions."""
    text = " ".join(text.split())
    if not text:
        raise UsageError("an empty question cannot be added")
    with runtime.session() as session:
        row = store.plan_row(session, plan_id)
        main = sorted((i for i in row.items if i.kind == "main"), key=lambda i: i.position)
        backups = sorted((i for i in row.items if i.kind != "main"), key=lambda i: i.position)
        own = PlanItemRow(
            position=len(row.items) + 10_000,
            kind="main",
            question_id=f"own-{uuid4().hex[:10]}",
            text=text[:1000],
            category=category,
            subtopic=subtopic,
            reasons=["your own question"],
        )
        row.items.append(own)
        session.flush()
        store.renumber(session, row, [*main, own, *backups])
        return PlanItem(own.question_id, own.text, category, subtopic, reasons=("your own question",), id=own.id)


def keep_for_time_left(plan: Plan, minutes_left: float) -> list[int]:
    """Which open questions still fit in the time left, best first by the planner's score."""
    open_items = [i for i in plan.main if i.status == "open" and i.id is not None]
    fit = rules.questions_for(max(0.0, minutes_left))
    ranked = sorted(open_items, key=lambda i: -i.score)
    return [i.id for i in ranked[:fit] if i.id is not None]


def related(plan: Plan, words: str, limit: int = 6) -> list[dict[str, str]]:
    """Questions and follow-ups related to what the interviewer just said, from the plan and the bank.

    Lexical matching keeps this instant while typing; the plan's own follow-ups come first
    because they were prepared for this conversation.
    """
    from askback.bank.loader import load_bank
    from askback.nlp.similarity import TfidfIndex

    if not words.strip():
        return []
    bank = {q.id: q for q in load_bank()}
    candidates: list[dict[str, str]] = []
    for item in plan.items:
        question = bank.get(item.question_id)
        candidates.append({"text": item.text, "source": "plan", "category": item.category})
        for follow in question.follow_ups if question else ():
            candidates.append({"text": follow, "source": "follow-up", "category": item.category})
    for question in bank.values():
        candidates.append({"text": question.render(plan.company.name), "source": "bank", "category": question.category})
    index = TfidfIndex([c["text"] for c in candidates])
    scores = index.query(words)
    ranked = sorted(
        range(len(candidates)), key=lambda i: -(scores[i] + (0.05 if candidates[i]["source"] != "bank" else 0))
    )
    seen: set[str] = set()
    result: list[dict[str, str]] = []
    for i in ranked:
        if scores[i] <= 0 or len(result) >= limit:
            break
        if candidates[i]["text"] not in seen:
            seen.add(candidates[i]["text"])
            result.append(candidates[i])
    return result


def note_times(runtime: Runtime, plan_id: int) -> dict[int, datetime | None]:
    """When each item's note was last saved: the live view shows it, and compares it with unsaved local text."""
    with runtime.session() as session:
        return {i.id: i.note_saved_at for i in store.plan_row(session, plan_id).items}


def answers_for_plan(runtime: Runtime, plan_id: int) -> dict[str, Answer]:
    """The answers recorded for a plan's questions, by question id."""
    with runtime.session() as session:
        plan = store.plan_row(session, plan_id)
        return {a.question_id: a for a in answer_store.for_company(session, plan.company_id) if a.plan_id == plan_id}


def rating_by_category(plan: Plan, answers: dict[str, Answer]) -> dict[str, float]:
    """The mean answer rating per category: a starting point for rating the categories themselves."""
    ratings: dict[str, list[int]] = {}
    for item in plan.items:
        answer = answers.get(item.question_id)
        if answer is not None and answer.rating is not None:
            ratings.setdefault(item.category, []).append(answer.rating)
    return {category: sum(r) / len(r) for category, r in ratings.items()}


OWN_QUESTION_FALLBACK = ("impact", "role-scope")


def own_question_topic(category: str | None, subtopic: str | None = None) -> tuple[str, str]:
    """The category and subtopic an own question is filed under: the linter's guess, else the role's scope."""
    if category is None or category not in taxonomy.CATEGORY_IDS:
        return OWN_QUESTION_FALLBACK
    subtopics = taxonomy.subtopic_ids(category)
    return category, subtopic if subtopic in subtopics else subtopics[0]
