"""``askback companies add|edit --alias``: a company's other names, and its name as it writes it."""

from __future__ import annotations

import pytest
from cli.invoke import fail, run, run_json


def test_an_alias_given_on_add_finds_the_company() -> None:
    assert run("companies", "add", "18F", "--alias", "GSA TTS").strip() == "18F (18f); also GSA TTS"
    assert run("companies", "edit", "gsa tts", "--alias", "TTS").strip() == "18F (18f); also GSA TTS, TTS"
    names = [c["name"] for c in run_json("companies", "list", "--format", "json")]
    assert names == ["18F"]


def test_edit_renames_and_forgets_an_alias() -> None:
    run("companies", "add", "civicactions", "--alias", "CA")
    out = run("companies", "edit", "civicactions", "--name", "CivicActions", "--remove-alias", "CA")
    assert out.strip() == "CivicActions (civicactions)"


def test_editing_an_unknown_company_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = fail(capsys, monkeypatch, "companies", "edit", "Globex", "--alias", "G")
    assert code == 1 and "no company called 'Globex'" in err and err.count("\n") == 1
