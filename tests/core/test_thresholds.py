"""Thresholds files: what the trained parts read, validated with the file named on error."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from askback.core.thresholds import ThresholdFile, ThresholdFileError, Tuning, load_thresholds, write_thresholds
from askback.plan import answered, categorise
from askback.research import topics

SHIPPED = [topics.THRESHOLDS, answered.THRESHOLDS, categorise.THRESHOLDS]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_names_its_part_and_tuning(path: Path) -> None:
    file = load_thresholds(path)
    assert path.name == f"{file.part}.thresholds.yaml"
    assert file.tuned.reason and file.tuned.set
    assert "held out" not in file.tuned.set and "heldout" not in file.tuned.set


def test_the_parts_read_every_value_they_need_from_their_files() -> None:
    assert topics.Thresholds.from_file(load_thresholds(topics.THRESHOLDS)) == topics.shipped_thresholds()
    assert answered.Settings.from_file(load_thresholds(answered.THRESHOLDS)) == answered.shipped_settings()
    assert categorise.VoteSettings.from_file(load_thresholds(categorise.THRESHOLDS)).k >= 1


def test_a_written_file_reads_back_the_same(tmp_path: Path) -> None:
    file = ThresholdFile(
        part="demo",
        values={"bar": 0.5, "k": 7.0},
        tuned=Tuning(date=datetime.date(2026, 12, 7), set="tests/data/x_tuning.jsonl", reason="grid search for F0.5"),
        floors={"precision": 0.9},
    )
    path = tmp_path / "demo.thresholds.yaml"
    write_thresholds(path, file)
    assert load_thresholds(path) == file
    assert path.read_text(encoding="utf-8").startswith("# Thresholds of the trained part 'demo'")


@pytest.mark.parametrize(
    "text",
    [
        "part: x\nvalues: {a: 1}\n",  # no tuning note
        "part: x\nvalues: {a: high}\ntuned: {date: 2026-12-07, set: s, reason: r}\n",
        "part: x\nvalues: {a: 1}\ntuned: {date: 2026-12-07, set: s, reason: r}\nextra: 1\n",
    ],
)
def test_a_bad_file_is_refused_with_its_name(tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.thresholds.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThresholdFileError, match=r"broken\.thresholds\.yaml: "):
        load_thresholds(path)


def test_a_missing_value_is_named() -> None:
    file = ThresholdFile(part="p", values={}, tuned=Tuning(date=datetime.date(2026, 1, 1), set="s", reason="r"))
    with pytest.raises(KeyError, match="p thresholds have no value 'bar'"):
        file.value("bar")
