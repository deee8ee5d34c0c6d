"""Vectors computed once: a company's texts in the database (with progress for long runs),
the texts askback ships in a file per machine, so a new database does not pay for them again."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from askback import config
from askback.nlp.embeddings import DIMENSIONS
from askback.research.vectors import CHUNK, embed_cached, embed_fixed
from askback.store.db import Database

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors


class HashEmbedder:
    """Deterministic unit vectors from each text's hash; counts what it is asked to embed."""

    name = "hash-test"
    dimensions = DIMENSIONS

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")
            row = np.random.default_rng(seed).standard_normal(DIMENSIONS).astype(np.float32)
            rows.append(row / np.linalg.norm(row))
        return np.array(rows, dtype=np.float32).reshape(len(texts), DIMENSIONS)


TEXTS = ["Everyone gets 25 days of paid leave.", "We deploy twice a day.", "Engineers pair on Fridays."]


def cache_files() -> list[Path]:
    return sorted((config.home() / "cache").glob("vectors-*.npz"))


def test_shipped_texts_are_embedded_once_per_machine() -> None:
    embedder = HashEmbedder()
    first = embed_fixed(embedder, TEXTS)
    again = embed_fixed(embedder, TEXTS)
    assert len(embedder.calls) == 1
    assert np.array_equal(first, again)
    assert len(cache_files()) == 1


def test_other_texts_get_their_own_cache_file() -> None:
    embedder = HashEmbedder()
    embed_fixed(embedder, TEXTS)
    other = embed_fixed(embedder, [*TEXTS, "A fourth example."])
    assert other.shape == (4, DIMENSIONS)
    assert len(embedder.calls) == 2
    assert len(cache_files()) == 2


def test_a_damaged_cache_file_is_computed_again() -> None:
    embedder = HashEmbedder()
    expected = embed_fixed(embedder, TEXTS)
    cache_files()[0].write_bytes(b"not a numpy file")
    assert np.array_equal(embed_fixed(embedder, TEXTS), expected)
    assert len(embedder.calls) == 2


def test_a_read_only_data_directory_only_costs_speed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the data directory should be")
    monkeypatch.setenv(config.HOME_ENV, str(blocked))
    embedder = HashEmbedder()
    assert embed_fixed(embedder, TEXTS).shape == (3, DIMENSIONS)
    assert embed_fixed(embedder, TEXTS).shape == (3, DIMENSIONS)
    assert len(embedder.calls) == 2


def test_progress_is_reported_in_chunks_and_changes_no_vector(db: Database) -> None:
    texts = [f"Sentence number {i} about {'leave ' * (i % 7)}policy." for i in range(CHUNK * 2 + 10)]
    seen: list[tuple[int, int]] = []
    with db.session() as session:
        watched, computed = embed_cached(session, HashEmbedder(), texts, lambda done, total: seen.append((done, total)))
    assert computed == len(texts)
    assert seen == [(CHUNK, len(texts)), (2 * CHUNK, len(texts)), (len(texts), len(texts))]
    assert np.array_equal(watched, HashEmbedder().embed(texts))


def test_cached_texts_are_neither_embedded_nor_counted_again(db: Database) -> None:
    embedder = HashEmbedder()
    with db.session() as session:
        embed_cached(session, embedder, TEXTS)
    seen: list[tuple[int, int]] = []
    with db.session() as session:
        vectors, computed = embed_cached(session, embedder, [*TEXTS, "New text."], lambda d, t: seen.append((d, t)))
    assert computed == 1
    assert seen == [(1, 1)]
    assert embedder.calls[-1] == ["New text."]
    assert vectors.shape == (4, DIMENSIONS)


def test_arrays_made_from_shipped_data_are_computed_once_per_machine() -> None:
    from askback.research.vectors import cached_arrays

    made: list[int] = []

    def compute() -> dict[str, np.ndarray]:
        made.append(1)
        return {"weights": np.arange(6.0).reshape(2, 3), "terms": np.array(["paid", "tiny"])}

    first = cached_arrays("model", ["trained on", "these sentences"], compute)
    again = cached_arrays("model", ["trained on", "these sentences"], compute)
    other = cached_arrays("model", ["trained on", "other sentences"], compute)
    assert len(made) == 2
    assert np.array_equal(first["weights"], again["weights"]) and list(again["terms"]) == ["paid", "tiny"]
    assert np.array_equal(other["weights"], first["weights"])
