"""Pages built by JavaScript, rendered in headless Chromium under the crawler's guards.

Many careers and culture pages send an empty ``<div id="app">`` and a script; a plain fetch
reads nothing. Such pages are rendered in the system Chromium through Playwright (an optional
extra: ``pip install 'askback[render]'``). The browser itself never touches the network:
every request the page makes, the page itself included, is intercepted and fetched by
askback's own guarded fetcher (address checked after DNS and pinned, private addresses refused,
robots.txt for the site's own pages, size and time limits), or refused. A proxy that leads
nowhere catches anything interception cannot see (WebSockets), and service workers are blocked.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from askback.errors import UsageError

if TYPE_CHECKING:
    from types import TracebackType

RenderMode = Literal["auto", "always", "never"]
CHROMIUM = "/usr/bin/chromium"
NO_PLAYWRIGHT = "rendering pages built by JavaScript needs Playwright: pip install 'askback[render]'"
MIN_TEXT = 200  # characters of visible text under which a page with scripts is rendered (auto)
MAX_REQUESTS = 100  # requests one page may make while it renders
SETTLE_MS = 1_500  # after the load event, time for scripts to finish building the page
_SKIPPED_TYPES = frozenset({"image", "media", "font", "websocket", "eventsource", "manifest", "other"})
_SCRIPT = re.compile(rb"<script\b", re.IGNORECASE)
_INVISIBLE = re.compile(rb"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(rb"<[^>]*>")


@dataclass(frozen=True)
class Reply:
    """What askback's fetcher got for one request the page made."""

    status: int
    headers: dict[str, str]
    body: bytes


# One guarded request, no redirects followed: a :class:`Reply`, or a reason it was refused.
Fetch = Callable[[str], "Reply | str"]


@dataclass
class Rendered:
    html: bytes
    refused: list[str] = field(default_factory=list)  # "URL: reason" for each request refused


def needs_rendering(body: bytes) -> bool:
    """True for HTML that carries scripts but little visible text: a page built in the browser."""
    if not _SCRIPT.search(body):
        return False
    text = _TAG.sub(b" ", _INVISIBLE.sub(b" ", body))
    return len(b" ".join(text.split())) < MIN_TEXT


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("playwright") is not None


def require() -> None:
    """Raise the one-line :class:`UsageError` when Playwright is not installed."""
    if not available():
        raise UsageError(NO_PLAYWRIGHT)


class Renderer:
    """One headless Chromium for a crawl, driven from one thread of its own (Playwright's sync
    API belongs to the thread that started it); the crawl's workers hand it pages to render."""

    def __init__(self, fetch: Fetch, timeout: float, max_bytes: int) -> None:
        self._fetch = fetch
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askback-render")
        self._lock = threading.Lock()
        self._playwright: Any = None
        self._browser: Any = None

    def __enter__(self) -> Renderer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def render(self, url: str) -> Rendered | str:
        """The page's HTML after its scripts ran, or a one-line reason it could not be rendered."""
        return self._thread.submit(self._render, url).result()

    def close(self) -> None:
        self._thread.submit(self._stop).result()
        self._thread.shutdown()

    def _start(self) -> Any:
        if self._browser is None:
            require()
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--dns-prefetch-disable"],
                proxy={"server": "http://127.0.0.1:9"},  # nowhere: nothing leaves unless askback fetched it
            )
        return self._browser

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()
            self._browser = self._playwright = None

    def _render(self, url: str) -> Rendered | str:
        from playwright.sync_api import Error as PlaywrightError

        try:
            browser = self._start()
        except PlaywrightError as exc:
            return f"could not start Chromium for rendering: {str(exc).splitlines()[0]}"
        context = browser.new_context(service_workers="block", java_script_enabled=True)
        refused: list[str] = []
        requests = [0]
        try:
            page = context.new_page()
            page.route("**/*", lambda route: self._intercept(route, requests, refused))
            page.goto(url, wait_until="load", timeout=self._timeout * 1000)
            page.wait_for_timeout(SETTLE_MS)
            html = page.content().encode("utf-8")
        except PlaywrightError as exc:
            return f"rendering failed: {str(exc).splitlines()[0][:120]}"
        finally:
            context.close()
        if len(html) > self._max_bytes:
            return "the rendered page is larger than the page limit"
        return Rendered(html, refused)

    def _intercept(self, route: Any, requests: list[int], refused: list[str]) -> None:
        request = route.request
        requests[0] += 1
        if request.resource_type in _SKIPPED_TYPES or request.method != "GET":
            route.abort()
            return
        if requests[0] > MAX_REQUESTS:
            refused.append(f"{request.url}: more than {MAX_REQUESTS} requests")
            route.abort()
            return
        reply = self._fetch(request.url)
        if isinstance(reply, str):
            refused.append(f"{request.url}: {reply}")
            route.abort()
            return
        route.fulfill(status=reply.status, headers=reply.headers, body=reply.body)
