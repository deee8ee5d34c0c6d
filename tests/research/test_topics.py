"""Which research topics a sentence speaks to: keywords, meaning, and the two combined."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from embedders import real_model

from askback.errors import DataError
from askback.research.topics import NONE, KeywordMatcher, Thresholds, TopicClassifier, TopicSpec, load_spec

# --- keywords -------------------------------------------------------------------------------

MATCHER = KeywordMatcher(
    {
        "leave": ("vacation", "paid leave", "PTO", "time off"),
        "on-call": ("on-call", "pager"),
        "tech-stack": ("go", "c++", "node.js"),
        "benefits": ("pto", "perks", "401(k)"),
    }
)


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("Everyone gets 25 days of paid vacation.", {"leave": 1}),
        ("VACATION is unlimited.", {"leave": 1}),
        ("Vacation, vacation and more vacation.", {"leave": 3}),
        ("We offer paid leave and time off.", {"leave": 2}),
        ("Vacationing in Spain.", {}),
        ("Our ego is small.", {}),
        ("We use a pagerduty-like tool.", {}),
        ("Paid-leave rules and paid\nleave.", {"leave": 2}),  # punctuation and spacing do not matter
        ("Engineers are on-call one week in six.", {"on-call": 1}),
        ("Engineers are on call one week in six.", {"on-call": 1}),
        ("The pager rarely goes off.", {"on-call": 1}),
        ("Services are written in Go.", {"tech-stack": 1}),
        ("We go to conferences.", {"tech-stack": 1}),  # keywords are blind to meaning; embeddings weigh in later
        ("Written in C++ and Node.js.", {"tech-stack": 2}),
        ("A 401(k) plan, a 401k plan or a 401 k plan.", {"benefits": 3}),
        ("Generous PTO and perks.", {"leave": 1, "benefits": 2}),
        ("Nothing relevant here.", {}),
        ("", {}),
    ],
)
def test_keywords_match_whole_words_and_phrases(text: str, hits: dict[str, int]) -> None:
    assert MATCHER.hits(text) == hits


# --- the classifier with a fake embedder: exact, deterministic arithmetic ---------------------
# Each topic has one example sentence whose vector is a unit axis, so a sentence's similarity
# to a topic is simply its vector's component on that axis.

AXES = {"leave": 0, "on-call": 1, "tech-stack": 2, NONE: 3}
# Fixed here, so that retuning the shipped thresholds does not change the arithmetic under test.
BARS = Thresholds(keyword_with_semantic=0.30, semantic_alone=0.55, runner_up=0.06, weak_keyword=0.40)
SPEC = TopicSpec(
    keywords={"leave": ("vacation",), "on-call": ("on-call",), "tech-stack": ("kafka",)},
    weak={"leave": ("break",)},
    examples={topic: (f"an example of {topic}",) for topic in AXES},
)


class AxisEmbedder:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), len(AXES)), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i, AXES[text.removeprefix("an example of ")]] = 1.0
        return out


def vector(leave: float = 0.0, on_call: float = 0.0, stack: float = 0.0, none: float = 0.0) -> list[float]:
    return [leave, on_call, stack, none]


CASES = {
    "keyword and enough meaning": ("We offer vacation.", vector(leave=0.35), [("leave", 0.725)]),
    "keyword without meaning": ("We offer vacation.", vector(leave=0.2), []),
    "keyword twice is enough on its own": ("Vacation is vacation.", vector(leave=0.1), [("leave", 0.7)]),
    "confidence is capped": ("Vacation vacation vacation vacation.", vector(leave=0.9), [("leave", 0.99)]),
    "meaning alone, strong": ("Everyone gets 25 days off.", vector(leave=0.6), [("leave", 0.6)]),
    "meaning alone, too weak": ("Everyone gets 25 days off.", vector(leave=0.5), []),
    "meaning alone is capped": ("Everyone gets 25 days off.", vector(leave=0.99), [("leave", 0.95)]),
    "two close topics both count": (
        "Paged on holiday.",
        vector(leave=0.6, on_call=0.58),
        [("leave", 0.6), ("on-call", 0.58)],
    ),
    "a distant runner-up does not": ("Paged on holiday.", vector(leave=0.7, on_call=0.6), [("leave", 0.7)]),
    "'none' wins and is never reported": ("We use cookies.", vector(none=0.9, leave=0.56), []),
    "keyword beats 'none'": ("Kafka cookies.", vector(stack=0.4, none=0.9), [("tech-stack", 0.75)]),
    "weak phrase and close meaning": ("Take a break.", vector(leave=0.45), [("leave", 0.725)]),
    "weak phrase, meaning a keyword would do with": ("Take a break.", vector(leave=0.35), []),
    "two weak phrases are a keyword's worth": ("A break, a break.", vector(leave=0.35), [("leave", 0.725)]),
    "keyword plus a semantic topic": (
        "Vacation while paged.",
        vector(leave=0.3, on_call=0.72),
        [("on-call", 0.72), ("leave", 0.7)],
    ),
}


@pytest.mark.parametrize(("text", "vec", "expected"), CASES.values(), ids=list(CASES))
def test_keywords_and_meaning_combined(text: str, vec: list[float], expected: list[tuple[str, float]]) -> None:
    classifier = TopicClassifier(AxisEmbedder(), SPEC, BARS)
    (found,) = classifier.classify([text], np.array([vec], dtype=np.float32))
    assert found == expected


def test_the_examples_are_embedded_once_per_classifier() -> None:
    embed = AxisEmbedder()
    classifier = TopicClassifier(embed, SPEC, BARS)
    classifier.classify(["We offer vacation."], np.array([vector(leave=0.4)], dtype=np.float32))
    classifier.classify(["Kafka."], np.array([vector(stack=0.4)], dtype=np.float32))
    assert embed.calls == [[f"an example of {t}" for t in ("leave", "tech-stack", "on-call", NONE)]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We offer vacation.", [("leave", 0.65)]),
        ("Vacation, vacation.", [("leave", 0.8)]),
        ("Vacation on-call vacation vacation vacation.", [("leave", 0.9), ("on-call", 0.65)]),
        ("Nothing to see.", []),
        ("Take a break.", []),  # a weak phrase alone is not enough without meaning to back it
        ("Vacation and a break.", [("leave", 0.725)]),
    ],
)
def test_without_an_embedder_keywords_decide_alone(text: str, expected: list[tuple[str, float]]) -> None:
    assert TopicClassifier(None, SPEC).classify([text]) == [expected]


def test_only_sentences_with_a_keyword_need_a_vector() -> None:
    classifier = TopicClassifier(None, SPEC)
    assert [classifier.needs_vector(t) for t in ("We offer vacation.", "We like cake.")] == [True, False]


def test_semantic_matching_without_an_embedder_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="semantic matching needs an embedder"):
        TopicClassifier(None, SPEC).classify(["We offer vacation."], np.zeros((1, 4), dtype=np.float32))


def test_topics_data_with_an_unknown_topic_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "topics.yaml"
    data.write_text("topics:\n  leave:\n    keywords: [vacation]\n  snacks:\n    keywords: [cake]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"topics.yaml: field 'topics': unknown topics \['snacks'\]"):
        load_spec(data, None)


def test_the_shipped_topics_load_with_keywords_and_examples() -> None:
    spec = load_spec()
    assert "vacation" in spec.keywords["leave"]
    assert "Everyone gets 25 days of paid vacation plus public holidays." in spec.examples["leave"]
    assert all(k == k.lower() for phrases in spec.keywords.values() for k in phrases)


# --- the real model on clear sentences -------------------------------------------------------


@pytest.fixture(scope="module")
def classifier() -> TopicClassifier:
    return TopicClassifier(real_model().embed)


CLEAR = {
    "Everyone gets 25 days of paid vacation.": "leave",
    "Parents get 16 weeks of fully paid parental leave.": "parental-leave",
    "Every engineer has a learning budget of $2,000 a year for courses and books.": "learning-budget",
    "Engineers are on call one week in eight, and on-call is paid.": "on-call",
    "Our services are written in Python and Go, and events flow through Kafka.": "tech-stack",
    "We work remotely from anywhere in Europe.": "remote-policy",
    "We raised a EUR 20 million Series B led by Example Ventures.": "funding",
}


def test_clear_sentences_get_their_topic_first(classifier: TopicClassifier) -> None:
    texts = list(CLEAR)
    found = classifier.classify(texts, real_model().embed(texts))
    assert {text: topics[0][0] if topics else None for text, topics in zip(texts, found, strict=True)} == CLEAR
    assert all(0.5 <= confidence <= 0.99 for topics in found for _, confidence in topics)


@pytest.mark.parametrize(
    "text",
    ["We use cookies to improve your experience on our website.", "Click here to read more.", "Thanks for reading!"],
)
def test_furniture_gets_no_topic(classifier: TopicClassifier, text: str) -> None:
    assert classifier.classify([text], real_model().embed([text])) == [[]]
