"""TF-IDF cosine: the fast, explainable measure behind bank search and near-duplicates."""

from __future__ import annotations

import pytest

from askback.nlp.similarity import TfidfIndex, cosine

DOCS = [
    "How is the learning budget spent on this team?",
    "What does the on-call rota look like?",
    "How are promotions decided on this team?",
]


def test_a_text_is_fully_alike_to_itself() -> None:
    index = TfidfIndex(DOCS)
    assert index.query(DOCS[1])[1] == pytest.approx(1.0)


def test_query_scores_every_document_in_order_and_finds_the_matching_one() -> None:
    index = TfidfIndex(DOCS)
    scores = index.query("learning budget")
    assert len(scores) == len(DOCS)
    assert scores.index(max(scores)) == 0
    assert scores[1] == 0.0


def test_texts_without_shared_content_words_score_zero() -> None:
    index = TfidfIndex(DOCS)
    assert cosine(index.vectorise("on-call rota"), index.vectorise("learning budget")) == 0.0


def test_word_forms_match() -> None:
    index = TfidfIndex(DOCS)
    scores = index.query("promotion decided")
    assert scores.index(max(scores)) == 2
    assert scores[2] > 0.5


def test_cosine_is_symmetric_and_bounded() -> None:
    index = TfidfIndex(DOCS)
    a, b = index.vectorise(DOCS[0]), index.vectorise(DOCS[2])
    assert cosine(a, b) == pytest.approx(cosine(b, a))
    assert 0.0 < cosine(a, b) < 1.0


def test_rare_words_weigh_more_than_common_ones() -> None:
    """Sharing a word every document has says less than sharing a rare one."""
    index = TfidfIndex(["team budget", "team rota", "team promotion", "team hiring"])
    shares_common = cosine(index.vectorise("team budget"), index.vectorise("team rota"))
    shares_rare = cosine(index.vectorise("team budget"), index.vectorise("budget rota"))
    assert shares_rare > shares_common


def test_empty_text_matches_nothing() -> None:
    index = TfidfIndex(DOCS)
    assert index.vectorise("") == {}
    assert index.query("the and of") == [0.0, 0.0, 0.0]


def test_words_unseen_in_the_documents_still_count() -> None:
    index = TfidfIndex(DOCS)
    assert cosine(index.vectorise("kubernetes migration"), index.vectorise("migration of kubernetes")) == pytest.approx(
        1.0
    )
