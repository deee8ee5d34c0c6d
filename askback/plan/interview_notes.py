"""Notes from the terminal: the same notes the web app's live view saves as you type.

A note on a question is that plan item's note; a note without a question is the plan's
general notes. Adding from the terminal appends a paragraph to what is there rather than
replacing it (the live view's text box shows the whole text and replaces it as you type),
and goes through :mod:`askback.plan.live`, so both front ends write exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from askback.errors import UsageError
from askback.plan import live
from askback.runtime import Runtime
from askback.store import companies as company_store
from askback.store import plans as plan_store


@dataclass(frozen=True)
class Note:
    """One note as a person reads it back: where it was taken and what it says."""

    company: str
    plan_id: int
    interviewer: str
    question_id: str | None  # None: the plan's general notes
    question: str
    text: str
    saved_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "plan": self.plan_id,
            "interviewer": self.interviewer,
            "question_id": self.question_id,
            "question": self.question,
            "text": self.text,
            "saved_at": self.saved_at.isoformat() if self.saved_at else None,
        }


def add_note(runtime: Runtime, plan_id: int, text: str, question_id: str | None = None) -> Note:
    """Append ``text`` to the plan's notes, or to the note on one of its questions."""
    if not text.strip():
        raise UsageError("a note needs some words; nothing was saved")
    plan = live.get(runtime, plan_id)
    if question_id is None:
        live.save_plan_notes(runtime, plan_id, _appended(plan.notes, text))
    else:
        item = next((i for i in plan.items if i.question_id == question_id), None)
        if item is None or item.id is None:
            raise UsageError(
                f"question {question_id!r} is not in plan {plan_id}; `askback plans show {plan_id}` lists them"
            )
        live.save_note(runtime, plan_id, item.id, _appended(item.note, text))
    return next(n for n in list_notes(runtime, plan_ids=[plan_id]) if n.question_id == question_id)


def read_note_file(path: Path) -> str:
    """A note typed elsewhere (a text or Markdown file), refused in one line if unreadable."""
    if not path.is_file():
        raise UsageError(f"no file {path}")
    if path.stat().st_size > live.MAX_NOTE_CHARS * 4:
        raise UsageError(f"{path.name}: too long for a note ({live.MAX_NOTE_CHARS:,} characters at most)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path.name}: not a UTF-8 text file") from None


def _appended(existing: str, text: str) -> str:
    return f"{existing.rstrip()}\n\n{text.strip()}" if existing.strip() else text.strip()


def list_notes(runtime: Runtime, company_name: str | None = None, plan_ids: list[int] | None = None) -> list[Note]:
    """Every note, oldest plan first: the general notes, then each question's, in plan order."""
    with runtime.session() as session:
        company_id = company_store.get(session, company_name).id if company_name else None
        plans = plan_store.list_all(session, company_id)
    found: list[Note] = []
    for plan in plans:
        if plan.id is None or (plan_ids is not None and plan.id not in plan_ids):
            continue
        times = live.note_times(runtime, plan.id)
        base = (plan.company.name, plan.id, plan.interviewer)
        if plan.notes.strip():
            found.append(Note(*base, None, "", plan.notes, None))
        for item in plan.items:
            if item.note.strip():
                found.append(Note(*base, item.question_id, item.text, item.note, times.get(item.id or -1)))
    return found
