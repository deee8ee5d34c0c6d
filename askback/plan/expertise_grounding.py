"""The candidate's experience and the company's research, made into "shows your expertise"
questions for one plan: read from the database, embedded, paired, then linted like every
other question (any problem drops the question)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from askback.core.models import Company
from askback.plan.expertise import MAX_EXPERTISE, STAGES, Expertise, expertise_questions
from askback.runtime import Runtime
from askback.store import people as people_store
from askback.store import research as research_store


def load_expertise(
    runtime: Runtime, session: Session, company: Company, interviewer: str, stage: str
) -> list[Expertise]:
    """At most two questions that pass the linter; none at a stage where they do not belong,
    without experience or research, or without the embedding model."""
    if stage not in STAGES:
        return []
    _, found = people_store.experience(session)
    achievements = [e for e in found if e.kind == "achievement"]
    facts = research_store.facts(session, company.id)
    if not achievements or not facts:
        return []
    from askback.research.vectors import embed_cached

    embedder = runtime.embedder_or_none()
    if embedder is None:
        return []
    fact_vectors, _ = embed_cached(session, embedder, [f.text for f in facts])
    achievement_vectors, _ = embed_cached(session, embedder, [a.text for a in achievements])
    from askback.plan.lint import distinctive_terms

    terms = distinctive_terms(company, facts)
    candidates = expertise_questions(achievements, achievement_vectors, facts, fact_vectors, stage, terms)
    return _linted(runtime, company, interviewer, stage, candidates)[:MAX_EXPERTISE]


def _linted(
    runtime: Runtime, company: Company, interviewer: str, stage: str, found: list[Expertise]
) -> list[Expertise]:
    if not found:
        return []
    from askback.plan.lint import lint_with, load_context

    context = load_context(runtime, company.slug, interviewer, stage)
    results = lint_with(context, [e.question.text for e in found])
    return [e for e, result in zip(found, results, strict=True) if not result.problems]
