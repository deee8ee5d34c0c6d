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
    from askback.web.serve import serve as run

    run(host, port, open_browser, lambda line: typer.echo(line, err=True))
