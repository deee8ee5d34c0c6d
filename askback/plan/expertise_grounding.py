"""The candidate's experience and the company's research, made into "shows your expertise"
questions for one plan: read from the database, embedded, paired, then linted like every
other question (any problem drops the question)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.core.models import Company, Fact
from askback.plan.expertise import MAX_EXPERTISE, STAGES, Expertise, expertise_questions
from askback.runtime import Runtime
from askback.store import people as people_store
from askback.store import research as research_store

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder


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
    achievement_vectors, _ = embed_cached(session, embedder, [a.text for a in achievements])
    facts = nearest_facts(facts, [a.text for a in achievements], embedder)
    fact_vectors, _ = embed_cached(session, embedder, [f.text for f in facts])
    from askback.plan.lint import distinctive_terms

    terms = distinctive_terms(company, facts)
    candidates = expertise_questions(achievements, achievement_vectors, facts, fact_vectors, stage, terms)
    return _linted(runtime, company, interviewer, stage, candidates)[:MAX_EXPERTISE]


CANDIDATES = 150  # facts per achievement that MiniLM compares: the nearest by the static table
SHARED_WORDS = 50  # and those sharing the rarest words with it


def nearest_facts(facts: list[Fact], achievements: list[str], embedder: Embedder) -> list[Fact]:
    """The facts worth comparing with the achievements in MiniLM, in their order: for each
    achievement, the nearest by the static table (:mod:`askback.nlp.static`) and those that
    share its rarest words. Research stores MiniLM vectors only for its close calls, so
    comparing every fact would embed thousands of sentences for one plan; these few hundred
    are embedded once and then kept."""
    if len(facts) <= (CANDIDATES + SHARED_WORDS) * len(achievements):
        return facts
    import math
    from collections import Counter

    from askback.nlp.text import content_tokens
    from askback.research.vectors import static_for

    static = static_for(embedder)
    if static is None:
        return facts
    similarity = static.embed(achievements) @ static.embed([f.text for f in facts]).T
    chosen = {int(i) for row in similarity for i in row.argsort()[::-1][:CANDIDATES]}
    words = [set(content_tokens(f.text)) for f in facts]
    frequency = Counter(w for found in words for w in found)
    for achievement in achievements:
        wanted = {w: math.log(len(facts) / frequency[w]) for w in content_tokens(achievement) if frequency[w]}
        shared = sorted(((sum(wanted.get(w, 0.0) for w in found), i) for i, found in enumerate(words)), reverse=True)
        chosen.update(i for score, i in shared[:SHARED_WORDS] if score > 0)
    return [f for i, f in enumerate(facts) if i in chosen]


def _linted(
    runtime: Runtime, company: Company, interviewer: str, stage: str, found: list[Expertise]
) -> list[Expertise]:
    if not found:
        return []
    from askback.plan.lint import lint_with, load_context

    context = load_context(runtime, company.slug, interviewer, stage)
    results = lint_with(context, [e.question.text for e in found])
    return [e for e, result in zip(found, results, strict=True) if not result.problems]
