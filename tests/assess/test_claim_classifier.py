"""Claim or opinion, category and sentiment."""

from __future__ import annotations

import pytest
from embedders import real_model

from askback.assess.claims import ClaimClassifier
from askback.nlp.embeddings import MODEL_NAME


@pytest.fixture(scope="module")
def classifier() -> ClaimClassifier:
    return ClaimClassifier(real_model().embed, model=MODEL_NAME)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On-call pays 300 euros a week and the rota is one week in five.", "claim"),
        ("Four of the nine engineers joined in 2026.", "claim"),
        ("Releases go out every Thursday after a manual sign-off.", "claim"),
        ("I think the managers are wonderful people.", "opinion"),
        ("Honestly, the best team I have ever worked in.", "opinion"),
        ("The culture feels toxic to me.", "opinion"),
    ],
)
def test_claim_or_opinion(classifier: ClaimClassifier, text: str, kind: str) -> None:
    [found] = classifier.classify([text])
    assert found.kind == kind
    assert 0.5 <= found.confidence <= 1


@pytest.mark.parametrize(
    ("text", "category", "sentiment"),
    [
        (
            "I got a mentor in my first week and we still meet every fortnight, which helped me a lot.",
            "growth",
            "positive",
        ),
        ("The pay is great and raises are fair.", "essentials", "positive"),
        ("Every release needs three sign-offs and deploys take a whole day.", "processes", "negative"),
        ("Nobody on my team has left in three years.", "people", "positive"),  # negation: good news
    ],
)
def test_category_and_sentiment(classifier: ClaimClassifier, text: str, category: str, sentiment: str) -> None:
    [found] = classifier.classify([text])
    assert (found.category, found.sentiment) == (category, sentiment)


def test_without_the_model_a_lexical_vote_stands_in() -> None:
    found = ClaimClassifier(None).classify(["On-call pays 300 euros a week.", "I think I love this place."])
    assert [f.kind for f in found] == ["claim", "opinion"]
    assert ClaimClassifier(None).classify([]) == []
