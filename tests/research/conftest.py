"""A real HTTP server on 127.0.0.1 for crawling tests: routes in a dict, every request logged.

A fake server rather than mocked HTTP: the crawler's limits (bytes, seconds, redirects) are
about what happens on a real socket, so that is what the tests exercise.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# A route either describes a response or writes one itself (for slow and misbehaving servers).
Handler = Callable[[BaseHTTPRequestHandler, threading.Event], None]


@dataclass(frozen=True)
class Page:
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Hit:
    path: str
    at: float  # time.monotonic() when the request arrived
    host: str
    user_agent: str


@dataclass
class Site:
    """The running server: add routes, crawl ``url("/")``, then look at ``hits``."""

    base: str
    routes: dict[str, Page | Handler] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(
        self,
        path: str,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        status: int = 200,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.routes[path] = Page(body, content_type, status, headers)

    def handle(self, path: str, handler: Handler) -> None:
        """Let ``handler`` write the response itself; it should return once ``stop`` is set."""
        self.routes[path] = handler

    def html(self, path: str, *links: str, text: str = "") -> None:
        anchors = "".join(f'<a href="{link}">{link}</a> ' for link in links)
        body = f"<html><body><p>{text or path}</p>{anchors}</body></html>"
        self.routes[path] = Page(body.encode())

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Page(status=status, content_type=None, headers=(("Location", location),))

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the crawler hangs up on slow and oversized pages on purpose


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.hits.append(Hit(self.path, time.monotonic(), self.headers["Host"], self.headers["User-Agent"]))
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
        try:
            self._respond(site.routes.get(self.path, Page(b"not here", "text/plain", 404)), site.stop)
        finally:
            with site.lock:
                site.in_flight -= 1

    def _respond(self, route: Page | Handler, stop: threading.Event) -> None:
        if not isinstance(route, Page):
            route(self, stop)
            return
        self.send_response(route.status)
        if route.content_type is not None:
            self.send_header("Content-Type", route.content_type)
        for name, value in route.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read results, not the server\'s log."""


@pytest.fixture
def site() -> Iterator[Site]:
    server = _Server(("127.0.0.1", 0), _Handler)
    host, port = server.server_address[:2]
    server.site = Site(base=f"http://{host!s}:{port}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.site.stop.set()  # ends slow handlers
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
