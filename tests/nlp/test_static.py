"""The static table distilled from MiniLM: small, fast, and close enough in meaning to rank."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from askback.nlp.embeddings import EmbeddingUnavailable
from askback.nlp.static import STATIC_FILE, StaticEmbedder, static_embedder


def test_the_shipped_table_is_a_few_megabytes() -> None:
    assert STATIC_FILE.stat().st_size < 5_000_000


def test_sentences_about_the_same_thing_are_closer_than_unrelated_ones() -> None:
    model = static_embedder()
    leave, parental, deploy = model.embed(
        [
            "New parents get sixteen weeks of paid leave.",
            "Parental leave is 16 weeks, fully paid, for every parent.",
            "We deploy to production several times a day after code review.",
        ]
    )
    assert float(leave @ parental) > float(leave @ deploy) + 0.1
    assert np.allclose(np.linalg.norm([leave, parental, deploy], axis=1), 1.0, atol=1e-5)


def test_an_empty_text_gives_a_zero_vector_not_an_error() -> None:
    vectors = static_embedder().embed(["", "Remote work is welcome."])
    assert not vectors[0].any() and vectors[1].any()


def test_a_table_made_for_another_tokenizer_is_refused(tmp_path: Path) -> None:
    with np.load(STATIC_FILE) as data:
        np.savez(tmp_path / "other.npz", vectors=data["vectors"], scales=data["scales"], vocabulary=np.array("0" * 16))
    with pytest.raises(EmbeddingUnavailable, match="made for another tokenizer"):
        StaticEmbedder(tmp_path / "other.npz")


def test_a_missing_table_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingUnavailable, match=r"scripts/distill_static\.py"):
        StaticEmbedder(tmp_path / "missing.npz")
