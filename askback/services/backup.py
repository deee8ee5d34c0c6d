"""All of a candidate's data in one file, and back: what ``askback export`` and ``import`` call."""

from __future__ import annotations

from pathlib import Path

from askback.runtime import Runtime
from askback.store import backup
from askback.store.backup import BackupSummary, describe_counts

__all__ = ["BackupSummary", "describe_counts", "export_everything", "import_everything", "left_out"]


def export_everything(runtime: Runtime, path: Path | str) -> BackupSummary:
    """Every row of user data written to ``path`` in one consistent snapshot."""
    return backup.export_all(runtime.db, path)


def import_everything(runtime: Runtime, path: Path | str, replace: bool = False) -> BackupSummary:
    """A file written by :func:`export_everything`, loaded whole or not at all; the database
    must be empty unless ``replace`` is set."""
    return backup.import_all(runtime.db, path, replace=replace)


def left_out() -> list[str]:
    """What a backup does not hold, because it is computed again when needed."""
    return list(backup.SKIPPED)
