"""One-vs-rest ridge regression: it separates what is separable and learns base rates."""

from __future__ import annotations

import numpy as np
import pytest

from askback.nlp.linear import fit_ridge, with_bias


def test_separable_classes_are_told_apart() -> None:
    x = with_bias(np.array([[1.0, 0, 0], [0.9, 0.1, 0], [0, 1.0, 0], [0.1, 0.9, 0], [0, 0, 1.0]]))
    labels = ["red", "red", "green", "green", "none"]
    weights = fit_ridge(x, labels, ("red", "green", "none"), penalty=0.01)
    assert weights.shape == (4, 3)
    assert [("red", "green", "none")[i] for i in (x @ weights).argmax(axis=1)] == labels


def test_the_bias_is_not_penalised() -> None:
    """With a huge penalty the features count for nothing and the majority class still wins."""
    x = with_bias(np.array([[1.0], [2.0], [3.0], [4.0]]))
    weights = fit_ridge(x, ["a", "a", "a", "b"], ("a", "b"), penalty=1e9)
    assert ((x @ weights).argmax(axis=1) == 0).all()
    assert abs(weights[0, 0]) < 1e-6


def test_logistic_regression_separates_and_gives_probabilities() -> None:
    from askback.nlp.linear import fit_logistic, logistic

    rows = [[0.9, 0.1], [0.8, 0.0], [0.7, 0.2], [0.1, 0.9], [0.2, 0.8], [0.0, 0.7]]
    labels = [1, 1, 1, 0, 0, 0]
    weights, bias = fit_logistic(rows, labels, l2=0.001)
    chances = [logistic(weights, bias, r) for r in rows]
    assert all(c > 0.5 for c in chances[:3]) and all(c < 0.5 for c in chances[3:])
    assert fit_logistic(rows, labels, l2=0.001) == (weights, bias)  # deterministic: the same data, the same file


def test_logistic_of_extreme_scores_stays_a_probability() -> None:
    from askback.nlp.linear import logistic

    assert logistic([1e6], 0.0, [1.0]) == pytest.approx(1.0)
    assert logistic([1e6], 0.0, [-1.0]) == pytest.approx(0.0)


def test_with_more_features_than_rows_the_solution_is_the_same() -> None:
    """Words beside an embedding give more features than training sentences; solving in the
    rows' space must give the weights the ordinary solve gives, bias unpenalised included."""
    rng = np.random.default_rng(7)
    x = with_bias(rng.normal(size=(40, 90)))
    labels = [("a", "b", "c")[i % 3] for i in range(40)]
    wide = fit_ridge(x, labels, ("a", "b", "c"), penalty=2.0)
    targets = -np.ones((40, 3))
    targets[np.arange(40), [("a", "b", "c").index(label) for label in labels]] = 1.0
    gram = x.T @ x + 2.0 * np.eye(91)
    gram[-1, -1] -= 2.0
    assert np.allclose(wide, np.linalg.solve(gram, x.T @ targets), atol=1e-4)
