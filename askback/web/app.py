"""The FastAPI application: routers per page, one guard in front, one research worker behind."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from askback.errors import AskbackError, NotFoundError, UsageError
from askback.research.jobs import JobQueue
from askback.runtime import Runtime
from askback.web.linting import Linter
from askback.web.routes import after, companies, live, people, plans, postings, printing, profile, research
from askback.web.security import MAX_BODY, Guard
from askback.web.views import STATIC, is_htmx, render, wants_json

log = logging.getLogger(__name__)


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    *,
    allowed_hosts: Iterable[str] | None = None,
    max_body: int = MAX_BODY,
    warm_linter: bool = False,
    runtime: Runtime | None = None,
) -> FastAPI:
    """The web app over the database at ``db_url`` (the configured one by default), or over
    ``runtime`` when given (which the caller then closes: tests pass one with a fake embedder).

    With ``token`` every request must carry it (see :mod:`askback.web.security`); without
    one the app only answers to loopback host names. ``warm_linter`` loads the linter in the
    background at start and when a builder first opens for a company (``askback serve`` wants
    that; tests do not).
    """
    owned = runtime is None
    rt = Runtime.open(db_url) if runtime is None else runtime
    jobs = JobQueue(rt, workers=1)  # one at a time: the model already uses both cores

    linter = Linter(rt, warm_up=warm_linter)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        linter.warm()
        yield
        linter.shutdown()
        jobs.shutdown(wait=False)
        if owned:
            rt.close()

    app = FastAPI(title="askback", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.runtime = rt
    app.state.jobs = jobs
    app.state.linter = linter
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (companies, research, postings, people, profile, plans, live, after, printing):
        app.include_router(module.router)
    app.add_exception_handler(AskbackError, _askback_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts, max_body=max_body)
    return app


async def _askback_error(request: Request, exc: Exception) -> Response:
    status = 404 if isinstance(exc, NotFoundError) else 400 if isinstance(exc, UsageError) else 500
    if status == 500:
        log.error("%s: %s", exc.__class__.__name__, exc)
    return _error(request, status, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "There is no such page." if exc.status_code == 404 else str(exc.detail)
    return _error(request, exc.status_code, message, exc.headers)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return _error(request, 400, f"Some of what was sent is not valid ({problems}).")


def _error(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    if is_htmx(request):
        return PlainTextResponse(message, status_code=status, headers=headers)
    response = render(request, "error.html", status_code=status, message=message, status=status)
    response.headers.update(headers or {})
    return response
