"""The shapes research passes along: raw pages in, blocks and sentences out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class RawPage:
    """A page or file as read, before any parsing."""

    source: str  # what the user named: a URL, a folder or file path, or "-"
    ref: str  # the page's URL, or its path relative to the folder given
    content_type: str  # text/html, text/markdown, text/plain or application/pdf
    body: bytes
    charset: str | None
    fetched_at: datetime


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or table row, with the headings above it."""

    headings: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Document:
    ref: str
    title: str
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = field(default=())  # e.g. "not valid UTF-8: decoded with replacements"


@dataclass(frozen=True)
class Sentence:
    headings: tuple[str, ...]
    text: str
    position: int  # order of the sentence in its document, from 0
