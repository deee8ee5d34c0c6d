"""Models fitted on the labelled sentences askback ships: shipped with it, else fitted once per
process and once per machine.

The flag reader and the claim classifier learn from some 7,000 sentences with their words as
features; fitting them means embedding every one of those sentences (half a minute on two
cores) and solving the models, which a command that reads one note should not pay. What a fit
produces is a few arrays, so it is kept under a digest of everything it was fitted from (the
embedding model's name, the settings, every training sentence and label):

- in the package (``data/<kind>.npz``, written by ``scripts/ship_fits.py``), so a fresh
  install reads it in milliseconds;
- in memory for the process;
- given an :data:`ArrayCache` (the data directory's ``cache/``), on disk for the next process.

Changing any training sentence or setting no longer matches the shipped digest and fits again
until the fits are shipped anew (a test says so).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Arrays = dict[str, Any]
# (kind, what the arrays are made from, how to make them) -> the arrays, kept per machine
ArrayCache = Callable[[str, Sequence[str], Callable[[], Arrays]], Arrays]

SHIPPED = Path(__file__).parent / "data"
_DIGEST = "made_from"

_IN_MEMORY: dict[str, Arrays] = {}


def fitted_once(kind: str, made_from: Sequence[str], fit: Callable[[], Arrays], cache: ArrayCache | None) -> Arrays:
    """The arrays ``fit`` makes from ``made_from``: the shipped ones when they were made from
    the same, else fitted at most once per process (and, with ``cache``, per machine)."""
    key = digest(kind, made_from)
    if key not in _IN_MEMORY:
        found = shipped(kind, key)
        if found is None:
            found = cache(kind, made_from, fit) if cache is not None else fit()
        _IN_MEMORY[key] = found
    return _IN_MEMORY[key]


def digest(kind: str, made_from: Sequence[str]) -> str:
    return hashlib.sha256("\0".join([kind, *made_from]).encode("utf-8")).hexdigest()


def shipped(kind: str, key: str) -> Arrays | None:
    """The package's fit of ``kind`` if it was made from what ``key`` digests, else None."""
    import numpy as np

    with contextlib.suppress(OSError, ValueError, KeyError), np.load(SHIPPED / f"{kind}.npz") as stored:
        if str(stored[_DIGEST]) == key:
            return {name: stored[name] for name in stored.files if name != _DIGEST}
    return None


def ship(kind: str, made_from: Sequence[str], fit: Callable[[], Arrays]) -> Arrays:
    """An :data:`ArrayCache` that writes the fit into the package (development only), its
    weights as 32-bit floats and compressed: 5 MB for both models where 15 MB was written."""
    import numpy as np

    arrays = {name: a.astype(np.float32) if a.dtype == np.float64 else a for name, a in fit().items()}
    stored: dict[str, Any] = {_DIGEST: np.array(digest(kind, made_from)), **arrays}
    np.savez_compressed(SHIPPED / f"{kind}.npz", **stored)
    return arrays
