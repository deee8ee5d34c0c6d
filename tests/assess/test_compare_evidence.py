"""What stands behind a comparison: one person's account, interviews with something recorded,
pieces of evidence per category, and the main reason for each rank."""

from __future__ import annotations

from assess_helpers import PRIORITIES, interview

from askback.assess import service
from askback.assess.accounts import AccountDraft
from askback.assess.compare import Evidence
from askback.assess.corroborate import Group, Statement
from askback.assess.evidence import from_groups
from askback.assess.reasons import main_reason
from askback.assess.report import to_text
from askback.core.models import Plan, PlanItem, Profile
from askback.runtime import Runtime
from askback.store import companies, plans


def _group(*said: tuple[int, str, str]) -> Group:
    return Group(tuple(Statement(account, text, kind, "growth", "positive") for account, text, kind in said))


def test_one_persons_account_counts_below_a_corroborated_claim() -> None:
    single = _group((1, "Mentors meet weekly.", "claim"))
    opinion = _group((2, "I loved the mentoring.", "opinion"))
    shared = _group((1, "Mentors meet weekly.", "claim"), (2, "My mentor and I meet every week.", "claim"))
    found: list[Evidence] = from_groups([single, opinion, shared], {1: "#1 former", 2: "#2 current"})
    by_kind = {e.kind + ("-opinion" if "opinion" in e.text else ""): e for e in found}
    assert by_kind["one-person"].text == "one person's account, not corroborated: Mentors meet weekly."
    assert by_kind["one-person-opinion"].text == "one person's opinion, not corroborated: I loved the mentoring."
    assert by_kind["one-person-opinion"].weight < by_kind["one-person"].weight < by_kind["claim"].weight


def test_interviews_count_only_when_something_was_recorded(runtime: Runtime) -> None:
    interview(runtime, "Acme", "hiring-manager", {"growth-who-will-i-learn-from": (4, "Pairing with two seniors.")})
    interview(runtime, "Acme", "peer", {}, notes="Calm, honest answers.")
    with runtime.session() as session:  # a plan prepared but never used
        plans.save(session, Plan(companies.ensure(session, "Acme"), "recruiter", "screen", 15, (), Profile()))
        plans.save(
            session,
            Plan(
                companies.ensure(session, "Other"), "peer", "team", 15, (PlanItem("q", "Q?", "growth", "x"),), Profile()
            ),
        )
    interview(runtime, "Other", "peer", {"growth-who-will-i-learn-from": (2, "Nobody has time to teach.")})
    result = service.compare(runtime, ["acme", "other"], priorities=PRIORITIES)
    counts = {c.company.slug: c.interviews for c in result.companies}
    assert counts == {"acme": 2, "other": 1}


def test_a_single_review_shows_in_the_comparison_as_one_persons(runtime: Runtime) -> None:
    interview(runtime, "Acme", "peer", {"growth-who-will-i-learn-from": (4, "Pairing with two seniors.")})
    interview(runtime, "Other", "peer", {"growth-who-will-i-learn-from": (3, "Some pairing.")})
    review = "My manager left in March and two of the five developers followed within a quarter."
    service.add_accounts(runtime, "Acme", [AccountDraft(review, who="former", source="review")])
    result = service.compare(runtime, ["acme", "other"], priorities=PRIORITIES)
    acme = next(c for c in result.companies if c.company.slug == "acme")
    one_person = [e for s in acme.categories.values() for e in s.evidence if e.kind == "one-person"]
    assert [e.text for e in one_person] == [f"one person's account, not corroborated: {review}"]
    assert acme.one_person == 1
    text = to_text(result)
    assert "1 statement from one person alone (weighted lower)" in text
    assert "one person's account, not corroborated" in text


def test_each_company_opens_with_the_main_reason_for_its_rank() -> None:
    components = {
        "a": {"growth": 8.0, "culture": 5.0, "pay": 6.0},
        "b": {"growth": 4.0, "culture": 6.0, "pay": 6.0},
    }
    weights = {"growth": 3.0, "culture": 1.0, "pay": 1.0}
    assert main_reason("a", components, weights, ["a", "b"], {"growth": 4}) == (
        "Ranks first mainly because it is ahead on Self-development: 8.0 against 4.0 for the others, "
        "from 4 pieces of evidence."
    )
    assert main_reason("b", components, weights, ["a", "b"], {"growth": 1}) == (
        "Ranks last mainly because it is behind on Self-development: 4.0 against 8.0 for the others, "
        "from one piece of evidence."
    )


def test_category_lines_say_how_much_evidence_stands_behind_them(two_companies: Runtime) -> None:
    result = service.compare(two_companies, ["Good Co", "busy-co"], "EUR", {"USD": 0.9}, PRIORITIES)
    good = result.companies[0]
    assert good.reason.startswith("Ranks first mainly because it is ahead on ")
    count = len(good.categories["growth"].evidence)
    assert f"Self-development {good.categories['growth'].score:.1f} (" in to_text(result)
    assert f"{count} pieces of evidence)" in to_text(result)
    assert result.as_dict()["companies"][0]["categories"]["growth"]["evidence_count"] == count
