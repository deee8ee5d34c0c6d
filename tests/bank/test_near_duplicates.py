"""No two bank questions are near-duplicates, and the measure used really does catch them.

The measure is TF-IDF cosine (askback.nlp.similarity.TfidfIndex) with the bank's own word
weights. The tables below justify the threshold: paraphrases of one question reach it,
questions on a shared subject that would get different answers stay below it.
"""

from __future__ import annotations

import pytest

from askback.bank.duplicates import LEXICAL_THRESHOLD as NEAR_DUPLICATE
from askback.bank.loader import load_bank
from askback.core.models import Question
from askback.nlp.similarity import TfidfIndex, cosine


@pytest.fixture(scope="module")
def bank() -> tuple[Question, ...]:
    return load_bank()


@pytest.fixture(scope="module")
def index(bank: tuple[Question, ...]) -> TfidfIndex:
    return TfidfIndex([q.text for q in bank])


def similarity(index: TfidfIndex, first: str, second: str) -> float:
    """Two texts compared with the word weights of the whole bank."""
    return cosine(index.vectorise(first), index.vectorise(second))


def test_no_two_bank_questions_are_near_duplicates(bank: tuple[Question, ...], index: TfidfIndex) -> None:
    too_close = [
        f"{cosine(index.vectors[i], index.vectors[j]):.2f} {bank[i].id} ~ {bank[j].id}: "
        f"{bank[i].text!r} / {bank[j].text!r}"
        for i in range(len(bank))
        for j in range(i + 1, len(bank))
        if cosine(index.vectors[i], index.vectors[j]) >= NEAR_DUPLICATE
    ]
    assert not too_close, f"{len(too_close)} near-duplicate pairs; rewrite or remove one of each:\n" + "\n".join(
        too_close
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("What led to this position opening up?", "What led to this position opening up now?"),
        ("How are promotions decided here?", "How do promotions get decided here?"),
        (
            "What happened the last time a release went badly wrong?",
            "What happened the last time a release went wrong?",
        ),
        (
            "Who would I be learning from most during my first few months here?",
            "Who would I learn the most from in my first few months?",
        ),
        (
            "Why did the team pick its current deployment tooling?",
            "What made the team choose its current deployment tooling?",
        ),
        (
            "How is feedback on code reviews usually given on this team?",
            "On this team, how do people usually give code review feedback?",
        ),
        (
            "How has the remote policy changed over the past year?",
            "What changes has the remote policy gone through in the past year?",
        ),
        (
            "What did people on this team spend their learning budget on over the past year?",
            "What have people here spent their learning budget on this past year?",
        ),
    ],
)
def test_paraphrases_reach_the_threshold(index: TfidfIndex, first: str, second: str) -> None:
    assert similarity(index, first, second) >= NEAR_DUPLICATE


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("What has the team changed after a retrospective?", "What has changed since the current manager took over?"),
        (
            "What does a typical week look like for you as the team's manager?",
            "What does a typical on-call week look like for someone on this team?",
        ),
        ("How are promotions decided here?", "How are salary changes decided here?"),
        (
            "How much learning budget does each engineer get a year?",
            "Which conferences did the team attend last year?",
        ),
        (
            "Who would I be learning from most during my first few months here?",
            "What surprised you most in your first few months here?",
        ),
        (
            "How does the team decide what to work on next quarter?",
            "How does the team decide who is on call next week?",
        ),
        (
            "What happened the last time a release went badly wrong?",
            "What happened the last time someone disagreed with a deadline?",
        ),
    ],
)
def test_related_but_distinct_questions_stay_below_it(index: TfidfIndex, first: str, second: str) -> None:
    assert similarity(index, first, second) < NEAR_DUPLICATE
