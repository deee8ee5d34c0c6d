"""The README cannot drift: its CLI reference is generated from --help and checked here."""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_is_up_to_date() -> None:
    module = runpy.run_path(str(ROOT / "scripts" / "cli_reference.py"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module["rendered"](readme) == readme, "README's CLI reference is stale: run `make docs`"


def test_every_command_is_in_the_reference() -> None:
    module = runpy.run_path(str(ROOT / "scripts" / "cli_reference.py"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in module["command_paths"]():
        assert f"### askback {' '.join(path)}\n" in readme


def test_readme_opens_with_the_two_commands() -> None:
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make demo" in first_screen
    assert "make test" in first_screen
