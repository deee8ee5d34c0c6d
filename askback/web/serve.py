"""Serving the web app: on loopback without a token, anywhere else with one, stopped promptly.

On SIGTERM or Ctrl+C uvicorn stops accepting connections and gives the requests in flight (a
note being saved) :data:`GRACEFUL_SECONDS` to finish; then the process ends without waiting
for background work. A research job or a linter warm-up that is cut short loses nothing: each
writes in transactions, and research picks up where it stopped on its next run.
"""

from __future__ import annotations

import os
import secrets
import sys
import threading
from collections.abc import Callable

from askback.errors import UsageError

GRACEFUL_SECONDS = 1


def serve(host: str, port: int, open_browser: bool, say: Callable[[str], None]) -> None:
    """Run the web app until it is stopped; ``say`` prints the address (and token) for the user."""
    import uvicorn

    from askback.web.app import create_app
    from askback.web.security import is_loopback

    if not 0 < port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {port}")
    token = None if is_loopback(host) else secrets.token_urlsafe(24)
    app = create_app(token=token, warm_linter=True)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/" + (f"?token={token}" if token else "")
    say(f"askback is running at {url}  (Ctrl+C to stop)")
    if token:
        say(f"Access token: {token}  (needed once per browser; keep it private)")
    if open_browser:
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [url]).start()
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
    )
    server = uvicorn.Server(config)
    server.run()
    if server.started and server.should_exit:
        _exit_now()


def _exit_now() -> None:
    """End the process without joining worker threads (a research job, the linter warm-up),
    which Python would otherwise wait for at exit, for seconds."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
