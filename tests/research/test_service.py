"""The research service end to end: sources in, facts with evidence stored, re-runs that only
process what changed. A folder of Markdown, a local HTTP site, and pasted text."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from embedders import real_model
from research.shared import copy_handbook

from askback.core.models import Fact
from askback.errors import AskbackError, UsageError
from askback.nlp.embeddings import EmbeddingUnavailable
from askback.research import service
from askback.research.service import ResearchSummary, Step, research
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as store

if TYPE_CHECKING:
    from conftest import Site

    from askback.nlp.embeddings import Embedder, Vectors

COMPANY = "Acme Robotics"


class CountingEmbedder:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.real = real_model()
        self.name = self.real.name
        self.dimensions = self.real.dimensions
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.texts.extend(texts)
        return self.real.embed(texts)


def all_facts(runtime: Runtime, topic: str | None = None, with_topics_only: bool = True) -> list[Fact]:
    with runtime.session() as session:
        company = companies.get(session, COMPANY)
        return store.facts(session, company.id, topic, with_topics_only=with_topics_only)


def by_text(facts: list[Fact]) -> dict[str, Fact]:
    return {f.text: f for f in facts}


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return copy_handbook(tmp_path / "handbook")


@pytest.fixture
def first_run(runtime: Runtime, handbook: Path) -> ResearchSummary:
    return research(runtime, COMPANY, [str(handbook)])


# --- a folder of Markdown, HTML and text ------------------------------------------------------


def test_a_folder_becomes_pages_and_facts(runtime: Runtime, handbook: Path, first_run: ResearchSummary) -> None:
    s = first_run
    assert (s.company, s.pages_new, s.pages_changed, s.pages_unchanged, s.pages_removed) == (COMPANY, 6, 0, 0, 0)
    assert (s.skipped, s.notes, s.semantic) == ([], [], True)
    assert s.facts == len(all_facts(runtime)) > 0
    assert s.sentences == len(all_facts(runtime, with_topics_only=False)) >= s.facts
    with runtime.session() as session:
        company = companies.get(session, COMPANY)
        assert store.counts(session, company.id) == (6, s.facts)
        assert company.researched_at is not None


def test_a_fact_keeps_its_evidence(runtime: Runtime, first_run: ResearchSummary) -> None:
    facts = by_text(all_facts(runtime))
    vacation = facts["Everyone gets 25 days of paid vacation a year, plus public holidays."]
    assert (vacation.source, vacation.title, vacation.headings, vacation.position) == (
        "policies/leave.md",
        "Time off",
        ("Time off", "Vacation and leave"),
        0,
    )
    assert vacation.topic_ids[0] == "leave"
    assert all(0 < confidence <= 0.99 for _, confidence in vacation.topics)
    assert vacation.quantities == (
        {"kind": "duration", "value": 25.0, "unit": "days", "text": "25 days", "period": None, "qualifier": None},
    )
    on_call = facts["Engineers are on call one week in eight, and on-call is paid at EUR 300 per week."]
    assert (on_call.source, on_call.headings) == ("engineering.md", ("Engineering", "On-call"))
    assert on_call.topic_ids[0] == "on-call"
    assert [(q["kind"], q["text"]) for q in on_call.quantities] == [
        ("duration", "one week"),
        ("money", "EUR 300 per week"),
    ]
    budget = facts["Every engineer has a learning budget of $2,000 a year for courses, books and conferences."]
    assert (budget.source, budget.title, budget.topic_ids[0]) == (
        "learning.md",
        "Learning and growth",
        "learning-budget",
    )
    assert budget.quantities[0]["value"] == 2000.0 and budget.quantities[0]["period"] == "year"


def test_html_and_text_pages_keep_their_paths_and_titles(runtime: Runtime, first_run: ResearchSummary) -> None:
    sentences = all_facts(runtime, with_topics_only=False)
    about = [f for f in sentences if f.source == "about.html"]
    assert [(f.title, f.headings, f.text) for f in about] == [
        (
            "About Acme Robotics & friends",
            ("About us",),
            "Acme Robotics was founded in Rotterdam and now has 85 employees in two offices.",
        ),
        (
            "About Acme Robotics & friends",
            ("About us", "How we work"),
            "Teams plan their own work in six-week cycles and ship to production every day.",
        ),
    ]
    remote = [f for f in sentences if f.source == "remote.txt"]
    assert [(f.title, f.position) for f in remote] == [("remote.txt", 0), ("remote.txt", 1), ("remote.txt", 2)]


@pytest.mark.parametrize("left_out", ["$9,999", "cookies", "free robot", "Copyright", "{{", "{%", "site.company"])
def test_code_scripts_banners_and_template_tags_never_become_facts(
    runtime: Runtime, first_run: ResearchSummary, left_out: str
) -> None:
    assert [f.text for f in all_facts(runtime, with_topics_only=False) if left_out.lower() in f.text.lower()] == []


def test_facts_can_be_filtered_by_topic(runtime: Runtime, first_run: ResearchSummary) -> None:
    on_call = all_facts(runtime, "on-call")
    assert [f.text for f in on_call] == [
        "Engineers are on call one week in eight, and on-call is paid at EUR 300 per week."
    ]
    leave = all_facts(runtime, "leave")
    assert "Everyone gets 25 days of paid vacation a year, plus public holidays." in {f.text for f in leave}
    assert all("leave" in f.topic_ids for f in leave)
    assert all_facts(runtime, "equity") == []


# --- re-running -------------------------------------------------------------------------------


def test_a_rerun_skips_every_unchanged_page_and_embeds_nothing(
    runtime: Runtime, handbook: Path, first_run: ResearchSummary
) -> None:
    before = all_facts(runtime, with_topics_only=False)
    counting = CountingEmbedder()
    again = research(Runtime(runtime.db, embedder=counting), COMPANY, [str(handbook)])
    assert (again.pages_new, again.pages_changed, again.pages_unchanged, again.pages_removed) == (0, 0, 6, 0)
    assert (again.sentences, again.facts, again.embedded) == (0, 0, 0)
    assert counting.texts == []
    assert all_facts(runtime, with_topics_only=False) == before  # same facts, same ids


def test_a_run_with_nothing_new_to_read_never_loads_the_model(
    runtime: Runtime, handbook: Path, first_run: ResearchSummary
) -> None:
    def unavailable() -> Embedder:
        raise AssertionError("the model was loaded for a run with nothing to classify")

    again = research(Runtime(runtime.db, load_embedder=unavailable), COMPANY, [str(handbook)])
    assert (again.pages_unchanged, again.sentences, again.embed_seconds) == (first_run.pages_new, 0, 0.0)


def test_a_run_reports_each_stage_with_counts_up_to_its_total(runtime: Runtime, handbook: Path) -> None:
    seen: list[Step] = []
    summary = research(runtime, COMPANY, [str(handbook)], on_step=seen.append)
    assert summary.embedded > 0
    stages = [s.stage for s in seen]
    assert stages == sorted(stages, key=["fetching", "parsing", "embedding", "storing"].index)
    pages = summary.pages_new
    for stage, total in (("fetching", pages), ("parsing", pages), ("embedding", summary.embedded), ("storing", pages)):
        steps = [(s.done, s.total) for s in seen if s.stage == stage]
        assert steps[-1] == (total, total), stage
        assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert len({s.item for s in seen if s.stage == "parsing"}) == pages  # each page named as it is parsed


def test_an_askback_that_classifies_differently_processes_every_page_again(
    runtime: Runtime, handbook: Path, first_run: ResearchSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts keep the topics of the askback that made them; after an upgrade a re-run redoes them."""
    monkeypatch.setattr(service, "pipeline_tag", lambda: "a newer topic list")
    again = research(runtime, COMPANY, [str(handbook)])
    assert (again.pages_changed, again.pages_unchanged) == (first_run.pages_new, 0)
    assert again.facts == first_run.facts


def test_a_changed_file_has_its_facts_replaced(runtime: Runtime, handbook: Path, first_run: ResearchSummary) -> None:
    untouched = [f for f in all_facts(runtime) if f.source != "engineering.md"]
    (handbook / "engineering.md").write_text(
        "# Engineering\n\n## On-call\n\nEngineers are on call one week in ten, and on-call is paid at EUR 500 per week.\n",
        encoding="utf-8",
    )
    again = research(runtime, COMPANY, [str(handbook)])
    assert (again.pages_new, again.pages_changed, again.pages_unchanged, again.pages_removed) == (0, 1, 5, 0)
    assert again.sentences == 1 and again.embedded <= 1  # only the new sentence, if it is a close call
    assert [(f.source, f.headings, f.text) for f in all_facts(runtime) if f.source == "engineering.md"] == [
        (
            "engineering.md",
            ("Engineering", "On-call"),
            "Engineers are on call one week in ten, and on-call is paid at EUR 500 per week.",
        )
    ]
    assert [f for f in all_facts(runtime) if f.source != "engineering.md"] == untouched


def test_a_deleted_file_removes_its_page_and_facts(
    runtime: Runtime, handbook: Path, first_run: ResearchSummary
) -> None:
    (handbook / "policies" / "leave.md").unlink()
    again = research(runtime, COMPANY, [str(handbook)])
    assert (again.pages_new, again.pages_changed, again.pages_unchanged, again.pages_removed) == (0, 0, 5, 1)
    assert [f for f in all_facts(runtime, with_topics_only=False) if f.source == "policies/leave.md"] == []
    with runtime.session() as session:
        assert store.counts(session, companies.get(session, COMPANY).id)[0] == 5


def test_a_new_file_is_added_without_touching_the_rest(
    runtime: Runtime, handbook: Path, first_run: ResearchSummary
) -> None:
    (handbook / "pension.md").write_text("# Pension\n\nWe add a 6% employer contribution to your pension.\n")
    again = research(runtime, COMPANY, [str(handbook)])
    assert (again.pages_new, again.pages_changed, again.pages_unchanged) == (1, 0, 6)
    (pension,) = [f for f in all_facts(runtime, with_topics_only=False) if f.source == "pension.md"]
    assert pension.quantities[0]["text"] == "6%"


def test_two_folders_with_the_same_file_name_keep_both(runtime: Runtime, tmp_path: Path) -> None:
    for name, text in (("handbook", "Everyone gets 25 days of paid vacation."), ("blog", "We raised EUR 20 million.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.md").write_text(f"# {name}\n\n{text}\n", encoding="utf-8")
    research(runtime, COMPANY, [str(tmp_path / "handbook"), str(tmp_path / "blog")])
    texts = {f.text for f in all_facts(runtime, with_topics_only=False)}
    assert {"Everyone gets 25 days of paid vacation.", "We raised EUR 20 million."} <= texts


def test_a_deleted_file_is_removed_however_the_folder_is_spelled(
    runtime: Runtime, handbook: Path, first_run: ResearchSummary
) -> None:
    (handbook / "remote.txt").unlink()
    again = research(runtime, COMPANY, [str(handbook) + "/"])
    assert again.pages_removed == 1


# --- other sources and degraded modes ----------------------------------------------------------


def html_page(title: str, heading: str, *paragraphs: str, links: tuple[str, ...] = ()) -> bytes:
    nav = "".join(f'<a href="{link}">{link}</a> ' for link in links)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body><nav>{nav}</nav>"
        f"<main><h1>{heading}</h1>{body}</main></body></html>"
    ).encode()


def test_a_local_http_site_is_crawled_into_facts_with_urls(runtime: Runtime, site: Site) -> None:
    site.serve("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
    site.serve(
        "/",
        html_page(
            "Acme careers",
            "Careers",
            "Everyone gets 25 days of paid vacation, plus public holidays.",
            "We are hiring backend engineers for our routing team in Rotterdam.",
            links=("/benefits",),
        ),
    )
    site.serve(
        "/benefits",
        html_page(
            "Benefits",
            "Benefits",
            "Every engineer has a learning budget of EUR 1,500 a year.",
            "Parents get 16 weeks of fully paid parental leave.",
        ),
    )
    first = research(runtime, COMPANY, [site.url("/")], allow_private=True)
    assert (first.pages_new, first.pages_unchanged) == (2, 0)
    facts = by_text(all_facts(runtime))
    vacation = facts["Everyone gets 25 days of paid vacation, plus public holidays."]
    assert (vacation.source, vacation.title, vacation.headings) == (site.url("/"), "Acme careers", ("Careers",))
    budget = facts["Every engineer has a learning budget of EUR 1,500 a year."]
    assert (budget.source, budget.title, budget.headings) == (site.url("/benefits"), "Benefits", ("Benefits",))
    assert budget.quantities[0]["text"] == "EUR 1,500 a year"
    again = research(runtime, COMPANY, [site.url("/")], allow_private=True)
    assert (again.pages_new, again.pages_changed, again.pages_unchanged, again.pages_removed) == (0, 0, 2, 0)


def test_loopback_is_refused_unless_allowed(runtime: Runtime, site: Site) -> None:
    site.html("/")
    with pytest.raises(UsageError, match=r"127\.0\.0\.1 is a private or loopback address \(use --allow-private\)"):
        research(runtime, COMPANY, [site.url("/")])
    assert site.hits == []


def test_pasted_text_is_researched(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    pasted = "# From a call\n\nParents get 16 weeks of fully paid parental leave.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pasted.encode())))
    summary = research(runtime, COMPANY, ["-"])
    assert summary.pages_new == 1
    (fact,) = all_facts(runtime)
    assert (fact.source, fact.title, fact.headings, fact.topic_ids[0]) == (
        "pasted text",
        "From a call",
        ("From a call",),
        "parental-leave",
    )


def test_skips_and_decoding_notes_are_reported(runtime: Runtime, tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "old.txt").write_bytes(
        "Das Büro in München ist groß und schön, und alle sind glücklich.".encode("cp1252")
    )
    text = research(runtime, COMPANY, [str(tmp_path / "old.txt"), str(tmp_path / "data.csv")])
    assert text.skipped == [("data.csv", ".csv: not a format askback reads (HTML, Markdown, text, PDF)")]
    assert [ref for ref, _ in text.notes] == ["old.txt"]
    assert text.notes[0][1].startswith("not valid UTF-8: decoded as ")


def test_a_research_that_reads_nothing_stores_nothing_and_says_why(runtime: Runtime, tmp_path: Path) -> None:
    (tmp_path / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(AskbackError) as raised:
        research(runtime, COMPANY, [str(tmp_path)])
    assert str(raised.value) == (
        f"nothing was read from {tmp_path}: "
        "empty.txt: empty: there is nothing to read in it; "
        "photo.md: binary content, not text: askback reads HTML, Markdown, text and PDF; "
        "broken.pdf: an unreadable PDF (damaged, encrypted or cut short): nothing was read from it; "
        "nothing was stored"
    )
    with runtime.session() as session:
        assert companies.list_all(session) == []


def test_without_the_model_topics_come_from_keywords(runtime: Runtime, handbook: Path) -> None:
    def unavailable() -> Embedder:
        raise EmbeddingUnavailable("the embedding model is not installed")

    summary = research(Runtime(runtime.db, load_embedder=unavailable), COMPANY, [str(handbook)])
    assert summary.semantic is False
    assert summary.notes == [("embeddings", "the embedding model is not installed; topics come from keywords only")]
    assert summary.embedded == 0
    assert "Everyone gets 25 days of paid vacation a year, plus public holidays." in {
        f.text for f in all_facts(runtime, "leave")
    }


def test_a_missing_folder_is_a_clear_error_and_stores_nothing(runtime: Runtime, tmp_path: Path) -> None:
    with pytest.raises(AskbackError, match="no such file or folder"):
        research(runtime, COMPANY, [str(tmp_path / "nowhere")])
