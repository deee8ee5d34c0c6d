"""Markdown to blocks, keeping the heading path above each paragraph, list item and row.

Handbooks are mostly Markdown, and their headings carry meaning a sentence lacks on its
own ("Parental leave > Eligibility"), so facts keep them as context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from askback.research.documents import Block

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
TEMPLATE_TAGS = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
TITLE_LINE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
# MDX pages (Markdown with JSX) open with module lines that are code, not text.
MDX_MODULE_LINE = re.compile(
    r"^(?:import\s.*?\bfrom\s*['\"].*|import\s+['\"].*|export\s+(?:const|let|var|default|function|class|\{|\*).*)$",
    re.MULTILINE,
)
# An HTML block's words still count (a <div> callout, an MDX <Callout>); its code does not.
HTML_CODE = re.compile(r"<(script|style|pre|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|section|article|aside|header|footer|"
    r"blockquote|details|summary|figure|figcaption|br|hr|[A-Z][\w.]*)\b[^<>]*>"
)  # a capitalised tag is an MDX component: a callout, a tab, a card
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--|-->")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """markdown-it-py, CommonMark with tables. (Its Rust port was four times faster on a
    handbook, but panics on some input, such as a bracket before an escaped code fence.)"""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _tokens(text: str) -> list[Token]:
    return _parser().parse(text)


def split_front_matter(text: str) -> tuple[str, str]:
    """(title from the front matter or "", the body without front matter)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    title = TITLE_LINE.search(match.group(1))
    return (title.group(1).strip("\"'") if title else ""), text[match.end() :]


def markdown_blocks(text: str, root: tuple[str, ...] = ()) -> list[Block]:
    walker = _Walker(root)
    walker.visit(_tokens(MDX_MODULE_LINE.sub("", TEMPLATE_TAGS.sub(" ", text))))
    return walker.blocks


class _Walker:
    """Walks markdown-it's token stream in document order, keeping the current heading path.

    The stream is flat (containers open and close around their contents), so headings,
    paragraphs and tables are found at any depth (in a list item, a quote) without building
    a syntax tree: that took a tenth of a handbook's parsing time. Fenced and indented code,
    and rules, carry no words of the page."""

    def __init__(self, root: tuple[str, ...]) -> None:
        self.root = root
        self.headings: list[tuple[int, str]] = []
        self.blocks: list[Block] = []

    def path(self) -> tuple[str, ...]:
        return self.root + tuple(h for _, h in self.headings)

    def visit(self, tokens: Sequence[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "heading_open":
                level = int(token.tag[1:])
                self.headings = [h for h in self.headings if h[0] < level] + [(level, _inline_after(tokens, i))]
            elif token.type == "paragraph_open":
                content = _inline_after(tokens, i)
                if content:
                    self.blocks.append(Block(self.path(), content))
            elif token.type == "table_open":
                close = next((j for j in range(i + 1, len(tokens)) if tokens[j].type == "table_close"), len(tokens))
                self._table(tokens[i + 1 : close])
                i = close
            elif token.type == "html_block":
                self._html(token.content)
            i += 1

    def _html(self, content: str) -> None:
        """The text between the tags, read as Markdown under the current headings (as MDX does)."""
        words = HTML_TAG.sub("", HTML_BLOCK_TAG.sub("\n\n", HTML_CODE.sub(" ", content)))
        words = "\n".join(line.strip() for line in words.splitlines())  # indentation is layout here, not code
        if words.strip():
            self.visit(_tokens(words))

    def _table(self, tokens: Sequence[Token]) -> None:
        head: list[str] = []
        rows: list[list[str]] = []
        in_head = False
        for i, token in enumerate(tokens):
            if token.type in ("thead_open", "thead_close"):
                in_head = token.type == "thead_open"
            elif token.type == "tr_open" and not in_head:
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                (head if in_head else rows[-1] if rows else head).append(_inline_after(tokens, i))
        # A header of one filled cell is a caption; the real header may be the first body row.
        caption_like = sum(1 for c in head if c) == 1
        for i, cells in enumerate(rows):
            if not any(cells) or (i == 0 and caption_like and _looks_like_header(cells)):
                continue
            self.blocks.append(Block(self.path(), _row_text(cells)))


def _inline_after(tokens: Sequence[Token], i: int) -> str:
    """The words of the inline token that follows an opening one (a heading, a paragraph, a cell)."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return inline_text(following) if following is not None and following.type == "inline" else ""


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
        # anything else is markup around words (links, emphasis) or silent (images, inline HTML)
    return re.sub(r"\s+", " ", "".join(parts)).strip()
