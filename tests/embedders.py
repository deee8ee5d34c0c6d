"""Embedders for tests, passed to services through the :class:`~askback.runtime.Runtime` seam.

- :class:`WordsEmbedder`: a small, deterministic fake. Each word (lower-cased) is hashed to a
  fixed random direction and a text is the normalised sum of its words, so texts that share
  words are close and texts that share none are nearly orthogonal. Enough for tests about
  plumbing (caching, storage, what happens with and without vectors), instant, no model.
- :func:`real_model`: the installed model, loaded once per test run, remembering every text's
  vector. The model is deterministic and a text's vector does not depend on the batch it is
  embedded in, so remembering changes nothing a test can see; it saves embedding the same few
  thousand shipped example sentences in every test. Used where a test checks real judgments
  (topics, "answered publicly", categories, flags, claims).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from askback.nlp.embeddings import DIMENSIONS, MODEL_NAME

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder, Vectors

_WORD = re.compile(r"[a-z0-9]+")


class WordsEmbedder:
    """Deterministic bag-of-hashed-words vectors; counts what it is asked to embed."""

    name = "words-test"
    dimensions = DIMENSIONS

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()) or [text]:
                out[row] += _direction(word)
            out[row] /= max(float(np.linalg.norm(out[row])), 1e-12)
        return out

    @property
    def embedded(self) -> int:
        """How many texts it has embedded so far."""
        return sum(len(c) for c in self.calls)


@cache
def _direction(word: str) -> Vectors:
    seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "little")
    row: Vectors = np.random.default_rng(seed).standard_normal(DIMENSIONS).astype(np.float32)
    return row


class RememberingModel:
    """The installed model, loaded on first use, remembering each text's vector."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self) -> None:
        self._model: Embedder | None = None
        self._vectors: dict[str, Vectors] = {}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Vectors:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
            if missing:
                if self._model is None:
                    from askback.nlp.embeddings import load_installed

                    self._model = load_installed()
                self._vectors.update(zip(missing, self._model.embed(missing), strict=True))
            if not texts:
                return np.zeros((0, DIMENSIONS), dtype=np.float32)
            return np.stack([self._vectors[t] for t in texts]).astype(np.float32)

    def remembered(self) -> dict[str, Vectors]:
        """Every vector computed so far, by text (to hand to another process of the run)."""
        with self._lock:
            return dict(self._vectors)

    def remember(self, vectors: dict[str, Vectors]) -> None:
        """Vectors the model computed in another process of the run (see :func:`save_vectors`)."""
        with self._lock:
            for text, vector in vectors.items():
                self._vectors.setdefault(text, vector)


@cache
def real_model() -> RememberingModel:
    """The one remembering model of this test run."""
    return RememberingModel()


def save_vectors(model: RememberingModel, path: Path) -> None:
    """Write what ``model`` has remembered to ``path``, for the other processes of the run
    (pytest-xdist's workers) to load rather than compute again."""
    import pickle

    path.write_bytes(pickle.dumps(model.remembered(), protocol=pickle.HIGHEST_PROTOCOL))


def load_vectors(model: RememberingModel, path: Path) -> None:
    """Let ``model`` remember the vectors :func:`save_vectors` wrote in this run: the same
    model's, so the vectors it would compute itself."""
    import pickle

    model.remember(pickle.loads(path.read_bytes()))


def copy_shipped_vectors(demo_home: Path, home: Path) -> None:
    """Give a data directory the vectors of askback's shipped texts (from the session's
    ``demo_home``), as a machine that has used askback has them."""
    import shutil

    shutil.copytree(demo_home / "cache", home / "cache", dirs_exist_ok=True)
