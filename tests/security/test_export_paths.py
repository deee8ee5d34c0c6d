"""Exports write the file named and nothing else: no way out of the chosen folder, no writing
through a symbolic link, no half-written file, no temporary file left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from askback.cli import app
from askback.errors import UsageError
from askback.store import backup, companies
from askback.store.db import Database


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    chosen = tmp_path / "exports"
    chosen.mkdir()
    return chosen


@pytest.mark.parametrize(
    "name",
    ["../escape.json", "..", ".", "", "sub/inner.json", "/etc/cron.d/askback", "..\\escape.json", "x\x00.json", "/"],
)
def test_a_name_from_elsewhere_cannot_leave_the_folder(folder: Path, name: str) -> None:
    with pytest.raises(UsageError, match="is not a plain file name"):
        backup.path_in(folder, name)


@pytest.mark.parametrize("name", ["backup.json", "askback 2026-03-01.json", "..hidden.json", "résumé.json"])
def test_a_plain_name_lands_in_the_folder(folder: Path, name: str) -> None:
    assert backup.path_in(folder, name) == folder.resolve() / name


def test_a_symbolic_link_is_not_written_through(db: Database, folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (folder / "backup.json").symlink_to(outside)

    with pytest.raises(UsageError, match="it is a symbolic link"):
        backup.export_all(db, folder / "backup.json")
    with pytest.raises(UsageError, match="it is a symbolic link"):
        backup.path_in(folder, "backup.json")

    assert outside.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("exports", "it is a folder; name a file in it"),
        ("missing/backup.json", "the folder .*missing does not exist"),
        ("exports/", "it is a folder"),
    ],
)
def test_what_is_not_a_file_to_write_is_refused(
    db: Database, tmp_path: Path, folder: Path, target: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        backup.export_all(db, str(tmp_path / target) + ("/" if target.endswith("/") else ""))
    assert list(folder.iterdir()) == []


def test_an_export_writes_only_its_file(db: Database, folder: Path) -> None:
    with db.session() as session:
        companies.ensure(session, "Acme Robotics")
    (folder / "backup.json").write_text("an older export", encoding="utf-8")

    backup.export_all(db, folder / "backup.json")

    assert [p.name for p in folder.iterdir()] == ["backup.json"]
    assert (folder / "backup.json").read_text(encoding="utf-8").startswith('{"format":"askback-backup"')


def test_a_device_or_fifo_is_not_a_file_to_export_to(db: Database, folder: Path) -> None:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="it is not a regular file"):
        backup.export_all(db, fifo)


def test_the_command_refuses_a_symbolic_link_in_one_line(tmp_path: Path, folder: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (folder / "link.json").symlink_to(outside)

    result = CliRunner().invoke(app, ["export", "--all", str(folder / "link.json")])

    assert isinstance(result.exception, UsageError)
    assert (
        str(result.exception) == f"cannot export to {folder / 'link.json'}: it is a symbolic link; name a regular file"
    )
    assert outside.read_text(encoding="utf-8") == "keep me"
