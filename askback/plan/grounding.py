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
from askback.plan.answered import FactIndex
from askback.plan.builder import Grounding
from askback.plan.ground import Grounded, grounded_questions
from askback.research import distinctive_cache
from askback.store import research as research_store

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder
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
    embedder = runtime.embedder_or_none()  # loaded only for a company with facts
    answered = _answered_bank_questions(session, facts, embedder) if embedder is not None else {}
    by_id = {f.id: f for f in facts}
    extra = [by_id[fact_id] for fact_id in answered.values() if fact_id in by_id]
    found = grounded_questions(facts, own, role, company.names)
    # The facts that answer bank questions always get their grounded question, in their place.
    found += grounded_questions(extra, own, role, company.names, per_topic=len(extra) or 1, about_itself_only=False)
    grounded = [g for g in _unique(found) if _passes(g.question.text)]
    return Grounding(
        questions=tuple(g.question for g in grounded),
        evidence={g.question.id: (g.fact.source, g.fact.text) for g in grounded},
        answered={qid: (by_id[fid].source, by_id[fid].text) for qid, fid in answered.items() if fid in by_id},
    )


def _unique(found: list[Grounded]) -> list[Grounded]:
    seen: set[str] = set()
    return [g for g in found if not (g.question.id in seen or seen.add(g.question.id))]  # type: ignore[func-returns-value]


def _passes(text: str) -> bool:
    """Grounded questions go through the same text checks as every other question."""
    return question_form(text) == "open" and not any(
        check(text) for check in (checks.too_long, checks.double_barrelled, checks.leading, checks.not_a_question)
    )


def _answered_bank_questions(session: Session, facts: list[Fact], embedder: Embedder) -> dict[str, int]:
    """Bank questions whose answer is in the research: question id -> the fact that answers it."""
    from askback.research.vectors import embed_cached, embed_fixed

    candidates = [q for q in load_bank() if q.googleable]
    if not candidates:
        return {}
    fact_vectors, _ = embed_cached(session, embedder, [f.text for f in facts])
    question_vectors = embed_fixed(embedder, [q.text.replace("{company}", "the company") for q in candidates])
    index = FactIndex(facts, fact_vectors)
    found = {}
    for question, vector in zip(candidates, question_vectors, strict=True):
        evidence = index.answer(question.text, vector, set(question.googleable))
        if evidence is not None:
            found[question.id] = evidence.fact_id
    return found


def answered_bank_questions(session: Session, facts: list[Fact], runtime: Runtime) -> dict[str, tuple[str, str]]:
    """Bank questions the research answers, as a candidate would ask them: text -> (source, quote).

    What the company brief lists as "already public: don't ask"; empty without an embedder."""
    embedder = runtime.embedder_or_none()
    if embedder is None or not facts:
        return {}
    from askback.bank.loader import by_id

    bank = by_id()
    by_fact = {f.id: f for f in facts}
    found = {}
    for question_id, fact_id in _answered_bank_questions(session, facts, embedder).items():
        fact = by_fact.get(fact_id)
        if fact is not None and question_id in bank:
            found[bank[question_id].text.replace("{company}", "the company")] = (fact.source, fact.text)
    return found
