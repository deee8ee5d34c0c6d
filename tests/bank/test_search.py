"""Browsing the bank as the CLI does, through the bank's own service."""

from __future__ import annotations

import pytest

from askback.bank.search import question, questions, search
from askback.errors import NotFoundError, UsageError


def test_search_ranks_by_shared_words_and_keeps_to_a_category() -> None:
    found = search("learning budget conferences", limit=5)
    assert found and found[0][1].category == "growth"
    assert [s for s, _ in found] == sorted((s for s, _ in found), reverse=True)
    assert all(q.category == "culture" for _, q in search("learning budget", category="culture"))
    assert search("zzzz qqqq") == []


def test_a_category_and_an_id_must_be_known() -> None:
    assert {q.category for q in questions("fun")} == {"fun"}
    with pytest.raises(UsageError, match="unknown category 'perks'"):
        questions("perks")
    with pytest.raises(NotFoundError, match="no question 'growth-nothing'"):
        question("growth-nothing")
