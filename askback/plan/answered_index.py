"""The answered check's index for one company, built from the store: every sentence, and the
vectors research already computed (nothing is embedded here, so building it stays cheap:
``prepare`` must stay under a second for a company with 10,000 facts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.plan.answered import Evidence, FactIndex, Settings

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder, Vectors


def load_fact_index(
    session: Session, company_id: int, embedder: Embedder | None, settings: Settings | None = None
) -> FactIndex | None:
    """Every fact of the company with the vectors already cached for it; None without facts."""
    import numpy as np

    from askback.nlp.embeddings import DIMENSIONS
    from askback.research.vectors import text_hash
    from askback.store import research as store

    facts = store.facts(session, company_id, with_topics_only=False)
    if not facts:
        return None
    vectors = None
    if embedder is not None:
        hashes = [text_hash(f.text) for f in facts]
        cached = store.cached_vectors(session, hashes, embedder.name)
        vectors = np.zeros((len(facts), DIMENSIONS), dtype=np.float32)
        for i, h in enumerate(hashes):
            if h in cached:
                vectors[i] = np.frombuffer(cached[h], dtype=np.float32)
    return FactIndex(facts, vectors, settings)


def answering_fact(index: FactIndex, question: str, vector: Vectors | None, topics: set[str]) -> Evidence | None:
    """The fact that answers ``question`` (its text, its vector if known, the research topics it
    asks about), or None: the one call the planner and the linter make."""
    return index.answer(question, vector, topics)
