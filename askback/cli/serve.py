"""``askback serve``: the local web app, for preparing and for the interview itself."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Anything but loopback requires a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the app in your browser.")] = False,
) -> None:
    """Start the web app: prepare plans, run the interview live, take notes saved as you type.

    It listens on 127.0.0.1 only. Bound to any other address it prints an access token and
    refuses requests without it. Stop it with Ctrl+C.

    Example: askback serve --open
    """
    import secrets
    import threading
    import webbrowser

    import uvicorn

    from askback.errors import UsageError
    from askback.web.app import create_app
    from askback.web.security import is_loopback

    if not 0 < port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {port}")
    token = None if is_loopback(host) else secrets.token_urlsafe(24)
    app = create_app(token=token, warm_linter=True)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/" + (f"?token={token}" if token else "")
    typer.echo(f"askback is running at {url}  (Ctrl+C to stop)", err=True)
    if token:
        typer.echo(f"Access token: {token}  (needed once per browser; keep it private)", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
