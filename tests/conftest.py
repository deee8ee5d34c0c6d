"""Fixtures every test gets: a private data directory, so no test touches the user's data;
and the database and runtime a test asks for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from embedders import real_model

from askback import config
from askback.runtime import Runtime
from askback.store.db import Database, open_database


@pytest.fixture(autouse=True)
def askback_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ASKBACK_HOME at a fresh folder and forget any configured database URL.

    The bank's ``load_bank`` cache is kept: it holds read-only data shipped in the package.
    """
    home = tmp_path / "askback-home"
    monkeypatch.setenv(config.HOME_ENV, str(home))
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    monkeypatch.delenv("ASKBACK_DEBUG", raising=False)
    return home


@pytest.fixture
def db() -> Iterator[Database]:
    """A migrated database in the test's own ASKBACK_HOME."""
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def runtime(db: Database) -> Runtime:
    """The services' runtime over ``db``, with the real model (remembering its vectors for the run)."""
    return Runtime(db, embedder=real_model())
