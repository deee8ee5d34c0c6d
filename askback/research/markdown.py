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
    from markdown_it.tree import SyntaxTreeNode as Node

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
SILENT = frozenset({"image", "html_inline"})  # inline nodes whose words are not the page's text
SKIPPED = frozenset({"fence", "code_block", "hr"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """markdown-it-py, CommonMark with tables. (Its Rust port was four times faster on a
    handbook, but panics on some input, such as a bracket before an escaped code fence.)"""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _tree(text: str) -> Node:
    from markdown_it.tree import SyntaxTreeNode

    return SyntaxTreeNode(_parser().parse(text))


def split_front_matter(text: str) -> tuple[str, str]:
    """(title from the front matter or "", the body without front matter)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    title = TITLE_LINE.search(match.group(1))
    return (title.group(1).strip("\"'") if title else ""), text[match.end() :]


def markdown_blocks(text: str, root: tuple[str, ...] = ()) -> list[Block]:
    walker = _Walker(root)
    walker.visit(_tree(MDX_MODULE_LINE.sub("", TEMPLATE_TAGS.sub(" ", text))))
    return walker.blocks


class _Walker:
    """Walks the syntax tree in document order, keeping the current heading path."""

    def __init__(self, root: tuple[str, ...]) -> None:
        self.root = root
        self.headings: list[tuple[int, str]] = []
        self.blocks: list[Block] = []

    def path(self) -> tuple[str, ...]:
        return self.root + tuple(h for _, h in self.headings)

    def visit(self, node: Node) -> None:
        for child in node.children:
            if child.type == "heading":
                level = int(child.tag[1:])
                self.headings = [h for h in self.headings if h[0] < level] + [(level, inline_text(child))]
            elif child.type == "paragraph":
                self._paragraph(child.children)
            elif child.type == "table":
                self._table(child)
            elif child.type == "html_block":
                self._html(child.content)
            elif child.type not in SKIPPED:
                self.visit(child)

    def _paragraph(self, nodes: Sequence[Node]) -> None:
        content = _words_of(nodes)
        if content:
            self.blocks.append(Block(self.path(), content))

    def _html(self, content: str) -> None:
        """The text between the tags, read as Markdown under the current headings (as MDX does)."""
        words = HTML_TAG.sub("", HTML_BLOCK_TAG.sub("\n\n", HTML_CODE.sub(" ", content)))
        words = "\n".join(line.strip() for line in words.splitlines())  # indentation is layout here, not code
        if words.strip():
            self.visit(_tree(words))

    def _table(self, table: Node) -> None:
        head = [
            inline_text(cell)
            for part in table.children
            if part.type == "thead"
            for row in part.children
            for cell in row.children
        ]
        # A header of one filled cell is a caption; the real header may be the first body row.
        caption_like = sum(1 for c in head if c) == 1
        rows = [row for part in table.children if part.type == "tbody" for row in part.children]
        for i, row in enumerate(rows):
            cells = [inline_text(cell) for cell in row.children]
            if not any(cells) or (i == 0 and caption_like and _looks_like_header(cells)):
                continue
            self.blocks.append(Block(self.path(), _row_text(cells)))


def _looks_like_header(cells: list[str]) -> bool:
    return all(len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in cells)


def _row_text(cells: list[str]) -> str:
    cells = [c for c in cells if c]
    if len(cells) >= 2:
        return f"{cells[0]}: " + ". ".join(cells[1:]).rstrip(".") + "."
    return cells[0] if cells else ""


def inline_text(node: Node) -> str:
    """The words of a node: links become their text, images and HTML disappear."""
    return _words_of(node.children)


def _words_of(nodes: Sequence[Node]) -> str:
    parts: list[str] = []
    _collect(nodes, parts)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _collect(nodes: Sequence[Node], parts: list[str]) -> None:
    for node in nodes:
        if node.type in ("text", "code_inline"):
            parts.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif node.type not in SILENT:
            _collect(node.children, parts)
