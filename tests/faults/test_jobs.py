"""Research jobs in the worker pool: bounded, one per company, errors kept, conflicts retried.

The runner is swapped for small fakes that block, fail or crash on cue; the real research in
the pool runs in tests/store/test_postgres.py on both databases.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from askback.errors import NotFoundError, UsageError
from askback.research.jobs import JobProgress, JobQueue, JobRequest
from askback.research.service import Step
from askback.runtime import Runtime


class Gate:
    """A fake research run that reports progress, then waits until released."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running: list[str] = []
        self.most = 0
        self.started = threading.Semaphore(0)
        self.release: dict[str, threading.Event] = {}

    def event(self, company: str) -> threading.Event:
        with self.lock:
            return self.release.setdefault(company, threading.Event())

    def __call__(self, runtime: Runtime, request: JobRequest, progress: JobProgress) -> dict[str, Any]:
        with self.lock:
            self.running.append(request.company)
            self.most = max(self.most, len(self.running))
        progress(Step("fetching", 1, 50, f"{request.sources[0]}/index.html"))
        self.started.release()
        try:
            assert self.event(request.company).wait(10), "never released"
        finally:
            with self.lock:
                self.running.remove(request.company)
        return {"company": request.company, "pages_new": 1}


@pytest.fixture
def gate() -> Gate:
    return Gate()


@pytest.fixture
def queue(runtime: Runtime, gate: Gate) -> Iterator[JobQueue]:
    jobs = JobQueue(runtime, workers=2, max_pending=3, runner=gate)
    yield jobs
    for event in list(gate.release.values()):
        event.set()
    jobs.shutdown()


def test_a_job_reports_progress_then_its_summary(queue: JobQueue, gate: Gate) -> None:
    job = queue.submit("Acme Robotics", ["https://acme.example/"])
    assert job.state in ("queued", "running") and len(job.id) == 16
    assert gate.started.acquire(timeout=5)
    running = queue.status(job.id)
    assert (running.state, running.read, running.current) == ("running", 1, "https://acme.example//index.html")

    gate.event("Acme Robotics").set()
    done = queue.wait(job.id, timeout=5)

    assert done.state == "done" and done.summary == {"company": "Acme Robotics", "pages_new": 1}
    assert done.started_at is not None and done.finished_at is not None and done.error == ""


def test_a_job_shows_how_far_its_embedding_has_got(runtime: Runtime) -> None:
    reported = threading.Event()
    go_on = threading.Event()

    def runner(runtime: Runtime, request: JobRequest, progress: JobProgress) -> None:
        progress(Step("fetching", 1, 248, "handbook/leave.md"))
        progress(Step("embedding", 512, 4997))
        reported.set()
        assert go_on.wait(10), "never released"

    jobs = JobQueue(runtime, workers=1, runner=runner)
    try:
        job = jobs.submit("Acme Robotics", ["handbook"])
        assert reported.wait(5)
        running = jobs.status(job.id)
        assert (running.read, running.stage, running.done, running.total) == (1, "embedding", 512, 4997)
    finally:
        go_on.set()
        jobs.shutdown()


def test_at_most_workers_jobs_run_and_a_full_queue_refuses_more(queue: JobQueue, gate: Gate) -> None:
    jobs = [queue.submit(f"Company {i}", ["src"]) for i in range(5)]  # 2 running + 3 waiting
    for _ in range(2):
        assert gate.started.acquire(timeout=5)
    with pytest.raises(UsageError, match="3 research jobs are waiting already"):
        queue.submit("Company 6", ["src"])
    assert [queue.status(j.id).state for j in jobs] == ["running", "running", "queued", "queued", "queued"]

    for i in range(5):
        gate.event(f"Company {i}").set()
    assert [queue.wait(j.id, timeout=5).state for j in jobs] == ["done"] * 5
    assert gate.most == 2


def test_one_job_per_company_at_a_time(queue: JobQueue, gate: Gate) -> None:
    first = queue.submit("Acme Robotics", ["a"])
    second = queue.submit("acme robotics", ["b"])  # the same company, spelled otherwise
    other = queue.submit("Globex", ["c"])
    for _ in range(2):
        assert gate.started.acquire(timeout=5)
    assert sorted(gate.running) == ["Acme Robotics", "Globex"]
    assert queue.status(second.id).state == "queued"

    gate.event("Acme Robotics").set()
    assert queue.wait(first.id, timeout=5).state == "done"
    assert gate.started.acquire(timeout=5)
    assert queue.status(second.id).state == "running"
    gate.event("acme robotics").set()
    gate.event("Globex").set()
    assert queue.wait(second.id, timeout=5).state == queue.wait(other.id, timeout=5).state == "done"
    assert [j.id for j in queue.jobs("ACME ROBOTICS")] == [second.id, first.id]


def test_a_failure_is_kept_as_one_line_and_the_worker_goes_on(runtime: Runtime) -> None:
    def runner(runtime: Runtime, request: JobRequest, progress: JobProgress) -> dict[str, Any]:
        if request.company == "Broken":
            raise ValueError("the parser fell over\nwith a long story")
        if request.company == "Refused":
            raise UsageError("refused: 10.0.0.1 is a private or loopback address (use --allow-private)")
        return {"ok": True}

    jobs = JobQueue(runtime, workers=1, runner=runner)
    try:
        broken = jobs.submit("Broken", ["x"])
        refused = jobs.submit("Refused", ["x"])
        fine = jobs.submit("Fine", ["x"])
        results = [jobs.wait(j.id, timeout=5) for j in (broken, refused, fine)]
    finally:
        jobs.shutdown()
    assert [(j.state, j.error) for j in results] == [
        ("failed", "ValueError: the parser fell over"),
        ("failed", "refused: 10.0.0.1 is a private or loopback address (use --allow-private)"),
        ("done", ""),
    ]


def test_a_conflict_with_another_writer_is_run_again(runtime: Runtime) -> None:
    calls: list[int] = []

    def runner(runtime: Runtime, request: JobRequest, progress: JobProgress) -> dict[str, Any]:
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("INSERT INTO embeddings ...", {}, Exception("UNIQUE constraint failed"))
        return {"ok": True}

    jobs = JobQueue(runtime, workers=1, runner=runner)
    try:
        job = jobs.wait(jobs.submit("Acme", ["x"]).id, timeout=5)
    finally:
        jobs.shutdown()
    assert (job.state, job.attempts, len(calls)) == ("done", 2, 2)


def test_waiting_jobs_can_be_cancelled_and_shutdown_cancels_the_rest(runtime: Runtime, gate: Gate) -> None:
    jobs = JobQueue(runtime, workers=1, runner=gate)
    running = jobs.submit("A", ["x"])
    waiting = jobs.submit("B", ["x"])
    left = jobs.submit("C", ["x"])
    assert gate.started.acquire(timeout=5)

    assert jobs.cancel(waiting.id).state == "cancelled"
    assert jobs.cancel(running.id).state == "running"  # a running job runs to its end
    threading.Timer(0.2, gate.event("A").set).start()
    jobs.shutdown(wait=True)

    assert [jobs.status(j.id).state for j in (running, waiting, left)] == ["done", "cancelled", "cancelled"]
    with pytest.raises(UsageError, match="shut down"):
        jobs.submit("D", ["x"])


def test_unknown_jobs_and_bad_requests(queue: JobQueue) -> None:
    with pytest.raises(NotFoundError, match="no research job 'nope'"):
        queue.status("nope")
    with pytest.raises(UsageError, match="not a usable company name"):
        queue.submit("!!!", ["x"])
    with pytest.raises(UsageError, match="at least one source"):
        queue.submit("Acme", [])


def test_finished_jobs_are_forgotten_oldest_first(runtime: Runtime) -> None:
    jobs = JobQueue(runtime, workers=1, keep_finished=2, runner=lambda runtime, request, progress: None)
    try:
        ids = [jobs.submit(f"C{i}", ["x"]).id for i in range(4)]
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(jobs.jobs()) > 2:
            time.sleep(0.01)
        assert {j.id for j in jobs.jobs()} == set(ids[2:])
    finally:
        jobs.shutdown()


def test_the_real_research_runs_in_the_pool(runtime: Runtime, tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# About\n\nWe offer 25 days of paid leave a year.\n", encoding="utf-8")
    jobs = JobQueue(runtime, workers=1)
    try:
        job = jobs.wait(jobs.submit("Acme Robotics", [str(tmp_path)]).id, timeout=60)
        missing = jobs.wait(jobs.submit("Acme Robotics", [str(tmp_path / "gone")]).id, timeout=60)
    finally:
        jobs.shutdown()
    assert job.state == "done" and job.summary is not None and job.summary["pages_new"] == 1
    assert (missing.state, missing.error) == ("failed", f"{tmp_path / 'gone'}: no such file or folder")
