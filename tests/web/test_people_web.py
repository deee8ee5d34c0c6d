"""Interviewers on the company page and the search at a glance on the home page, in the web app."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import FastAPI
from webclient import Client

from askback.people.interviewers import list_people

SOON = (date.today() + timedelta(days=4)).isoformat()


def add_acme(client: Client) -> None:
    assert client.submit("/companies", {"name": "Acme"}).status_code == 303


def test_add_list_plan_and_remove_interviewers_on_the_company_page(client: Client, app: FastAPI) -> None:
    add_acme(client)
    form = {
        "name": "Dana Ruiz",
        "title": "Director of Engineering",
        "on": f"{SOON} 14:00",
        "stage": "final",
        "notes": "Dana wrote about moving dispatch events to Kafka.",
    }
    added = client.submit("/companies/acme/interviewers", form)
    assert (added.status_code, added.headers["location"]) == (303, "/companies/acme#interviewers")
    page = client.page("/companies/acme").text
    assert "<strong>Dana Ruiz</strong>, Director of Engineering" in page
    assert "Skip-level" in page and f"Next interview {SOON} 14:00 (final)" in page
    rows = client.get("/companies/acme/interviewers", headers={"accept": "application/json"}).json()
    assert [(r["name"], r["role"]) for r in rows] == [("Dana Ruiz", "skip-level")]

    planned = client.submit("/plans", {"company": "acme", "with": "Dana Ruiz"})
    assert planned.status_code == 303
    plan_page = client.page(planned.headers["location"]).text
    assert "Dana Ruiz (Director of Engineering)" in plan_page

    split = client.get("/companies/acme/interviewers/plan", headers={"accept": "application/json"}).json()
    assert split["people"][0]["name"] == "Dana Ruiz" and split["people"][0]["questions"]
    assert "Who to ask what at Acme" in client.page("/companies/acme/interviewers/plan").text

    person_id = rows[0]["id"]
    assert client.submit(f"/companies/acme/interviewers/{person_id}/remove").status_code == 303
    assert list_people(app.state.runtime, "acme")[1] == []


def test_a_bad_interviewer_form_is_one_message_and_stores_nothing(client: Client, app: FastAPI) -> None:
    add_acme(client)
    refused = client.submit("/companies/acme/interviewers", {"name": "Dana", "title": "CTO", "on": "next tuesday"})
    assert refused.status_code == 400
    assert "a interview date looks like 2026-12-10" in refused.text
    assert list_people(app.state.runtime, "acme")[1] == []
    unknown = client.submit("/companies/nowhere/interviewers", {"name": "Dana", "title": "CTO"})
    assert unknown.status_code == 404


def test_the_home_page_shows_the_search_at_a_glance(client: Client) -> None:
    add_acme(client)
    client.submit(
        "/companies/acme/interviewers", {"name": "Lee Park", "title": "Talent Partner", "on": SOON, "stage": "screen"}
    )
    home = client.page("/").text
    assert "Your search at a glance" in home
    assert f"Next interview {SOON} with Lee Park (Talent Partner, recruiter), screen stage" in home
    found = client.get("/status", headers={"accept": "application/json"}).json()
    assert [(s["slug"], s["stage"], s["next_interview"]["with"]["name"]) for s in found] == [
        ("acme", "screen", "Lee Park")
    ]


def test_the_status_page_says_what_is_still_unknown_and_whom_to_ask(client: Client) -> None:
    add_acme(client)
    assert (
        client.submit(
            "/profile", {"role": "Backend engineer", "seniority": "senior", "priority-mentoring": "3"}
        ).status_code
        == 303
    )
    client.submit("/companies/acme/interviewers", {"name": "Ana Silva", "title": "Engineering Manager"})
    home = client.page("/").text
    assert 'hx-get="/status"' in home and "Still unknown" not in home  # the home page stays quick
    page = client.page("/status").text
    assert "Still unknown: People: ask Ana Silva “" in page  # mentoring weighs People; Ana is the hiring manager
