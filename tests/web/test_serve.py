"""`askback serve`: documented, fast to start, strict about its port, token off loopback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from webclient import BASE_URL, Client

from askback.runtime import Runtime, no_model
from askback.web.app import create_app

# --- the command ------------------------------------------------------------------------------


def test_serve_is_documented_and_keeps_the_cli_fast() -> None:
    from typer.testing import CliRunner

    from askback.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example: askback serve --open" in result.output
    for option in ("--host", "--port", "--open"):
        assert option in result.output
    probe = "import sys, askback.cli; print(sorted(m for m in ('fastapi', 'uvicorn', 'jinja2') if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(imported.stdout.replace("'", '"')) == []


def test_serve_refuses_a_bad_port() -> None:
    from typer.testing import CliRunner

    from askback.cli import app

    result = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert result.exit_code != 0
    assert "--port must be between 1 and 65535" in str(result.exception)


def test_serve_warms_the_linter_at_start_and_once_per_company(
    askback_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("askback.plan.lint")
    calls: list[tuple[str, object]] = []
    import askback.plan.lint as lint_module

    real = lint_module.lint_questions

    def counting(runtime: Runtime, texts: list[str], **kwargs: Any) -> Any:
        calls.append((texts[0], kwargs.get("company")))
        return real(runtime, texts, **kwargs)

    monkeypatch.setattr(lint_module, "lint_questions", counting)
    runtime = Runtime.open(load_embedder=no_model)
    app = create_app(warm_linter=True, runtime=runtime)
    from askback.plan.service import prepare

    plan = prepare(runtime, "Acme")
    with Client(app, base_url=BASE_URL) as client:  # the lifespan starts the first warm-up
        app.state.linter.warm().result(timeout=30)
        client.page(f"/plans/{plan.id}")
        client.page(f"/plans/{plan.id}")
        app.state.linter.warm(plan).result(timeout=30)
        warm_up = "How does the team decide what to work on next?"
        assert calls == [(warm_up, None), (warm_up, "Acme")]
        assert "verdict" in client.htmx(f"/plans/{plan.id}/lint", {"text": "Do you have a mentoring program?"}).text
    quiet = create_app(runtime=runtime)
    assert quiet.state.linter.warm() is None  # only when asked to
    runtime.close()


def test_serve_off_loopback_prints_a_token_and_requires_it(askback_home: Path) -> None:
    import os
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASKBACK_HOME": str(askback_home)}
    command = [sys.executable, "-m", "askback", "serve", "--host", "0.0.0.0", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        first = server.stderr.readline()
        found = re.search(r"running at (http://0\.0\.0\.0:\d+/\?token=([\w-]+))", first)
        assert found, first
        assert f"Access token: {found.group(2)}" in server.stderr.readline()
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 20
        while True:
            try:
                refused = httpx.get(url, timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert refused.status_code == 401
        opened = httpx.get(url, params={"token": found.group(2)}, follow_redirects=True, timeout=5)
        assert opened.status_code == 200 and "Companies" in opened.text
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stderr is not None:
            server.stderr.close()


def test_serve_stops_promptly_on_sigterm_keeping_the_notes(askback_home: Path) -> None:
    """With a browser's connection open, a research job running and the linter still warming
    up, SIGTERM ended the server only when they were done; now requests in flight get a second
    and the process ends (the job's transactions keep what it wrote; a re-run resumes)."""
    import os
    import signal
    import socket

    import httpx

    from askback.plan import live
    from askback.plan.service import prepare

    runtime = Runtime.open(load_embedder=no_model)
    plan = prepare(runtime, "Acme Robotics", interviewer="peer", minutes=10)
    runtime.close()
    assert plan.id is not None and plan.main[0].id is not None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASKBACK_HOME": str(askback_home)}
    command = [sys.executable, "-m", "askback", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as browser:  # keep-alive, as a browser
            deadline = time.monotonic() + 20
            while True:
                try:
                    page = browser.get(f"/plans/{plan.id}/live")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.1)
            csrf = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
            assert csrf is not None
            saved = browser.post(
                f"/plans/{plan.id}/items/{plan.main[0].id}/note",
                data={"text": "saved just before the stop", "seq": "1", "csrf_token": csrf.group(1)},
                headers={"Accept": "application/json"},
            )
            assert saved.status_code == 200
            handbook = Path(__file__).parents[1] / "fixtures" / "handbook"
            job = browser.post(
                "/companies/acme-robotics/research",
                data={"source": str(handbook), "csrf_token": csrf.group(1)},
                headers={"HX-Request": "true", "X-CSRF-Token": csrf.group(1)},
            )
            assert job.status_code == 200
            started = time.monotonic()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)
            stopped = time.monotonic() - started
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        if server.stderr is not None:
            server.stderr.close()
    assert stopped < 2.0, f"the server took {stopped:.1f} s to stop"  # 1 s grace; slack for a loaded machine
    runtime = Runtime.open(load_embedder=no_model)
    assert live.get(runtime, plan.id).main[0].note == "saved just before the stop"
    runtime.close()
