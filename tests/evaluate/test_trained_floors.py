"""Every trained part, measured on its held-out set, stays at or above the floors its README
block states. Slow: it embeds the held-out sets and needs the labelled handbooks researched,
which is done once per version of the research code and kept in .cache/evaluate (about two
minutes the first time, a second after)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from embedders import real_model

from askback.core.thresholds import load_thresholds
from askback.evaluate.part import MissingData, floors_line
from askback.evaluate.parts import PARTS
from askback.evaluate.readme import read_block
from askback.evaluate.workbench import Workbench, cached_databases

pytestmark = pytest.mark.slow


# Researching the handbooks makes "answered" the longest by far: it goes first, and needs none
# of the shipped examples' vectors the other parts start from.
LONGEST_FIRST = sorted(PARTS, key=lambda name: name != "answered")


@pytest.fixture(scope="module")
def bench() -> Iterator[Workbench]:
    """The evaluations' workbench, embedding with the test run's remembering model (the same
    vectors as the installed model's)."""
    workbench = Workbench(db_dir=cached_databases())
    workbench.embedder = real_model()
    yield workbench
    workbench.close()


@pytest.mark.parametrize("name", LONGEST_FIRST)
def test_held_out_figures_hold_the_floors_the_readme_states(
    bench: Workbench, name: str, request: pytest.FixtureRequest
) -> None:
    if name != "answered":
        request.getfixturevalue("warm_model")  # the vectors of the examples each part starts from, made once
    part = PARTS[name]
    thresholds = load_thresholds(part.thresholds_path)
    assert thresholds.floors, f"{name} states no floors"
    block = read_block((bench.root / "README.md").read_text(encoding="utf-8"), part.readme_marker)
    assert block is not None and floors_line(thresholds) in block, f"README's {part.readme_marker} block is stale"
    try:
        report = part.evaluate(bench, thresholds)
    except MissingData as exc:
        pytest.skip(str(exc))
    assert {f.name for f in report.figures} >= set(thresholds.floors)
    assert report.below(thresholds.floors) == []
