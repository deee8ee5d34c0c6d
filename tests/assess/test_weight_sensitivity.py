"""How far a weight is from changing first place, checked against a case worked by hand."""

from __future__ import annotations

import pytest

from askback.assess.compare import PAY, component_weights, ranked, total
from askback.assess.sensitivity import flips
from askback.core.taxonomy import CATEGORY_IDS


def scores(**given: float) -> dict[str, float]:
    return {**{c: 5.0 for c in CATEGORY_IDS}, PAY: 5.0, **given}


# mentoring=2 weighs growth and people by 2; remote=1 weighs essentials and processes by 1; pay 1.
PRIORITIES = {"mentoring": 2.0, "remote": 1.0}
A = scores(growth=8, people=7, essentials=4, processes=4)  # 16 + 14 + 4 + 4 + 5 = 43
B = scores(essentials=8, processes=8)  # 10 + 10 + 8 + 8 + 5 = 41


def test_totals_are_weighted_means() -> None:
    weights = component_weights(PRIORITIES)
    assert total(A, weights) == pytest.approx(43 / 7)
    assert total(B, weights) == pytest.approx(41 / 7)
    assert ranked({"a": total(A, weights), "b": total(B, weights)}, ["b", "a"]) == ["a", "b"]


def test_flips_are_solved_exactly() -> None:
    found = {f.priority: f for f in flips({"a": A, "b": B}, PRIORITIES, ["a", "b"])}
    # mentoring: lead 2, slope (8-5)+(7-5)=5 -> falls by 0.4 to 1.6
    assert found["mentoring"].change == pytest.approx(-0.4)
    assert found["mentoring"].new_weight == pytest.approx(1.6)
    assert found["mentoring"].rival == "b"
    # remote: slope (4-8)+(4-8)=-8 -> rises by 0.25 to 1.25
    assert found["remote"].change == pytest.approx(0.25)
    # pay: both score 5, so no weight of pay changes anything
    assert found[PAY].change is None
    names = {"a": "Acme", "b": "Beta"}
    assert found["mentoring"].describe(names) == "mentoring (weight 2): Beta comes first if it falls by 0.40 to 1.60"
    assert found[PAY].describe(names) == "pay (weight 1): no change of this weight alone flips first place"


def test_at_the_computed_weight_the_two_are_tied() -> None:
    weights = component_weights({"mentoring": 1.6, "remote": 1.0})
    assert total(A, weights) == pytest.approx(total(B, weights))


def test_a_weight_cannot_go_below_zero() -> None:
    # b leads on pay (5 points); remote's categories give b only 1 point more, so remote would
    # have to fall by 5, below zero: no flip. Raising mentoring (a's growth) does it.
    a = scores(growth=6)
    b = scores(essentials=6, **{PAY: 10.0})
    found = {f.priority: f for f in flips({"b": b, "a": a}, {"mentoring": 1.0, "remote": 1.0}, ["b", "a"])}
    assert found["remote"].change is None
    assert found["mentoring"].change == pytest.approx(5.0)


def test_compensation_moves_pay_as_well_as_its_categories() -> None:
    # compensation=1, remote=1: essentials 2, processes 1, pay 1. b: 16+5+5=26, a: 10+5+10=25.
    a = scores(**{PAY: 10.0})
    b = scores(essentials=8)
    found = {f.priority: f for f in flips({"b": b, "a": a}, {"compensation": 1.0, "remote": 1.0}, ["b", "a"])}
    assert set(found) == {"compensation", "remote"}  # no separate row for pay: compensation sets it
    # slope over essentials and pay: (8-5) + (5-10) = -2; lead 1 -> rises by 0.5
    assert found["compensation"].change == pytest.approx(0.5)
    weights = component_weights({"compensation": 1.5, "remote": 1.0})
    assert total(a, weights) == pytest.approx(total(b, weights))


def test_one_company_has_nothing_to_flip() -> None:
    assert flips({"a": A}, PRIORITIES, ["a"]) == []
