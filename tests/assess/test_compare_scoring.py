"""Scores per category, unknowns and whom to ask, and interviewers who disagree."""

from __future__ import annotations

import pytest

from askback.assess.compare import Evidence, category_scores, component_weights, confidence_label, pay_scores
from askback.assess.disagreements import Heard, disagreements
from askback.assess.evidence import FlagHit, from_answer, from_flags, rating_score
from askback.assess.flags import FlagMatch, flag_by_id
from askback.assess.unknowns import best_question, unknowns, who_to_ask
from askback.bank.loader import load_bank
from askback.core.taxonomy import CATEGORY_IDS


def test_no_evidence_is_neutral_with_no_confidence() -> None:
    scores = category_scores([])
    assert {c: (s.score, s.confidence, s.unknown) for c, s in scores.items()} == {
        c: (5.0, "none", True) for c in CATEGORY_IDS
    }


def test_one_answer_is_pulled_towards_neutral_and_more_evidence_counts_more() -> None:
    one = category_scores([from_answer("Q?", "growth", "peer", 5, "great")])["growth"]
    assert one.score == pytest.approx((5 + 10) / 2)  # a prior worth one answer
    assert one.confidence == "low" and one.unknown
    three = category_scores([from_answer("Q?", "growth", "peer", 5, "") for _ in range(3)])["growth"]
    assert three.score == pytest.approx((5 + 30) / 4)
    assert three.confidence == "medium" and not three.unknown


def test_red_flags_pull_down_and_green_flags_up() -> None:
    flags = flag_by_id()
    hits = [
        FlagHit(
            FlagMatch(flags["unlimited-pto-unused"], "phrase", "unlimited pto", 1.0),
            "Unlimited PTO, nobody takes it.",
            "notes",
        ),
        FlagHit(FlagMatch(flags["unlimited-pto-unused"], "phrase", "unlimited pto", 1.0), "Said again.", "notes"),
        FlagHit(FlagMatch(flags["learning-budget-used"], "meaning", "", 0.7), "Everyone used the budget.", "account 1"),
    ]
    evidence = from_flags(hits)
    assert [(e.category, e.score) for e in evidence] == [("essentials", 0.0), ("growth", 10.0)]  # once per source
    scores = category_scores(evidence)
    assert scores["essentials"].score < 5 < scores["growth"].score


@pytest.mark.parametrize(
    ("weight", "label"), [(0, "none"), (0.75, "low"), (1.5, "medium"), (3.4, "medium"), (3.5, "high")]
)
def test_confidence_is_about_the_amount_of_evidence(weight: float, label: str) -> None:
    assert confidence_label(weight) == label


def test_ratings_map_onto_zero_to_ten() -> None:
    assert [rating_score(r) for r in (1, 2, 3, 4, 5)] == [0, 2.5, 5, 7.5, 10]


def test_weights_come_from_priorities_and_pay() -> None:
    weights = component_weights({"mentoring": 3, "remote": 1})
    assert weights["growth"] == 3 and weights["people"] == 3 and weights["essentials"] == 1
    assert weights["fun"] == 0 and weights["pay"] == 1
    assert component_weights({})["culture"] == 1  # no priorities: every category the same
    assert component_weights({"compensation": 4})["pay"] == 4


def test_pay_is_a_share_of_the_best_offer() -> None:
    assert pay_scores({"a": 100_000, "b": 80_000, "c": None}) == {"a": 10.0, "b": 8.0, "c": None}


def test_unknowns_name_a_question_and_prefer_someone_above_the_recruiter() -> None:
    bank = load_bank()
    scores = category_scores([Evidence("growth", 8, 3.0, "rating", "x")])
    weights = component_weights({"mentoring": 3, "work-life-balance": 1})
    found = unknowns(scores, weights, bank, set(), {"mentoring": 3, "work-life-balance": 1})
    categories = [u.category for u in found]
    assert "growth" not in categories  # enough evidence
    assert "impact" not in categories  # not weighted by these priorities
    assert categories[0] == "people"  # the heaviest weight first
    for u in found:
        assert u.question is not None and u.question.category == u.category and u.ask in u.question.roles
        if u.category != "essentials":
            assert u.ask != "recruiter"
    assert found[0].describe("Acme").startswith("People: ask the ")


def test_the_question_is_one_not_asked_yet() -> None:
    bank = load_bank()
    first = best_question("fun", bank, set(), {"work-life-balance": 2})
    assert first is not None
    second = best_question("fun", bank, {first.id}, {"work-life-balance": 2})
    assert second is not None and second.id != first.id


def test_essentials_may_go_to_the_recruiter() -> None:
    question = next(q for q in load_bank() if q.category == "essentials" and "recruiter" in q.roles)
    assert who_to_ask(question, "essentials") == "recruiter"


def heard(interviewer: str, rating: int | None, sentiment: str = "neutral", plan: int = 1, text: str = "") -> Heard:
    return Heard(
        "processes-focus-time",
        "How is focus time protected?",
        interviewer,
        text or interviewer,
        rating,
        sentiment,
        plan,
    )


@pytest.mark.parametrize(
    ("answers", "reasons"),
    [
        ([heard("hiring-manager", 4), heard("peer", 2, plan=2)], ["rated 4/5 and 2/5"]),
        ([heard("hiring-manager", 4), heard("peer", 3, plan=2)], []),
        (
            [heard("hiring-manager", None, "positive"), heard("peer", None, "negative", plan=2)],
            ["one answer reads as positive, the other as negative"],
        ),
        (
            [heard("peer", 5), heard("peer", 1)],
            [],
        ),  # the same interviewer in the same plan: a correction, not a disagreement
    ],
)
def test_disagreements(answers: list[Heard], reasons: list[str]) -> None:
    assert [d.reason for d in disagreements(answers)] == reasons
