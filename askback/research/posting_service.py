"""The job postings service: what ``askback job`` and the web app's job section call.

A posting is read once (a URL through the same guarded fetcher as research, a file, standard
input or pasted text), its fields are read with their evidence, and its sentences become facts
of the company with the posting as their source, through the research pipeline.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from askback.core.jobs import Job
from askback.errors import UsageError
from askback.research.documents import RawPage
from askback.research.posting import read_posting
from askback.research.posting_text import posting_text
from askback.research.sources import MAX_FILE_BYTES, SUFFIX_TYPES, content_problem
from askback.store import companies
from askback.store import jobs as store

if TYPE_CHECKING:
    from askback.runtime import Runtime

NO_FIELDS = "no title, place, pay or stack recognised: the posting is kept as text"


@dataclass(frozen=True)
class JobAdded:
    job: Job
    created: bool  # False when the same posting was already stored for the company
    facts: int  # the posting's sentences stored as facts of the company


def add_job(
    runtime: Runtime,
    company_name: str,
    source: str,
    *,
    text: str | None = None,
    allow_private: bool = False,
    new_company: bool = True,
    with_facts: bool = True,
) -> JobAdded:
    """Read a posting from ``source`` (a URL, a file, or ``-`` for standard input), or from
    ``text`` when it is given (pasted into the web app), and store it with its fields.
    ``new_company=False`` refuses a company not known yet (the web app adds to a known one).
    ``with_facts=False`` stores the fields alone, without running the research pipeline on the
    sentences (for a page that must answer quickly); adding the posting again adds its facts."""
    if not new_company:
        with runtime.session() as session:
            company_name = companies.get(session, company_name).name
    page = _pasted(text) if text is not None else read_posting_source(source, allow_private)
    html_title, body = posting_text(page)
    if not body.strip():
        raise UsageError(f"{_name(page)}: no text to read in this posting")
    fields = read_posting(body, html_title=html_title, company=company_name)
    warnings = [] if fields.recognised() else [NO_FIELDS]
    digest = hashlib.sha256(" ".join(body.split()).encode()).hexdigest()
    label = fields.title.value if fields.title else f"untitled {digest[:8]}"
    ref = page.ref if page.ref.startswith(("http://", "https://")) else f"job posting: {label} ({_name(page)})"
    page = RawPage(page.source, ref, page.content_type, page.body, page.charset, page.fetched_at)
    from askback.research.service import research_page

    facts = research_page(runtime, company_name, page).facts if with_facts else 0
    with runtime.session() as session:
        company = companies.resolve(session, company_name)
        job, created = store.save(
            session,
            company.id,
            source=source if text is None else "pasted text",
            text=body,
            text_hash=digest,
            fields=fields,
            warnings=warnings,
            page_ref=ref if with_facts else None,
        )
    return JobAdded(job, created, facts)


def _name(page: RawPage) -> str:
    return Path(page.ref).name if page.source not in ("-", "pasted text") else page.source


def _pasted(text: str) -> RawPage:
    if not text.strip():
        raise UsageError("the posting is empty: paste its text or give its URL")
    return RawPage("pasted text", "pasted text", "text/markdown", text.encode(), "utf-8", datetime.now(UTC))


def read_posting_source(source: str, allow_private: bool = False) -> RawPage:
    """The posting as one raw page. A URL is fetched alone (never crawled); a folder is refused."""
    if source == "-":
        data = sys.stdin.buffer.read()
        _refuse_unreadable("standard input", data, "text/markdown")
        return RawPage("-", "-", "text/markdown", data, None, datetime.now(UTC))
    if source.startswith(("http://", "https://")):
        return _fetch(source, allow_private)
    if "://" in source:
        raise UsageError(f"{source}: a posting is an http(s) URL, a file or - for standard input")
    return _file(Path(source).expanduser())


def _fetch(url: str, allow_private: bool) -> RawPage:
    from askback.research.fetch import FetchLimits, Skipped, fetch_page

    result = fetch_page(url, FetchLimits(max_pages=1, allow_private=allow_private))
    if isinstance(result, Skipped):
        raise UsageError(f"{url}: {result.reason}")
    return RawPage(url, result.url, result.content_type, result.body, result.charset, result.fetched_at)


def _file(path: Path) -> RawPage:
    if not path.is_file():
        raise UsageError(f"{path}: no such file" + (" (a posting is one file, not a folder)" if path.is_dir() else ""))
    content_type = SUFFIX_TYPES.get(path.suffix.lower(), "text/plain" if not path.suffix else None)
    if content_type is None:
        raise UsageError(f"{path}: {path.suffix} is not a format askback reads (HTML, Markdown, text, PDF)")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UsageError(f"{path}: larger than the {MAX_FILE_BYTES // 1_000_000} MB file limit")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from exc
    _refuse_unreadable(str(path), body, content_type)
    return RawPage(str(path), path.name, content_type, body, None, datetime.fromtimestamp(path.stat().st_mtime, UTC))


def list_jobs(runtime: Runtime, company_name: str | None = None) -> list[Job]:
    """Every stored job, or one company's."""
    with runtime.session() as session:
        if company_name is None:
            return store.list_all(session)
        return store.for_company(session, companies.get(session, company_name).id)


def get_job(runtime: Runtime, job_id: int | None = None, company_name: str | None = None) -> Job:
    """One job by id, or the newest one (of a company, when named)."""
    if job_id is not None:
        with runtime.session() as session:
            return store.get(session, job_id)
    found = list_jobs(runtime, company_name)
    if not found:
        where = f" for {company_name}" if company_name else ""
        raise UsageError(f"no job postings{where} yet; add one with `askback job add --company NAME URL|FILE|-`")
    return found[-1]


def remove_job(runtime: Runtime, job_id: int) -> Job:
    """Forget a posting, and the facts its sentences had become."""
    with runtime.session() as session:
        return store.remove(session, job_id)


def _refuse_unreadable(where: str, body: bytes, content_type: str) -> None:
    """A posting is judged by its content like any research source: nothing is stored from
    an empty, binary or fake-PDF file."""
    problem = content_problem(body, content_type)
    if problem is not None:
        raise UsageError(f"{where}: {problem}")
