"""Reading a file the candidate names (an interviewer's bio, a CV) to text, through research's
readers, so Markdown, text, HTML and PDF all work and an unreadable file is named."""

from __future__ import annotations

from pathlib import Path

from askback.errors import UsageError
from askback.research.documents import Document


def read_document(path: Path | str) -> Document:
    """The file's text as blocks under their headings; a one-line error naming the file otherwise."""
    from askback.research.extract import extract
    from askback.research.sources import Skip, read_source

    named = Path(path).expanduser()
    if not named.is_file():
        raise UsageError(f"{named}: no such file")
    found = next(iter(read_source(str(named))), None)
    if isinstance(found, Skip) or found is None:
        reason = found.reason if isinstance(found, Skip) else "nothing to read"
        raise UsageError(f"{named}: {reason}")
    document = extract(found)
    problem = next((n for n in document.notes if n.startswith("unreadable")), None)
    if problem or not any(b.text.strip() for b in document.blocks):
        raise UsageError(f"{named}: {problem or 'no text found in it'}")
    return document


def read_text(path: Path | str) -> str:
    """The file's text, one block a line."""
    return "\n".join(b.text for b in read_document(path).blocks)
