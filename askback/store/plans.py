"""Saved plans: every prepared plan is kept so it can be listed, re-exported and run live."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from askback.core.models import Plan, PlanItem, Profile
from askback.errors import NotFoundError
from askback.store.companies import to_company
from askback.store.models import PlanItemRow, PlanRow


def save(session: Session, plan: Plan) -> Plan:
    row = PlanRow(
        company_id=plan.company.id,
        interviewer=plan.interviewer,
        interviewer_name=plan.interviewer_name,
        stage=plan.stage,
        minutes=plan.minutes,
        role=plan.role,
        profile={
            "role": plan.profile.role,
            "seniority": plan.profile.seniority,
            "priorities": dict(plan.profile.priorities),
            "signals": list(plan.profile.signals),
        },
    )
    row.items = [
        PlanItemRow(
            position=pos,
            **{k: v for k, v in asdict(item).items() if k in _PLAIN_FIELDS},
            reasons=list(item.reasons),
            details=_details(item),
        )
        for pos, item in enumerate(plan.items)
    ]
    session.add(row)
    session.flush()
    return _to_plan(row)


_PLAIN_FIELDS = (
    "question_id",
    "text",
    "category",
    "subtopic",
    "kind",
    "cross_check",
    "score",
    "backup_for",
    "status",
    "note",
)


def _details(item: PlanItem) -> dict[str, object]:
    return {
        "follow_ups": list(item.follow_ups),
        "listen_for": {"good": list(item.listen_good), "red_flag": list(item.listen_red_flag)},
        "evidence": [{"source": s, "quote": q} for s, q in item.evidence],
        **({"mark": item.mark} if item.mark else {}),
    }


def _item(row: PlanItemRow) -> PlanItem:
    details = row.details or {}
    listen = details.get("listen_for") or {}
    return PlanItem(
        question_id=row.question_id,
        text=row.text,
        category=row.category,
        subtopic=row.subtopic,
        kind=row.kind,
        cross_check=row.cross_check,
        score=row.score,
        reasons=tuple(row.reasons),
        backup_for=row.backup_for,
        id=row.id,
        status=row.status,
        note=row.note,
        follow_ups=tuple(details.get("follow_ups") or ()),
        listen_good=tuple(listen.get("good") or ()),
        listen_red_flag=tuple(listen.get("red_flag") or ()),
        evidence=tuple((e["source"], e["quote"]) for e in details.get("evidence") or ()),
        mark=str(details.get("mark") or ""),
    )


def get(session: Session, plan_id: int) -> Plan:
    row = session.get(PlanRow, plan_id, options=[selectinload(PlanRow.items), selectinload(PlanRow.company)])
    if row is None:
        raise NotFoundError(f"no plan {plan_id}; `askback plans` lists the saved ones")
    return _to_plan(row)


def list_all(session: Session, company_id: int | None = None) -> list[Plan]:
    query = select(PlanRow).options(selectinload(PlanRow.items), selectinload(PlanRow.company))
    if company_id is not None:
        query = query.where(PlanRow.company_id == company_id)
    return [_to_plan(r) for r in session.scalars(query.order_by(PlanRow.id))]


def _to_plan(row: PlanRow) -> Plan:
    p = row.profile or {}
    return Plan(
        id=row.id,
        created_at=row.created_at,
        company=to_company(row.company),
        interviewer=row.interviewer,
        interviewer_name=row.interviewer_name,
        stage=row.stage,
        minutes=row.minutes,
        role=row.role,
        profile=Profile(
            role=p.get("role", ""),
            seniority=p.get("seniority", ""),
            priorities=dict(p.get("priorities", {})),
            signals=tuple(p.get("signals", ())),
        ),
        items=tuple(_item(i) for i in row.items),
        notes=row.notes,
        category_ratings=dict(row.category_ratings or {}),
    )


def item_row(session: Session, plan_id: int, item_id: int) -> PlanItemRow:
    row = session.get(PlanItemRow, item_id)
    if row is None or row.plan_id != plan_id:
        raise NotFoundError(f"plan {plan_id} has no item {item_id}")
    return row


def plan_row(session: Session, plan_id: int) -> PlanRow:
    row = session.get(PlanRow, plan_id, options=[selectinload(PlanRow.items)])
    if row is None:
        raise NotFoundError(f"no plan {plan_id}; `askback plans` lists the saved ones")
    return row


def renumber(session: Session, row: PlanRow, ordered: list[PlanItemRow]) -> None:
    """Give items new positions without tripping the (plan, position) unique constraint."""
    for item in ordered:
        item.position += 10_000
    session.flush()
    for position, item in enumerate(ordered):
        item.position = position
    session.flush()
