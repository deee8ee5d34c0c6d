"""Red and green flags: the data file, phrases as whole words, and paraphrases by meaning."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from embedders import real_model

from askback.assess.flags import FLAGS, FlagDetector, PhraseMatcher, catalogue, load_flags, training_sentences
from askback.core.taxonomy import CATEGORY_IDS
from askback.errors import DataError
from askback.nlp.embeddings import MODEL_NAME

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors


@pytest.fixture(scope="module")
def detector() -> FlagDetector:
    return FlagDetector(real_model().embed, model=MODEL_NAME)


def test_the_flag_list_is_valid_and_covers_every_category() -> None:
    flags = load_flags(FLAGS)
    assert len(flags) >= 40
    assert {f.category for f in flags} == set(CATEGORY_IDS)
    assert {f.kind for f in flags} == {"red", "green"}
    assert all(f.why and f.label and (f.patterns or f.examples) for f in flags)
    known = {f.id for f in flags}
    assert all(set(ids) <= known for _, ids in training_sentences())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The HM said we're LIKE A FAMILY here.", {"like-a-family"}),
        ("You'll wear many hats in this role.", {"wear-many-hats"}),
        ("They have unlimited PTO.", {"unlimited-pto-unused"}),
        ("We have no tests.", {"no-time-for-tests"}),
        ("We have no testsuite problems.", set()),  # whole words only
        ("A familiar codebase.", set()),
    ],
)
def test_phrases_match_whole_words_in_any_case(text: str, expected: set[str]) -> None:
    assert set(PhraseMatcher(load_flags()).matches(text)) == expected


def test_without_the_model_only_phrases_count() -> None:
    found = FlagDetector(None).detect(["We are like a family.", "The founder calls us his second family."])
    assert [[m.flag.id for m in f] for f in found] == [["like-a-family"], []]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Tests are the first thing we drop when a deadline gets close.", "no-time-for-tests"),
        (
            "The last engineer in this role left after four months and nobody would say why.",
            "predecessor-left-suddenly",
        ),
        ("They want a decision within a day or the offer is gone.", "exploding-offer"),
        ("My manager messages me on Sunday evenings and expects an answer.", "always-on"),
    ],
)
def test_paraphrases_are_found_by_meaning(detector: FlagDetector, text: str, flag: str) -> None:
    [found] = detector.detect([text])
    assert [(m.flag.id, m.how) for m in found] == [(flag, "meaning")]
    assert found[0].matched  # the words that raised it, to show why
    assert all(word.removeprefix("not ... ") in text.lower() for word in found[0].matched.split(", "))


@pytest.mark.parametrize(
    "text",
    [
        "Postmortems are written up without naming anyone, she showed me one.",
        "After incidents we write up what went wrong without naming anyone.",
    ],
)
def test_a_write_up_without_names_is_green_though_it_reads_like_blame(detector: FlagDetector, text: str) -> None:
    """Embeddings miss the "without": the phrase keeps a blameless postmortem from reading as blame."""
    [found] = detector.detect([text])
    assert [(m.flag.id, m.flag.kind) for m in found] == [("blameless-postmortems", "green")]


@pytest.mark.parametrize(
    "text",
    [
        "The office has a nice view of the canal.",
        "We release every Tuesday.",
        "Our team has six engineers and a product manager.",
    ],
)
def test_plain_statements_raise_no_flag(detector: FlagDetector, text: str) -> None:
    assert detector.detect([text]) == [[]]


def test_a_bad_flag_is_named_by_file_id_and_field(tmp_path: Path) -> None:
    path = tmp_path / "flags.yaml"
    path.write_text(
        "flags:\n  - {id: lone-hero, kind: amber, category: culture, label: L, why: W, patterns: [hero]}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        DataError, match=r"flags\.yaml: flag 'lone-hero': field 'kind': Input should be 'red' or 'green'"
    ):
        load_flags(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mentoring answer was thinner than the careers site made me expect.", []),
        ("The meeting-free afternoon exists on paper but gets eaten.", []),
        ("No mentoring to speak of, you learn by yourself.", []),
        ("It's not a family, it's a company, and they say so.", []),
        ("Nobody takes the unlimited PTO.", ["unlimited-pto-unused"]),
        ("We have no tests.", ["no-time-for-tests"]),
        ("Great mentoring, my mentor changed my career.", ["mentoring-program"]),
    ],
)
def test_a_phrase_flag_never_contradicts_its_sentence(text: str, expected: list[str]) -> None:
    """Negation, contrast and comparison with a promise turn a sentence; the flag follows it."""
    [found] = FlagDetector(None).detect([text])
    assert [m.flag.id for m in found] == expected


def test_the_flag_list_is_data_with_colour_and_why() -> None:
    listed = catalogue()
    assert {f["colour"] for f in listed} == {"red", "green"}
    assert all(f["id"] and f["name"] and f["why"] for f in listed)
    assert [f["colour"] for f in listed] == sorted((f["colour"] for f in listed), key=lambda c: c != "red")


@pytest.mark.parametrize(
    ("text", "not_raised"),
    [
        ("The on-call allowance is tiny.", "sustainable-on-call"),
        ("Bands exist but are only shared with managers.", "published-salary-bands"),
        ("Slack never really sleeps here, people answer at 11pm.", "off-hours-respected"),
        ("A senior developer is retiring in March after 19 years with the company.", "no-career-path"),
        ("36-hour contracts are normal.", "unpaid-overtime"),
        ("I took my sabbatical in year three without any pushback.", "no-time-to-learn"),
        ("Mentoring answer was thinner than the careers site made me expect.", "mentoring-program"),
    ],
)
def test_a_flag_by_meaning_follows_what_the_sentence_says(detector: FlagDetector, text: str, not_raised: str) -> None:
    """Sentences that name a flag's subject and say the opposite, or nothing either way."""
    [found] = detector.detect([text])
    assert not_raised not in {m.flag.id for m in found}


def test_a_phrase_counts_where_the_reader_reads_its_flag_and_not_where_it_reads_another(
    detector: FlagDetector,
) -> None:
    """A phrase names a subject; the reader decides whether the sentence is about its flag."""
    [coaching] = detector.detect(["A learning budget of EUR 3,000 for courses, books and one-to-one coaching."])
    assert "manager-1on1s-regular" not in {m.flag.id for m in coaching}
    [paid] = detector.detect(["On-call is paid extra, 300 euros a week."])
    assert "sustainable-on-call" in {m.flag.id for m in paid}


def test_a_trained_reader_is_fitted_once_per_machine_for_the_same_sentences() -> None:
    from askback import config
    from askback.research.vectors import cached_arrays

    rows = [("Nobody has taken the learning budget.", ("no-time-to-learn",)), ("We ship on Tuesdays.", ())]
    seen: list[list[str]] = []

    def embed(texts: Sequence[str]) -> Vectors:
        seen.append(list(texts))
        return real_model().embed(texts)

    found = [
        FlagDetector(embed, training=rows * 3, model="test-once", cache=cached_arrays).detect(["Nobody used it."])
        for _ in range(2)
    ]
    assert found[0] == found[1]
    assert sum("We ship on Tuesdays." in texts for texts in seen) == 1  # fitted once
    assert len(list((config.home() / "cache").glob("flag-model-*.npz"))) == 1  # and kept for the next process
