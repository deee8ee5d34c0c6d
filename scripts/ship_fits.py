"""Fit the flag reader and the claim classifier on the sentences askback ships and write the
fits into the package (``askback/assess/data/*-model.npz``), so no installation has to embed
7,000 training sentences before it reads its first note.

Run after changing any training sentence, flag or threshold file:
    PYTHONPATH=. .venv/bin/python scripts/ship_fits.py
``tests/assess/test_fitted.py`` fails while the shipped fits are out of date.
"""

from __future__ import annotations

import time
from functools import partial

from askback.assess.claims import ClaimClassifier
from askback.assess.fitted import SHIPPED, ship
from askback.assess.flags import FlagDetector
from askback.nlp.embeddings import load_installed
from askback.research.vectors import embed_fixed


def main() -> None:
    embedder = load_installed()
    embed = partial(embed_fixed, embedder)
    started = time.perf_counter()
    FlagDetector(embed, model=embedder.name, cache=ship).detect(["The team ships on Fridays."])
    ClaimClassifier(embed, model=embedder.name, cache=ship).classify(["The team ships on Fridays."])
    for kind in ("flag-model", "claim-model"):
        size = (SHIPPED / f"{kind}.npz").stat().st_size
        print(f"{kind}: {size / 1e6:.1f} MB")
    print(f"fitted (or found current) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
