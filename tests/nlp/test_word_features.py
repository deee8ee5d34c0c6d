"""Words as features that keep a sentence's stance: negation, the clause it lands on, pairs."""

from __future__ import annotations

import numpy as np

from askback.nlp.word_features import WordFeatures, is_single_word, readable, terms


def test_a_negated_word_is_another_feature() -> None:
    assert "supportive" in terms("My manager is supportive.")
    assert "not_supportive" in terms("My manager is not supportive.")
    assert "supportive" not in terms("My manager is not supportive.")


def test_the_clause_a_sentence_lands_on_counts_again() -> None:
    found = terms("The budget exists, but nobody uses it.")
    assert "last:nobody" in found
    assert "last:budget" not in found


def test_neighbouring_words_are_kept_as_pairs() -> None:
    assert "on paper" in terms("Focus time exists on paper.")


def test_rows_are_weighted_by_rarity_and_of_length_one() -> None:
    texts = ["on-call is paid", "on-call is tiny", "on-call is paid well", "the allowance is tiny"]
    features = WordFeatures.fit(texts)
    assert "is" in features.index and "well" not in features.index  # seen once: not learnt
    rows = features.matrix(["on-call is paid", "nothing known here"])
    assert np.isclose(np.linalg.norm(rows[0]), 1.0)
    assert not rows[1].any()
    assert rows[0, features.index["paid"]] > rows[0, features.index["is"]]


def test_what_raised_a_flag_reads_as_the_sentence_does() -> None:
    assert readable("not_once") == "not ... once"
    assert readable("last:tiny") == "tiny"
    assert is_single_word("tiny") and not is_single_word("on paper") and not is_single_word("the")
