"""Embeddings, each distinct text computed once: a company's texts in the database, the texts
askback ships (topic examples, lint prototypes) in a file per machine, so a new database does
not pay for them again."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from askback.nlp.embeddings import DIMENSIONS, Embedder
from askback.store import research as store

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


EmbedProgress = Callable[[int, int], None]  # (texts embedded so far, texts to embed)
CHUNK = 512  # texts per progress report: about two seconds of work


def embed_cached(
    session: Session, embedder: Embedder, texts: Sequence[str], on_progress: EmbedProgress | None = None
) -> tuple[Vectors, int]:
    """Vectors for ``texts`` in order, and how many had to be computed."""
    import numpy as np

    hashes = [text_hash(t) for t in texts]
    cached = store.cached_vectors(session, hashes, embedder.name)
    missing: dict[str, str] = {}
    for h, t in zip(hashes, texts, strict=True):
        if h not in cached and h not in missing:
            missing[h] = t
    if missing:
        new = _embed_missing(embedder, missing, on_progress)
        store.store_vectors(session, new, embedder.name)
        cached.update(new)
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for i, h in enumerate(hashes):
        out[i] = np.frombuffer(cached[h], dtype=np.float32)
    return out, len(missing)


def _embed_missing(embedder: Embedder, missing: dict[str, str], on_progress: EmbedProgress | None) -> dict[str, bytes]:
    """hash -> vector bytes, in chunks of similar length so that progress can be reported."""
    import numpy as np

    pending = sorted(missing.items(), key=lambda item: len(item[1]))
    new: dict[str, bytes] = {}
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        fresh = embedder.embed([text for _, text in chunk])
        new.update((h, fresh[i].astype(np.float32).tobytes()) for i, (h, _) in enumerate(chunk))
        if on_progress is not None:
            on_progress(len(new), len(pending))
    return new


def embed_fixed(embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """Vectors for texts that ship with askback, cached in the data directory by model and text."""

    def compute() -> dict[str, Vectors]:
        return {"vectors": embedder.embed(list(texts))}

    found: Vectors = cached_arrays("vectors", [embedder.name, *texts], compute)["vectors"]
    if found.shape != (len(texts), embedder.dimensions):  # a damaged file
        return embedder.embed(list(texts))
    return found


def cached_arrays(kind: str, made_from: Sequence[str], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Arrays computed from what askback ships (vectors of its examples, a model fitted on its
    labelled sentences), kept in the data directory under a digest of ``made_from``, so each
    machine computes them once; a missing or damaged file is computed again."""
    import numpy as np

    from askback import config

    digest = hashlib.sha256()
    for part in made_from:
        digest.update(part.encode("utf-8") + b"\0")
    cache = config.home() / "cache" / f"{kind}-{digest.hexdigest()[:16]}.npz"
    with contextlib.suppress(OSError, ValueError, KeyError), np.load(cache, allow_pickle=False) as stored:
        return {name: stored[name] for name in stored.files}
    arrays = compute()
    # A read-only data directory only costs speed.
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp.npz")
        np.savez(tmp, **arrays)
        tmp.replace(cache)
    return arrays


def static_for(embedder: Embedder) -> Embedder | None:
    """The static table distilled from ``embedder``, where askback ships one (for the installed
    MiniLM only: a table stands in for the model it was made from, never for another)."""
    from askback.nlp.embeddings import MODEL_NAME, EmbeddingUnavailable
    from askback.nlp.static import static_embedder

    if embedder.name != MODEL_NAME:
        return None
    try:
        return static_embedder()
    except EmbeddingUnavailable:
        return None
