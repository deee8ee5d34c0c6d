"""The web app's protections: headers, CSRF, body limits, loopback names and the access token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from webclient import BASE_URL, Client, runtime_of

from askback.core.models import Plan
from askback.plan import live
from askback.runtime import Runtime, no_model
from askback.web.app import create_app
from askback.web.security import CONTENT_SECURITY_POLICY, MAX_BODY, is_loopback

# --- security ---------------------------------------------------------------------------------


def test_security_headers_on_every_response(client: Client, plan: Plan) -> None:
    for path in ("/", f"/plans/{plan.id}/live", "/static/app.js", "/nowhere", f"/plans/{plan.id}/plan.pdf"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"


def test_csrf_cookie_is_strict_and_http_only(client: Client) -> None:
    client.cookies.clear()
    cookie = client.get("/").headers["set-cookie"]
    assert cookie.startswith("askback_csrf=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize(
    ("data", "headers"),
    [
        ({}, {}),
        ({"csrf_token": "forged-value-that-is-long-enough"}, {}),
        ({}, {"X-CSRF-Token": "forged-value-that-is-long-enough"}),
    ],
)
def test_posts_without_the_csrf_token_are_refused(
    client: Client, plan: Plan, data: dict[str, str], headers: dict[str, str]
) -> None:
    client.page("/")
    response = client.post(f"/plans/{plan.id}/notes", data={"text": "x", **data}, headers=headers)
    assert response.status_code == 403
    assert live.get(runtime_of(client), plan.id).notes == ""


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Origin": "http://127.0.0.1:9999"}, {"Referer": "https://evil.example/x"}],
)
def test_cross_site_posts_are_refused_even_with_the_token(client: Client, plan: Plan, headers: dict[str, str]) -> None:
    client.page("/")
    response = client.post(
        f"/plans/{plan.id}/notes", data={"text": "x"}, headers={"X-CSRF-Token": client.csrf, **headers}
    )
    assert response.status_code == 403
    same_site = client.post(
        f"/plans/{plan.id}/notes",
        data={"text": "x"},
        headers={"X-CSRF-Token": client.csrf, "Origin": BASE_URL, "Referer": f"{BASE_URL}/plans/{plan.id}/live"},
        follow_redirects=False,
    )
    assert same_site.status_code == 303
    own_page_under_no_referrer = client.post(
        f"/plans/{plan.id}/notes",
        data={"text": "x"},
        headers={"X-CSRF-Token": client.csrf, "Origin": "null"},
        follow_redirects=False,
    )
    assert own_page_under_no_referrer.status_code == 303
    forged = client.post(f"/plans/{plan.id}/notes", data={"text": "x"}, headers={"Origin": "null"})
    assert forged.status_code == 403


def test_large_bodies_are_refused(client: Client, plan: Plan) -> None:
    client.page("/")
    too_big = client.post(
        f"/plans/{plan.id}/notes", data={"text": "x" * (MAX_BODY + 1)}, headers={"X-CSRF-Token": client.csrf}
    )
    assert too_big.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b"text="
        for _ in range(MAX_BODY // 10_000 + 1):
            yield b"y" * 10_000

    streamed = client.post(
        f"/plans/{plan.id}/notes",
        content=chunks(),
        headers={"X-CSRF-Token": client.csrf, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert streamed.status_code == 413
    assert live.get(runtime_of(client), plan.id).notes == ""


def test_only_loopback_host_names_without_a_token(app: FastAPI) -> None:
    with Client(app, base_url="http://evil.example") as rebinding:
        assert rebinding.get("/").status_code == 400
    for base in ("http://localhost:8765", "http://127.0.0.1", "http://[::1]:8765"):
        with Client(app, base_url=base) as local:
            assert local.get("/").status_code == 200, base


def test_a_token_is_required_off_loopback(askback_home: Path) -> None:
    app = create_app(token="s3cret-token", runtime=Runtime.open(load_embedder=no_model))
    try:
        with Client(app, base_url="http://192.168.1.20:8765") as browser:
            refused = browser.get("/")
            assert refused.status_code == 401
            assert "access token" in refused.text
            assert browser.get("/?token=wrong").status_code == 401
            assert browser.get("/static/app.css").status_code == 401
            assert browser.post("/profile", data={}).status_code == 401

            opened = browser.get("/plans?token=s3cret-token&x=1", follow_redirects=False)
            assert (opened.status_code, opened.headers["location"]) == (303, "/plans?x=1")
            cookie = opened.headers["set-cookie"]
            assert cookie.startswith("askback_token=s3cret-token;") and "HttpOnly" in cookie
            assert "SameSite=Strict" in cookie
            assert browser.page("/").status_code == 200  # the cookie carries it from now on
            assert browser.submit("/companies", {"name": "Acme"}).status_code == 303

        with Client(app, base_url="http://192.168.1.20:8765") as script:
            assert script.get("/plans", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
            assert script.get("/plans", headers={"Authorization": "Bearer nope"}).status_code == 401
    finally:
        app.state.jobs.shutdown()
        app.state.runtime.close()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("example.com", False)],
)  # fmt: skip
def test_which_addresses_are_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
