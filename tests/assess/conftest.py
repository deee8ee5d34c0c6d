"""The real embedding model for every assess test, remembering each text's vector for the run.

The flag detector and the classifiers embed about 1,400 example sentences; remembering them
once per run (see research.shared) keeps each test's own database fresh without paying for
that again.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from assess_helpers import interview
from research.shared import remembered_embeddings

from askback.assess import service
from askback.store.assess import OfferRecord
from askback.store.db import Database


@pytest.fixture(scope="session", autouse=True)
def real_model_remembered() -> Iterator[None]:
    with remembered_embeddings():
        yield


@pytest.fixture
def two_companies(db: Database) -> Database:
    interview(
        db,
        "Good Co",
        "hiring-manager",
        {
            "processes-focus-time": (4, "Wednesday afternoons are free of meetings."),
            "growth-who-will-i-learn-from": (5, "Pairing with two staff engineers."),
        },
        notes="Clear answers throughout.",
        ratings={"growth": 5},
    )
    interview(db, "Good Co", "peer", {"processes-focus-time": (2, "In practice Wednesdays fill up with escalations.")})
    interview(
        db,
        "Busy Co",
        "hiring-manager",
        {"growth-who-will-i-learn-from": (2, "Everyone is too busy to teach.")},
        notes="They said we are like a family and you will wear many hats.",
    )
    service.add_offer(db, "Good Co", OfferRecord(0, "Engineer", 6_000, "EUR", period="month"))
    service.add_offer(db, "Busy Co", OfferRecord(0, "Engineer", 100_000, "USD", bonus_percent=10))
    return db
