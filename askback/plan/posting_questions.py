"""Questions a job posting makes possible, and the ones it makes pointless.

At the technical stage the posting's stack and practices become questions a peer can answer
("The posting lists Elasticsearch and an on-call rotation. What woke someone up last month?"),
the technologies of the candidate's own discipline first, tied to the company's own material
where it names the same technology. For the essentials it works the other way round: what the
posting leaves out (no salary range, no remote policy) is asked of the recruiter early, and
what it states is never asked.

A pure function over the job, the company's facts and the candidate's role, like the planner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from askback.core.jobs import Found, Job
from askback.core.models import Fact, ListenFor, Question
from askback.plan.builder import Grounding

DATA = Path(__file__).parent / "data" / "posting_questions.yaml"
STACK_ROLES = ("peer", "hiring-manager")
STACK_STAGES = ("technical",)
MAX_TECH = 2  # "Elasticsearch and Kafka": more than two is a list, not a question
ONCALL = "on-call"


class _Discipline(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]
    kinds: list[str]


class _StackTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    needs: list[str]
    text: str
    subtopic: str
    follow_up: str
    good: str
    red_flag: str


class _MissingTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str
    text: str
    subtopic: str
    roles: list[str]
    stages: list[str]
    follow_up: str
    good: str
    red_flag: str


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    disciplines: dict[str, _Discipline]
    stack: list[_StackTemplate]
    missing: list[_MissingTemplate]
    answers: dict[str, list[str]]


@lru_cache(maxsize=1)
def templates() -> _File:
    from askback.core.datafile import load_data

    return load_data(DATA, _File)


@dataclass(frozen=True)
class PostingGrounding:
    """What the posting adds to a plan, in the shape the planner's grounding takes."""

    questions: tuple[Question, ...] = ()
    evidence: dict[str, tuple[str, str]] = field(default_factory=dict)  # question id -> (source, quote)
    answered: dict[str, tuple[str, str]] = field(default_factory=dict)  # bank question id -> (source, quote)
    pinned: tuple[str, ...] = ()  # stack questions, most specific first, then the missing pay and remote policy


CATEGORY = {
    "incidents": "processes",
    "tooling": "processes",
    "quality": "processes",
    "technical-challenges": "impact",
    "compensation": "essentials",
    "location-remote": "essentials",
    "title-level": "essentials",
    "hiring-process": "essentials",
}
PRIORITIES = {
    "incidents": ("work-life-balance", "technical-excellence"),
    "compensation": ("compensation",),
    "location-remote": ("remote",),
    "title-level": ("career-growth",),
}


def posting_questions(job: Job, facts: Sequence[Fact] = (), role: str = "") -> PostingGrounding:
    """Stack questions, questions on what the posting leaves out, and the bank questions it answers."""
    source = job.evidence_source or f"job posting {job.id}"
    questions: list[Question] = []
    evidence: dict[str, tuple[str, str]] = {}
    for question, quote in _stack(job, facts, role or job.title, source) + _missing(job):
        if not passes(question.text):
            continue
        questions.append(question)
        evidence[question.id] = (source, quote)
    stack_ids = [q.id for q in questions if q.stages == STACK_STAGES]
    missing = [q.id for q in questions if q.id.endswith(PINNED_MISSING)]
    pinned = tuple(sorted(stack_ids, key=_pin_order) + sorted(missing, key=lambda i: not i.endswith("salary")))
    return PostingGrounding(tuple(questions), evidence, _answered(job, source), pinned)


PINNED_MISSING = ("missing-salary", "missing-remote")  # what the candidate must know before going further
MAX_PINNED = 2
MARK = "from the job posting"
PIN_ORDER = ("stack-with-fact", "stack-on-call", "stack-least-happy", "stack-practice")


def _pin_order(question_id: str) -> int:
    """The question tying the posting to the company's own material first: the most specific."""
    return next((i for i, name in enumerate(PIN_ORDER) if question_id.endswith(name)), len(PIN_ORDER))


def passes(text: str) -> bool:
    """The linter's text checks, as every generated question gets them: open, one question,
    short enough to say in one breath, not leading."""
    from askback.nlp.form import question_form
    from askback.plan import checks

    text_checks = (checks.not_a_question, checks.too_long, checks.double_barrelled, checks.leading, checks.private_life)
    return question_form(text) == "open" and not any(check(text) for check in text_checks)


def ranked_stack(job: Job, role: str) -> list[Found]:
    """The posting's technologies, those of the candidate's discipline first, then in posting order."""
    from askback.research.posting_stack import kind_of

    lowered = role.lower()
    preferred: list[str] = []
    for discipline in templates().disciplines.values():
        if any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in discipline.words):
            preferred += [k for k in discipline.kinds if k not in preferred]
    rank = {kind: i for i, kind in enumerate(preferred)}
    order = {f.value: i for i, f in enumerate(job.fields.stack)}
    return sorted(job.fields.stack, key=lambda f: (rank.get(kind_of(f.value), len(rank)), order[f.value]))


def _stack(job: Job, facts: Sequence[Fact], role: str, source: str) -> list[tuple[Question, str]]:
    stack = ranked_stack(job, role)
    if not stack:
        return []
    practices = {f.value: f for f in job.fields.practices}
    found: list[tuple[Question, str]] = []
    for template in templates().stack:
        filled = _fill(template, stack, practices, facts, source)
        if filled is not None:
            text, quote = filled
            found.append(
                (_question(f"posting-{job.id}-{template.id}", text, template, STACK_ROLES, STACK_STAGES), quote)
            )
    return found


def _fill(
    template: _StackTemplate, stack: list[Found], practices: dict[str, Found], facts: Sequence[Fact], source: str
) -> tuple[str, str] | None:
    """The template's text and the posting sentence it quotes, or None when the posting lacks what it needs."""
    tech = " and ".join(f.value for f in stack[:MAX_TECH])
    if ONCALL in template.needs:
        if ONCALL not in practices:
            return None
        return template.text.format(tech=stack[0].value), practices[ONCALL].evidence
    if "practice" in template.needs:
        other = next((p for name, p in practices.items() if name != ONCALL), None)
        if other is None:
            return None
        return template.text.format(practice=other.value), other.evidence
    if "fact" in template.needs:
        return _with_fact(template, stack, facts, source)
    return template.text.format(tech=tech), stack[0].evidence


def _with_fact(
    template: _StackTemplate, stack: list[Found], facts: Sequence[Fact], source: str
) -> tuple[str, str] | None:
    """A fact of the company's own material (not the posting) that names one of the posting's technologies."""
    from askback.plan.ground import hook, quotable, where
    from askback.research.posting_stack import technologies

    names = {f.value: f for f in stack}
    for fact in facts:
        if fact.source == source or not quotable(fact):
            continue
        named = [m.name for m in technologies(fact.text) if m.name in names]
        cited = hook(fact) if named else None
        short = cited[0] if cited is not None else None
        if short is not None:
            place = where(fact)
            text = template.text.format(tech=named[0], where=place[0].lower() + place[1:], hook=short)
            return text, names[named[0]].evidence
    return None


def _missing(job: Job) -> list[tuple[Question, str]]:
    fields = job.fields
    absent = {
        "salary": fields.salary is None,
        "remote": fields.remote is None,
        "seniority": fields.seniority is None,
        "process": not fields.process,
    }
    found = []
    for template in templates().missing:
        if absent.get(template.field):
            question = _question(
                f"posting-{job.id}-missing-{template.field}",
                template.text,
                template,
                tuple(template.roles),
                tuple(template.stages),
            )
            found.append((question, f"the posting states no {template.field}"))
    return found


def _answered(job: Job, source: str) -> dict[str, tuple[str, str]]:
    fields = job.fields
    stated: dict[str, str | None] = {
        "salary": fields.salary.evidence if fields.salary else None,
        "remote": fields.remote.evidence if fields.remote else None,
        "seniority": fields.seniority.evidence if fields.seniority else None,
        "process": fields.process[0] if fields.process else None,
    }
    return {
        question_id: (source, quote)
        for name, quote in stated.items()
        if quote
        for question_id in templates().answers.get(name, [])
    }


def _question(
    question_id: str,
    text: str,
    template: _StackTemplate | _MissingTemplate,
    roles: tuple[str, ...],
    stages: tuple[str, ...],
) -> Question:
    return Question(
        id=question_id,
        text=text,
        category=CATEGORY[template.subtopic],
        subtopic=template.subtopic,
        form="open",
        roles=roles,
        stages=stages,
        signals=("craft", "curiosity") if stages == STACK_STAGES else ("curiosity",),
        priorities=PRIORITIES.get(template.subtopic, ("technical-excellence",)),
        googleable=(),
        follow_ups=(template.follow_up,),
        listen_for=ListenFor((template.good,), (template.red_flag,)),
        # A stack question cites the posting, which is the company's own material like its pages.
        source="research" if stages == STACK_STAGES else "posting",
    )


def merged(grounding: Grounding, extra: PostingGrounding, stage: str) -> Grounding:
    """The grounding with the posting's questions added and what it answers left out.

    At most two pinned questions that fit ``stage`` are always asked: one on the posting's stack
    at the technical stage (the most specific one whose subtopic no featured question already
    takes), and the pay and remote policy it leaves out at the screen.
    """
    by_id = {q.id: q for q in extra.questions}
    taken = {q.subtopic for q in grounding.questions if q.id in grounding.featured}
    fitting = [by_id[qid] for qid in extra.pinned if stage in by_id[qid].stages and by_id[qid].subtopic not in taken]
    stack = [q.id for q in fitting if q.stages == STACK_STAGES][:1]
    chosen = (stack + [q.id for q in fitting if q.stages != STACK_STAGES])[:MAX_PINNED]
    return replace(
        grounding,
        questions=grounding.questions + extra.questions,
        evidence={**grounding.evidence, **extra.evidence},
        answered={**grounding.answered, **extra.answered},
        featured={**grounding.featured, **dict.fromkeys(chosen, MARK)},
    )
