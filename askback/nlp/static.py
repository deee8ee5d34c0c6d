"""Static sentence vectors: a table of token vectors distilled from MiniLM, averaged.

A sentence vector is the mean of its tokens' rows, normalised: a lookup, about a thousand
times faster than running MiniLM, and a rougher guide to meaning (it cannot see word order or
negation). askback uses it where speed matters and a rough guide is enough (which research
topic a sentence is close to, which facts are worth comparing with a question) and keeps
MiniLM for the final comparisons. ``scripts/distill_static.py`` makes the table from the
installed MiniLM; it ships in ``nlp/data`` (int8, a few MB). Inference is numpy only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askback.nlp.embeddings import EmbeddingUnavailable, tokenizer_path

if TYPE_CHECKING:
    from askback.nlp.embeddings import Vectors

STATIC_FILE = Path(__file__).parent / "data" / "minilm-static.npz"
STATIC_NAME = "all-MiniLM-L6-v2-static-v1"
GROUP = 64  # sentences summed together (see StaticEmbedder.embed)


def vocabulary_digest(tokenizer: Path | None = None) -> str:
    """Identifies the tokenizer the table was made for: rows are looked up by token id."""
    from tokenizers import Tokenizer

    vocab = Tokenizer.from_file(str(tokenizer or tokenizer_path())).get_vocab()
    return hashlib.sha256("\n".join(sorted(vocab, key=vocab.__getitem__)).encode()).hexdigest()[:16]


class StaticEmbedder:
    """Mean of distilled token vectors, L2-normalised; same protocol as :class:`MiniLM`."""

    name = STATIC_NAME

    def __init__(self, table: Path = STATIC_FILE, tokenizer: Path | None = None) -> None:
        import numpy as np
        from tokenizers import Tokenizer

        tokenizer = tokenizer or tokenizer_path()
        if not table.exists():
            raise EmbeddingUnavailable(f"{table} is missing; run scripts/distill_static.py")
        with np.load(table, allow_pickle=False) as data:
            if str(data["vocabulary"]) != vocabulary_digest(tokenizer):
                raise EmbeddingUnavailable(
                    f"{table.name} was made for another tokenizer; run scripts/distill_static.py"
                )
            self._table = data["vectors"].astype(np.float32) * data["scales"][:, None]
        self.dimensions = int(self._table.shape[1])
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()

    def embed(self, texts: Sequence[str]) -> Vectors:
        import numpy as np

        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        token_ids = [e.ids for e in encodings]
        lengths = np.array([len(ids) for ids in token_ids], dtype=np.int64)
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        present = np.flatnonzero(lengths)
        # A few sentences at a time: their token rows stay in the CPU's cache while they are
        # summed, where gathering a handbook's 100,000 rows at once took ten times longer.
        for start in range(0, len(present), GROUP):
            group = present[start : start + GROUP]
            ids = np.fromiter(
                (i for row in group for i in token_ids[row]), dtype=np.int64, count=int(lengths[group].sum())
            )
            starts = np.concatenate(([0], np.cumsum(lengths[group])[:-1]))
            out[group] = np.add.reduceat(self._table[ids], starts, axis=0) / lengths[group, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        result: Vectors = out / np.clip(norms, 1e-12, None)
        return result


@lru_cache(maxsize=1)
def static_embedder() -> StaticEmbedder:
    """The shipped table, loaded once per process; raises :class:`EmbeddingUnavailable`."""
    return StaticEmbedder()
