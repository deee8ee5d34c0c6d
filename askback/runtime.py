"""The runtime: what services need from outside themselves, built once by a front end.

A service never reaches for a global: the CLI and the web app each build one :class:`Runtime`
(the database, and the embedding model loaded on first use) and hand it to every service they
call. Tests build theirs with a small fake embedder, or with none, through the same seam.

The model is loaded lazily and once per runtime, under a lock (the web app's research worker,
linter warm-up and requests may all ask for it at the same moment); a model that cannot be
loaded is remembered as unavailable, so each caller falls back to lexical matching without
trying again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from askback.errors import AskbackError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from askback.nlp.embeddings import Embedder
    from askback.store.db import Database

EmbedderLoader = Callable[[], "Embedder"]
T = TypeVar("T")
MAX_SHARED = 16  # values kept by :meth:`Runtime.shared`; the oldest goes first


def installed_model() -> Embedder:
    """The embedding model installed with askback (heavy imports happen only here)."""
    from askback.nlp.embeddings import load_installed

    return load_installed()


class Runtime:
    """The database and the embedder, for services to take what they need from.

    ``embedder`` is used as given; otherwise ``load_embedder`` (the installed model by
    default) is called the first time a service asks for one.
    """

    def __init__(
        self,
        db: Database,
        *,
        embedder: Embedder | None = None,
        load_embedder: EmbedderLoader = installed_model,
    ) -> None:
        self.db = db
        self._embedder = embedder
        self._load = load_embedder
        self._failure: AskbackError | None = None
        self._lock = threading.Lock()
        self._shared: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._shared_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        embedder: Embedder | None = None,
        load_embedder: EmbedderLoader = installed_model,
    ) -> Runtime:
        """A runtime over the database at ``url`` (the configured one by default), migrated."""
        from askback.store.db import open_database

        return cls(open_database(url), embedder=embedder, load_embedder=load_embedder)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction on the runtime's database (see :meth:`Database.session`)."""
        with self.db.session() as session:
            yield session

    def embedder(self) -> Embedder:
        """The embedder, loaded on first use; raises :class:`AskbackError` when there is none."""
        with self._lock:
            if self._embedder is None:
                if self._failure is None:
                    try:
                        self._embedder = self._load()
                    except AskbackError as exc:
                        self._failure = exc
                if self._failure is not None:
                    raise self._failure
            assert self._embedder is not None
            return self._embedder

    def shared(self, key: Hashable, version: Hashable, build: Callable[[], T]) -> T:
        """What ``build`` returns, built once per ``key`` and ``version`` for this runtime's life
        (a company's lint context for the state of its research, say): a different ``version``
        builds it again. Two threads may both build a missing value; the last one is kept."""
        with self._shared_lock:
            hit = self._shared.get(key)
            if hit is not None and hit[0] == version:
                self._shared.move_to_end(key)
                value: T = hit[1]
                return value
        value = build()
        with self._shared_lock:
            self._shared[key] = (version, value)
            self._shared.move_to_end(key)
            while len(self._shared) > MAX_SHARED:
                self._shared.popitem(last=False)
        return value

    def embedder_or_none(self) -> Embedder | None:
        """The embedder, or None where there is none: callers then match words alone."""
        try:
            return self.embedder()
        except AskbackError:
            return None

    def close(self) -> None:
        self.db.dispose()


def no_model() -> Embedder:
    """A loader for a runtime without the model, as on a machine where it is not installed."""
    from askback.nlp.embeddings import EmbeddingUnavailable

    raise EmbeddingUnavailable("no embedding model in this runtime")
