"""Research, made ready for the planner: grounded questions and the bank questions it answers.

Kept apart from the planner itself, which stays a pure function over data, because this
step reads the database and runs the embedding model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.bank.loader import load_bank
from askback.core.models import Company, Fact
from askback.nlp.form import question_form
from askback.plan import checks
from askback.plan.builder import Grounding
from askback.plan.ground import Grounded, grounded_questions
from askback.research import distinctive_cache
from askback.store import research as research_store

if TYPE_CHECKING:
    from askback.runtime import Runtime


def load_grounding(session: Session, company: Company, runtime: Runtime, role: str = "") -> Grounding:
    """Grounded questions for ``company``, preferring facts of the candidate's discipline
    (``role``), and the bank questions its research already answers (found by meaning, so
    only where the runtime has an embedder). Worked out once per runtime for each state of
    the company's research, its names and the role: the next plan (another interviewer, a
    rebuild, the web app's next request) takes them as they are."""
    signature = research_store.fact_signature(session, company.id)
    if signature[0] == 0:
        return Grounding()
    return runtime.shared(
        ("grounding", company.id),
        (signature, company.names, role),
        lambda: _load_grounding(session, company, runtime, role),
    )


def _load_grounding(session: Session, company: Company, runtime: Runtime, role: str) -> Grounding:
    facts = research_store.facts(session, company.id)
    if not facts:
        return Grounding()
    own = distinctive_cache.for_company(session, company)
    answered = _answered_bank_questions(session, company, runtime)
    by_id = {f.id: f for f in facts}
    # Only facts with a topic make grounded questions; any sentence can answer a bank question.
    extra = [by_id[fact.id] for fact in answered.values() if fact.id in by_id]
    found = grounded_questions(facts, own, role, company.names)
    # The facts that answer bank questions always get their grounded question, in their place.
    found += grounded_questions(extra, own, role, company.names, per_topic=len(extra) or 1, about_itself_only=False)
    grounded = [g for g in _unique(found) if _passes(g.question.text)]
    return Grounding(
        questions=tuple(g.question for g in grounded),
        evidence={g.question.id: (g.fact.source, g.fact.text) for g in grounded},
        answered={qid: (fact.source, fact.text) for qid, fact in answered.items()},
    )


def _unique(found: list[Grounded]) -> list[Grounded]:
    seen: set[str] = set()
    return [g for g in found if not (g.question.id in seen or seen.add(g.question.id))]  # type: ignore[func-returns-value]


def _passes(text: str) -> bool:
    """Grounded questions go through the same text checks as every other question."""
    return question_form(text) == "open" and not any(
        check(text) for check in (checks.too_long, checks.double_barrelled, checks.leading, checks.not_a_question)
    )


def _answered_bank_questions(session: Session, company: Company, runtime: Runtime) -> dict[str, Fact]:
    """Bank questions whose answer is in the research: question id -> the fact that answers it.
    Worked out once per runtime for each state of the research: the web app's company page
    shows them on every visit, and the check over a hundred questions takes seconds."""
    return runtime.shared(
        ("answered-bank-questions", company.id),
        research_store.fact_signature(session, company.id),
        lambda: _find_answered_bank_questions(session, company, runtime),
    )


def _find_answered_bank_questions(session: Session, company: Company, runtime: Runtime) -> dict[str, Fact]:
    """The linter's own check, over every sentence, for each bank question a page could
    answer; none without an embedder."""
    from askback.plan.answered_index import company_index, save_computed
    from askback.research.vectors import embed_fixed

    embedder = runtime.embedder_or_none()  # loaded only for a company with facts
    candidates = [q for q in load_bank() if q.googleable]
    if embedder is None or not candidates:
        return {}
    index = company_index(runtime, session, company.id, embedder)
    if index is None:
        return {}
    question_vectors = embed_fixed(embedder, [q.text.replace("{company}", "the company") for q in candidates])
    found = {}
    for question, vector in zip(candidates, question_vectors, strict=True):
        evidence = index.answer(question.text, vector)
        if evidence is not None:
            found[question.id] = index.fact(evidence.fact_id)
    save_computed(index, session)  # the sentences it had to embed, for the next plan
    return found


def answered_bank_questions(session: Session, company: Company, runtime: Runtime) -> dict[str, tuple[str, str]]:
    """Bank questions the research answers, as a candidate would ask them: text -> (source, quote).

    What the company brief lists as "already public: don't ask"; empty without an embedder."""
    from askback.bank.loader import by_id

    bank = by_id()
    return {
        bank[question_id].text.replace("{company}", "the company"): (fact.source, fact.text)
        for question_id, fact in _answered_bank_questions(session, company, runtime).items()
        if question_id in bank
    }
