"""Linear classifiers solved in closed form: one-vs-rest ridge regression with numpy.

Ridge rather than logistic regression: on the project's labelled sentences it reaches the
same accuracy in cross-validation, and training is one linear solve instead of hundreds of
gradient steps, so a model can be fitted offline in milliseconds and shipped as a small
data file of weights (or refitted on first use). Inputs are rows of features with a
trailing column of ones (the bias), which is not penalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float64]


def fit_ridge(x: Matrix, labels: Sequence[str], classes: Sequence[str], penalty: float) -> Matrix:
    """Weights (features x classes) of one-vs-rest ridge regression to +1/-1 targets.

    The last column of ``x`` must be the bias column of ones; it is not penalised, so a
    class's base rate is learnt whatever the penalty. With more features than rows (words
    beside an embedding), the same solution is found in the rows' space, a system the size of
    the training set rather than of the vocabulary."""
    import numpy as np

    targets = -np.ones((len(labels), len(classes)))
    targets[np.arange(len(labels)), [list(classes).index(label) for label in labels]] = 1.0
    if x.shape[0] < x.shape[1]:
        return _fit_ridge_dual(x, targets, penalty)
    gram = x.T @ x + penalty * np.eye(x.shape[1])
    gram[-1, -1] -= penalty
    weights: Matrix = np.asarray(np.linalg.solve(gram, x.T @ targets), dtype=np.float64)
    return weights


def _fit_ridge_dual(x: Matrix, targets: Matrix, penalty: float) -> Matrix:
    """Ridge with a free bias as ridge on centred data (the bias is then the means' difference),
    solved through the rows' Gram matrix: w = Xc' (Xc Xc' + penalty I)^-1 Yc."""
    import numpy as np

    features = x[:, :-1]
    mean_x, mean_y = features.mean(axis=0), targets.mean(axis=0)
    centred = features - mean_x
    single = centred.astype(np.float32)  # the Gram matrix in single precision: twice as fast, ample for ridge
    gram = (single @ single.T).astype(np.float64)
    alpha = np.linalg.solve(gram + penalty * np.eye(len(x)), targets - mean_y)
    weights = centred.T @ alpha
    bias = mean_y - mean_x @ weights
    out: Matrix = np.vstack([weights, bias[None, :]])
    return out


def with_bias(x: Matrix) -> Matrix:
    """``x`` with the column of ones :func:`fit_ridge` expects."""
    import numpy as np

    return np.hstack([x.astype(np.float64), np.ones((len(x), 1))])


def logistic(weights: Sequence[float], bias: float, features: Sequence[float]) -> float:
    """The probability a fitted logistic model gives one feature vector: a dot product, so a
    model shipped as a few numbers in a data file runs without numpy."""
    import math

    z = bias + sum(w * x for w, x in zip(weights, features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = 0.001, steps: int = 3000, rate: float = 0.5
) -> tuple[list[float], float]:
    """Weights and bias of a logistic regression, by full-batch gradient descent on the log loss
    with an L2 penalty (the bias unpenalised). Deterministic: the same rows give the same weights.
    Used where a probability is wanted (a pair scorer with a bar), not a class."""
    import numpy as np

    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(x.shape[1])
    b = 0.0
    n = max(1, len(y))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30)))
        error = p - y
        w -= rate * (x.T @ error / n + l2 * w)
        b -= rate * float(error.mean())
    return [float(v) for v in w], float(b)
