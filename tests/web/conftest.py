"""The web app in-process: an httpx client over ASGI, a plan to work on, and research without the model.

Research in these tests classifies by keywords only (the embedding model stands aside, as it
does on a machine without it), which keeps them fast; the browser tests use the real model.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from webclient import BASE_URL, Client

from askback.core.models import Plan
from askback.runtime import Runtime, no_model
from askback.store.db import open_database
from askback.web.app import create_app


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database file, copied for each test: cheaper than migrating every time."""
    path = tmp_path_factory.mktemp("migrated") / "askback.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def app(askback_home: Path, migrated: Path) -> Iterator[FastAPI]:
    """The app over a runtime without the model, as on a machine where it is not installed."""
    askback_home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated, askback_home / "askback.db")
    runtime = Runtime.open(load_embedder=no_model)
    application = create_app(runtime=runtime)
    yield application
    application.state.jobs.shutdown()
    runtime.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[Client]:
    with Client(app, base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def plan(app: FastAPI) -> Plan:
    """A saved plan for Acme from the bank alone (no research), with backups."""
    from askback.plan.service import prepare

    made = prepare(app.state.runtime, "Acme Robotics", interviewer="hiring-manager", minutes=15)
    assert made.backups, "the tests below need a plan with backups"
    return made
