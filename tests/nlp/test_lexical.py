"""BM25 over sentences and their headings: what the answered check finds by words."""

from __future__ import annotations

import pytest

from askback.nlp import lexical
from askback.nlp.lexical import LexicalIndex

TEXTS = [
    "Fewer than 3 years: 4 hours per pay period.",
    "Submit expenses within five days.",
    "We are paid biweekly.",
    "Vacations are an exception to the weekly one-on-one.",
]
CONTEXTS = ["Leave > Annual leave", "Expenses", "Benefits > Paychecks", "One-on-ones"]


def test_a_sentence_is_found_by_the_words_of_its_headings() -> None:
    hits = LexicalIndex(TEXTS, CONTEXTS).search(["annual leave"])
    assert [h.position for h in hits] == [0]


def test_any_phrase_finds_and_the_better_match_ranks_first() -> None:
    hits = LexicalIndex(TEXTS, CONTEXTS).search(["paid", "paychecks", "expenses"])
    assert [h.position for h in hits][:1] == [2]
    assert {h.position for h in hits} == {1, 2}
    assert hits[0].score > hits[1].score > 0


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "NEAR(a b)", "col:umn*", "", "   ", "^vacation"])
def test_query_syntax_in_the_input_is_read_as_words(text: str) -> None:
    index = LexicalIndex(TEXTS, CONTEXTS)
    assert all(h.position in range(len(TEXTS)) for h in index.search([text]))


def test_frequency_counts_sentences_with_a_word_or_a_longer_form() -> None:
    index = LexicalIndex(TEXTS, CONTEXTS)
    assert index.frequency("vacation") == 1  # "Vacations"
    assert index.frequency("pay") == 2  # "pay period", "paid" (stemmed)
    assert index.frequency("sabbatical") == 0


def test_without_fts5_the_index_is_empty_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical, "fts5_available", lambda: False)
    index = LexicalIndex(TEXTS, CONTEXTS)
    assert not index.available
    assert index.search(["paid"]) == []
    assert index.frequency("paid") == 0


def test_an_empty_index_finds_nothing() -> None:
    assert LexicalIndex([], []).search(["anything"]) == []
