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


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory, made once per test session with the real model, holding the demo
    company researched from its bundled site (``askback.db``) and, in ``cache/``, the vectors
    of every text askback ships (topic, lint, flag and claim examples), as a machine that has
    used askback has. Tests copy from it rather than compute it again."""
    from research.shared import private_home

    from askback.assess.accounts import AccountDraft
    from askback.assess.service import add_accounts
    from askback.demo.service import load_demo
    from askback.plan.lint import lint_questions

    home = tmp_path_factory.mktemp("demo-home")
    with private_home(home) as runtime:
        load_demo(runtime)
        warm = Runtime.open(f"sqlite:///{home / 'warm-up.db'}", embedder=runtime.embedder())
        lint_questions(warm, ["How does the team decide what to work on next?"])
        add_accounts(warm, "Warm-up", [AccountDraft("We are like a family here.", who="current")])
        warm.close()
    (home / "warm-up.db").unlink()
    return home


@pytest.fixture(scope="session")
def demo_database(demo_home: Path) -> Path:
    """The researched demo company's database file (see ``demo_home``), to copy."""
    return demo_home / "askback.db"
