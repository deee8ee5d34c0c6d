"""Running ``askback`` from the CLI tests: import as ``cli.invoke``.

In-process through Typer's runner for output, and through the real entry point for errors,
where they become an exit code and one line on stderr.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from typer.testing import CliRunner

from askback.cli import app, main

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> str:
    """Run a command in-process; fail with its output if it does not succeed."""
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exit_code == 0, f"askback {' '.join(args)} -> {result.exit_code}\n{result.output}{result.exception!r}"
    return result.stdout


def run_json(*args: str) -> Any:
    return json.loads(run(*args))


def fail(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of a run through the real entry point."""
    monkeypatch.setattr(sys, "argv", ["askback", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err
