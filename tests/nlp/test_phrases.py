"""Phrases found as whole words, whatever the case, punctuation or possessive."""

from __future__ import annotations

import pytest

from askback.nlp.phrases import PhraseIndex

INDEX = PhraseIndex(
    [
        ("like a family", "family"),
        ("no tests", "tests"),
        ("401(k)", "pension"),
        ("1:1", "one-on-one"),
        ("the office", "office"),
        ("on call", "on-call"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We're LIKE A FAMILY here.", ["family"]),
        ("We have no tests.", ["tests"]),
        ("We have no testsuite.", []),  # whole words only
        ("A familiar codebase.", []),
        ("A 401k match and a 401 (k) plan.", ["pension", "pension"]),  # joined or apart
        ("My 1:1 was moved; we are 11 people.", ["one-on-one"]),  # digits are not joined
        ("The office's kitchen.", ["office"]),  # possessive 's dropped
        ("I'm on-call this week.", ["on-call"]),
        ("We’re like a family.", ["family"]),  # curly apostrophe
        ("", []),
    ],
)
def test_phrases_are_found_as_whole_words(text: str, expected: list[str]) -> None:
    assert [hit.value for hit in INDEX.find(text)] == expected


def test_a_hit_says_which_phrase_and_where() -> None:
    (hit,) = INDEX.find("Honestly, no tests at all.")
    assert (hit.phrase, hit.start, hit.size) == ("no tests", 1, 2)


def test_the_first_phrase_for_a_value_wins_when_two_spell_the_same_words() -> None:
    index = PhraseIndex([("401k", "pension"), ("401 k", "pension"), ("401 k", "savings")])
    assert [(h.phrase, h.value) for h in index.find("a 401k")] == [("401k", "pension"), ("401 k", "savings")]


def test_phrases_longer_than_the_limit_are_never_found() -> None:
    index = PhraseIndex([("one two three", "long"), ("one two", "short")], max_words=2)
    assert [h.value for h in index.find("one two three")] == ["short"]
