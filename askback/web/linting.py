"""The linter as the plan builder uses it: one question at a time, warmed before the first keystroke.

The first verdict in a new database embeds the linter's examples, and the first for a company
its facts (seconds each); after that a verdict takes a fraction of a second. So ``askback
serve`` warms the linter in the background when it starts and when a plan builder first opens
for a company, and verdicts are computed one at a time so a burst of typing never runs
several in parallel.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from askback.core.models import Plan
from askback.runtime import Runtime

log = logging.getLogger(__name__)
WARM_UP_QUESTION = "How does the team decide what to work on next?"


class Linter:
    def __init__(self, runtime: Runtime, warm_up: bool = False) -> None:
        self._runtime = runtime
        self._lock = threading.Lock()
        self._warm_up = warm_up
        self._warmer: ThreadPoolExecutor | None = None
        self._warmed: dict[int | None, Future[None]] = {}

    def verdict(self, plan: Plan | None, text: str) -> dict[str, Any] | None:
        """The linter's verdict on one question, or None while the linter is not installed."""
        try:
            from askback.plan.lint import lint_questions
        except ImportError:
            return None
        with self._lock:
            if plan is None:
                results = lint_questions(self._runtime, [text])
            else:
                results = lint_questions(
                    self._runtime, [text], company=plan.company.name, interviewer=plan.interviewer, stage=plan.stage
                )
        return dict(results[0].as_dict()) if results else None

    def warm(self, plan: Plan | None = None) -> Future[None] | None:
        """Load what the linter needs (for ``plan``'s company), once, in the background, if asked to."""
        if not self._warm_up:
            return None
        key = plan.company.id if plan is not None else None
        if key not in self._warmed:
            if self._warmer is None:
                self._warmer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askback-lint-warm-up")
            self._warmed[key] = self._warmer.submit(self._run, plan)
        return self._warmed[key]

    def shutdown(self) -> None:
        if self._warmer is not None:
            self._warmer.shutdown(wait=False, cancel_futures=True)

    def _run(self, plan: Plan | None) -> None:
        try:
            self.verdict(plan, WARM_UP_QUESTION)
        except Exception:  # a warm-up that fails costs nothing: the real verdict will say why
            log.debug("linter warm-up failed", exc_info=True)
