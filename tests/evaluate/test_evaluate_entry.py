"""The evaluate entry's pieces a user meets: README blocks, floors, options, a retune written back."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from askback.core.thresholds import ThresholdFile, Tuning, load_thresholds, write_thresholds
from askback.evaluate import __main__ as entry
from askback.evaluate.part import Figure, Report, Tuned, floors_line
from askback.evaluate.readme import read_block, replace_block
from askback.evaluate.workbench import Workbench

README = "intro\n<!-- demo-eval: start -->\nold figures\n<!-- demo-eval: end -->\nafter\n"


def test_a_block_is_replaced_between_its_markers_only() -> None:
    updated = replace_block(README, "demo-eval", "| new | 0.91 |")
    assert updated == "intro\n<!-- demo-eval: start -->\n| new | 0.91 |\n<!-- demo-eval: end -->\nafter\n"
    assert read_block(updated, "demo-eval") == "| new | 0.91 |\n"


def test_a_missing_block_is_an_error_not_a_silent_no_op() -> None:
    with pytest.raises(ValueError, match="no <!-- other-eval: start -->"):
        replace_block(README, "other-eval", "x")


def test_figures_under_their_floor_are_reported_and_unfloored_ones_are_not() -> None:
    report = Report("demo", [Figure("precision", 0.89, "held out"), Figure("recall", 0.1, "held out")], "")
    assert [(f.name, floor) for f, floor in report.below({"precision": 0.9})] == [("precision", 0.9)]
    assert report.below({"precision": 0.89}) == []


def _file() -> ThresholdFile:
    return ThresholdFile(
        part="demo",
        values={"bar": 0.5},
        tuned=Tuning(date=datetime.date(2026, 11, 1), set="tuning.jsonl", reason="by hand"),
        floors={"precision": 0.8},
    )


def test_the_floors_line_states_floors_and_the_last_tuning() -> None:
    assert floors_line(_file()) == (
        "Floors (a slow test fails below them): precision: 0.80. "
        "Thresholds last tuned 2026-11-01 on tuning.jsonl: by hand."
    )


class FakePart:
    """A trained part whose measure is its threshold: enough to see --tune --write and floors work."""

    name = "demo"
    summary = "a fake part"
    readme_marker = "demo-eval"

    def __init__(self, path: Path) -> None:
        self.thresholds_path = path

    def evaluate(self, bench: Workbench, thresholds: ThresholdFile) -> Report:
        value = thresholds.value("bar")
        return Report(self.name, [Figure("precision", value, "held out")], f"| precision | {value:.2f} |")

    def tune(self, bench: Workbench, thresholds: ThresholdFile) -> Tuned:
        return Tuned({"bar": 0.95}, on="tuning.jsonl", reason="the best of one")


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakePart:
    path = tmp_path / "demo.thresholds.yaml"
    write_thresholds(path, _file())
    part = FakePart(path)
    monkeypatch.setitem(entry.PARTS, "demo", part)
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    monkeypatch.setattr(
        entry, "Workbench", lambda db_dir, **options: Workbench(root=tmp_path, db_dir=db_dir, **options)
    )
    return part


def test_below_its_floor_the_entry_exits_1(fake: FakePart, monkeypatch: pytest.MonkeyPatch) -> None:
    write_thresholds(fake.thresholds_path, _file().model_copy(update={"values": {"bar": 0.5}}))
    assert entry.main(["demo"]) == 1


def test_tune_write_saves_the_values_with_today_and_readme_takes_the_block(
    fake: FakePart, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(["demo", "--tune", "--write", "--readme"]) == 0
    saved = load_thresholds(fake.thresholds_path)
    assert saved.values == {"bar": 0.95}
    assert saved.tuned == Tuning(date=datetime.date.today(), set="tuning.jsonl", reason="the best of one")
    assert saved.floors == {"precision": 0.8}
    readme = (fake.thresholds_path.parent / "README.md").read_text(encoding="utf-8")
    assert read_block(readme, "demo-eval") == "| precision | 0.95 |\n"
    assert "precision: 0.950 (floor 0.80)" in capsys.readouterr().out


def test_tune_without_write_measures_the_new_values_and_leaves_the_file_alone(
    fake: FakePart, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fake.thresholds_path.read_text(encoding="utf-8")
    assert entry.main(["demo", "--tune"]) == 0
    assert "precision: 0.950 (floor 0.80)" in capsys.readouterr().out
    assert fake.thresholds_path.read_text(encoding="utf-8") == before


def test_write_without_tune_and_an_unknown_part_are_refused(fake: FakePart) -> None:
    with pytest.raises(SystemExit):
        entry.main(["demo", "--write"])
    with pytest.raises(SystemExit):
        entry.main(["nonesuch"])
