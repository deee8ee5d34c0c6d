"""Running ``askback`` from the CLI tests: import as ``cli.invoke``.

In-process through Typer's runner for output, and through the real entry point for errors,
where they become an exit code and one line on stderr. Either way the command gets its
runtime from the test, as the context object: the configured database (the test's own
ASKBACK_HOME) and the run's remembering model, or whatever ``embedder`` a test passes.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest
from embedders import real_model
from typer.testing import CliRunner, Result

from askback.cli import app, main
from askback.runtime import Runtime

if TYPE_CHECKING:
    from collections.abc import Iterator

    from askback.nlp.embeddings import Embedder

runner = CliRunner()


@contextmanager
def test_runtime(embedder: Embedder | None = None) -> Iterator[Runtime]:
    """What the CLI would open itself, but with the test's embedder."""
    runtime = Runtime.open(embedder=embedder or real_model())
    try:
        yield runtime
    finally:
        runtime.close()


def invoke(*args: str, stdin: str | None = None, embedder: Embedder | None = None, **options: Any) -> Result:
    """Run a command in-process and return what happened (Typer's runner's result)."""
    with test_runtime(embedder) as runtime:
        return runner.invoke(app, list(args), input=stdin, obj=runtime, **options)


def run(*args: str, stdin: str | None = None, embedder: Embedder | None = None) -> str:
    """Run a command in-process; fail with its output if it does not succeed."""
    result = invoke(*args, stdin=stdin, embedder=embedder)
    assert result.exit_code == 0, f"askback {' '.join(args)} -> {result.exit_code}\n{result.output}{result.exception!r}"
    return result.stdout


def run_json(*args: str) -> Any:
    return json.loads(run(*args))


def fail(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of a run through the real entry point."""
    monkeypatch.setattr(sys, "argv", ["askback", *args])
    with test_runtime() as runtime, pytest.raises(SystemExit) as exited:
        main(runtime)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err
