"""Adding job postings end to end: read from a file, pasted text or a URL, fields stored with
their evidence, the posting's sentences stored as facts of the company."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from askback.errors import UsageError
from askback.research import posting_service as jobs
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as research_store

if TYPE_CHECKING:
    from conftest import Site

POSTING = """\
# Senior Backend Engineer

**Location:** Rotterdam, Netherlands (hybrid)

Northwind runs dispatch software for delivery fleets.

## What you'll do

- Build services in Python and PostgreSQL, deployed on Kubernetes.
- Join the on-call rotation once every six weeks.

**Salary:** €70-85k
"""


def test_a_posting_file_becomes_a_job_and_facts_of_the_company(runtime: Runtime, tmp_path: Path) -> None:
    path = tmp_path / "backend.md"
    path.write_text(POSTING, encoding="utf-8")
    added = jobs.add_job(runtime, "Northwind", str(path))
    job = added.job
    assert added.created
    assert job.title == "Senior Backend Engineer"
    assert job.fields.salary is not None and job.fields.salary.value.describe() == "EUR 70,000-85,000 a year"
    assert [f.value for f in job.fields.stack] == ["Python", "PostgreSQL", "Kubernetes"]
    assert job.warnings == ()
    with runtime.session() as session:
        company = companies.get(session, "Northwind")
        facts = research_store.facts(session, company.id, with_topics_only=False)
    assert job.evidence_source == "job posting: Senior Backend Engineer (backend.md)"
    assert any("on-call rotation" in f.text and f.source == job.evidence_source for f in facts)


def test_the_same_posting_twice_is_one_job(runtime: Runtime) -> None:
    first = jobs.add_job(runtime, "Northwind", "-", text=POSTING)
    again = jobs.add_job(runtime, "Northwind", "-", text=POSTING + "\n")
    assert again.job.id == first.job.id and not again.created
    assert [j.id for j in jobs.list_jobs(runtime, "Northwind")] == [first.job.id]


def test_a_company_may_have_several_jobs(runtime: Runtime) -> None:
    jobs.add_job(runtime, "Northwind", "-", text=POSTING)
    second = jobs.add_job(runtime, "Northwind", "-", text="# Product Designer\n\nWork in Figma with our designers.")
    assert [j.title for j in jobs.list_jobs(runtime, "Northwind")] == ["Senior Backend Engineer", "Product Designer"]
    assert jobs.get_job(runtime, company_name="Northwind").id == second.job.id


def test_a_posting_with_nothing_recognisable_is_kept_as_text_with_a_warning(runtime: Runtime) -> None:
    added = jobs.add_job(runtime, "Northwind", "-", text="Please get in touch, we would love to hear from you.")
    assert added.job.warnings == (jobs.NO_FIELDS,)
    assert added.job.text.startswith("Please get in touch")


@pytest.mark.parametrize(("source", "message"), [("missing.md", "no such file"), ("notes.docx", "not a format")])
def test_a_source_that_cannot_be_read_stores_nothing(
    runtime: Runtime, tmp_path: Path, source: str, message: str
) -> None:
    if source.endswith(".docx"):
        (tmp_path / source).write_bytes(b"PK")
    with pytest.raises(UsageError, match=message):
        jobs.add_job(runtime, "Northwind", str(tmp_path / source))
    assert jobs.list_jobs(runtime) == []


def test_an_empty_paste_is_refused(runtime: Runtime) -> None:
    with pytest.raises(UsageError, match="empty"):
        jobs.add_job(runtime, "Northwind", "-", text="  \n")
    assert jobs.list_jobs(runtime) == []


def test_a_posting_url_is_fetched_alone_through_the_guarded_fetcher(runtime: Runtime, site: Site) -> None:
    html = (
        "<html><head><title>Staff SRE | Northwind Careers</title></head><body><main>"
        "<h1>Staff SRE</h1><p>Remote (EU) · Full-time</p><a href='/other'>other job</a>"
        "<p>You will run Kafka and Terraform on AWS.</p></main></body></html>"
    )
    site.serve("/jobs/sre", html.encode())
    site.html("/other", text="Another job entirely")
    added = jobs.add_job(runtime, "Northwind", site.url("/jobs/sre"), allow_private=True)
    assert added.job.title == "Staff SRE"
    assert added.job.fields.remote is not None and added.job.fields.remote.value == "remote"
    assert [f.value for f in added.job.fields.stack] == ["Apache Kafka", "Terraform", "AWS"]
    assert "/other" not in site.paths()


def test_a_private_address_is_refused_unless_allowed(runtime: Runtime, site: Site) -> None:
    site.serve("/jobs/sre", b"<html><body><h1>Staff SRE</h1></body></html>")
    with pytest.raises(UsageError):
        jobs.add_job(runtime, "Northwind", site.url("/jobs/sre"))
    assert jobs.list_jobs(runtime) == []


def test_a_pdf_posting_is_read_like_any_other(runtime: Runtime, tmp_path: Path) -> None:
    from weasyprint import HTML

    html = (
        "<h1>Data Engineer</h1><p>Location: Utrecht, Netherlands (hybrid)</p>"
        "<p>You will build pipelines with dbt and Snowflake.</p><p>Salary: €4.000 - €5.000 per month</p>"
    )
    path = tmp_path / "posting.pdf"
    HTML(string=html).write_pdf(path)
    job = jobs.add_job(runtime, "Northwind", str(path)).job
    assert job.title == "Data Engineer"
    assert job.fields.location is not None and job.fields.location.value == "Utrecht, Netherlands"
    assert job.fields.salary is not None and job.fields.salary.value.describe() == "EUR 4,000-5,000 a month"
    assert [f.value for f in job.fields.stack] == ["dbt", "Snowflake"]


def test_fields_first_and_facts_later(runtime: Runtime) -> None:
    quick = jobs.add_job(runtime, "Northwind", "-", text=POSTING, with_facts=False)
    assert quick.facts == 0 and quick.job.evidence_source == ""
    later = jobs.add_job(runtime, "Northwind", "-", text=POSTING)
    assert later.job.id == quick.job.id and later.facts > 0
    assert later.job.evidence_source == "job posting: Senior Backend Engineer (pasted text)"
    again = jobs.add_job(runtime, "Northwind", "-", text=POSTING, with_facts=False)
    assert again.job.evidence_source == later.job.evidence_source  # the facts are kept


def test_removing_a_job_removes_the_facts_its_sentences_became(runtime: Runtime) -> None:
    kept = jobs.add_job(runtime, "Northwind", "-", text="# Product Designer\n\nYou will work in Figma with our team.")
    gone = jobs.add_job(runtime, "Northwind", "-", text=POSTING).job
    assert jobs.remove_job(runtime, gone.id).title == "Senior Backend Engineer"
    assert [j.id for j in jobs.list_jobs(runtime)] == [kept.job.id]
    with runtime.session() as session:
        company = companies.get(session, "Northwind")
        sources = {f.source for f in research_store.facts(session, company.id, with_topics_only=False)}
    assert gone.evidence_source not in sources and kept.job.evidence_source in sources
