"""``askback brief``: the one-screen brief, as text, Markdown or JSON, with sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli.invoke import fail, run, run_json
from research.shared import FIXTURES


@pytest.fixture
def researched() -> None:
    run("research", str(FIXTURES / "brief"), "--company", "Acme")


@pytest.mark.usefixtures("researched")
def test_brief_as_json_lists_practices_and_numbers_with_sources() -> None:
    data = run_json("brief", "--company", "acme", "--format", "json")
    assert data["company"] == "Acme"
    assert any("Hack Week" in line["text"] for line in data["distinctive"])
    assert {"label": "Leave and vacation", "text": "27 days", "source": "benefits.md"}.items() <= next(
        line for line in data["numbers"] if line["text"] == "27 days"
    ).items()


@pytest.mark.usefixtures("researched")
def test_brief_as_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "acme.md"
    run("brief", "--company", "acme", "--format", "md", "--out", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Acme\n") and "## Its numbers" in text and "benefits.md" in text


def test_brief_for_an_unknown_company_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = fail(capsys, monkeypatch, "brief", "--company", "Globex")
    assert (code, out) == (1, "")
    assert err.strip().count("\n") == 0 and "no company called 'Globex'" in err
