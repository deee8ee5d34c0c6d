"""Models fitted on the labelled sentences askback ships, once per process and once per machine.

The flag reader and the claim classifier learn from some 7,000 sentences with their words as
features; fitting them takes seconds, which a command that reads one note should not pay each
time. What a fit produces is a few arrays, so it is kept under a digest of everything it was
fitted from (the embedding model's name, the settings, every training sentence and label): in
memory for the process, and, given an :data:`ArrayCache` (the data directory's ``cache/``),
on disk for the next process. Changing any training sentence or setting fits again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

Arrays = dict[str, Any]
# (kind, what the arrays are made from, how to make them) -> the arrays, kept per machine
ArrayCache = Callable[[str, Sequence[str], Callable[[], Arrays]], Arrays]

_IN_MEMORY: dict[str, Arrays] = {}


def fitted_once(kind: str, made_from: Sequence[str], fit: Callable[[], Arrays], cache: ArrayCache | None) -> Arrays:
    """The arrays ``fit`` makes from ``made_from``, fitted at most once per process (and, with
    ``cache``, per machine)."""
    key = hashlib.sha256("\0".join([kind, *made_from]).encode("utf-8")).hexdigest()
    if key not in _IN_MEMORY:
        _IN_MEMORY[key] = cache(kind, made_from, fit) if cache is not None else fit()
    return _IN_MEMORY[key]
