"""What the crawler hands back: the limits it works within, a page read, a URL skipped.

Kept apart from the fetching itself so that the crawl loop (:mod:`crawl_loop`) and the
fetcher (:mod:`fetch`) share them without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from askback.errors import UsageError
from askback.research.render import RenderMode


@dataclass(frozen=True)
class FetchLimits:
    max_pages: int = 50
    max_bytes: int = 5_000_000  # per page, counted on the decoded (decompressed) body
    timeout: float = 10.0  # seconds per request, total: a page that never finishes is cut off
    max_redirects: int = 5
    concurrency: int = 2  # requests in flight at once
    delay: float = 0.5  # seconds between two request starts to the same host
    allow_private: bool = False  # loopback/private/link-local/reserved addresses refused unless True
    render: RenderMode = "never"  # pages built by JavaScript: rendered in Chromium (auto: when they look it)
    user_agent: str = "askback/0.1 (reverse-interview research; +https://example.invalid/askback)"

    def __post_init__(self) -> None:
        if self.max_pages < 1 or self.max_bytes < 1 or self.concurrency < 1:
            raise UsageError("max_pages, max_bytes and concurrency must be at least 1")
        if self.timeout <= 0 or self.delay < 0 or self.max_redirects < 0:
            raise UsageError("timeout must be positive; delay and max_redirects cannot be negative")


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    content_type: str  # "text/html", "text/markdown", "text/plain" or "application/pdf"
    body: bytes
    charset: str | None  # charset from the Content-Type header, if any
    fetched_at: datetime  # timezone-aware UTC


@dataclass(frozen=True)
class Skipped:
    url: str  # the URL as queued, before any redirect
    reason: str  # one short line for the user


Result = Fetched | Skipped



def notify(on_result: Callable[[Result], None] | None, result: Result) -> None:
    if on_result is not None:
        on_result(result)
