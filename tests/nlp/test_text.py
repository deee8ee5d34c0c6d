"""Tokens for lexical matching: the words that carry a question's meaning."""

from __future__ import annotations

import pytest

from askback.nlp.text import content_tokens, stem, words


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("mentor", "mentor"),
        ("mentors", "mentor"),
        ("mentoring", "mentor"),
        ("promotions", "promotion"),
        ("deployed", "deploy"),
        # Short words keep their shape: "ring" is not "r", "bus" is not "bu".
        ("ring", "ring"),
        ("bus", "bus"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_words_are_lower_case_and_keep_contractions() -> None:
    assert words("What's the On-Call rota, in 2025?") == ["what's", "the", "on", "call", "rota", "in", "2025"]


def test_words_make_curly_apostrophes_straight() -> None:
    assert words("We’re LIKE a Family!") == ["we're", "like", "a", "family"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could you tell me about mentoring?", ["mentor"]),
        ("What does the on-call rota look like?", ["call", "rota", "look"]),
        ("How do mentors and mentees meet?", ["mentor", "mente", "meet"]),
        ("Is it a 401k plan?", ["401k", "plan"]),
        ("What is it?", []),
        ("", []),
    ],
)
def test_content_tokens_drop_stop_words_and_stem(text: str, expected: list[str]) -> None:
    assert content_tokens(text) == expected


def test_variants_of_a_word_meet() -> None:
    assert content_tokens("mentoring") == content_tokens("Mentors") == content_tokens("mentor")
