"""Raw pages to documents: the main text as blocks under their headings.

HTML goes through trafilatura (main content only, no navigation or footers) into Markdown,
so HTML and Markdown sources share one block parser and both keep their headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from askback.research.decode import decode
from askback.research.documents import Block, Document, RawPage
from askback.research.markdown import markdown_blocks, split_front_matter

HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
PARAGRAPHS = re.compile(r"\n\s*\n")


def extract(page: RawPage) -> Document:
    if page.content_type == "application/pdf":
        return _pdf(page)
    text, note = decode(page.body, page.charset)
    notes = (note,) if note else ()
    if page.content_type == "text/html":
        title, blocks = _html(text)
    elif page.content_type == "text/markdown":
        title, body = split_front_matter(text)
        blocks = markdown_blocks(body, (title,) if title else ())
        if not title:
            title = next((b.headings[0] for b in blocks if b.headings), "")
    else:
        title, blocks = "", _plain_blocks(text)
    return Document(ref=page.ref, title=title or page.ref, blocks=tuple(blocks), notes=notes)


def _html(text: str) -> tuple[str, list[Block]]:
    import trafilatura

    match = HTML_TITLE.search(text[:20_000])
    title = _clean(match.group(1)) if match else ""
    markdown = trafilatura.extract(
        text,
        output_format="markdown",
        include_formatting=True,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_comments=False,
    )
    if not markdown:
        return title, []
    blocks = markdown_blocks(markdown)
    return title, blocks


def _plain_blocks(text: str, headings: tuple[str, ...] = ()) -> list[Block]:
    return [Block(headings, _clean(p)) for p in PARAGRAPHS.split(text) if p.strip()]


def _pdf(page: RawPage) -> Document:
    from io import BytesIO

    from pypdf import PdfReader

    try:
        with _quiet_pypdf():
            reader = PdfReader(BytesIO(page.body))
            pages = [p.extract_text() or "" for p in reader.pages]
            metadata = reader.metadata
            title = str(metadata.get("/Title") or "") if metadata is not None else ""
    except Exception:  # a damaged file can fail anywhere in the parser; the user needs one line
        return Document(ref=page.ref, title=page.ref, blocks=(), notes=(UNREADABLE_PDF,))
    blocks = [b for n, text in enumerate(pages, 1) for b in _plain_blocks(text, (f"page {n}",))]
    return Document(ref=page.ref, title=title or page.ref, blocks=tuple(blocks))


UNREADABLE_PDF = "an unreadable PDF (damaged, encrypted or cut short): nothing was read from it"


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf reports what it repairs or gives up on through logging and warnings, which would
    reach the user's terminal as library noise; askback says what matters in one line."""
    import logging
    import warnings

    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def _clean(text: str) -> str:
    import html

    return re.sub(r"\s+", " ", html.unescape(text)).strip()
