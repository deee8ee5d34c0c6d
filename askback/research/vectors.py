"""Embeddings with a cache in the database: each distinct text is embedded once, ever."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from askback.nlp.embeddings import DIMENSIONS, Embedder
from askback.store import research as store

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_cached(session: Session, embedder: Embedder, texts: Sequence[str]) -> tuple[Vectors, int]:
    """Vectors for ``texts`` in order, and how many had to be computed."""
    import numpy as np

    hashes = [text_hash(t) for t in texts]
    cached = store.cached_vectors(session, hashes, embedder.name)
    missing: dict[str, str] = {}
    for h, t in zip(hashes, texts, strict=True):
        if h not in cached and h not in missing:
            missing[h] = t
    if missing:
        fresh = embedder.embed(list(missing.values()))
        new = {h: fresh[i].astype(np.float32).tobytes() for i, h in enumerate(missing)}
        store.store_vectors(session, new, embedder.name)
        cached.update(new)
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for i, h in enumerate(hashes):
        out[i] = np.frombuffer(cached[h], dtype=np.float32)
    return out, len(missing)
