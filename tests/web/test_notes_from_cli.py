"""Notes added with ``askback notes add`` are the notes the web app's live and after views show."""

from __future__ import annotations

import json

from typer.testing import CliRunner
from webclient import Client

from askback.cli import app
from askback.core.models import Plan


def askback(*args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_note_from_the_terminal_shows_in_the_live_and_after_views(client: Client, plan: Plan) -> None:
    item = plan.main[1]
    out = askback("notes", "add", str(plan.id), "--question", item.question_id, "Two seniors left <in spring>.")
    assert out == f'Note added to plan {plan.id} (Acme Robotics, hiring-manager): "{item.text}".\n'
    askback("notes", "add", str(plan.id), "-", stdin="Ask the peer about on-call.\n")
    live = client.page(f"/plans/{plan.id}/live").text
    assert "Two seniors left &lt;in spring&gt;.</textarea>" in live
    assert "Ask the peer about on-call.</textarea>" in live
    after = client.page(f"/plans/{plan.id}/after").text
    assert "<p>Two seniors left &lt;in spring&gt;.</p>" in after


def test_a_note_typed_on_the_web_is_listed_in_the_terminal_and_added_to(client: Client, plan: Plan) -> None:
    item = plan.main[0]
    client.submit(f"/plans/{plan.id}/items/{item.id}/note", {"text": "Buddy for 90 days."})
    askback("notes", "add", str(plan.id), "--question", item.question_id, "Then nothing formal.")
    rows = json.loads(askback("notes", "list", "--company", "acme-robotics", "--format", "json"))
    assert [(r["plan"], r["question_id"], r["text"]) for r in rows] == [
        (plan.id, item.question_id, "Buddy for 90 days.\n\nThen nothing formal.")
    ]
