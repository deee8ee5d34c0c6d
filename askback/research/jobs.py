"""Research jobs for a shared deployment: a bounded worker pool, outside any web request.

Research reads pages and embeds sentences for seconds to minutes. In a deployment serving many
candidates a request only submits a job and polls its status; a small pool of worker threads
runs the jobs (the embedding model releases the GIL while it computes, so threads share one
loaded model instead of each process loading its own).

- Bounded: at most ``workers`` jobs run at once and at most ``max_pending`` wait; a submit
  beyond that is refused with a message rather than queued without end.
- One job per company at a time: two jobs for the same company would write the same pages;
  the second waits for the first and then finds most pages unchanged.
- Errors are captured: a failed job keeps a one-line error and the worker goes on with the
  next job. A job that lost a race with another writer (a row inserted meanwhile, a busy or
  deadlocked database) is run again, which is safe because research is incremental and each
  run commits in one transaction.
- Finished jobs are kept for ``keep_finished`` jobs, then forgotten oldest first.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal
from uuid import uuid4

from sqlalchemy.exc import IntegrityError, OperationalError

from askback.errors import AskbackError, NotFoundError, StoreError, UsageError
from askback.runtime import Runtime

if TYPE_CHECKING:
    from askback.research.service import Step

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed", "cancelled"]
FINISHED: frozenset[str] = frozenset({"done", "failed", "cancelled"})
_TRANSIENT = ("deadlock detected", "could not serialize", "database is locked", "database is busy")


# What a running job reports: each step of the research run (fetching, parsing, embedding,
# storing), with how far it has got.
JobProgress = Callable[["Step"], None]


Runner = Callable[[Runtime, "JobRequest", JobProgress], Any]


@dataclass(frozen=True)
class JobRequest:
    company: str
    sources: tuple[str, ...]
    max_pages: int = 50
    allow_private: bool = False


@dataclass(frozen=True)
class JobStatus:
    id: str
    company: str
    sources: tuple[str, ...]
    state: JobState = "queued"
    submitted_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    started_at: datetime | None = None
    finished_at: datetime | None = None
    read: int = 0  # sources items (pages, files) read so far
    current: str = ""  # the item being read
    stage: str = ""  # fetching, parsing, embedding or storing
    done: int = 0  # how far the stage has got ...
    total: int = 0  # ... out of this many (pages, or sentences while embedding)
    attempts: int = 0
    summary: dict[str, Any] | None = None  # the research summary, once done
    error: str = ""  # one line, once failed

    @property
    def finished(self) -> bool:
        return self.state in FINISHED


def run_research(runtime: Runtime, request: JobRequest, progress: JobProgress) -> Any:
    from askback.research.service import research

    return research(
        runtime,
        request.company,
        request.sources,
        max_pages=request.max_pages,
        allow_private=request.allow_private,
        on_step=progress,
    )


class JobQueue:
    def __init__(
        self,
        runtime: Runtime,
        *,
        workers: int = 2,
        max_pending: int = 50,
        keep_finished: int = 200,
        retries: int = 2,
        runner: Runner = run_research,
    ) -> None:
        if workers < 1 or max_pending < 0 or keep_finished < 0 or retries < 0:
            raise UsageError("workers must be at least 1; max_pending, keep_finished and retries cannot be negative")
        self._runtime = runtime
        self._workers = workers
        self._max_pending = max_pending
        self._keep_finished = keep_finished
        self._retries = retries
        self._runner = runner
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="askback-job")
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._jobs: dict[str, JobStatus] = {}
        self._requests: dict[str, JobRequest] = {}
        self._pending: deque[str] = deque()
        self._finished: deque[str] = deque()
        self._busy: set[str] = set()  # companies with a running job
        self._running = 0
        self._closed = False

    def submit(
        self, company: str, sources: Sequence[str], *, max_pages: int = 50, allow_private: bool = False
    ) -> JobStatus:
        """Queue research of ``sources`` for ``company``; returns at once with the job's id."""
        from askback.store.companies import slugify

        if not slugify(company):
            raise UsageError(f"{company!r} is not a usable company name: it needs letters or digits")
        if not sources:
            raise UsageError("a research job needs at least one source")
        if max_pages < 1:
            raise UsageError("max_pages must be at least 1")
        request = JobRequest(company, tuple(sources), max_pages, allow_private)
        job = JobStatus(id=uuid4().hex[:16], company=company, sources=request.sources)
        with self._lock:
            if self._closed:
                raise UsageError("research jobs are shut down")
            if len(self._pending) >= self._max_pending:
                raise UsageError(f"{len(self._pending)} research jobs are waiting already; try again in a while")
            self._jobs[job.id] = job
            self._requests[job.id] = request
            self._pending.append(job.id)
            self._dispatch()
            return self._jobs[job.id]

    def status(self, job_id: str) -> JobStatus:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"no research job {job_id!r}")
        return job

    def jobs(self, company: str | None = None) -> list[JobStatus]:
        """Jobs known, newest first; only ``company``'s when given."""
        from askback.store.companies import slugify

        with self._lock:
            found = list(self._jobs.values())
        if company is not None:
            found = [j for j in found if slugify(j.company) == slugify(company)]
        return sorted(found, key=lambda j: j.submitted_at, reverse=True)

    def wait(self, job_id: str, timeout: float | None = None) -> JobStatus:
        """The job once finished, or as it is when ``timeout`` seconds have passed."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while True:
                job = self._jobs.get(job_id)
                if job is None:
                    raise NotFoundError(f"no research job {job_id!r}")
                left = None if deadline is None else deadline - time.monotonic()
                if job.finished or (left is not None and left <= 0):
                    return job
                self._changed.wait(left)

    def cancel(self, job_id: str) -> JobStatus:
        """Cancel a job that has not started; a running job runs to its end."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFoundError(f"no research job {job_id!r}")
            if job.state == "queued":
                self._pending.remove(job_id)
                self._finish(job_id, state="cancelled")
            return self._jobs[job_id]

    def shutdown(self, wait: bool = True) -> None:
        """Cancel waiting jobs and stop; with ``wait``, let running jobs finish first."""
        with self._lock:
            self._closed = True
            while self._pending:
                self._finish(self._pending.popleft(), state="cancelled")
        self._executor.shutdown(wait=wait, cancel_futures=True)

    # --- inside the lock ------------------------------------------------------------------

    def _dispatch(self) -> None:
        """Start waiting jobs while workers are free, skipping companies already being researched."""
        from askback.store.companies import slugify

        for job_id in list(self._pending):
            if self._running >= self._workers:
                return
            key = slugify(self._jobs[job_id].company)
            if key in self._busy:
                continue
            self._pending.remove(job_id)
            self._busy.add(key)
            self._running += 1
            self._jobs[job_id] = replace(self._jobs[job_id], state="running", started_at=datetime.now(UTC))
            self._executor.submit(self._run, job_id)

    def _finish(self, job_id: str, **changes: Any) -> None:
        self._jobs[job_id] = replace(self._jobs[job_id], finished_at=datetime.now(UTC), **changes)
        self._requests.pop(job_id, None)
        self._finished.append(job_id)
        while len(self._finished) > self._keep_finished:
            self._jobs.pop(self._finished.popleft(), None)
        self._changed.notify_all()

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    # --- in a worker ----------------------------------------------------------------------

    def _run(self, job_id: str) -> None:
        from askback.store.companies import slugify

        with self._lock:
            request = self._requests[job_id]
        outcome: dict[str, Any] = {"state": "failed", "error": "interrupted"}
        try:
            outcome = self._attempts(job_id, request)
        finally:
            with self._lock:
                self._busy.discard(slugify(request.company))
                self._running -= 1
                self._finish(job_id, **outcome)
                if not self._closed:
                    self._dispatch()

    def _attempts(self, job_id: str, request: JobRequest) -> dict[str, Any]:
        """Run the job, again after a transient conflict; the changes that finish it."""

        def progress(step: Step) -> None:
            read = {"read": step.done} if step.stage == "fetching" else {}
            self._update(job_id, stage=step.stage, done=step.done, total=step.total, current=step.item, **read)

        for attempt in range(1, self._retries + 2):
            self._update(job_id, attempts=attempt)
            try:
                result = self._runner(self._runtime, request, progress)
            except AskbackError as exc:
                if attempt <= self._retries and _transient(exc):
                    time.sleep(0.05 * attempt)
                    continue
                return {"state": "failed", "error": str(exc)}
            except Exception as exc:  # a worker survives whatever a page does to a parser
                if attempt <= self._retries and _transient(exc):
                    log.info("research job %s: %s; running it again", job_id, exc.__class__.__name__)
                    time.sleep(0.05 * attempt)
                    continue
                log.exception("research job %s failed", job_id)
                first = str(exc).splitlines()[0] if str(exc) else ""
                return {"state": "failed", "error": f"{exc.__class__.__name__}: {first}".rstrip(": ")}
            return {"state": "done", "summary": _summary(result), "current": ""}
        raise AssertionError("unreachable: the last attempt returns")  # pragma: no cover


def _transient(exc: BaseException) -> bool:
    """A failure another try may not meet: a conflict with a concurrent writer."""
    if isinstance(exc, IntegrityError):
        return True
    if isinstance(exc, OperationalError | StoreError):
        message = str(exc).lower()
        return any(needle in message for needle in _TRANSIENT)
    return False


def _summary(result: Any) -> dict[str, Any] | None:
    if result is None:
        return None
    if isinstance(result, dict):
        return dict(result)
    try:
        return asdict(result)
    except TypeError:
        return {"result": str(result)}
