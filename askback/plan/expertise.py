"""Questions that show the candidate's expertise: one of their achievements, said in passing,
tied to a fact of this company, then an open question about it.

    In my last role I replaced manual releases with a deploy pipeline. Your engineering page
    mentions “we deploy to production approx. 40 times a week”. Where does the team find that
    hardest to keep up?

A pure function over data: the achievements and facts with their vectors come in, questions
with their evidence (the fact and the experience) come out. Pairs are chosen by meaning (the
nearest fact to each achievement, among facts of a topic in ``data/expertise.yaml``), never at
the screen, at most two per plan; the caller lints them and drops any the linter objects to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from askback.core.datafile import load_data
from askback.core.models import Fact, ListenFor, Question
from askback.core.people import Experience
from askback.nlp.text import content_tokens
from askback.plan import checks
from askback.plan.checks import MAX_WORDS
from askback.plan.ground import quotable, where

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors

DATA = Path(__file__).parent / "data" / "expertise.yaml"
STAGES = ("technical", "team")
MAX_EXPERTISE = 2
# How close in meaning an achievement and a fact must be to make one question. Chosen by
# reading the pairs made from the demo company and the demo CV (no labelled set yet): below
# about 0.3 the pairs share only a word such as "team".
MIN_SIMILARITY = 0.3
MAX_LEAD_WORDS = 14
MARK = "shows your expertise"


class Closing(BaseModel):
    """How a question on facts of one research topic closes, and where it sits in the taxonomy."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    close: str = Field(min_length=1)
    category: str
    subtopic: str
    priorities: tuple[str, ...]

    @model_validator(mode="after")
    def _in_the_taxonomy(self) -> Closing:
        from askback.core import taxonomy

        if self.category not in taxonomy.CATEGORY_IDS or self.subtopic not in taxonomy.subtopic_ids(self.category):
            raise ValueError(f"subtopic {self.subtopic!r} is not in category {self.category!r}")
        unknown = set(self.priorities) - set(taxonomy.PRIORITY_IDS)
        if unknown:
            raise ValueError(f"unknown priorities {sorted(unknown)}")
        return self


class Closings(RootModel[dict[str, Closing]]):
    @model_validator(mode="after")
    def _known_topics(self) -> Closings:
        from askback.core import taxonomy

        unknown = set(self.root) - set(taxonomy.RESEARCH_TOPIC_IDS)
        if unknown:
            raise ValueError(f"unknown research topics {sorted(unknown)}")
        return self


@lru_cache(maxsize=1)
def closings() -> dict[str, Closing]:
    return load_data(DATA, Closings).root


@dataclass(frozen=True)
class Expertise:
    """A question that shows the candidate's expertise, with what it rests on."""

    question: Question
    fact: Fact
    experience: Experience
    similarity: float


def expertise_questions(
    achievements: Sequence[Experience],
    achievement_vectors: Vectors,
    facts: Sequence[Fact],
    fact_vectors: Vectors,
    stage: str,
    terms: frozenset[str] = frozenset(),
) -> list[Expertise]:
    """The best-matched (achievement, fact) pairs as questions, best first, each achievement
    and each fact used once. Empty at a stage where selling yourself is out of place.

    ``terms`` are the company's distinctive words (the linter's): when given, the quoted part
    of the fact must hold one, or the question could be asked of any company."""
    if stage not in STAGES or not achievements or not facts:
        return []
    usable = [i for i, f in enumerate(facts) if _topic(f) is not None and quotable(f)]
    if not usable:
        return []
    similarity = achievement_vectors @ fact_vectors[usable].T
    pairs = sorted(
        ((float(similarity[a, j]), a, usable[j]) for a in range(len(achievements)) for j in range(len(usable))),
        reverse=True,
    )
    found: list[Expertise] = []
    used_a: set[int] = set()
    used_f: set[int] = set()
    for value, a, f in pairs:
        if value < MIN_SIMILARITY:
            break
        if a in used_a or f in used_f:
            continue
        lead = lead_in(achievements[a], MAX_LEAD_WORDS)
        if lead is None:
            used_a.add(a)
            continue
        quoted = quote(facts[f], achievements[a], terms)
        if quoted is None:
            continue
        used_a.add(a)
        used_f.add(f)
        question = _question(lead, facts[f], quoted)
        if checks.too_long(question.text):
            continue  # this achievement may still fit with another fact
        found.append(Expertise(question, facts[f], achievements[a], round(value, 4)))
    return found


def lead_in(experience: Experience, max_words: int = MAX_LEAD_WORDS) -> str | None:
    """The achievement as the candidate would say it after "At my last job I": "replaced
    manual releases with a deploy pipeline." Without its result, which the interviewer can
    ask about; None when even that is too long to say in passing."""
    text = experience.text.rstrip(". ")
    if experience.result and text.endswith(experience.result):
        text = text[: len(text) - len(experience.result)].rstrip(" ,;")
    text = re.split(r"[;:(]", text)[0].strip(" ,")
    if len(text.split()) > max_words:
        return None
    return f"{text[0].lower()}{text[1:]}."


def _topic(fact: Fact) -> str | None:
    return next((t for t in fact.topic_ids if t in closings()), None)


MIN_QUOTE_WORDS, MAX_QUOTE_WORDS = 3, 12
OPENINGS = ("At my last job I", "Previously I")  # the shorter one when the longer would not fit one breath
CONJUNCTIONS = frozenset({"and", "but", "so", "or", "while", "which", "because", "although"})
CLAUSES = re.compile(r"[:;]\s*|,\s+(?!\d)|\s+and\s+")


def quote(fact: Fact, experience: Experience, terms: frozenset[str] = frozenset()) -> str | None:
    """The part of the fact to quote: the whole of a short one or one of its clauses, the one
    sharing most words with the achievement (the shorter on a tie); it must hold a
    distinctive term when ``terms`` are given."""
    text = fact.text.strip().rstrip(".!")
    clauses = [text, *(c.strip() for c in CLAUSES.split(text))]
    mine = set(content_tokens(experience.text))
    best: tuple[int, str] | None = None
    for clause in clauses:
        tokens = set(content_tokens(clause))
        overlap = len(mine & tokens)
        if (
            not MIN_QUOTE_WORDS <= len(clause.split()) <= MAX_QUOTE_WORDS
            or clause.split()[0].lower() in CONJUNCTIONS
            or overlap == 0  # the tie to the experience must be visible in the words quoted
            or (terms and not terms & tokens)
        ):
            continue
        if best is None or overlap > best[0] or (overlap == best[0] and len(clause) < len(best[1])):
            best = (overlap, clause)
    if best is None:
        return None
    clause = best[1]
    words = clause.split()
    if words[0].istitle() and not (len(words) > 1 and words[1][:1].isupper()):
        clause = clause[0].lower() + clause[1:]
    return f"“{clause}”"


def _question(lead: str, fact: Fact, quoted: str) -> Question:
    topic = _topic(fact)
    assert topic is not None
    c = closings()[topic]
    said = [f"{opening} {lead} {where(fact)} mentions {quoted}. {c.close}" for opening in OPENINGS]
    text = next((t for t in said if len(t.split()) <= MAX_WORDS), said[-1])
    return Question(
        id=f"expertise-{topic}-{fact.id}",
        text=text,
        category=c.category,
        subtopic=c.subtopic,
        form="open",
        roles=("peer", "hiring-manager", "skip-level"),
        stages=STAGES,
        signals=("craft", "ownership"),
        priorities=c.priorities,
        googleable=(),
        follow_ups=("What would you want someone with that background to take on first?",),
        listen_for=ListenFor(
            ("names a concrete problem your experience bears on, and who works on it",),
            ("no interest in what newcomers bring; 'we do it our way'",),
        ),
        source="expertise",
    )
