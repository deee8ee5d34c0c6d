"""What the user names as a source, read into raw pages.

A source is an http(s) URL (crawled within its site), a file, a folder (read recursively,
paths kept relative to it), or ``-`` for text on standard input.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from askback.errors import UsageError
from askback.research.decode import looks_binary
from askback.research.documents import RawPage

if TYPE_CHECKING:
    from askback.research.fetch import FetchLimits
    from askback.research.render import RenderMode

SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".mdx": "text/markdown",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".pdf": "application/pdf",
}
SKIP_DIRS = {"node_modules", "vendor", "_site", "__pycache__"}
# Files a saved site carries that are instructions to machines, not content.
SKIP_FILES = {"robots.txt", "humans.txt", "security.txt", "ads.txt"}
MAX_FILE_BYTES = 10_000_000
BINARY = "binary content, not text: askback reads HTML, Markdown, text and PDF"


@dataclass(frozen=True)
class Skip:
    """Something that was not read, with a reason a user can act on."""

    ref: str
    reason: str


Progress = Callable[[str], None]


def read_source(
    source: str,
    max_pages: int = 50,
    allow_private: bool = False,
    on_item: Progress | None = None,
    render: RenderMode = "never",
) -> Iterator[RawPage | Skip]:
    if source == "-":
        yield _stdin()
    elif source.startswith(("http://", "https://")):
        from askback.research.fetch import FetchLimits

        yield from _crawl(source, FetchLimits(max_pages=max_pages, allow_private=allow_private, render=render), on_item)
    elif "://" in source or source.startswith(("file:", "ftp:", "data:", "javascript:")):
        raise UsageError(f"{source}: only http(s) URLs, files, folders and - are research sources")
    else:
        yield from _local(Path(source).expanduser(), on_item)


def expected_items(source: str, max_pages: int) -> int:
    """About how many items :func:`read_source` will yield, for a progress bar: a crawl's page
    limit, a folder's readable files (counted without reading them), one for a file or stdin."""
    if source.startswith(("http://", "https://")):
        return max_pages
    path = Path(source).expanduser()
    if source != "-" and path.is_dir():
        return sum(1 for _ in _walk(path))
    return 1


def _stdin() -> RawPage | Skip:
    data = sys.stdin.buffer.read()
    if not data.strip():
        return Skip("pasted text", "empty: there is nothing to read in it")
    if looks_binary(data):
        return Skip("pasted text", BINARY)
    return RawPage("-", "pasted text", "text/markdown", data, None, datetime.now(UTC))


def _local(path: Path, on_item: Progress | None) -> Iterator[RawPage | Skip]:
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if path.is_file():
        yield _read_file(path, path.parent, str(path))
        return
    for file in sorted(_walk(path)):
        if on_item:
            on_item(str(file.relative_to(path)))
        yield _read_file(file, path, str(path))


def _walk(root: Path) -> Iterator[Path]:
    for item in root.iterdir():
        if item.name.startswith(".") or item.name in SKIP_DIRS or item.name in SKIP_FILES or item.is_symlink():
            continue
        if item.is_dir():
            yield from _walk(item)
        elif item.suffix.lower() in SUFFIX_TYPES:
            yield item


def _read_file(file: Path, root: Path, source: str) -> RawPage | Skip:
    """A file, judged by its content: a PDF must be one, anything else must be text (HTML,
    Markdown or plain), whatever its name says."""
    ref = file.relative_to(root).as_posix()
    content_type = SUFFIX_TYPES.get(file.suffix.lower())
    if content_type is None:
        return Skip(ref, f"{file.suffix or 'no extension'}: not a format askback reads (HTML, Markdown, text, PDF)")
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return Skip(ref, f"larger than the {MAX_FILE_BYTES // 1_000_000} MB file limit")
        body = file.read_bytes()
    except OSError as exc:
        return Skip(ref, f"cannot read: {exc.strerror}")
    problem = content_problem(body, content_type)
    if problem is not None:
        return Skip(ref, problem)
    fetched = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    return RawPage(source, ref, content_type, body, None, fetched)


def content_problem(body: bytes, content_type: str) -> str | None:
    """Why bytes cannot be read as the type their name gives, judged by what they hold: empty,
    a "PDF" that is not one, or binary data named as text. Every local source (research, a job
    posting) is judged by this one rule."""
    if not body.strip():
        return "empty: there is nothing to read in it"
    if content_type == "application/pdf":
        return None if body.lstrip()[:5] == b"%PDF-" else "not a PDF, whatever its name says"
    return BINARY if looks_binary(body) else None


def _crawl(url: str, limits: FetchLimits, on_item: Progress | None) -> Iterator[RawPage | Skip]:
    from askback.research.fetch import Fetched, Skipped, crawl

    def report(result: Fetched | Skipped) -> None:
        if on_item:
            on_item(result.url)

    for result in crawl(url, limits, on_result=report):
        if isinstance(result, Fetched):
            yield RawPage(url, result.url, result.content_type, result.body, result.charset, result.fetched_at)
        else:
            yield Skip(result.url, result.reason)
