"""A small HTTP server on 127.0.0.1 for the security tests: routes in a dict, requests logged.

Import it as ``webserver`` (tests/security is on the import path, as for tests/web's webclient)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    chunked: bool = False  # send the body in chunks, with no Content-Length


@dataclass
class Server:
    base: str
    host: str
    port: int
    routes: dict[str, Reply] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def html(self, path: str, body: str) -> None:
        self.routes[path] = Reply(body=f"<html><body>{body}</body></html>".encode())

    def redirect(self, path: str, location: str) -> None:
        self.routes[path] = Reply(302, headers=(("Location", location),))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        site.hits.append(self.path)
        reply = site.routes.get(self.path, Reply(404, b"not here", (("Content-Type", "text/plain"),)))
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(reply.body), 4096):
                chunk = reply.body[start : start + 4096]
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read results, not the server\'s log."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Server

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the crawler hangs up on oversized bodies on purpose


def start() -> tuple[Server, ThreadingHTTPServer, threading.Thread]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    port = int(httpd.server_address[1])
    httpd.site = Server(f"http://127.0.0.1:{port}", "127.0.0.1", port)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return httpd.site, httpd, thread
