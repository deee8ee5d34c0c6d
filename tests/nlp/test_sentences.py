"""Text to sentences: abbreviations, titles, decimals and initials never end a sentence."""

from __future__ import annotations

import pytest

from askback.nlp.sentences import split_sentences

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
