"""A research run on the terminal: one bar per stage, with counts and the time left."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

if TYPE_CHECKING:
    from askback.research.service import Step

LABELS = {"fetching": "Reading pages", "parsing": "Parsing", "embedding": "Finding topics", "storing": "Storing facts"}


class StepBars:
    """Shows each :class:`Step` of a research run; bars stay on screen once done."""

    def __init__(self) -> None:
        self._progress = Progress(
            TextColumn("{task.description:<15}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("[dim]{task.fields[item]}"),
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> StepBars:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._progress.stop()

    def show(self, step: Step) -> None:
        task = self._tasks.get(step.stage)
        if task is None:
            task = self._tasks[step.stage] = self._progress.add_task(LABELS[step.stage], total=step.total, item="")
        self._progress.update(task, completed=step.done, total=step.total, item=step.item[-50:])
