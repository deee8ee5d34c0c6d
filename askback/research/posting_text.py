"""A posting's text as lines under their headings, whatever it came as.

Postings are read line by line rather than paragraph by paragraph: their most useful parts
are short lines ("Location: Berlin", "€70-85k", "Remote (US) · Full-time") that a
paragraph reader would run together or, in HTML, a main-text extractor would drop as page
furniture. Markdown headings, bold-only lines and short lines ending in a colon are headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from askback.research.decode import decode
from askback.research.documents import RawPage

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__):?$")
BULLET = re.compile(r"^(?:[-*+•·▪●◦–]|\d{1,2}[.)])\s+")
EMPHASIS = re.compile(r"(\*\*|__|`)")
COLON_HEADING = re.compile(r"^[^.!?:]{2,60}:$")
CAPS_HEADING = re.compile(r"^[A-Z][A-Z &/'-]{3,60}$")
BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "div", "span", "section")
DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "form", "svg", "button", "template")


@dataclass(frozen=True)
class Line:
    """One line of the posting: its text without Markdown marks, and the headings above it."""

    headings: tuple[str, ...]
    text: str
    bullet: bool = False


def posting_text(page: RawPage) -> tuple[str, str]:
    """(title, text as Markdown-like lines). HTML keeps its <title>: postings put the job there."""
    if page.content_type == "application/pdf":
        return _pdf_text(page.body)
    text, _ = decode(page.body, page.charset)
    if page.content_type == "text/html":
        return _html_text(text)
    return "", text


def _pdf_text(body: bytes) -> tuple[str, str]:
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(BytesIO(body))
        return "", "\n\n".join(p.extract_text() or "" for p in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError):
        return "", ""


def _html_text(html: str) -> tuple[str, str]:
    import lxml.etree  # type: ignore[import-untyped]
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return "", ""
    title = " ".join((root.findtext(".//title") or "").split())
    for tag in DROP_TAGS:
        for element in root.iter(tag):
            element.drop_tree()
    lines: list[str] = []
    previous = ""
    for element in root.iter(*BLOCK_TAGS):
        if any(child.tag in BLOCK_TAGS for child in element):
            continue  # its children are lines of their own
        words = " ".join(element.text_content().split())
        if not words:
            continue
        tag = str(element.tag)
        if tag == "dd" and previous == "dt":  # <dt>Location</dt><dd>Berlin</dd>: "Location: Berlin"
            lines[-1] = f"{lines[-1].rstrip(':')}: {words}"
            previous = tag
            continue
        previous = tag
        prefix = "#" * int(tag[1]) + " " if tag[0] == "h" and tag[1:].isdigit() else "- " if tag == "li" else ""
        lines.append(prefix + words)
    return title, "\n".join(lines)


def lines(text: str) -> list[Line]:
    """The posting's lines, wrapped paragraphs joined back into one line."""
    out: list[Line] = []
    headings: list[tuple[int, str]] = []
    for raw in _joined(text.splitlines()):
        stripped = raw.strip()
        if not stripped or set(stripped) <= set("-=*_#|"):
            continue
        level, heading = _heading(stripped)
        if heading is not None:
            headings = [h for h in headings if h[0] < level] + [(level, heading)]
            continue
        bullet = bool(BULLET.match(stripped))
        clean = EMPHASIS.sub("", BULLET.sub("", stripped)).strip()
        if clean:
            out.append(Line(tuple(h for _, h in headings), clean, bullet))
    return out


def _heading(line: str) -> tuple[int, str | None]:
    if match := HEADING.match(line):
        return len(match.group(1)), EMPHASIS.sub("", match.group(2)).strip()
    if match := BOLD_LINE.match(line):
        return 7, match.group(1).strip().rstrip(":")
    plain = EMPHASIS.sub("", line)
    if COLON_HEADING.match(plain) and len(plain.split()) <= 6:
        return 7, plain.rstrip(":").strip()
    if CAPS_HEADING.match(plain) and len(plain.split()) <= 5:
        return 7, plain.title()
    return 0, None


def _joined(raw_lines: list[str]) -> list[str]:
    """Hard-wrapped paragraphs back into one line: a line continues the previous one when
    that one ends mid-sentence and this one starts in lower case."""
    out: list[str] = []
    for line in raw_lines:
        stripped = line.strip()
        if (
            out
            and stripped[:1].islower()
            and out[-1].strip()
            and not out[-1].lstrip().startswith("#")  # a heading is never wrapped
            and not re.match(r"^[\w ]{1,30}:\s", stripped)  # nor is "time type: Full time" a wrapped line
            and out[-1].rstrip()[-1:] not in ".:!?"
            and not BULLET.match(stripped)
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
    return out
