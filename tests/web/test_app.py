"""Every page and endpoint of the web app, in-process: what it shows, what it saves, what it refuses."""

from __future__ import annotations

import io
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from webclient import Client, escaped, runtime_of

from askback.core import taxonomy
from askback.core.models import Plan
from askback.plan import live

XSS_PAGE = """<!doctype html><html><head><title>Values &amp; <b>us</b></title></head><body><main>
<h1>Our values</h1>
<p>We value transparency: every engineer can read the roadmap and the incident reviews.</p>
<p>Our values say we write <script>alert("raw")</script> code that customers trust, and we test it.</p>
<p>Learning matters: each engineer gets a learning budget of $2,000 a year for
&lt;script&gt;alert("xss")&lt;/script&gt; courses and books.</p>
<p>We offer 25 days of paid vacation a year, plus public holidays.</p>
</main></body></html>"""


def research_folder(client: Client, company: str, folder: Path) -> str:
    """Start research as the page does and wait for the job; return the finished job's fragment."""
    started = client.htmx(f"/companies/{company}/research", {"source": str(folder)})
    assert started.status_code == 200, started.text
    job_id = re.search(r'hx-get="/jobs/(\w+)"', started.text)
    assert job_id, started.text
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        fragment = client.get(f"/jobs/{job_id.group(1)}").text
        if "hx-trigger" not in fragment:
            return fragment
        time.sleep(0.1)
    raise AssertionError("research did not finish in 60 s")


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Add the demo company"),
        ("/profile", "Priorities and their weights"),
        ("/plans", "No plans yet"),
        ("/plans/new", "Add a company first"),
    ],
)
def test_pages_of_a_new_install(client: Client, path: str, expected: str) -> None:
    response = client.page(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert expected in response.text


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        ("", "Add your own question"),
        ("/live", "Follow-up finder"),
        ("/after", "Ratings per category"),
        ("/print", "Download PDF"),
    ],
)
def test_pages_of_a_plan(client: Client, plan: Plan, suffix: str, expected: str) -> None:
    response = client.page(f"/plans/{plan.id}{suffix}")
    assert response.status_code == 200
    assert expected in response.text
    for item in plan.main:
        assert escaped(item.text) in response.text


def test_plans_list_links_every_view(client: Client, plan: Plan) -> None:
    page = client.page("/plans").text
    assert "Acme Robotics: 15 minutes with the hiring manager" in page
    for suffix in ("", "/live", "/after", "/print"):
        assert f'href="/plans/{plan.id}{suffix}"' in page


def test_unknown_things_are_404_pages(client: Client) -> None:
    for path in ("/plans/999", "/plans/999/live", "/companies/nobody", "/no-such-page", "/jobs/nope"):
        response = client.page(path)
        assert response.status_code == 404, path
        assert "Not found" in response.text
    assert client.get("/plans/999", headers={"HX-Request": "true"}).text.startswith("no plan 999")


def test_assets_are_vendored_and_nothing_comes_from_elsewhere(client: Client, plan: Plan) -> None:
    for path in ("/", f"/plans/{plan.id}/live", f"/plans/{plan.id}/print"):
        page = client.page(path).text
        sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
        assert sources and all(s.startswith("/static/") for s in sources), sources
        for source in sources:
            asset = client.get(source)
            assert asset.status_code == 200, source
    htmx = client.get("/static/htmx.min.js").text
    assert 'version:"2.' in htmx


# --- companies and research -------------------------------------------------------------------


def test_add_a_company_and_the_demo_company(client: Client) -> None:
    added = client.submit("/companies", {"name": "Acme Robotics", "url": "https://acme.example/"})
    assert (added.status_code, added.headers["location"]) == (303, "/#c-acme-robotics")
    demo = client.submit("/demo")
    assert demo.status_code == 303
    page = client.page("/").text
    assert "Acme Robotics" in page and "Northwind Relay" in page
    assert "Add the demo company" not in page
    assert "askback/demo/site" in page  # the demo's bundled site is offered as its source
    profile = client.page("/profile").text
    assert re.search(r'id="priority-mentoring"[^>]*value="3"', profile)


def test_a_company_site_must_be_a_web_address(client: Client) -> None:
    response = client.submit("/companies", {"name": "Acme", "url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert "http:// or https://" in response.text


def test_research_runs_in_the_background_and_shows_facts_by_topic(client: Client, tmp_path: Path) -> None:
    (tmp_path / "values.html").write_text(XSS_PAGE, encoding="utf-8")
    client.submit("/companies", {"name": "Acme"})
    done = research_folder(client, "acme", tmp_path)
    assert "Research done" in done and "1 page read" in done

    page = client.page("/companies/acme").text
    assert "Values" in page and "Leave and vacation" in page
    assert "<blockquote>We offer 25 days of paid vacation a year, plus public holidays.</blockquote>" in page
    assert '<span class="tag">25 days</span>' in page
    assert "values.html" in page  # where the quote came from
    # Text from a researched page is shown as text, never run.
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert '<span title="values.html">Values &amp; &lt;b&gt;us&lt;/b&gt;</span>' in page  # the page's own title

    leave_only = client.page("/companies/acme?topic=leave").text
    assert "25 days of paid vacation" in leave_only and "roadmap" not in leave_only
    assert client.page("/companies/acme?topic=nonsense").status_code == 400


def test_research_sources_from_the_web_link_to_the_page(client: Client, app: FastAPI) -> None:
    from askback.store import companies
    from askback.store import research as store
    from askback.store.research import FactDraft

    client.submit("/companies", {"name": "Acme"})
    with app.state.runtime.session() as session:
        company = companies.get(session, "acme")
        for ref in ("https://acme.example/benefits", "javascript:alert(1)"):
            store.save_page(
                session,
                company.id,
                source="https://acme.example/",
                ref=ref,
                content_type="text/html",
                title="Benefits",
                content_hash=ref,
                fetched_at=datetime.now(UTC),
                facts=[FactDraft(0, (), f"We offer 25 days of leave ({ref}).", ref, [], [("leave", 0.9)])],
            )
    page = client.page("/companies/acme").text
    assert '<a href="https://acme.example/benefits" rel="noopener noreferrer nofollow">Benefits</a>' in page
    assert 'href="javascript:' not in page


def test_research_of_a_missing_folder_fails_with_its_reason(client: Client, tmp_path: Path) -> None:
    client.submit("/companies", {"name": "Acme"})
    done = research_folder(client, "acme", tmp_path / "nowhere")
    assert f"<strong>Research failed:</strong> {tmp_path / 'nowhere'}: no such file or folder" in done


def test_research_without_javascript_redirects_and_lists_the_job(client: Client, tmp_path: Path) -> None:
    client.submit("/companies", {"name": "Acme"})
    response = client.submit("/companies/acme/research", {"source": str(tmp_path)})
    assert (response.status_code, response.headers["location"]) == (303, "/#c-acme")
    assert 'id="job-' in client.page("/").text
    assert client.submit("/companies/acme/research", {"source": "  "}).status_code == 400


# --- profile ----------------------------------------------------------------------------------


def test_profile_saves_role_priorities_and_signals(client: Client) -> None:
    client.page("/profile")
    response = client.submit(
        "/profile",
        {
            "role": "Staff engineer",
            "seniority": "staff",
            "priority-mentoring": "3",
            "priority-remote": "1.5",
            "priority-scale": "0",
            "signal": ["ownership", "craft"],
        },
    )
    assert (response.status_code, response.headers["location"]) == (303, "/profile?saved=1")
    page = client.page("/profile?saved=1").text
    assert "Profile saved." in page
    assert 'value="Staff engineer"' in page
    assert re.search(r'id="priority-remote"[^>]*value="1.5"', page)
    assert re.search(r'id="priority-scale"[^>]*value=""', page)
    assert re.search(r'value="ownership" checked', page) and not re.search(r'value="leadership" checked', page)

    from askback.store import profiles

    with runtime_of(client).session() as session:
        saved = profiles.load(session)
    assert saved is not None
    assert (saved.role, saved.seniority, saved.priorities, saved.signals) == (
        "Staff engineer",
        "staff",
        {"mentoring": 3.0, "remote": 1.5},
        ("ownership", "craft"),
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("priority-mentoring", "lots", "must be a number"), ("priority-mentoring", "11", "weight is from 0 (does not matter) to 10; mentoring has 11"),
     ("seniority", "wizard", "unknown seniority")],
)  # fmt: skip
def test_profile_rejects_bad_values(client: Client, field: str, value: str, message: str) -> None:
    response = client.submit("/profile", {field: value})
    assert response.status_code == 400
    assert message in response.text


# --- the plan builder -------------------------------------------------------------------------


def test_new_plan_form_builds_and_saves_a_plan(client: Client) -> None:
    client.submit("/companies", {"name": "Acme"})
    assert 'option value="acme" selected' in client.page("/plans/new?company=acme").text
    response = client.submit("/plans", {"company": "acme", "interviewer": "peer", "stage": "", "minutes": "10"})
    assert response.status_code == 303
    plan_id = int(response.headers["location"].rsplit("/", 1)[1])
    plan = live.get(runtime_of(client), plan_id)
    assert (plan.interviewer, plan.stage, plan.minutes) == ("peer", "technical", 10)
    page = client.page(f"/plans/{plan_id}").text
    assert "Acme: 10 minutes with the peer" in page
    for item in plan.main:
        assert escaped("; ".join(item.reasons)) in page  # the reason for each question


@pytest.mark.parametrize(
    ("form", "message"),
    [({"interviewer": "ceo"}, "unknown interviewer"), ({"minutes": "500"}, "--minutes must be between"),
     ({"minutes": "ten"}, "not valid")],
)  # fmt: skip
def test_new_plan_form_rejects_bad_choices(client: Client, form: dict[str, str], message: str) -> None:
    client.submit("/companies", {"name": "Acme"})
    response = client.submit("/plans", {"company": "acme", **form})
    assert response.status_code == 400
    assert message in response.text


def test_reorder_with_htmx_returns_the_new_list(client: Client, plan: Plan) -> None:
    first, second = plan.main[0], plan.main[1]
    fragment = client.htmx(f"/plans/{plan.id}/items/{second.id}/move", {"offset": "-1"})
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<section id="plan-items"')
    assert fragment.text.index(escaped(second.text)) < fragment.text.index(escaped(first.text))
    assert [i.id for i in live.get(runtime_of(client), plan.id).main][:2] == [second.id, first.id]


def test_builder_works_without_javascript(client: Client, plan: Plan) -> None:
    moved = client.submit(f"/plans/{plan.id}/items/{plan.main[0].id}/move", {"offset": "1"})
    assert (moved.status_code, moved.headers["location"]) == (303, f"/plans/{plan.id}#item-{plan.main[0].id}")
    removed = client.submit(f"/plans/{plan.id}/items/{plan.main[1].id}/remove")
    assert removed.status_code == 303
    after = live.get(runtime_of(client), plan.id)
    assert plan.main[0].id in [i.id for i in after.main] and plan.main[1].id not in [i.id for i in after.items]


def test_swap_in_a_backup(client: Client, plan: Plan) -> None:
    backup = plan.backups[0]
    replaced = next(i for i in plan.main if i.question_id == backup.backup_for)
    fragment = client.htmx(f"/plans/{plan.id}/items/{backup.id}/swap").text
    after = live.get(runtime_of(client), plan.id)
    assert backup.id in [i.id for i in after.main] and replaced.id in [i.id for i in after.backups]
    assert (
        fragment.index(escaped(backup.text)) < fragment.index('id="backups"') < fragment.index(escaped(replaced.text))
    )
    not_a_backup = client.htmx(f"/plans/{plan.id}/items/{plan.main[0].id}/swap")
    assert not_a_backup.status_code == 400 and "is not a backup" in not_a_backup.text


def test_add_your_own_question_takes_the_category_of_the_verdict(client: Client, plan: Plan) -> None:
    text = "What would make you say my first six months here went well?"
    fragment = client.htmx(f"/plans/{plan.id}/own", {"text": text, "category": "growth"}).text
    assert escaped(text) in fragment
    own = live.get(runtime_of(client), plan.id).main[-1]
    assert (own.text, own.category, own.reasons) == (text, "growth", ("your own question",))
    assert own.subtopic in taxonomy.subtopic_ids("growth")
    assert client.htmx(f"/plans/{plan.id}/own", {"text": "   "}).status_code == 400


def test_without_the_linter_the_page_says_so_and_own_questions_still_go_in(
    client: Client, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "askback.plan.lint", None)  # importing it now raises ImportError
    verdict = client.htmx(f"/plans/{plan.id}/lint", {"text": "Do you have free snacks?"})
    assert verdict.status_code == 200 and "linter unavailable" in verdict.text
    client.submit(f"/plans/{plan.id}/own", {"text": "Do you have free snacks?"})
    own = live.get(runtime_of(client), plan.id).main[-1]
    assert (own.text, own.category, own.subtopic) == ("Do you have free snacks?", "impact", "role-scope")


def test_the_linter_verdict_as_you_type(client: Client, plan: Plan) -> None:
    pytest.importorskip("askback.plan.lint")
    empty = client.htmx(f"/plans/{plan.id}/lint", {"text": "  "}).text
    assert "Type a question" in empty
    closed = client.htmx(f"/plans/{plan.id}/lint", {"text": "Do you have a mentoring program?"}).text
    assert "Could be better" in closed and "<li>" in closed  # each problem in words
    assert "closed)" in closed  # the form the linter saw
    good = client.htmx(f"/plans/{plan.id}/lint", {"text": plan.main[0].text}).text
    assert "verdict" in good


# --- the live interview -----------------------------------------------------------------------


def test_tick_asked_and_covered_toggles(client: Client, plan: Plan) -> None:
    item = plan.main[0]
    url = f"/plans/{plan.id}/items/{item.id}/status"
    asked = client.htmx(url, {"status": "asked"}).text
    assert 'data-status="asked"' in asked
    assert re.search(rf'name="status" value="open" id="asked-{item.id}"\s+class="tick" aria-pressed="true"', asked)
    assert live.get(runtime_of(client), plan.id).main[0].status == "asked"
    client.htmx(url, {"status": "covered"})
    assert live.get(runtime_of(client), plan.id).main[0].status == "covered"
    no_js = client.submit(url, {"status": "open"})
    assert (no_js.status_code, no_js.headers["location"]) == (303, f"/plans/{plan.id}/live#q-{item.id}")
    assert client.htmx(url, {"status": "maybe"}).status_code == 400


def test_notes_save_in_one_request_and_show_after_reload(client: Client, plan: Plan) -> None:
    item = plan.main[1]
    client.page(f"/plans/{plan.id}/live")
    saved = client.post(
        f"/plans/{plan.id}/items/{item.id}/note",
        data={"text": "Team of 6 <b>plus</b> 2 contractors", "seq": "7"},
        headers={"X-CSRF-Token": client.csrf, "Accept": "application/json"},
    )
    assert saved.status_code == 200
    body = saved.json()
    assert body["seq"] == 7 and body["saved_at"].endswith("+00:00")
    general = client.post(
        f"/plans/{plan.id}/notes",
        data={"text": "Next: meet the team lead", "seq": "1"},
        headers={"X-CSRF-Token": client.csrf, "Accept": "application/json"},
    )
    assert general.status_code == 200
    page = client.page(f"/plans/{plan.id}/live").text
    assert "Team of 6 &lt;b&gt;plus&lt;/b&gt; 2 contractors</textarea>" in page
    assert f'data-saved-at="{body["saved_at"]}"' in page
    assert "Next: meet the team lead</textarea>" in page


def test_a_note_without_javascript_is_a_form_post(client: Client, plan: Plan) -> None:
    item = plan.main[0]
    response = client.submit(f"/plans/{plan.id}/items/{item.id}/note", {"text": "said 'we move fast'"})
    assert (response.status_code, response.headers["location"]) == (303, f"/plans/{plan.id}/live#q-{item.id}")
    assert live.get(runtime_of(client), plan.id).main[0].note == "said 'we move fast'"


def test_a_note_that_cannot_be_saved_says_why(client: Client, plan: Plan) -> None:
    item = plan.main[0]
    client.page("/")
    response = client.post(
        f"/plans/{plan.id}/items/{item.id}/note",
        data={"text": "x" * (live.MAX_NOTE_CHARS + 1)},
        headers={"X-CSRF-Token": client.csrf, "Accept": "application/json"},
    )
    assert response.status_code == 400
    assert "a note can hold 100,000 characters" in response.json()["error"]
    other_plan = client.post(
        f"/plans/{plan.id + 1}/items/{item.id}/note",
        data={"text": "x"},
        headers={"X-CSRF-Token": client.csrf, "Accept": "application/json"},
    )
    assert other_plan.status_code == 404


def test_keep_for_time_left_suggests_the_best_open_questions(client: Client, plan: Plan) -> None:
    keep = client.get(f"/plans/{plan.id}/keep", params={"minutes_left": 5.5}).json()["keep"]
    best = sorted(plan.main, key=lambda i: -i.score)[:2]
    assert keep == [i.id for i in best]
    assert client.get(f"/plans/{plan.id}/keep", params={"minutes_left": -3}).json() == {"keep": []}


def test_follow_up_finder(client: Client, plan: Plan) -> None:
    words = plan.main[0].text.split()[2:6]
    fragment = client.get(f"/plans/{plan.id}/related", params={"q": " ".join(words)}).text
    assert "related-list" in fragment and "your plan" in fragment
    nothing = client.get(f"/plans/{plan.id}/related", params={"q": "zzzqqq"}).text
    assert "Nothing related to “zzzqqq”" in nothing
    assert client.get(f"/plans/{plan.id}/related", params={"q": ""}).text.strip() == ""
    no_js = client.page(f"/plans/{plan.id}/live", params={"q": " ".join(words)}).text
    assert "related-list" in no_js


def test_live_view_has_keyboard_and_timer_hooks(client: Client, plan: Plan) -> None:
    page = client.page(f"/plans/{plan.id}/live").text
    assert '<body class="page live"' in page
    assert f'data-minutes="{plan.minutes}"' in page and 'data-minutes-per-question="2.5"' in page
    assert page.count('class="q card"') == len(plan.items)
    for shortcut in (
        'aria-keyshortcuts="a"',
        'aria-keyshortcuts="c"',
        'aria-keyshortcuts="/"',
        'aria-keyshortcuts="t"',
    ):
        assert shortcut in page
    assert "<button" in page and "onclick" not in page and "style=" not in page


# --- after the interview ----------------------------------------------------------------------


def test_answers_and_ratings(client: Client, plan: Plan) -> None:
    item = plan.main[0]
    saved = client.htmx(f"/plans/{plan.id}/items/{item.id}/answer", {"text": "Two seniors, three mids", "rating": "4"})
    assert saved.text.strip() == "saved · rated 4"
    client.htmx(f"/plans/{plan.id}/items/{plan.main[1].id}/answer", {"text": "", "rating": "2"})
    answers = live.answers_for_plan(runtime_of(client), plan.id)
    assert (answers[item.question_id].text, answers[item.question_id].rating) == ("Two seniors, three mids", 4)

    rated = client.submit(f"/plans/{plan.id}/ratings", {"rating-people": "4", "rating-culture": "", "rating-fun": "5"})
    assert (rated.status_code, rated.headers["location"]) == (303, f"/plans/{plan.id}/after?saved=1#categories")
    assert live.get(runtime_of(client), plan.id).category_ratings == {"people": 4, "fun": 5}
    page = client.page(f"/plans/{plan.id}/after?saved=1").text
    assert "Ratings saved." in page
    assert "Two seniors, three mids</textarea>" in page
    assert 'name="rating-people" value="4" checked' in page
    assert "(your answers: 3.0)" in page or "(your answers: 4.0)" in page
    assert client.htmx(f"/plans/{plan.id}/items/{item.id}/answer", {"rating": "9"}).status_code == 400


# --- print and export -------------------------------------------------------------------------


def test_print_pdf_is_one_page(client: Client, plan: Plan) -> None:
    from pypdf import PdfReader

    response = client.get(f"/plans/{plan.id}/plan.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert f'filename="askback-plan-{plan.id}-acme-robotics.pdf"' in response.headers["content-disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert " ".join(plan.main[0].text.split()[:5]) in text


def test_markdown_and_json_exports(client: Client, plan: Plan) -> None:
    markdown = client.get(f"/plans/{plan.id}/plan.md")
    assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
    assert markdown.text.startswith("# Acme Robotics: 15 minutes with the hiring manager")
    data = client.get(f"/plans/{plan.id}/plan.json").json()
    assert [q["text"] for q in data["questions"]] == [i.text for i in plan.main]
