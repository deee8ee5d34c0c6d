"""Repositories: companies, the profile, saved plans and answers survive a round trip."""

from __future__ import annotations

import dataclasses

import pytest

from askback.bank.loader import load_bank
from askback.core.models import Answer, Plan, PlanItem, Profile
from askback.errors import NotFoundError, UsageError
from askback.plan.builder import History, build_plan
from askback.plan.request import make_request
from askback.store import answers, companies, plans, profiles
from askback.store.db import Database

PROFILE = Profile(
    role="Backend engineer",
    seniority="senior",
    priorities={"mentoring": 3.0, "remote": 1.5},
    signals=("ownership", "team-player"),
)

NO_HISTORY = History()

# --- companies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["Acme Robotics", "acme robotics", "ACME ROBOTICS", "acme-robotics", " Acme Robotics "]
)
def test_company_is_found_by_name_or_slug_in_any_case(db: Database, typed: str) -> None:
    with db.session() as session:
        created = companies.ensure(session, "Acme Robotics", url="https://acme.example/")
    with db.session() as session:
        found = companies.get(session, typed)
    assert found.id == created.id
    assert (found.slug, found.name, found.url) == ("acme-robotics", "Acme Robotics", "https://acme.example/")


def test_ensure_returns_the_existing_company(db: Database) -> None:
    with db.session() as session:
        first = companies.ensure(session, "Acme Robotics")
        again = companies.ensure(session, "acme-robotics", url="https://acme.example/")
    assert again.id == first.id
    assert again.name == "Acme Robotics"
    assert again.url == "https://acme.example/"
    with db.session() as session:
        assert len(companies.list_all(session)) == 1


@pytest.mark.parametrize(("name", "slug"), [("Zürich Labs", "zurich-labs"), ("Acme, Inc.", "acme-inc")])
def test_slugs_are_plain_ascii(db: Database, name: str, slug: str) -> None:
    with db.session() as session:
        assert companies.ensure(session, name).slug == slug


def test_unknown_company_is_not_found(db: Database) -> None:
    with db.session() as session, pytest.raises(NotFoundError, match="no company called 'globex'"):
        companies.get(session, "globex")


def test_a_name_without_letters_or_digits_is_refused(db: Database) -> None:
    with db.session() as session, pytest.raises(UsageError, match="not a usable company name"):
        companies.ensure(session, "!!!")


def test_companies_are_listed_by_name(db: Database) -> None:
    with db.session() as session:
        for name in ("Globex", "Acme Robotics", "Initech"):
            companies.ensure(session, name)
    with db.session() as session:
        assert [c.name for c in companies.list_all(session)] == ["Acme Robotics", "Globex", "Initech"]


# --- profile --------------------------------------------------------------------------------


def test_no_profile_until_one_is_saved(db: Database) -> None:
    with db.session() as session:
        assert profiles.load(session) is None


def test_profile_round_trip(db: Database) -> None:
    with db.session() as session:
        profiles.save(session, PROFILE)
    with db.session() as session:
        assert profiles.load(session) == PROFILE


def test_saving_again_replaces_the_profile(db: Database) -> None:
    with db.session() as session:
        profiles.save(session, PROFILE)
    changed = Profile(role="Staff engineer", seniority="staff", priorities={"autonomy": 2.0}, signals=())
    with db.session() as session:
        profiles.save(session, changed)
    with db.session() as session:
        assert profiles.load(session) == changed


# --- plans ----------------------------------------------------------------------------------


def make_plan(db: Database, interviewer: str = "hiring-manager", history: History = NO_HISTORY) -> Plan:
    with db.session() as session:
        company = companies.ensure(session, "Acme Robotics")
    return build_plan(load_bank(), make_request(PROFILE, interviewer, minutes=15), company, history)


def plan_with_cross_checks(db: Database) -> Plan:
    screen = make_plan(db, "recruiter")
    history = History(tuple(Answer(i.question_id, "recruiter", "We pair everyone.") for i in screen.main))
    plan = make_plan(db, history=history)
    assert any(i.cross_check for i in plan.items)
    return plan


def test_plan_round_trip_keeps_items_order_reasons_kinds_and_cross_checks(db: Database) -> None:
    plan = plan_with_cross_checks(db)
    with db.session() as session:
        saved = plans.save(session, plan)
    with db.session() as session:
        loaded = plans.get(session, saved.id or 0)
    assert saved.id is not None
    assert without_ids(loaded.items) == plan.items
    assert [i.kind for i in loaded.items] == [i.kind for i in plan.items]
    assert [i.cross_check for i in loaded.items] == [i.cross_check for i in plan.items]
    assert [i.reasons for i in loaded.items] == [i.reasons for i in plan.items]
    assert [i.backup_for for i in loaded.items] == [i.backup_for for i in plan.items]
    assert (loaded.company, loaded.interviewer, loaded.stage, loaded.minutes, loaded.role) == (
        plan.company,
        plan.interviewer,
        plan.stage,
        plan.minutes,
        plan.role,
    )
    assert loaded.profile == PROFILE
    assert loaded.created_at is not None


def test_plan_read_back_keeps_its_creation_time(db: Database) -> None:
    with db.session() as session:
        saved = plans.save(session, make_plan(db))
    with db.session() as session:
        loaded = plans.get(session, saved.id or 0)
    assert loaded.created_at == saved.created_at


def test_plans_are_listed_oldest_first_and_by_company(db: Database) -> None:
    first = make_plan(db)
    with db.session() as session:
        other = companies.ensure(session, "Globex")
    second = build_plan(load_bank(), make_request(PROFILE, "peer"), other)
    with db.session() as session:
        ids = [plans.save(session, first).id, plans.save(session, second).id]
    with db.session() as session:
        assert [p.id for p in plans.list_all(session)] == ids
        assert [p.company.name for p in plans.list_all(session, other.id)] == ["Globex"]
        assert [without_ids(p.items) for p in plans.list_all(session)] == [first.items, second.items]


def test_unknown_plan_is_not_found(db: Database) -> None:
    with db.session() as session, pytest.raises(NotFoundError, match="no plan 42"):
        plans.get(session, 42)


# --- answers --------------------------------------------------------------------------------


def test_answers_are_kept_per_company_in_the_order_given(db: Database) -> None:
    plan_to_save = make_plan(db)
    with db.session() as session:
        acme = companies.ensure(session, "Acme Robotics")
        globex = companies.ensure(session, "Globex")
        plan = plans.save(session, plan_to_save)
        given = [
            Answer("growth-who-will-i-learn-from", "hiring-manager", "Mostly from Priya.", 4, plan.id),
            Answer("people-team-seniority-spread", "hiring-manager", "Two seniors, three mids.", None, plan.id),
        ]
        for answer in given:
            answers.add(session, acme.id, answer)
        answers.add(session, globex.id, Answer("fun-energy-source", "peer", "The customers."))
    with db.session() as session:
        loaded = answers.for_company(session, acme.id)
        assert [(a.question_id, a.interviewer, a.text, a.rating, a.plan_id) for a in loaded] == [
            (a.question_id, a.interviewer, a.text, a.rating, a.plan_id) for a in given
        ]
        assert all(a.created_at is not None for a in loaded)
        assert [a.text for a in answers.for_company(session, globex.id)] == ["The customers."]


def without_ids(items: tuple[PlanItem, ...]) -> tuple[PlanItem, ...]:
    """Items as planned: the row ids the database gives them are not part of the plan."""
    return tuple(dataclasses.replace(i, id=None) for i in items)
