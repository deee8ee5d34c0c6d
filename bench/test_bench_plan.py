"""pytest-benchmark: the planner alone, and the prepare service with its database.

Run: .venv/bin/pytest bench --benchmark-only
"""

from __future__ import annotations

from pathlib import Path

import pytest

from askback.bank import load_bank
from askback.core.models import Company, Profile
from askback.plan.builder import build_plan
from askback.plan.request import make_request
from askback.plan.service import prepare
from askback.runtime import Runtime

PROFILE = Profile(priorities={"mentoring": 3, "work-life-balance": 2, "career-growth": 2}, signals=("team-player",))


def test_build_plan(benchmark: pytest.FixtureRequest) -> None:
    bank = load_bank()
    request = make_request(PROFILE, interviewer="hiring-manager", minutes=15)
    plan = benchmark(build_plan, bank, request, Company(id=1, slug="acme", name="Acme"))
    assert len(plan.main) == 6


def test_prepare_service(benchmark: pytest.FixtureRequest, tmp_path: Path) -> None:
    db = Runtime.open(f"sqlite:///{tmp_path / 'bench.db'}")
    plan = benchmark(prepare, db, "Acme", minutes=15, priorities=dict(PROFILE.priorities))
    assert plan.id is not None
