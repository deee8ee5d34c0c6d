"""Browsing the bank: questions of one category, and questions found by their words."""

from __future__ import annotations

from askback.bank.loader import by_id, load_bank
from askback.core.models import Question
from askback.core.taxonomy import CATEGORY_IDS
from askback.errors import NotFoundError, UsageError


def questions(category: str | None = None) -> list[Question]:
    """The bank's questions, of one category if given, in the bank's order."""
    if category is not None and category not in CATEGORY_IDS:
        raise UsageError(f"unknown category {category!r}; choose one of {', '.join(CATEGORY_IDS)}")
    return [q for q in load_bank() if category is None or q.category == category]


def question(question_id: str) -> Question:
    found = by_id().get(question_id)
    if found is None:
        raise NotFoundError(f"no question {question_id!r} in the bank; try askback bank search WORDS")
    return found


def search(words: str, category: str | None = None, limit: int = 10) -> list[tuple[float, Question]]:
    """Questions by their meaning-bearing words (the text, the subtopic and the follow-ups),
    best match first, with their scores; none that shares no word."""
    from askback.nlp.similarity import TfidfIndex

    pool = questions(category)
    index = TfidfIndex([f"{q.text} {q.subtopic.replace('-', ' ')} {' '.join(q.follow_ups)}" for q in pool])
    scores = index.query(words)
    ranked = sorted(((s, q) for s, q in zip(scores, pool, strict=True) if s > 0), key=lambda pair: -pair[0])
    return ranked[:limit]
