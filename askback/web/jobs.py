"""Research jobs: run outside the request, one at a time, watched by polling.

Research reads pages and embeds sentences for seconds to minutes, so a request only starts a
job; a single worker thread runs it and the page polls its state. The state lives in memory,
which suits the local single-user app (a shared deployment would use a worker pool).
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any
from uuid import uuid4

from askback.errors import AskbackError
from askback.store.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    id: str
    company: str
    source: str
    state: str = "queued"  # queued, running, done or failed
    read: int = 0
    current: str = ""
    pages: int = 0
    fresh: int = 0  # new or changed since the last research
    facts: int = 0
    seconds: float = 0.0
    skipped: tuple[tuple[str, str], ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    error: str = ""
    created: float = field(default_factory=time.time)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


class ResearchJobs:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askback-research")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, company: str, source: str, allow_private: bool = False, max_pages: int = 50) -> Job:
        job = Job(id=uuid4().hex[:12], company=company, source=source)
        with self._lock:
            self._jobs[job.id] = job
        self._executor.submit(self._run, job.id, allow_private, max_pages)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def for_company(self, company: str) -> list[Job]:
        """The company's jobs, newest first."""
        with self._lock:
            jobs = [j for j in self._jobs.values() if j.company == company]
        return sorted(jobs, key=lambda j: -j.created)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _run(self, job_id: str, allow_private: bool, max_pages: int) -> None:
        from askback.research.service import research

        job = self._jobs[job_id]
        self._update(job_id, state="running")
        read = 0

        def progress(item: str) -> None:
            nonlocal read
            read += 1
            self._update(job_id, read=read, current=item)

        def embedding(done: int, total: int) -> None:
            self._update(job_id, current=f"finding topics: {done:,} of {total:,} sentences")

        try:
            summary = research(
                self._db,
                job.company,
                [job.source],
                max_pages=max_pages,
                allow_private=allow_private,
                progress=progress,
                on_embedding=embedding,
            )
        except AskbackError as exc:
            self._update(job_id, state="failed", error=str(exc))
        except Exception as exc:  # the worker must survive whatever a page does to the parser
            log.exception("research job %s failed", job_id)
            self._update(job_id, state="failed", error=f"{exc.__class__.__name__}: {exc}")
        else:
            self._update(
                job_id,
                state="done",
                pages=summary.pages_new + summary.pages_changed + summary.pages_unchanged,
                fresh=summary.pages_new + summary.pages_changed,
                facts=summary.facts,
                seconds=summary.seconds,
                skipped=tuple(summary.skipped),
                notes=tuple(summary.notes),
            )
