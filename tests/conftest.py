"""Fixtures every test gets: a private data directory, so no test touches the user's data;
and the database and runtime a test asks for.

The suite runs in parallel (``make test``: pytest-xdist, one worker per core, a test file
at a time per worker). What is costly and read-only is made once per run, not once per worker:
``demo_home`` is built by the first worker that asks, under a file lock, and the others wait
for it and take the model's vectors it computed.
"""

from __future__ import annotations

import os

# One thread for numpy's BLAS: the workers already use every core, and OpenBLAS's threads
# spinning against each other made the classifiers' fits several times slower. Set before
# numpy is first imported (by embedders below); subprocesses (askback serve) inherit it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from embedders import RememberingModel, load_vectors, real_model, save_vectors

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


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder shared by every worker of this test run (each worker's own
    ``tmp_path_factory`` folders are below it), or the session's when not run in parallel."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def run_lock(folder: Path, name: str) -> Iterator[None]:
    """Hold ``folder/name.lock`` against the run's other workers."""
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory, made once per test run with the real model, holding the demo
    company researched from its bundled site (``askback.db``) and, in ``cache/``, the vectors
    of every text askback ships (topic, lint, flag and claim examples), as a machine that has
    used askback has. Tests copy from it rather than compute it again.

    Made by the first worker that asks; the others wait for it, then load the vectors the
    model computed while making it (``demo-vectors.pickle``) instead of computing them again."""
    folder = run_folder(tmp_path_factory)
    home = folder / "demo-home"
    vectors = folder / "demo-vectors.pickle"
    with run_lock(folder, "demo-home"):
        if vectors.exists():
            load_vectors(real_model(), vectors)
        else:
            _make_demo_home(home)
            save_vectors(real_model(), vectors)
    return home


def _make_demo_home(home: Path) -> None:
    from research.shared import private_home

    from askback.assess.accounts import AccountDraft
    from askback.assess.service import add_accounts
    from askback.demo.service import load_demo
    from askback.plan.lint import lint_questions

    shutil.rmtree(home, ignore_errors=True)  # what a worker that failed to make it left
    home.mkdir()
    with private_home(home) as runtime:
        load_demo(runtime)
        warm = Runtime.open(f"sqlite:///{home / 'warm-up.db'}", embedder=runtime.embedder())
        lint_questions(warm, ["How does the team decide what to work on next?"])
        add_accounts(warm, "Warm-up", [AccountDraft("We are like a family here.", who="current")])
        warm.close()
    (home / "warm-up.db").unlink()


@pytest.fixture(scope="session")
def warm_model(demo_home: Path) -> RememberingModel:
    """The run's real model once it holds the vectors of the demo site and of every shipped
    text (see ``demo_home``): for tests that run whole commands or evaluations on the real
    model, where computing those again would only cost time (the vectors are the same)."""
    return real_model()


@pytest.fixture(scope="session")
def demo_database(demo_home: Path) -> Path:
    """The researched demo company's database file (see ``demo_home``), to copy."""
    return demo_home / "askback.db"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Test files holding ``slow`` tests run first, most slow tests first, each file's tests kept
    together in their order: in parallel runs (a file per worker) a long file then starts while
    there is other work to share, instead of being the last thing a worker does while the other
    waits."""
    slow: dict[Path, int] = {}
    for item in items:
        if item.get_closest_marker("slow") is not None:
            slow[item.path] = slow.get(item.path, 0) + 1
    items.sort(key=lambda item: -slow.get(item.path, 0))
