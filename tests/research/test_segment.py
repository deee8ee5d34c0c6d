"""Blocks to sentences: each fact is one sentence, whole, and worth reading."""

from __future__ import annotations

import pytest

from askback.research.documents import Block, Sentence
from askback.research.segment import MAX_CHARS, sentences, split_sentences

SPLITS = {
    "abbreviation e.g.": (
        "We use tools, e.g. Jira and Linear. Reviews happen daily.",
        ["We use tools, e.g. Jira and Linear.", "Reviews happen daily."],
    ),
    "abbreviation i.e.": (
        "Items include e.g. laptops, i.e. hardware. Done here now.",
        ["Items include e.g. laptops, i.e. hardware.", "Done here now."],
    ),
    "title Dr.": (
        "We met Dr. Jones at the conference. It was fun.",
        ["We met Dr. Jones at the conference.", "It was fun."],
    ),
    "titles Mr. and Mrs.": (
        "Mr. Brown and Mrs. Green run HR. They are kind.",
        ["Mr. Brown and Mrs. Green run HR.", "They are kind."],
    ),
    "country U.S.": (
        "We moved to the U.S. last year. It went well.",
        ["We moved to the U.S. last year.", "It went well."],
    ),
    "place St.": (
        "The St. Louis office is new. It opened in May.",
        ["The St. Louis office is new.", "It opened in May."],
    ),
    "decimals": (
        "Revenue grew 3.5 times in 2024. Prices rose by 2.5% in Q3.",
        ["Revenue grew 3.5 times in 2024.", "Prices rose by 2.5% in Q3."],
    ),
    "initials": (
        "J. R. R. Tolkien wrote books. The end is near.",
        ["J. R. R. Tolkien wrote books.", "The end is near."],
    ),
    "question and exclamation": (
        "Why do we ship daily? Because it is safer! We like it.",
        ["Why do we ship daily?", "Because it is safer!", "We like it."],
    ),
    "one sentence": ("Everyone gets 25 days of paid vacation.", ["Everyone gets 25 days of paid vacation."]),
    "surrounding space": ("  \n Teams plan their own work.  \n", ["Teams plan their own work."]),
    "empty": ("   ", []),
}


@pytest.mark.parametrize(("text", "expected"), SPLITS.values(), ids=list(SPLITS))
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_sentence_ending_in_in_is_split_from_the_next() -> None:
    text = "Plus the public holidays of the country you live in. Up to 5 unused days carry over to the next year."
    assert split_sentences(text) == [
        "Plus the public holidays of the country you live in.",
        "Up to 5 unused days carry over to the next year.",
    ]


def test_a_title_after_a_full_stop_stays_with_its_name() -> None:
    assert split_sentences("We use Jira and Linear. Dr. Smith leads the team.") == [
        "We use Jira and Linear.",
        "Dr. Smith leads the team.",
    ]


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
