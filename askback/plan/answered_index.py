"""The answered check's index for one company, built from the store: every sentence, and
MiniLM vectors only for the sentences a question's words find, looked up among those research
stored and computed (then stored) when research did not store one. So the check does not
depend on which sentences research embedded (all keyword sentences, or only the close calls),
and building the index stays cheap: ``prepare`` must stay under a second for a company with
10,000 facts."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.plan.answered import Evidence, FactIndex, Settings, StaticVectors

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from askback.nlp.embeddings import Embedder, Vectors
    from askback.runtime import Runtime

Sessions = Callable[[], AbstractContextManager[Session]]


def load_fact_index(
    session: Session,
    company_id: int,
    embedder: Embedder | None,
    settings: Settings | None = None,
    sessions: Sessions | None = None,
) -> FactIndex | None:
    """Every fact of the company, with vectors looked up when a question needs them (through
    ``sessions``, new sessions on the same database, for reading only; without it, in
    ``session``, which must then stay open while the index is used); None without facts."""
    from askback.research.vectors import static_for, text_hash
    from askback.store import research as research_store

    facts = research_store.facts(session, company_id, with_topics_only=False)
    if not facts:
        return None
    hashes = [text_hash(f.text) for f in facts]
    vectors = screen = None
    if embedder is not None:
        texts = [f.text for f in facts]
        vectors = StoredVectors(texts, hashes, embedder, sessions or _same(session))
        static = static_for(embedder)  # the installed MiniLM's distilled table, never another model's
        screen = StaticVectors(texts, static) if static is not None else None
    return FactIndex(facts, vectors, settings, screen)


def company_index(
    runtime: Runtime, session: Session, company_id: int, embedder: Embedder, signature: tuple[int, int] | None = None
) -> FactIndex | None:
    """:func:`load_fact_index`, built once per runtime for each state of the company's research
    (``signature``, read when not given) and shared by the linter and the planner, with the
    vectors it has looked up; None without facts."""
    from askback.store import research as store

    state = signature if signature is not None else store.fact_signature(session, company_id)
    return runtime.shared(
        ("fact-index", company_id),
        (state, embedder.name, id(embedder)),
        lambda: load_fact_index(session, company_id, embedder, sessions=runtime.session),
    )


class StoredVectors:
    """MiniLM vectors of a company's facts by position, read from the vector store on first
    use; a fact research did not embed is embedded then and kept, and :meth:`save` stores the
    ones computed so far (in the caller's transaction: a nested one could wait on the write
    lock the caller holds), so each is computed once."""

    def __init__(self, texts: Sequence[str], hashes: Sequence[str], embedder: Embedder, sessions: Sessions) -> None:
        self._texts = texts
        self._hashes = hashes
        self._embedder = embedder
        self._sessions = sessions
        self._known: dict[int, npt.NDArray[np.float32]] = {}
        self._by_hash: dict[str, npt.NDArray[np.float32]] = {}  # other texts' vectors
        self._unsaved: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self.computed = 0  # vectors this index had to compute (research had not stored them)

    def rows(self, positions: Sequence[int]) -> Vectors:
        import numpy as np

        from askback.nlp.embeddings import DIMENSIONS

        with self._lock:
            missing = [p for p in dict.fromkeys(positions) if p not in self._known]
            if missing:
                self._fetch(missing)
            out = np.zeros((len(positions), DIMENSIONS), dtype=np.float32)
            for i, p in enumerate(positions):
                out[i] = self._known[p]
        return out

    def texts(self, texts: Sequence[str]) -> Vectors:
        """Vectors of other texts (a page's title and headings), found or computed like the facts'."""
        import numpy as np

        from askback.nlp.embeddings import DIMENSIONS
        from askback.research.vectors import text_hash

        hashes = [text_hash(t) for t in texts]
        with self._lock:
            missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in self._by_hash}
            if missing:
                self._by_hash.update(self._lookup(missing))
            out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
            for i, h in enumerate(hashes):
                out[i] = self._by_hash[h]
        return out

    def save(self, session: Session) -> int:
        """Store the vectors computed since the last save, in ``session``; how many."""
        from askback.store import research as store

        with self._lock:
            unsaved, self._unsaved = self._unsaved, {}
        store.store_vectors(session, unsaved, self._embedder.name)
        return len(unsaved)

    def _fetch(self, positions: list[int]) -> None:
        found = self._lookup({self._hashes[p]: self._texts[p] for p in positions})
        for p in positions:
            self._known[p] = found[self._hashes[p]]

    def _lookup(self, texts: dict[str, str]) -> dict[str, npt.NDArray[np.float32]]:
        """hash -> vector for ``texts`` (hash -> text): from the store, else computed and kept to save."""
        import numpy as np

        from askback.store import research as store

        with self._sessions() as session:  # reads only
            cached = store.cached_vectors(session, list(texts), self._embedder.name)
        absent = {h: t for h, t in texts.items() if h not in cached}
        if absent:
            fresh = self._embedder.embed(list(absent.values()))
            new = {h: fresh[i].astype(np.float32).tobytes() for i, h in enumerate(absent)}
            self._unsaved.update(new)
            cached.update(new)
            self.computed += len(new)
        return {h: np.frombuffer(cached[h], dtype=np.float32) for h in texts}


def save_computed(index: FactIndex | None, session: Session) -> int:
    """Store the vectors ``index`` computed for sentences research had not embedded."""
    if index is None or not isinstance(index.vectors, StoredVectors):
        return 0
    return index.vectors.save(session)


def _same(session: Session) -> Sessions:
    from contextlib import nullcontext

    return lambda: nullcontext(session)


def answering_fact(index: FactIndex, question: str, vector: Vectors | None) -> Evidence | None:
    """The fact that answers ``question`` (its text and its vector, if known), or None: the one
    call the planner and the linter make."""
    return index.answer(question, vector)
