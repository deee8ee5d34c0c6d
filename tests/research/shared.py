"""Helpers the research, plan, nlp and CLI tests share: import them as ``research.shared``.

The real embedding model is deterministic and a text's vector does not depend on the batch
it is embedded in, so remembering each text's vector for the whole test run changes nothing
a test can see, and saves embedding the same few thousand example sentences in every module.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from askback import config
from askback.nlp.embeddings import DIMENSIONS, default_embedder

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors
    from askback.store.db import Database

FIXTURES = Path(__file__).parents[1] / "fixtures"
HANDBOOK = FIXTURES / "handbook"
DEMO_NAME = "Northwind Relay"

_VECTORS: dict[str, Vectors] = {}


@contextmanager
def remembered_embeddings() -> Iterator[None]:
    """Make the real model remember every text's vector until the test run ends."""
    model = default_embedder()
    compute = model.embed

    def embed(texts: Sequence[str]) -> Vectors:
        missing = list(dict.fromkeys(t for t in texts if t not in _VECTORS))
        if missing:
            _VECTORS.update(zip(missing, compute(missing), strict=True))
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([_VECTORS[t] for t in texts]).astype(np.float32)

    previous = model.__dict__.get("embed")
    model.__dict__["embed"] = embed
    try:
        yield
    finally:
        if previous is None:
            model.__dict__.pop("embed", None)
        else:
            model.__dict__["embed"] = previous


@contextmanager
def private_home(home: Path) -> Iterator[Database]:
    """A database in its own ASKBACK_HOME, for module-scoped fixtures (the autouse one is per test)."""
    from askback.store.db import open_database

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(config.HOME_ENV, str(home))
        mp.delenv(config.DATABASE_ENV, raising=False)
        database = open_database(f"sqlite:///{home / 'askback.db'}")
        try:
            yield database
        finally:
            database.dispose()


def copy_handbook(target: Path) -> Path:
    """A private copy of the handbook fixture that a test may change."""
    shutil.copytree(HANDBOOK, target)
    return target


@contextmanager
def researched_demo(home: Path) -> Iterator[Database]:
    """The demo company, researched from its bundled site into a database of its own."""
    from askback.demo.service import load_demo

    with remembered_embeddings(), private_home(home) as database:
        load_demo(database)
        yield database
