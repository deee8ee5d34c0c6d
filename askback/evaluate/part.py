"""What every trained part offers the evaluation: one small protocol and its report.

A trained part is a classifier or matcher whose numbers were chosen on labelled data:
research topics, "answered publicly", question category, flags, claims. Each one has

- its training data, in its package's ``data/`` folder;
- its thresholds, in ``data/NAME.thresholds.yaml`` (values, when/on what/why they were tuned,
  and the floors the README promises; see :mod:`askback.core.thresholds`);
- a held-out labelled set in ``tests/data/`` that neither training nor tuning reads;
- a :class:`TrainedPart` here, registered in :mod:`askback.evaluate.parts`, that measures
  the part on the held-out set with given thresholds and can choose new ones on its tuning set.

``python -m askback.evaluate NAME`` runs it; see :mod:`askback.evaluate.__main__`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from askback.core.thresholds import ThresholdFile

if TYPE_CHECKING:
    from askback.evaluate.workbench import Workbench


@dataclass(frozen=True)
class Figure:
    """One measured number, named the way the README and the floors name it."""

    name: str  # e.g. "precision, 18F" - the key of its floor in the thresholds file
    value: float
    on: str  # the labelled set it was measured on, e.g. "held out: tests/data/answered_18f.jsonl"


@dataclass
class Report:
    """What one evaluation measured: the figures (checked against floors), a Markdown block for
    the README and a plain-text account for the terminal."""

    part: str
    figures: list[Figure]
    markdown: str
    text: str = ""
    notes: list[str] = field(default_factory=list)

    def below(self, floors: Mapping[str, float]) -> list[tuple[Figure, float]]:
        """Figures under their floor (a figure without a floor is only reported)."""
        return [(f, floors[f.name]) for f in self.figures if f.name in floors and f.value < floors[f.name] - 1e-9]


@dataclass(frozen=True)
class Tuned:
    """New threshold values, chosen on the tuning set, and why these."""

    values: dict[str, float]
    on: str
    reason: str
    account: str = ""  # what the search saw, for the terminal


class MissingData(Exception):
    """A labelled set or corpus the evaluation needs is not here (a user's clone has no corpora)."""


class TrainedPart(Protocol):
    name: str
    summary: str  # one line for `--list`
    thresholds_path: Path
    readme_marker: str  # the README block "<!-- MARKER: start -->" ... "<!-- MARKER: end -->"

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        """Measure on the held-out set with these thresholds."""
        ...

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        """Choose values on the tuning set only, never the held-out one."""
        ...


def floors_line(thresholds: ThresholdFile) -> str:
    """The README sentence that states the floors, generated with the figures."""
    if not thresholds.floors:
        return ""
    stated = "; ".join(f"{name}: {value:.2f}" for name, value in thresholds.floors.items())
    return (
        f"Floors (a slow test fails below them): {stated}. Thresholds last tuned "
        f"{thresholds.tuned.date.isoformat()} on {thresholds.tuned.set}: {thresholds.tuned.reason.rstrip('.')}."
    )
