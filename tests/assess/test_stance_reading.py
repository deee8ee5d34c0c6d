"""Flags and sentiment follow what the sentence says, not only what it is about (issue 12):
a sentence about a green flag's subject that turns against it never raises that green flag,
and good news phrased with a negation reads as good news."""

from __future__ import annotations

import pytest
from embedders import real_model

from askback.assess.claims import ClaimClassifier
from askback.assess.flags import FlagDetector
from askback.nlp.embeddings import MODEL_NAME


@pytest.fixture(scope="module")
def detector() -> FlagDetector:
    return FlagDetector(real_model().embed, model=MODEL_NAME)


@pytest.fixture(scope="module")
def classifier() -> ClaimClassifier:
    return ClaimClassifier(real_model().embed, model=MODEL_NAME)


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("Mentoring answer was thinner than the careers site made me expect", "mentoring-program"),
        ("The mentoring scheme is thinner than the careers page made it sound.", "mentoring-program"),
        ("the meeting-free afternoon exists on paper but gets eaten by syncs most weeks", "protected-focus-time"),
        (
            "They say postmortems are blameless, but the last one named the engineer in the title.",
            "blameless-postmortems",
        ),
        ("We are definitely not a family here, and that is fine.", "like-a-family"),
    ],
)
def test_a_sentence_that_turns_against_a_flag_never_raises_it(detector: FlagDetector, text: str, never: str) -> None:
    [found] = detector.detect([text])
    assert never not in {m.flag.id for m in found}


def test_contrast_lands_on_the_last_clause(detector: FlagDetector) -> None:
    [found] = detector.detect(["They say postmortems are blameless, but the last one named the engineer in the title."])
    assert [m.flag.id for m in found] == ["blame-after-incidents"]


@pytest.mark.parametrize(
    "text",
    [
        "I took my sabbatical in year three without any pushback.",
        "Took a two-month sabbatical last spring without any pushback from my manager.",
    ],
)
def test_good_news_with_a_negation_reads_positive(
    classifier: ClaimClassifier, detector: FlagDetector, text: str
) -> None:
    [classified] = classifier.classify([text])
    assert classified.sentiment == "positive"
    [found] = detector.detect([text])
    assert all(m.flag.kind == "green" for m in found)


@pytest.mark.parametrize(
    ("text", "sentiment"),
    [
        ("The mentoring scheme is thinner than the careers page made it sound.", "negative"),
        ("Focus time exists on paper but gets eaten by meetings.", "negative"),
    ],
)
def test_a_promise_not_kept_reads_negative(classifier: ClaimClassifier, text: str, sentiment: str) -> None:
    [classified] = classifier.classify([text])
    assert classified.sentiment == sentiment
