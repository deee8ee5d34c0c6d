"""Job postings in the web app: pasted or fetched, shown with their evidence on the company page."""

from __future__ import annotations

from webclient import Client

POSTING = """\
# Staff Platform Engineer

Location: Remote (EU)

- Run Kubernetes and Terraform on AWS.
- Join the on-call rotation.

Salary: €95,000 – €115,000 a year.

<script>alert("posting")</script>
"""


def test_paste_a_posting_and_read_its_fields_with_their_evidence(client: Client) -> None:
    client.submit("/companies", {"name": "Acme"})
    page = client.page("/companies/acme").text
    assert "Job postings" in page and "No posting yet" in page
    added = client.submit("/companies/acme/postings", {"text": POSTING})
    assert added.status_code == 303
    shown = client.page(added.headers["location"]).text
    assert "Staff Platform Engineer" in shown
    assert "EUR 95,000-115,000 a year" in shown and "Salary: €95,000 – €115,000 a year." in shown
    assert ">Kubernetes</span>" in shown and ">AWS</span>" in shown
    assert "<script>alert" not in shown  # the posting is untrusted text
    listed = client.page("/companies/acme").text
    assert 'href="/postings/1">Staff Platform Engineer</a>' in listed


def test_a_posting_as_json(client: Client) -> None:
    client.submit("/companies", {"name": "Acme"})
    client.submit("/companies/acme/postings", {"text": POSTING})
    document = client.get("/postings/1", headers={"Accept": "application/json"}).json()
    assert document["remote"]["value"] == "remote"
    assert document["location"]["value"] == "EU"
    assert [item["value"] for item in document["stack"]] == ["Kubernetes", "Terraform", "AWS"]


def test_a_posting_needs_text_or_a_web_address(client: Client) -> None:
    client.submit("/companies", {"name": "Acme"})
    both = client.submit("/companies/acme/postings", {"text": "x", "url": "https://acme.example/job"})
    assert both.status_code == 400 and "one of the two" in both.text
    bad = client.submit("/companies/acme/postings", {"url": "file:///etc/passwd"})
    assert bad.status_code == 400 and "http:// or https://" in bad.text
    private = client.submit("/companies/acme/postings", {"url": "http://127.0.0.1:9/job"})
    assert private.status_code == 400
    assert "No posting yet" in client.page("/companies/acme").text


def test_an_unknown_posting_is_a_404(client: Client) -> None:
    assert client.get("/postings/99").status_code == 404


def test_a_posting_for_an_unknown_company_creates_nothing(client: Client) -> None:
    response = client.submit("/companies/nobody/postings", {"text": POSTING})
    assert response.status_code == 404
    assert "Nobody" not in client.page("/").text and "nobody" not in client.page("/").text


def test_remove_a_posting_from_its_page(client: Client) -> None:
    client.submit("/companies", {"name": "Acme"})
    client.submit("/companies/acme/postings", {"text": POSTING})
    assert "Remove this posting" in client.page("/postings/1").text
    removed = client.submit("/postings/1/remove")
    assert (removed.status_code, removed.headers["location"]) == (303, "/companies/acme")
    assert client.get("/postings/1").status_code == 404


def test_a_hybrid_posting_shows_the_jobs_office_and_its_currency(client: Client) -> None:
    client.submit("/companies", {"name": "Sage"})
    text = (
        "Senior Data Analyst, Supply Chain\n\nSage operates stores, with corporate offices in Toronto and Chicago.\n\n"
        "You will spend 3 days in our Columbus, Ohio office.\n\nThe expected base pay is $92,000 - $118,000 per year."
    )
    added = client.submit("/companies/sage/postings", {"text": text})
    document = client.get(added.headers["location"], headers={"Accept": "application/json"}).json()
    assert document["remote"]["value"] == "hybrid"
    assert document["location"]["value"] == "Columbus, Ohio"
    assert document["salary"]["currency"] == "USD"  # not Toronto's dollar
