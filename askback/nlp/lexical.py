"""BM25 retrieval over a company's sentences, in memory.

Embeddings only reach sentences that were embedded (those with a topic keyword); the plain
answer to a plain question ("Fewer than 3 years: 4 hours per pay period") often has none. A
lexical index reaches every sentence, and its page title and headings ("Paid parental leave")
count as context. SQLite's FTS5 with BM25 ranking is compiled into Python's sqlite3 and builds
an index of 10,000 sentences in about 0.1 s; the index lives in an in-memory database of its
own, so it works whatever database (SQLite or PostgreSQL) holds the facts. Without FTS5 the
index is empty and says so (:attr:`LexicalIndex.available`), and callers fall back on meaning.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TERM = re.compile(r"[a-z0-9]+")
HEADING_WEIGHT = 0.6  # a word in the title or headings counts a little less than one in the sentence


@dataclass(frozen=True)
class Hit:
    position: int  # index into the texts the index was built from
    score: float  # BM25, higher is better


def fts5_available() -> bool:
    try:
        connection = sqlite3.connect(":memory:")
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
    except sqlite3.OperationalError:
        return False
    connection.close()
    return True


class LexicalIndex:
    """Sentences and their context (title and headings), searchable by any of a set of phrases."""

    def __init__(self, texts: Sequence[str], contexts: Sequence[str]) -> None:
        self.size = len(texts)
        self._db: sqlite3.Connection | None = None
        if not texts or not fts5_available():
            return
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute("CREATE VIRTUAL TABLE doc USING fts5(body, context, tokenize='porter unicode61')")
        db.executemany(
            "INSERT INTO doc(rowid, body, context) VALUES (?, ?, ?)",
            ((i, text, context) for i, (text, context) in enumerate(zip(texts, contexts, strict=True))),
        )
        self._db = db

    @property
    def available(self) -> bool:
        return self._db is not None

    def search(self, phrases: Iterable[str], limit: int = 20) -> list[Hit]:
        """The best ``limit`` sentences matching any phrase (each phrase's words in order)."""
        query = " OR ".join(sorted({q for q in (_phrase(p) for p in phrases) if q}))
        if self._db is None or not query:
            return []
        rows = self._db.execute(
            f"SELECT rowid, bm25(doc, 1.0, {HEADING_WEIGHT}) AS rank FROM doc WHERE doc MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()
        return [Hit(int(rowid), -float(rank)) for rowid, rank in rows]

    def frequency(self, word: str) -> int:
        """In how many sentences a word (or a word it begins) occurs: "vacation" counts "vacations"."""
        terms = _TERM.findall(word.lower())
        if self._db is None or not terms:
            return 0
        row = self._db.execute("SELECT count(*) FROM doc WHERE doc MATCH ?", (f'body:"{terms[0]}"*',)).fetchone()
        return int(row[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _phrase(text: str) -> str:
    """An FTS5 phrase from free text: its words quoted, so no input is read as query syntax."""
    terms = _TERM.findall(text.lower())
    return '"' + " ".join(terms) + '"' if terms else ""
