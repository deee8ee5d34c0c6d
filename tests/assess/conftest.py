"""Two companies interviewed and offered, for the comparison tests.

Assess tests use the ``runtime`` fixture's real model: the flag detector and the classifiers
embed about 1,400 example sentences, remembered once per run (see tests/embedders.py).
"""

from __future__ import annotations

import pytest
from assess_helpers import interview

from askback.assess import service
from askback.runtime import Runtime
from askback.store.assess import OfferRecord


@pytest.fixture
def two_companies(runtime: Runtime) -> Runtime:
    interview(
        runtime,
        "Good Co",
        "hiring-manager",
        {
            "processes-focus-time": (4, "Wednesday afternoons are free of meetings."),
            "growth-who-will-i-learn-from": (5, "Pairing with two staff engineers."),
        },
        notes="Clear answers throughout.",
        ratings={"growth": 5},
    )
    interview(
        runtime, "Good Co", "peer", {"processes-focus-time": (2, "In practice Wednesdays fill up with escalations.")}
    )
    interview(
        runtime,
        "Busy Co",
        "hiring-manager",
        {"growth-who-will-i-learn-from": (2, "Everyone is too busy to teach.")},
        notes="They said we are like a family and you will wear many hats.",
    )
    service.add_offer(runtime, "Good Co", OfferRecord(0, "Engineer", 6_000, "EUR", period="month"))
    service.add_offer(runtime, "Busy Co", OfferRecord(0, "Engineer", 100_000, "USD", bonus_percent=10))
    return runtime
