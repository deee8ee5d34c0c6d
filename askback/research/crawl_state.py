"""What one crawl shares across its worker threads: the site's bounds, the pacing of requests
to each host and the URLs already claimed.

Kept apart from the fetcher because each piece is a small, lock-guarded state with rules of
its own (what counts as the same site, how far apart requests start, when a redirect is a
loop), tested without any network.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Site:
    """What counts as the same site: the start host, with or without "www.", on its port."""

    host: str
    port: int | None

    @classmethod
    def of(cls, url: str) -> Site:
        parts = urlsplit(url)
        return cls(bare_host(parts.hostname or ""), parts.port)

    def contains(self, url: str) -> bool:
        parts = urlsplit(url)
        return bare_host(parts.hostname or "") == self.host and parts.port in (None, self.port)


class Pacer:
    """Spaces request starts to each host at least ``delay`` seconds apart, across threads."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next_start: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:  # book the slot under the lock, sleep outside it
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.delay
        time.sleep(max(0.0, start - now))


class Registry:
    """The URLs requested so far and the redirects seen, shared by the worker threads.

    A redirect to a URL already requested is not followed again: that page is (or will be)
    reported under its own URL. The redirects seen let a loop split across two threads be
    named as a loop rather than silently dropped.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requested: set[str] = set()
        self._redirects: dict[str, str] = {}

    def claim(self, url: str) -> bool:
        """True the first time ``url`` is claimed: the caller may request it."""
        with self._lock:
            if url in self._requested:
                return False
            self._requested.add(url)
            return True

    def redirect(self, source: str, target: str, chain: list[str]) -> Literal["follow", "loop", "duplicate"]:
        with self._lock:
            self._redirects[source] = target
            if target not in self._requested:
                self._requested.add(target)
                return "follow"
            step: str | None = target
            for _ in range(len(self._redirects) + 1):
                if step is None:
                    break
                if step in chain:
                    return "loop"
                step = self._redirects.get(step)
            return "duplicate"


def bare_host(host: str) -> str:
    return host.lower().removeprefix("www.")
