"""Plans as Markdown and JSON: for printing, sharing and scripts.

The terminal view lives in the CLI; these two are front-end neutral and used by the CLI's
``--format`` and ``--out`` and by the web app's downloads.
"""

from __future__ import annotations

import json
from typing import Any

from askback.bank.loader import by_id
from askback.core import taxonomy
from askback.core.models import Plan, PlanItem


def to_dict(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "company": plan.company.name,
        "created_at": plan.created_at.isoformat() if plan.created_at else None,
        "interviewer": plan.interviewer,
        "interviewer_name": plan.interviewer_name or None,
        "stage": plan.stage,
        "minutes": plan.minutes,
        "role": plan.role,
        "profile": {
            "priorities": plan.profile.priorities,
            "signals": list(plan.profile.signals),
        },
        "questions": [item_dict(i) for i in plan.main],
        "backups": [item_dict(i) for i in plan.backups],
    }


def item_dict(item: PlanItem) -> dict[str, Any]:
    """One plan item for export: plans made before items kept their details fall back to the bank."""
    follow_ups, good, red = item.follow_ups, item.listen_good, item.listen_red_flag
    if not (follow_ups or good):
        q = by_id().get(item.question_id)
        if q is not None:
            follow_ups, good, red = q.follow_ups, q.listen_for.good, q.listen_for.red_flag
    return {
        "id": item.question_id,
        "text": item.text,
        "category": item.category,
        "subtopic": item.subtopic,
        "cross_check": item.cross_check,
        "score": item.score,
        "why": list(item.reasons),
        "backup_for": item.backup_for,
        "follow_ups": list(follow_ups),
        "listen_for": {"good": list(good), "red_flag": list(red)} if good or red else None,
        "evidence": [{"source": s, "quote": q} for s, q in item.evidence],
        "status": item.status,
        "note": item.note,
        "mark": item.mark or None,
    }


def to_json(plan: Plan) -> str:
    return json.dumps(to_dict(plan), indent=2, ensure_ascii=False)


def title(plan: Plan) -> str:
    who = f"the {taxonomy.role_label(plan.interviewer).lower()}"
    if plan.interviewer_name:
        who = f"{plan.interviewer_name}, {who}"
    stage = taxonomy.stage_label(plan.stage).lower()
    return f"{plan.company.name}: {plan.minutes} minutes with {who} ({stage} stage)"


def to_markdown(plan: Plan, explain: bool = False) -> str:
    data = to_dict(plan)
    lines = [f"# {title(plan)}", ""]
    if plan.id is not None:
        lines += [f"Plan {plan.id}" + (f" for {plan.role}" if plan.role else ""), ""]
    for n, q in enumerate(data["questions"], 1):
        lines += _markdown_item(n, q, explain)
    if data["backups"]:
        lines += ["## Backups", "", "If the interviewer already covered a topic, ask one of these instead.", ""]
        for q in data["backups"]:
            lines.append(f"- **{taxonomy.category(q['category']).label}**: {q['text']}")
            if explain:
                lines.append(f"  - why: {'; '.join(q['why'])}")
        lines.append("")
    return "\n".join(lines)


def _markdown_item(n: int, q: dict[str, Any], explain: bool) -> list[str]:
    label = taxonomy.category(q["category"]).label
    mark = " (cross-check)" if q["cross_check"] else ""
    mark += f" · **{q['mark']}**" if q.get("mark") else ""
    lines = [f"## {n}. {q['text']}", "", f"*{label}, {taxonomy.subtopic(q['subtopic']).label.lower()}*{mark}", ""]
    for evidence in q["evidence"]:
        lines.append(f"- Source: {evidence['source']}: “{evidence['quote']}”")
    for follow in q["follow_ups"]:
        lines.append(f"- Follow-up: {follow}")
    if q["listen_for"]:
        lines += [f"- Good sign: {g}" for g in q["listen_for"]["good"]]
        lines += [f"- Red flag: {r}" for r in q["listen_for"]["red_flag"]]
    if explain:
        lines.append(f"- Why this question: {'; '.join(q['why'])} (score {q['score']:.2f})")
    lines.append("")
    return lines
