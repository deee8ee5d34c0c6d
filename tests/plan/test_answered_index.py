"""The answered check's index for a researched company: every sentence, the vectors research
already has, nothing embedded anew."""

from __future__ import annotations

import shutil
from pathlib import Path

from embedders import real_model

from askback.plan.answered_index import answering_fact, load_fact_index
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as store

DEMO = "Northwind Relay"


def test_every_sentence_is_indexed_with_the_vectors_research_kept(demo_database: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_database, copy)
    runtime = Runtime.open(f"sqlite:///{copy}", embedder=real_model())
    with runtime.session() as session:
        company = companies.get(session, DEMO)
        every = store.facts(session, company.id, with_topics_only=False)
        with_topics = store.facts(session, company.id)
        index = load_fact_index(session, company.id, runtime.embedder())
    assert index is not None
    assert [f.id for f in index.facts] == [f.id for f in every]  # topics or not, in page order
    assert index.facts == every  # the same facts the store reads, quotes, headings and topics included
    assert index.vectors is not None
    has_vector = {f.id for f, v in zip(index.facts, index.vectors, strict=True) if v.any()}
    assert {f.id for f in with_topics} <= has_vector < {f.id for f in every}
    question = "How many days of vacation do I get?"
    found = answering_fact(index, question, real_model().embed([question])[0], {"leave"})
    assert found is not None and found.source == "benefits.html"
    runtime.close()


def test_a_company_without_facts_has_no_index(runtime: Runtime) -> None:
    with runtime.session() as session:
        company = companies.ensure(session, "Empty Co")
        assert load_fact_index(session, company.id, None) is None
