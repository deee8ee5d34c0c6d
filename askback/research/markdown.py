"""Markdown to blocks, keeping the heading path above each paragraph, list item and row.

Handbooks are mostly Markdown, and their headings carry meaning a sentence lacks on its
own ("Parental leave > Eligibility"), so facts keep them as context.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from askback.research.documents import Block

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
TEMPLATE_TAGS = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
TITLE_LINE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def split_front_matter(text: str) -> tuple[str, str]:
    """(title from the front matter or "", the body without front matter)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    title = TITLE_LINE.search(match.group(1))
    return (title.group(1).strip("\"'") if title else ""), text[match.end() :]


def markdown_blocks(text: str, root: tuple[str, ...] = ()) -> list[Block]:
    tokens = _parser().parse(TEMPLATE_TAGS.sub(" ", text))
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    row: list[str] = []
    pending_heading: int | None = None
    in_cell = in_head = False
    caption_like = first_body_row = False
    for token in tokens:
        if token.type == "heading_open":
            pending_heading = int(token.tag[1:])
        elif token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
            if not in_head:  # a header of one filled cell is a caption; the real header may follow
                caption_like, first_body_row, row = sum(1 for c in row if c) == 1, True, []
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.type.endswith("_open")
        elif token.type == "inline":
            content = inline_text(token)
            if pending_heading is not None:
                headings = [h for h in headings if h[0] < pending_heading] + [(pending_heading, content)]
                pending_heading = None
            elif in_cell:
                row.append(content)
            elif content:
                blocks.append(Block(root + tuple(h for _, h in headings), content))
        elif token.type == "tr_close" and in_head:
            continue  # a header row names columns; it states nothing (cleared at thead_close)
        elif token.type == "tr_close" and row:
            if not (first_body_row and caption_like and _looks_like_header(row)):
                blocks.append(Block(root + tuple(h for _, h in headings), _row_text(row)))
            row, first_body_row = [], False
    return blocks


def _looks_like_header(cells: list[str]) -> bool:
    return all(len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in cells)


def _row_text(cells: list[str]) -> str:
    cells = [c for c in cells if c]
    if len(cells) >= 2:
        return f"{cells[0]}: " + ". ".join(cells[1:]).rstrip(".") + "."
    return cells[0] if cells else ""


def inline_text(token: Token) -> str:
    """The words of an inline token: links become their text, images and HTML disappear."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()
