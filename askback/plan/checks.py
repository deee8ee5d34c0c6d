"""The linter's checks that need only the question's text: each returns a problem or None.

Every problem has a stable code (scripts and the web app key on it) and a message that says
why it matters to the candidate, not just what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from askback.core.datafile import load_data
from askback.nlp.form import AUX, POLITE, WH, first_clause
from askback.nlp.text import STOP_WORDS, words

DATA = Path(__file__).parent / "data" / "lint.yaml"
MAX_WORDS = 35  # about as much as one says in one breath
MAX_CHARS = 240


@dataclass(frozen=True)
class Problem:
    code: str
    message: str


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The linter's rules, checked by their schema (:mod:`askback.plan.schema`), patterns compiled."""
    from askback.plan.schema import LintRules

    data: dict[str, Any] = load_data(DATA, LintRules).model_dump()
    for key in ("obvious", "leading", "negative", "private_life"):
        data[key]["compiled"] = [re.compile(p, re.IGNORECASE) for p in data[key]["patterns"]]
    return data


def _matches(key: str, text: str) -> bool:
    return any(p.search(text) for p in rules()[key]["compiled"])


def empty(text: str) -> Problem | None:
    if not text.strip():
        return Problem("empty", "there is no question here")
    return None


def not_a_question(text: str) -> Problem | None:
    """A statement, not a question: short fragments such as "team size" still count as questions."""
    stripped = text.strip()
    if "?" in stripped or len(stripped.split()) < 4:
        return None
    clause = first_clause(stripped)
    if WH.match(clause) or AUX.match(clause) or POLITE.match(clause):
        return None
    return Problem("not-a-question", "this reads as a statement; turn it into a question the interviewer can answer")


def not_english(text: str) -> Problem | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    latin = sum(c.isascii() for c in letters) / len(letters)
    tokens = words(text)
    english = sum(t in STOP_WORDS for t in tokens) / max(1, len(tokens))
    if latin < 0.6 or (len(tokens) >= 5 and english < 0.2):
        return Problem("not-english", "askback's checks are built for English; its verdict on this question may be off")
    return None


def closed(form: str) -> Problem | None:
    if form == "closed":
        return Problem("closed", "a yes/no or either/or question ends the topic in one word; an open one gets a story")
    return None


def too_long(text: str) -> Problem | None:
    count = len(text.split())
    if count > MAX_WORDS or len(text) > MAX_CHARS:
        return Problem(
            "too-long",
            f"{count} words is more than one breath; a long question is hard to follow on a call, so cut it to one point",
        )
    return None


DOUBLE = re.compile(
    r"(?:,\s*|\s)(?:and|also|plus|as well as)\s+(?:also\s+)?"
    r"(?:(?:how|what|what's|why|when|where|who|which)\b"
    r"|(?:do|does|did|is|are|can|could|would|will|have|has)\s+(?:you|they|we|the|your|people|there|it|i|he|she)\b)",
    re.IGNORECASE,
)


def double_barrelled(text: str) -> Problem | None:
    """Two questions in one: the interviewer answers the easier half."""
    questions = [q for q in re.split(r"\?+", text) if len(q.split()) >= 3]
    if len(questions) >= 2 or DOUBLE.search(text):
        return Problem(
            "double-barrelled",
            "this asks two things at once; the interviewer will answer one of them, so ask them separately",
        )
    return None


def leading(text: str) -> Problem | None:
    if _matches("leading", text):
        return Problem("leading", f"leading: {rules()['leading']['why']}")
    if _matches("negative", text):
        return Problem("leading", f"negative framing: {rules()['negative']['why']}")
    return None


def private_life(text: str) -> Problem | None:
    if _matches("private_life", text):
        return Problem("private-life", rules()["private_life"]["why"])
    return None


def obvious_by_pattern(text: str) -> Problem | None:
    if _matches("obvious", text):
        return obvious_problem()
    return None


def obvious_problem() -> Problem:
    return Problem("obvious", rules()["obvious"]["why"])


def audience(subtopic: str | None, interviewer: str | None, best_roles: tuple[str, ...] = ()) -> Problem | None:
    if subtopic is None or interviewer is None:
        return None
    for rule in rules()["audience"]:
        if subtopic in rule["subtopics"] and interviewer in rule["roles"]:
            return Problem("wrong-audience", rule["message"])
    if best_roles and interviewer not in best_roles:
        names = " or ".join(r.replace("-", " ") for r in best_roles[:2])
        return Problem(
            "wrong-audience", f"a {interviewer.replace('-', ' ')} may not know; this is best asked of a {names}"
        )
    return None


def moment(subtopic: str | None, stage: str | None) -> Problem | None:
    if subtopic is None or stage is None:
        return None
    for rule in rules()["moment"]:
        if subtopic in rule["subtopics"] and stage in rule["stages"]:
            return Problem("wrong-moment", rule["message"])
    return None
