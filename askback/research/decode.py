"""Bytes to text: the declared charset first, then detection, never a crash.

Real sites declare the wrong charset often enough that trusting the header alone loses
pages; decoding with replacement characters keeps the rest of the page readable.
"""

from __future__ import annotations

import codecs


def decode(body: bytes, charset: str | None) -> tuple[str, str | None]:
    """The text, and a note for the user when it could not be decoded cleanly."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), None
    for candidate in _candidates(charset):
        try:
            return body.decode(candidate), None
        except (UnicodeDecodeError, LookupError):
            continue
    if charset is None or charset.lower().replace("-", "") in ("utf8", "iso88591", "latin1", "ascii"):
        # The most common mislabel on Western pages: Windows-1252 sent as UTF-8 or Latin-1.
        # Western text is mostly ASCII letters; Cyrillic or Greek bytes read as cp1252 are not.
        try:
            western = body.decode("cp1252")
        except UnicodeDecodeError:
            western = ""
        letters = [c for c in western if c.isalpha()]
        if letters and sum(not c.isascii() for c in letters) / len(letters) <= 0.2:
            return western, f"not valid {charset or 'UTF-8'}: decoded as windows-1252"
    guessed = _detect(body)
    if guessed:
        return body.decode(guessed, errors="replace"), f"not valid {charset or 'UTF-8'}: decoded as {guessed}"
    return body.decode("utf-8", errors="replace"), f"not valid {charset or 'UTF-8'}: undecodable bytes replaced"


SNIFF_BYTES = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


def looks_binary(body: bytes) -> bool:
    """Whether bytes are not text whatever their name says: an image, an archive or a program
    saved as .md or pasted in. A NUL byte, or more than 1 in 10 control characters, in the
    first 8 KB gives it away (UTF-16 and UTF-32 text, which has NULs, starts with its BOM)."""
    head = body[:SNIFF_BYTES]
    if not head or head.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    ):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > len(head) / 10


def _candidates(charset: str | None) -> list[str]:
    found = [charset.strip().strip("\"'").lower()] if charset else []
    return [*found, "utf-8"] if "utf-8" not in found else found


def _detect(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - trafilatura depends on it
        return None
    best = from_bytes(body[:200_000]).best()
    return best.encoding if best is not None else None
