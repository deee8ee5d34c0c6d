"""Reading stance: negation scope, contrast, concession, comparison with a promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from askback.errors import DataError
from askback.nlp.stance import CUES, clauses, lexicon, read
from askback.nlp.text import words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great people but the pay is low.", ["Great people", "but the pay is low"]),
        ("On-call is paid; nights are rough.", ["On-call is paid", "nights are rough"]),
        ("Fine in theory - in practice nobody has time.", ["Fine in theory", "in practice nobody has time"]),
        ("We ship daily.", ["We ship daily"]),
    ],
)
def test_a_sentence_turns_at_contrasts_and_semicolons(text: str, expected: list[str]) -> None:
    assert clauses(text) == expected


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("I took my sabbatical in year three without any pushback.", "good"),
        ("Nobody on the team has left in three years.", "good"),
        ("The reviews are not great.", "bad"),
        ("Mentoring answer was thinner than the careers site made me expect.", "bad"),
        ("Onboarding was better than I expected.", "good"),
        ("The quiet afternoon exists on paper but gets eaten.", "bad"),
        ("Nice people, but the process is a mess.", "bad"),
        ("The office is in Leeds.", "neither"),
    ],
)
def test_the_lean_follows_negation_contrast_and_promises(text: str, leans: str) -> None:
    lean = read(text).lean
    assert {"good": lean > 0, "bad": lean < 0, "neither": lean == 0}[leans], lean


def test_negation_reaches_to_the_end_of_its_clause_only() -> None:
    text = "Nobody uses the learning budget, but pairing is daily."
    reading = read(text)
    tokens = words(text)
    assert reading.negated(tokens.index("learning"))
    assert not reading.negated(tokens.index("pairing"))
    assert not reading.negated(tokens.index("nobody"))  # the negator itself is not negated


def test_a_close_negator_is_told_apart_from_a_distant_one() -> None:
    text = "Nobody takes the unlimited PTO; it is not a family."
    reading = read(text)
    tokens = words(text)
    assert reading.negated(tokens.index("unlimited")) and not reading.negated(tokens.index("unlimited"), within=2)
    assert reading.negated(tokens.index("family"), within=2)


def test_cues_name_reported_speech() -> None:
    cues = dict(zip(CUES, read("They claim the bands are public; she admitted turnover is high.").cues, strict=True))
    assert cues["doubt"] == 1.0 and cues["admission"] == 1.0 and cues["contrast"] == 0.0


def test_a_word_yaml_reads_as_something_else_is_refused_with_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / "polarity.yaml"
    path.write_text(
        "positive: [good]\nnegative: [bad]\nnegators: [not, no]\ncontrast: [but]\n"
        "concession: []\npromise: []\ndoubt: []\nadmission: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"polarity\.yaml: negator #2: Input should be a valid string"):
        lexicon(path)


def test_negation_stops_at_a_comma_or_a_joining_word() -> None:
    text = "We are definitely not a family here, and that is fine."
    reading = read(text)
    tokens = words(text)
    assert reading.negated(tokens.index("family"))
    assert not reading.negated(tokens.index("fine"))
    assert reading.lean > 0
