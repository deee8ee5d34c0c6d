"""The crawler against connections that break: reset before or during a reply, or closed without
one. Each costs one page (skipped, with a reason) and the crawl goes on.

Slow servers, timeouts and refused connections are in tests/research/test_fetch.py.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from askback.research.fetch import Fetched, FetchLimits, Skipped, crawl

LIMITS = FetchLimits(allow_private=True, delay=0, timeout=2.0)
Route = Callable[[BaseHTTPRequestHandler], None]


def page(body: bytes) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def _reset(handler: BaseHTTPRequestHandler) -> None:
    """Close with SO_LINGER 0: the peer gets a TCP RST instead of an orderly FIN."""
    handler.wfile.flush()
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


def reset_at_once(handler: BaseHTTPRequestHandler) -> None:
    _reset(handler)


def reset_mid_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(b"<p>" + b"half a page " * 500)
    _reset(handler)


def close_without_reply(handler: BaseHTTPRequestHandler) -> None:
    handler.connection.shutdown(socket.SHUT_RDWR)
    handler.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: dict[str, Route] = {}  # noqa: RUF012 - set per server below

    def do_GET(self) -> None:
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        route(self)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read results, not the server\'s log."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Connections the crawler resets on purpose are not errors here."""


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, Route]]]:
    routes: dict[str, Route] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_reset_and_dropped_connections_cost_one_page_each(server: tuple[str, dict[str, Route]]) -> None:
    base, routes = server
    routes["/"] = page(b'<a href="/reset">a</a> <a href="/mid">b</a> <a href="/silent">c</a> <a href="/jobs">d</a>')
    routes["/reset"] = reset_at_once
    routes["/mid"] = reset_mid_body
    routes["/silent"] = close_without_reply
    routes["/jobs"] = page(b"<p>We are hiring.</p>")

    results = crawl(base + "/", replace(LIMITS, concurrency=1))

    fetched = [r.url for r in results if isinstance(r, Fetched)]
    skipped = {r.url.removeprefix(base): r.reason for r in results if isinstance(r, Skipped)}
    assert fetched == [base + "/", base + "/jobs"]
    assert set(skipped) == {"/reset", "/mid", "/silent"}
    assert all(reason.startswith("connection failed") for reason in skipped.values()), skipped


def test_a_reset_robots_txt_stops_the_crawl_politely(server: tuple[str, dict[str, Route]]) -> None:
    base, routes = server
    routes["/robots.txt"] = reset_at_once
    routes["/"] = page(b"<p>home</p>")

    results = crawl(base + "/", LIMITS)

    assert len(results) == 1 and isinstance(results[0], Skipped)
    assert results[0].reason.startswith("robots.txt could not be read (connection failed")
