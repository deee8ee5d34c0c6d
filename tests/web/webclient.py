"""A test client that behaves like a browser on a form: cookies kept, the CSRF token sent back."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from askback.runtime import Runtime

BASE_URL = "http://127.0.0.1:8765"


class Client(TestClient):
    """A browser stand-in: keeps cookies, knows the page's CSRF token and sends it with forms."""

    csrf = ""

    def page(self, url: str, **kwargs: Any) -> httpx.Response:
        response = self.get(url, **kwargs)
        found = re.search(r'<meta name="csrf-token" content="([^"]+)">', response.text)
        if found:
            self.csrf = found.group(1)
        return response

    def submit(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        if not self.csrf:
            self.page("/")
        kwargs.setdefault("follow_redirects", False)
        return self.post(url, data={**(data or {}), "csrf_token": self.csrf}, **kwargs)

    def htmx(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        if not self.csrf:
            self.page("/")
        headers = {"HX-Request": "true", "X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.post(url, data=data or {}, headers=headers, **kwargs)


def runtime_of(client: Client) -> Runtime:
    app = client.app
    assert isinstance(app, FastAPI)
    runtime: Runtime = app.state.runtime
    return runtime


def escaped(text: str) -> str:
    """Text as Jinja's autoescape writes it."""
    from markupsafe import escape

    return str(escape(text))
