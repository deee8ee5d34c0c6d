"""The CLI and the web app apply the same rule to the same action, because each rule lives once
(in a service or in askback.core.rules): these are the rules the two had come to disagree on,
and the company-name typo that neither caught."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli.invoke import fail, run, run_json
from fastapi import FastAPI
from webclient import Client

from askback.core.models import Plan


def test_a_weight_of_zero_means_does_not_matter_in_both(
    client: Client, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("profile", "set", "--priority", "mentoring=0", "--priority", "remote=2")
    assert run_json("profile", "show", "--format", "json")[0]["priorities"] == ["remote=2"]
    assert client.submit("/profile", {"priority-mentoring": "0", "priority-scale": "4"}).status_code == 303
    assert run_json("profile", "show", "--format", "json")[0]["priorities"] == ["scale=4"]
    code, _, err = fail(capsys, monkeypatch, "profile", "set", "--priority", "mentoring=11")
    assert (code, err) == (2, "Error: a priority's weight is from 0 (does not matter) to 10; mentoring has 11\n")
    assert "mentoring has 11" in client.submit("/profile", {"priority-mentoring": "11"}).text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "acme.example"])
def test_a_company_site_must_be_a_web_address_in_both(
    client: Client, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    code, _, err = fail(capsys, monkeypatch, "companies", "add", "Acme", "--url", url)
    assert (code, err) == (2, f"Error: a company's site is an http:// or https:// address, not {url!r}\n")
    assert client.submit("/companies", {"name": "Acme", "url": url}).status_code == 400
    assert run("companies", "list") == "No companies yet. Try: askback demo\n"


def test_an_answer_is_recorded_one_way_whichever_front_end(client: Client, plan: Plan) -> None:
    """The web app replaced an answer to the same question of the same plan; the CLI added
    another. Now both replace, and refuse the same ratings."""
    item = plan.main[0]
    assert plan.id is not None and item.id is not None
    run("answers", "add", str(plan.id), item.question_id, "From the terminal.", "--rating", "2")
    client.submit(f"/plans/{plan.id}/items/{item.id}/answer", {"text": "From the browser.", "rating": "4"})
    run("answers", "add", str(plan.id), item.question_id, "From the terminal again.", "--rating", "5")
    answers = run_json("answers", "list", "--company", "acme-robotics", "--format", "json")
    assert [(a["answer"], a["rating"]) for a in answers] == [("From the terminal again.", 5)]
    refused = client.submit(f"/plans/{plan.id}/items/{item.id}/answer", {"text": "x", "rating": "9"})
    assert (refused.status_code, "a rating is from 1 to 5, not 9" in refused.text) == (400, True)


def test_a_typo_of_a_company_is_not_a_new_company_in_either(
    client: Client, plan: Plan, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for command in (
        ["prepare", "--company", "acme-robotic"],
        ["facts", "--company", "acme-robotic"],
        ["lint", "How is on-call paid?", "--company", "acme-robotic"],
        ["answers", "list", "--company", "acme-robotic"],
        ["accounts", "add", "--company", "acme-robotic", "--who", "current", "Fine."],
    ):
        code, out, err = fail(capsys, monkeypatch, *command)
        assert (code, out) == (1, ""), command
        assert err.startswith("Error: no company called 'acme-robotic'; did you mean acme-robotics?"), command
    created = client.submit("/plans", {"company": "Acme Robotic", "interviewer": "peer"})
    assert created.status_code == 404 and "did you mean acme-robotics?" in created.text
    assert client.page("/companies/acme-robotic").status_code == 404
    assert [c["slug"] for c in run_json("companies", "list", "--format", "json")] == ["acme-robotics"]
    # On purpose, a look-alike is a company of its own.
    assert run("companies", "add", "Acme Robotic") == "Acme Robotic (acme-robotic)\n"
    assert "Acme Robotic" in run("prepare", "--company", "acme-robotic", "--format", "md")


def test_a_new_company_can_still_start_with_prepare(client: Client) -> None:
    assert "Globex" in run("prepare", "--company", "Globex", "--format", "md")


def test_a_research_that_reads_nothing_fails_with_the_reasons_in_both(
    client: Client, app: FastAPI, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    reason = "logo.md: binary content, not text: askback reads HTML, Markdown, text and PDF; nothing was stored"
    code, _, err = fail(capsys, monkeypatch, "research", str(tmp_path), "--company", "Initech")
    assert (code, err) == (1, f"Error: nothing was read from {tmp_path}: {reason}\n")
    client.submit("/companies", {"name": "Acme"})
    started = client.htmx("/companies/acme/research", {"source": str(tmp_path)})
    job_id = re.search(r'id="job-([0-9a-f]+)"', started.text)
    assert job_id is not None
    job = app.state.jobs.wait(job_id.group(1), timeout=30)
    assert job.state == "failed" and reason in job.error
    assert reason in client.page(f"/jobs/{job.id}").text
    assert [c["slug"] for c in run_json("companies", "list", "--format", "json")] == ["acme"]
