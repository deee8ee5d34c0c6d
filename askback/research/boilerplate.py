"""Sentences repeated across many pages are the site's furniture, not facts.

Extraction already drops most navigation; what slips through (a cookie notice, a
newsletter pitch, a footer address) repeats on most pages, while real content rarely
repeats word for word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from askback.research.documents import Sentence

MIN_PAGES = 4  # below this, repetition says little
SHARE = 0.5  # a sentence on at least half of the pages is boilerplate


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def boilerplate(pages: Sequence[Sequence[Sentence]], min_pages: int = MIN_PAGES, share: float = SHARE) -> set[str]:
    """Normalised texts that appear on too many pages to be content."""
    if len(pages) < min_pages:
        return set()
    counts: Counter[str] = Counter()
    for sentences in pages:
        counts.update({normalise(s.text) for s in sentences})
    limit = max(3, int(len(pages) * share))
    return {text for text, n in counts.items() if n >= limit}
