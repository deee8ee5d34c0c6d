"""The brief on the company page and on the printed cheat sheet."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from webclient import Client

FIXTURES = Path(__file__).parents[1] / "fixtures"


def research(client: Client, folder: Path) -> None:
    client.submit("/companies", {"name": "Acme"})
    started = client.htmx("/companies/acme/research", {"source": str(folder)})
    job = re.search(r'hx-get="/jobs/(\w+)"', started.text)
    assert job, started.text
    deadline = time.monotonic() + 60
    while "hx-trigger" in client.get(f"/jobs/{job.group(1)}").text:
        assert time.monotonic() < deadline, "research did not finish in 60 s"
        time.sleep(0.1)


def test_the_company_page_and_the_cheat_sheet_show_the_brief(client: Client, tmp_path: Path) -> None:
    folder = tmp_path / "acme"
    shutil.copytree(FIXTURES / "brief", folder)
    research(client, folder)
    page = client.page("/companies/acme").text
    assert "What is distinctive" in page and "Its numbers" in page
    assert re.search(r"<strong>Hack Week \(\d sentences\)</strong>", page), page
    assert "benefits.md" in page

    created = client.submit("/plans", {"company": "Acme", "interviewer": "peer", "minutes": "15"})
    plan_id = re.search(r"/plans/(\d+)", created.headers.get("location", "") or created.text)
    assert plan_id, created.text
    sheet = client.page(f"/plans/{plan_id.group(1)}/print").text
    assert "Before the call: Acme" in sheet and "Its numbers" in sheet
