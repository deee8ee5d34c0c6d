"""The answered check's index for one company, built from the store: every sentence, and the
vectors research already computed (nothing is embedded here, so building it stays cheap:
``prepare`` must stay under a second for a company with 10,000 facts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.core.models import Fact
from askback.plan.answered import Evidence, FactIndex, Settings

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder, Vectors


def load_fact_index(
    session: Session, company_id: int, embedder: Embedder | None, settings: Settings | None = None
) -> FactIndex | None:
    """Every fact of the company with the vectors already cached for it; None without facts."""
    import numpy as np

    from askback.nlp.embeddings import DIMENSIONS
    from askback.store import research as store

    facts, hashes = _all_facts(session, company_id)
    if not facts:
        return None
    vectors = None
    if embedder is not None:
        cached = store.cached_vectors(session, hashes, embedder.name)
        vectors = np.zeros((len(facts), DIMENSIONS), dtype=np.float32)
        for i, h in enumerate(hashes):
            if h in cached:
                vectors[i] = np.frombuffer(cached[h], dtype=np.float32)
    return FactIndex(facts, vectors, settings)


def _all_facts(session: Session, company_id: int) -> tuple[list[Fact], list[str]]:
    """Every fact of the company and its text hash, read as plain rows: building ORM objects for
    12,000 sentences took seconds, and the index needs none of their behaviour."""
    from sqlalchemy import select

    from askback.store.models import FactRow, FactTopicRow, PageRow

    topics: dict[int, list[tuple[str, float]]] = {}
    chosen = select(FactTopicRow.fact_id, FactTopicRow.topic, FactTopicRow.confidence).join(
        FactRow, FactRow.id == FactTopicRow.fact_id
    )
    for fact_id, topic, confidence in session.execute(chosen.where(FactRow.company_id == company_id)):
        topics.setdefault(fact_id, []).append((topic, confidence))
    query = (
        select(
            FactRow.id,
            FactRow.text,
            FactRow.text_hash,
            FactRow.headings,
            FactRow.position,
            FactRow.quantities,
            PageRow.ref,
            PageRow.title,
        )
        .join(PageRow, FactRow.page_id == PageRow.id)
        .where(FactRow.company_id == company_id)
        .order_by(PageRow.ref, FactRow.position)
    )
    facts: list[Fact] = []
    hashes: list[str] = []
    for fact_id, text, digest, headings, position, quantities, ref, title in session.execute(query):
        found = sorted(topics.get(fact_id, ()), key=lambda pair: -pair[1])
        facts.append(Fact(fact_id, text, ref, title, tuple(headings), position, tuple(found), tuple(quantities)))
        hashes.append(digest)
    return facts, hashes


def answering_fact(index: FactIndex, question: str, vector: Vectors | None, topics: set[str]) -> Evidence | None:
    """The fact that answers ``question`` (its text, its vector if known, the research topics it
    asks about), or None: the one call the planner and the linter make."""
    return index.answer(question, vector, topics)
