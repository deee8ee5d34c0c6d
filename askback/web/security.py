"""The guard in front of every request: host, token, cross-site request forgery, body size, headers.

One pure ASGI middleware, so the checks run before FastAPI parses anything:

- Host: on loopback without a token, only loopback host names are served (a DNS-rebinding
  page cannot talk to the app under its own name).
- Token: bound to another address the app needs the token printed at start, once as
  ``?token=`` (then kept in an HttpOnly, SameSite=Strict cookie) or as ``Authorization: Bearer``.
- CSRF: a random token per browser in a cookie, echoed by every POST as the ``csrf_token``
  form field or the ``X-CSRF-Token`` header (double submit), plus an Origin/Referer check.
- Body: form posts are limited in size.
- Headers: a strict Content-Security-Policy (no inline script or style) and friends.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "askback_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "askback_token"
TOKEN_PARAM = "token"
MAX_BODY = 1_000_000
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SCOPE_CSRF = "askback.csrf"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the app on this machine."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def csrf_token(scope: Scope) -> str:
    """The CSRF token of the current request, for forms and htmx headers."""
    return str(scope.get(SCOPE_CSRF, ""))


class _BodyTooLarge(Exception):
    """A request body past the limit: answered with 413 before the handler runs."""


class Guard:
    def __init__(
        self,
        app: ASGIApp,
        token: str | None = None,
        allowed_hosts: Iterable[str] | None = None,
        max_body: int = MAX_BODY,
    ) -> None:
        self.app = app
        self.token = token
        if allowed_hosts is None and token is None:
            allowed_hosts = LOOPBACK_NAMES
        self.allowed_hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookies = _cookies(headers)
        extra: list[tuple[bytes, bytes]] = []

        if self.allowed_hosts is not None and _hostname(headers.get("host", "")) not in self.allowed_hosts:
            await _plain(send, 400, "This askback server only answers to its loopback address (127.0.0.1).")
            return

        if self.token is not None:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            given = query.get(TOKEN_PARAM, [""])[0]
            if given and _same(given, self.token):
                cookie = _cookie(TOKEN_COOKIE, self.token)
                if scope["method"] == "GET":  # drop the token from the address bar and history
                    rest = urlencode([(k, v) for k, vs in query.items() if k != TOKEN_PARAM for v in vs], doseq=True)
                    location = quote(scope["path"]) + (f"?{rest}" if rest else "")
                    await _redirect(send, location, [cookie])
                    return
                extra.append(cookie)
            elif not self._authorised(headers, cookies):
                await _plain(
                    send,
                    401,
                    "This askback server needs its access token: open the address it printed when it started.",
                    [(b"www-authenticate", b'Bearer realm="askback"')],
                )
                return

        csrf = cookies.get(CSRF_COOKIE, "")
        if len(csrf) < 20:
            csrf = secrets.token_urlsafe(32)
            extra.append(_cookie(CSRF_COOKIE, csrf))
        scope[SCOPE_CSRF] = csrf

        if scope["method"] in UNSAFE_METHODS:
            if not _same_origin(headers):
                await _plain(send, 403, "Cross-site request refused.")
                return
            declared = headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_body:
                await _plain(send, 413, f"Request too large: at most {self.max_body:,} bytes.")
                return
            try:
                body = await _read_body(receive, self.max_body)
            except _BodyTooLarge:
                await _plain(send, 413, f"Request too large: at most {self.max_body:,} bytes.")
                return
            sent = headers.get(CSRF_HEADER) or _form_field(headers, body, CSRF_FIELD)
            if not sent or CSRF_COOKIE not in cookies or not _same(sent, cookies[CSRF_COOKIE]):
                await _plain(
                    send, 403, "The form has expired or came from another site: reload the page and try again."
                )
                return
            receive = _replay(body, receive)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS, *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _authorised(self, headers: Headers, cookies: dict[str, str]) -> bool:
        assert self.token is not None
        scheme, _, value = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and _same(value.strip(), self.token):
            return True
        return _same(cookies.get(TOKEN_COOKIE, ""), self.token)


def _same(a: str, b: str) -> bool:
    return bool(a) and hmac.compare_digest(a.encode(), b.encode())


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _same_origin(headers: Headers) -> bool:
    """No sign of another site. Under ``Referrer-Policy: no-referrer`` browsers send ``Origin: null``
    with the app's own posts, so a null origin proves nothing either way: the CSRF token decides."""
    host = headers.get("host", "").lower()
    origin = headers.get("origin")
    if origin is not None and origin != "null":
        return urlsplit(origin).netloc.lower() == host
    referer = headers.get("referer")
    if referer:
        return urlsplit(referer).netloc.lower() == host
    return True


def _cookies(headers: Headers) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for value in headers.getlist("cookie"):
        try:
            jar.load(value)
        except Exception:  # a malformed cookie header from elsewhere must not break the app
            continue
    return {k: m.value for k, m in jar.items()}


def _cookie(name: str, value: str) -> tuple[bytes, bytes]:
    return b"set-cookie", f"{name}={value}; Path=/; HttpOnly; SameSite=Strict".encode()


def _form_field(headers: Headers, body: bytes, name: str) -> str:
    if headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return ""
    return parse_qs(body.decode("utf-8", "replace")).get(name, [""])[0]


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode()
    start: dict[str, Any] = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            *SECURITY_HEADERS,
            *(headers or []),
        ],
    }
    await send(start)
    await send({"type": "http.response.body", "body": body})


async def _redirect(send: Send, location: str, headers: list[tuple[bytes, bytes]]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [(b"location", location.encode()), (b"content-length", b"0"), *SECURITY_HEADERS, *headers],
        }
    )
    await send({"type": "http.response.body", "body": b""})
