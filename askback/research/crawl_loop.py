"""The crawl loop: which URL to read next, by a few worker threads, within the page and skip
budgets. The fetching itself (guards, robots.txt, redirects, rendering) is :mod:`fetch`'s.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Protocol
from urllib.parse import urlsplit

from askback.research.crawl_state import Site
from askback.research.fetched import Fetched, FetchLimits, Result, Skipped, notify
from askback.research.priority import Rank, rank
from askback.research.robots import Robots

SKIP_FACTOR = 3  # the crawl ends after this many times max_pages skipped URLs


class PageSource(Protocol):
    """What the loop needs of the fetcher: the site's bounds, its robots.txt, and one page
    read (with the links it holds, and their text)."""

    site: Site
    robots: Robots

    def page(self, url: str) -> tuple[Result | None, list[tuple[str, str]]]: ...


class CrawlLoop:
    """The crawl loop: a queue ranked by what a candidate needs first, a few worker threads,
    and the page and skip budgets."""

    def __init__(self, fetcher: PageSource, limits: FetchLimits, on_result: Callable[[Result], None] | None) -> None:
        self._fetcher = fetcher
        self._limits = limits
        self._on_result = on_result
        self._queue: list[tuple[Rank, int, str]] = []  # a heap; a URL may sit in it twice, best rank wins
        self._best: dict[str, Rank] = {}
        self._taken: set[str] = set()
        self._arrival = itertools.count()
        self._results: list[tuple[int, Result]] = []
        self._order = itertools.count()
        self._fetched = 0
        self._skipped = 0
        self._disallowed = 0

    def enqueue(self, links: Iterable[tuple[str, str]], first: bool = False) -> None:
        """Queue ``(url, link text)`` pairs; a URL seen again under telling text moves up."""
        for url, text in links:
            if url in self._taken or not self._fetcher.site.contains(url):
                continue
            found = Rank(-1, 0, "start") if first else rank(url, text)
            if url not in self._best or found < self._best[url]:
                self._best[url] = found
                heapq.heappush(self._queue, (found, next(self._arrival), url))

    def _next_url(self) -> str | None:
        while self._queue:
            _, _, url = heapq.heappop(self._queue)
            if url not in self._taken:
                self._taken.add(url)
                return url
        return None

    def left_out(self) -> Skipped | None:
        """One line for the pages found but not read because the page limit was reached."""
        waiting = sorted((r, u) for u, r in self._best.items() if u not in self._taken)
        if not waiting or self._fetched < self._limits.max_pages:
            return None
        examples = ", ".join(urlsplit(u).path or "/" for _, u in waiting[:3])
        more = "page" if len(waiting) == 1 else "pages"
        return Skipped(
            waiting[0][1],
            f"{len(waiting)} more {more} found but not read: the limit is {self._limits.max_pages} "
            f"(--max-pages); next would have been {examples}",
        )

    def run(self) -> list[Result]:
        workers = self._limits.concurrency
        running: dict[Future[tuple[Result | None, list[tuple[str, str]]]], int] = {}
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="askback-fetch") as pool:
            try:
                while self._start_more(pool, running) or running:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        result, links = future.result()
                        self._record(running.pop(future), result, links)
            finally:
                pool.shutdown(cancel_futures=True)
        results = [result for _, result in sorted(self._results, key=lambda pair: pair[0])]
        left_out = self.left_out()
        if left_out is not None:
            results.append(left_out)
            notify(self._on_result, left_out)
        return results

    def _start_more(
        self, pool: ThreadPoolExecutor, running: dict[Future[tuple[Result | None, list[tuple[str, str]]]], int]
    ) -> bool:
        """Fill the free workers from the queue while the budgets allow; True if any started."""
        started = False
        while len(running) < self._limits.concurrency and self._budget_left(len(running)):
            url = self._next_url()
            if url is None:
                break
            order = next(self._order)
            if not self._fetcher.robots.allows(url):
                self._disallow(order, url)
                continue
            running[pool.submit(self._fetcher.page, url)] = order
            started = True
        return started

    def _budget_left(self, in_flight: int) -> bool:
        # In-flight requests count against both budgets: each may end either way.
        pages_left = self._fetched + in_flight < self._limits.max_pages
        return pages_left and self._skipped + in_flight < SKIP_FACTOR * self._limits.max_pages

    def _disallow(self, order: int, url: str) -> None:
        """Report a URL robots.txt forbids; no request was made, so it does not end the crawl.

        Reports stop after the skip budget, so a site linking to thousands of forbidden
        pages does not flood the list.
        """
        self._disallowed += 1
        if self._disallowed <= SKIP_FACTOR * self._limits.max_pages:
            self._add(order, Skipped(url, "disallowed by robots.txt"))

    def _record(self, order: int, result: Result | None, links: list[tuple[str, str]]) -> None:
        if result is None:
            return
        if isinstance(result, Fetched):
            self._fetched += 1
            self.enqueue(links)
        else:
            self._skipped += 1
        self._add(order, result)

    def _add(self, order: int, result: Result) -> None:
        self._results.append((order, result))
        notify(self._on_result, result)
