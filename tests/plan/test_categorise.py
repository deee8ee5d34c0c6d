"""Which category a question the bank has never seen belongs to, by its nearest labelled neighbours."""

from __future__ import annotations

import pytest
from embedders import real_model

from askback.bank.loader import load_bank
from askback.core.taxonomy import CATEGORY_IDS
from askback.plan.categorise import Categoriser, examples

CLEAR = {
    "Who would I be working with day to day?": "people",
    "What is the manager's management style?": "people",
    "How long have people on the team been here?": "people",
    "How does the team react when someone makes a mistake?": "culture",
    "How are disagreements resolved on the team?": "culture",
    "How does a feature go from idea to production?": "processes",
    "How are code reviews done?": "processes",
    "What happens when there is an incident at night?": "processes",
    "What is the biggest technical challenge the product faces?": "impact",
    "How does this role affect the company's strategy?": "impact",
    "Is there a budget for conferences and courses?": "growth",
    "How do promotions work here?": "growth",
    "Who would mentor me in my first year?": "growth",
    "What do people enjoy most about working here?": "fun",
    "What makes people want to come to work in the morning?": "fun",
    "What is the salary range for this role?": "essentials",
    "How many days of vacation do I get?": "essentials",
}


@pytest.fixture(scope="module")
def categoriser() -> Categoriser:
    return Categoriser(real_model())


def test_clear_questions_land_in_their_category(categoriser: Categoriser) -> None:
    assert set(CLEAR.values()) == set(CATEGORY_IDS)
    found = categoriser.categorise(list(CLEAR))
    assert {q: category for q, (category, _) in zip(CLEAR, found, strict=True)} == CLEAR
    assert all(0 < confidence <= 1 for _, confidence in found)


def test_a_bank_question_is_its_own_nearest_neighbour(categoriser: Categoriser) -> None:
    question = next(q for q in load_bank() if "{company}" not in q.text)
    vectors = real_model().embed([question.text])
    (nearest,) = categoriser.nearest_bank(vectors)
    assert nearest is not None
    assert nearest.example.question_id == question.id
    assert (nearest.example.category, nearest.example.subtopic) == (question.category, question.subtopic)
    assert nearest.similarity == pytest.approx(1.0, abs=1e-4)
    ((category, confidence),) = categoriser.categorise([question.text], vectors)
    assert category == question.category and confidence > 0.4  # of seven categories: far above a uniform 0.14


def test_neighbours_come_closest_first(categoriser: Categoriser) -> None:
    (near,) = categoriser.neighbours(real_model().embed(["How do promotions work here?"]), k=5)
    assert len(near) == 5
    similarities = [n.similarity for n in near]
    assert similarities == sorted(similarities, reverse=True)


def test_examples_are_the_bank_plus_the_training_set() -> None:
    found = examples()
    bank = load_bank()
    assert len(found) > len(bank)
    assert [e.question_id for e in found[: len(bank)]] == [q.id for q in bank]
    assert all("{company}" not in e.text for e in found)
    assert all(e.question_id is None and e.subtopic is None for e in found[len(bank) :])
    assert {e.category for e in found} == set(CATEGORY_IDS)
