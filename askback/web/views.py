"""What every handler shares: the runtime, the job runner, rendering and redirects.

Templates are Jinja2 with autoescaping on for everything: text that came from a researched
page is shown, never interpreted.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from askback.core import rules, taxonomy
from askback.research.jobs import JobQueue
from askback.runtime import Runtime
from askback.web.linting import Linter
from askback.web.security import CSRF_FIELD, csrf_token

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def get_runtime(request: Request) -> Runtime:
    return cast(Runtime, request.app.state.runtime)


def get_jobs(request: Request) -> JobQueue:
    return cast(JobQueue, request.app.state.jobs)


def get_linter(request: Request) -> Linter:
    return cast(Linter, request.app.state.linter)


Rt = Annotated[Runtime, Depends(get_runtime)]
Jobs = Annotated[JobQueue, Depends(get_jobs)]
Lint = Annotated[Linter, Depends(get_linter)]


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def redirect(url: str) -> RedirectResponse:
    """After a form post without JavaScript: back to a page (POST, redirect, GET)."""
    return RedirectResponse(url, status_code=303)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = (
        environment()
        .get_template(template)
        .render(request=request, csrf=csrf_token(request.scope), csrf_field=CSRF_FIELD, **context)
    )
    return HTMLResponse(html, status_code=status_code)


def render_text(template: str, **context: Any) -> str:
    """A page as a string, outside a request (the PDF export)."""
    return environment().get_template(template).render(csrf="", csrf_field=CSRF_FIELD, **context)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        static=static_url,
        category_label=lambda c: taxonomy.category(c).label,
        subtopic_label=_subtopic_label,
        role_label=taxonomy.role_label,
        stage_label=taxonomy.stage_label,
        signal_label=taxonomy.signal_label,
        topic_label=_topic_label,
        taxonomy=taxonomy,
        minutes_per_question=rules.MINUTES_PER_QUESTION,
    )
    env.filters.update(clock=_clock, when=_when)
    env.tests.update(web_url=lambda s: isinstance(s, str) and s.lower().startswith(("http://", "https://")))
    return env


@cache
def static_url(name: str) -> str:
    """A static file's address with a content hash, so a new version is never served from cache."""
    digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]
    return f"/static/{name}?v={digest}"


def _subtopic_label(subtopic_id: str) -> str:
    try:
        return taxonomy.subtopic(subtopic_id).label
    except KeyError:
        return subtopic_id


_TOPIC_LABELS = {t.id: t.label for t in taxonomy.RESEARCH_TOPICS}


def _topic_label(topic_id: str) -> str:
    return _TOPIC_LABELS.get(topic_id, topic_id)


def _clock(value: datetime | None) -> str:
    return value.astimezone().strftime("%H:%M:%S") if value else ""


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "never"


async def _form_data(request: Request) -> dict[str, list[str]]:
    form = await request.form()
    return {key: [str(v) for v in form.getlist(key)] for key in form}


FormData = Annotated[dict[str, list[str]], Depends(_form_data)]
"""A posted form with field names known only at run time (one field per priority or category)."""


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")
