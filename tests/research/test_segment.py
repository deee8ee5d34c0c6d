"""Blocks to sentences: each fact is one sentence, whole, and worth reading."""

from __future__ import annotations

import pytest

from askback.research.documents import Block, Sentence
from askback.research.segment import MAX_CHARS, sentences


def test_list_items_and_rows_stay_separate_and_are_numbered_in_order() -> None:
    blocks = [
        Block(("Benefits",), "We care about your time off. Everyone gets 25 days."),
        Block(("Benefits", "Parental leave"), "Parents get 16 weeks of leave"),
        Block(("Benefits", "Parental leave"), "The leave can be split in two blocks"),
        Block(("Benefits", "At a glance"), "Sabbatical: 4 weeks paid."),
    ]
    assert sentences(blocks) == [
        Sentence(("Benefits",), "We care about your time off.", 0),
        Sentence(("Benefits",), "Everyone gets 25 days.", 1),
        Sentence(("Benefits", "Parental leave"), "Parents get 16 weeks of leave", 2),
        Sentence(("Benefits", "Parental leave"), "The leave can be split in two blocks", 3),
        Sentence(("Benefits", "At a glance"), "Sabbatical: 4 weeks paid.", 4),
    ]


@pytest.mark.parametrize(
    "fragment",
    ["Read more", "Hi.", "Ok.", "2024", "1,234 5,678 9", "— · —", "12 34 56 78"],
)
def test_short_fragments_and_number_runs_are_dropped(fragment: str) -> None:
    assert sentences([Block((), fragment)]) == []


def test_positions_count_only_kept_sentences() -> None:
    found = sentences([Block((), "Hi. We are a small team of engineers. Ok. We ship every day.")])
    assert [(s.text, s.position) for s in found] == [
        ("We are a small team of engineers.", 0),
        ("We ship every day.", 1),
    ]


def test_a_very_long_sentence_is_cut_to_the_limit() -> None:
    long = "word " * 400 + "end."
    (only,) = sentences([Block((), long)])
    assert len(only.text) == MAX_CHARS
    assert only.text.startswith("word word")
