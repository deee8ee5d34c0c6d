"""What a response holds: its type and encoding, whether it is really text, and its links.

Pure functions over URLs, headers and bytes, kept apart from the crawler's network code so
each can be read (and tested) on its own.
"""

from __future__ import annotations

import codecs
import posixpath
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import httpx
import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

DEFAULT_PORTS = {"http": 80, "https": 443}
_READ_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
    "text/plain": "text/plain",
    "application/pdf": "application/pdf",
}
# Used only when the server says nothing useful (no Content-Type, or application/octet-stream).

_SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
}

_CONTROL_CHARS = frozenset(chr(c) for c in [*range(32), 127]) - set("\t\n\r\f\v\b\x1b")


def normalise_url(href: str, base: str | None = None) -> str | None:
    """The canonical form of a link, or None when it is not an http(s) address.

    Relative links are resolved against ``base``; the fragment, any user:password and a
    default port are dropped; scheme and host are lower-cased; the path and query are
    percent-encoded, so two spellings of one page are crawled once.
    """
    try:
        parts = urlsplit(urljoin(base, href.strip()) if base else href.strip())
        port = parts.port
        host = parts.hostname or ""
        if not host.isascii():
            host = host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    return urlunsplit((scheme, netloc, path, query, ""))


def looks_binary(body: bytes, charset: str | None = None) -> bool:
    """True for a body no text encoding explains: a NUL byte, or many control characters.

    UTF-16 and UTF-32 text is judged after decoding (its NUL bytes are normal); any other
    text is judged byte by byte, which works for UTF-8 and every 8-bit charset alike.
    """
    text = body.decode(wide_encoding(body, charset) or "latin-1", errors="replace")
    if "\x00" in text:
        return True
    sample = text[:8192]
    controls = sum(1 for char in sample if char in _CONTROL_CHARS)
    return controls > len(sample) // 10


def page_type_problem(url: str, headers: httpx.Headers) -> str | None:
    declared, _ = media_type(headers.get("content-type"))
    if page_type(url, declared) is not None:
        return None
    return f"content type {declared} is not read" if declared else "no content type given"


def page_type(url: str, declared: str) -> str | None:
    """The type askback reads a page as, or None when it does not read it."""
    suffix = posixpath.splitext(urlsplit(url).path)[1].lower()
    if declared in ("", "application/octet-stream"):
        return _SUFFIX_TYPES.get(suffix)
    content_type = _READ_TYPES.get(declared)
    if content_type == "text/plain" and _SUFFIX_TYPES.get(suffix) == "text/markdown":
        return "text/markdown"  # Markdown files are often served as plain text
    return content_type


def media_type(header: str | None) -> tuple[str, str | None]:
    """The lower-cased media type and charset of a Content-Type header."""
    media, *params = (header or "").split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


def wide_encoding(body: bytes, charset: str | None) -> str | None:
    """The UTF-16 or UTF-32 codec the body declares by its BOM or header, else None."""
    if body.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    name = codec(charset)
    return name if name is not None and name.startswith(("utf-16", "utf-32")) else None


def codec(charset: str | None) -> str | None:
    """Python's name for a declared charset, or None for a missing or unknown one."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def links(body: bytes, charset: str | None, base: str) -> list[tuple[str, str]]:
    """Normalised targets of the page's ``<a href>`` links with their text (the crawl reads
    "Careers" and "Our values" first), honouring ``<base href>``."""
    try:
        parser = lxml.html.HTMLParser(encoding=codec(charset))
    except LookupError:  # a charset Python knows but libxml2 does not
        parser = lxml.html.HTMLParser()
    try:
        document = lxml.html.document_fromstring(body, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return []
    base_href = str(document.xpath("string((//base/@href)[1])")).strip()
    if base_href:
        base = normalise_url(base_href, base) or base
    found = []
    for anchor in document.xpath("//a[@href]"):
        href = normalise_url(str(anchor.get("href")), base)
        if href is not None:
            text = " ".join(str(anchor.text_content()).split()) or str(anchor.get("title") or "")
            found.append((href, text[:200]))
    return found
