"""Helpers the research, plan, nlp and CLI tests share: import them as ``research.shared``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from embedders import real_model

from askback import config
from askback.runtime import Runtime

FIXTURES = Path(__file__).parents[1] / "fixtures"
HANDBOOK = FIXTURES / "handbook"
DEMO_NAME = "Northwind Relay"


@contextmanager
def private_home(home: Path) -> Iterator[Runtime]:
    """A runtime (the real model) over a database in its own ASKBACK_HOME, for module-scoped
    fixtures (the autouse one is per test)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(config.HOME_ENV, str(home))
        mp.delenv(config.DATABASE_ENV, raising=False)
        runtime = Runtime.open(f"sqlite:///{home / 'askback.db'}", embedder=real_model())
        try:
            yield runtime
        finally:
            runtime.close()


def copy_handbook(target: Path) -> Path:
    """A private copy of the handbook fixture that a test may change."""
    shutil.copytree(HANDBOOK, target)
    return target


@contextmanager
def researched_demo(home: Path, demo_database: Path) -> Iterator[Runtime]:
    """The researched demo company (the session's ``demo_database``, copied) in a home of its own."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_database, home / "askback.db")
    with private_home(home) as runtime:
        yield runtime
