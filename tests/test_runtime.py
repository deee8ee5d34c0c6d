"""The runtime: the embedder is loaded on first use, once, also when threads ask at the same
moment; a model that cannot be loaded is asked for once and then matched by words alone."""

from __future__ import annotations

import threading
import time

import pytest
from embedders import WordsEmbedder

from askback.errors import AskbackError
from askback.nlp.embeddings import Embedder, EmbeddingUnavailable
from askback.runtime import Runtime, no_model
from askback.store.db import Database


def test_the_embedder_is_loaded_on_first_use_and_once(db: Database) -> None:
    loaded: list[Embedder] = []

    def load() -> Embedder:
        time.sleep(0.05)  # slow enough for the threads below to ask at the same moment
        loaded.append(WordsEmbedder())
        return loaded[-1]

    runtime = Runtime(db, load_embedder=load)
    assert loaded == []
    got: list[Embedder] = []
    threads = [threading.Thread(target=lambda: got.append(runtime.embedder())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loaded) == 1
    assert all(e is loaded[0] for e in got) and len(got) == 4


def test_a_given_embedder_is_used_as_it_is(db: Database) -> None:
    words = WordsEmbedder()
    assert Runtime(db, embedder=words).embedder() is words


def test_a_missing_model_is_tried_once_and_then_none(db: Database) -> None:
    attempts: list[int] = []

    def missing() -> Embedder:
        attempts.append(1)
        raise EmbeddingUnavailable("the embedding model is not installed")

    runtime = Runtime(db, load_embedder=missing)
    with pytest.raises(AskbackError, match="not installed"):
        runtime.embedder()
    assert runtime.embedder_or_none() is None
    assert attempts == [1]
    assert Runtime(db, load_embedder=no_model).embedder_or_none() is None


def test_a_runtime_opens_the_configured_database(askback_home: object) -> None:
    runtime = Runtime.open(load_embedder=no_model)
    try:
        with runtime.session() as session:
            assert session.bind is not None and session.bind.dialect.name == "sqlite"
    finally:
        runtime.close()


def test_the_fake_embedder_puts_texts_that_share_words_closer() -> None:
    """The tests' fake is only useful if it keeps this much of the real model's behaviour."""
    a, b, c = WordsEmbedder().embed(["paid vacation days", "vacation days off", "Kafka event streams"])
    assert float(a @ b) > float(a @ c) + 0.3


def test_a_shared_value_is_built_once_per_version(db: Database) -> None:
    runtime = Runtime(db, load_embedder=no_model)
    built: list[int] = []

    def build(n: int) -> str:
        built.append(n)
        return f"value {n}"

    assert runtime.shared("key", 1, lambda: build(1)) == "value 1"
    assert runtime.shared("key", 1, lambda: build(99)) == "value 1"  # same version: kept
    assert runtime.shared("key", 2, lambda: build(2)) == "value 2"  # new version: built again
    assert runtime.shared("other", 2, lambda: build(3)) == "value 3"
    assert built == [1, 2, 3]


def test_shared_values_are_bounded_oldest_first(db: Database) -> None:
    from askback.runtime import MAX_SHARED

    runtime = Runtime(db, load_embedder=no_model)
    for n in range(MAX_SHARED + 1):
        runtime.shared(n, 0, lambda n=n: n)  # type: ignore[misc]
    rebuilt: list[int] = []
    assert runtime.shared(0, 0, lambda: rebuilt.append(0) or 0) == 0  # type: ignore[func-returns-value]
    assert rebuilt == [0]  # the oldest was dropped
    assert runtime.shared(MAX_SHARED, 0, lambda: -1) == MAX_SHARED  # the newest was kept
