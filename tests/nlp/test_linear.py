"""One-vs-rest ridge regression: it separates what is separable and learns base rates."""

from __future__ import annotations

import numpy as np

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
