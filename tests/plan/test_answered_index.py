"""The answered check's index for a researched company: every sentence, and vectors only for
the sentences a question's words find, so the check answers the same whichever sentences
research embedded (every keyword sentence, or only the close calls)."""

from __future__ import annotations

import shutil
from pathlib import Path

from embedders import real_model

from askback.demo.service import demo_company
from askback.plan.answered_index import StoredVectors, answering_fact, load_fact_index, save_computed
from askback.research.service import research
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as store

DEMO = "Northwind Relay"
QUESTIONS = [
    "How many days of vacation do I get?",
    "How much is the learning budget?",
    "Is the job remote?",
    "How long is parental leave?",
    "Do engineers get paid for on-call?",
    "How is the team organised?",
    "What does a typical day look like for you?",
]


def test_every_sentence_is_indexed_and_vectors_are_found_or_made_once(demo_database: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_database, copy)
    runtime = Runtime.open(f"sqlite:///{copy}", embedder=real_model())
    with runtime.session() as session:
        company = companies.get(session, DEMO)
        every = store.facts(session, company.id, with_topics_only=False)
        index = load_fact_index(session, company.id, runtime.embedder(), sessions=runtime.session)
    assert index is not None
    assert [f.id for f in index.facts] == [f.id for f in every]  # topics or not, in page order
    assert index.facts == every  # the same facts the store reads, quotes, headings and topics included
    assert isinstance(index.vectors, StoredVectors)
    question = "How many days of vacation do I get?"
    found = answering_fact(index, question, real_model().embed([question])[0])
    assert found is not None and found.source == "benefits.html"
    # Sentences research did not embed were embedded for this question; once stored, a second
    # index over the same database (the next command) computes none of them again.
    assert index.vectors.computed > 0
    with runtime.session() as session:
        assert save_computed(index, session) == index.vectors.computed
    with runtime.session() as session:
        again = load_fact_index(session, company.id, runtime.embedder(), sessions=runtime.session)
    assert again is not None and isinstance(again.vectors, StoredVectors)
    assert answering_fact(again, question, real_model().embed([question])[0]) == found
    assert again.vectors.computed == 0
    runtime.close()


def test_the_same_answers_when_research_embedded_only_the_close_calls(tmp_path: Path) -> None:
    everything = Runtime.open(f"sqlite:///{tmp_path / 'everything.db'}", embedder=real_model())
    research(everything, DEMO, [str(demo_company().site)], close_calls_only=False)
    close_calls = Runtime.open(f"sqlite:///{tmp_path / 'close-calls.db'}", embedder=real_model())
    research(close_calls, DEMO, [str(demo_company().site)], close_calls_only=True)
    stored = [_vectors_stored(r) for r in (everything, close_calls)]
    assert stored[1] < stored[0]  # the same sentences, fewer of them embedded by research
    vectors = real_model().embed(QUESTIONS)
    answers = []
    for runtime in (everything, close_calls):
        with runtime.session() as session:
            company = companies.get(session, DEMO)
            index = load_fact_index(session, company.id, runtime.embedder(), sessions=runtime.session)
        assert index is not None
        found = [answering_fact(index, q, vectors[i]) for i, q in enumerate(QUESTIONS)]
        answers.append([(e.source, e.quote, round(e.score, 3)) if e else None for e in found])
        runtime.close()
    assert answers[0] == answers[1]
    sources = [a[0] if a else None for a in answers[0]]
    assert sources[0] == "benefits.html"  # vacation days
    assert sources[-1] is None  # experience is never in the handbook


def _vectors_stored(runtime: Runtime) -> int:
    from sqlalchemy import func, select

    from askback.store.models import EmbeddingRow

    with runtime.session() as session:
        return int(session.scalar(select(func.count()).select_from(EmbeddingRow)) or 0)


def test_a_company_without_facts_has_no_index(runtime: Runtime) -> None:
    with runtime.session() as session:
        company = companies.ensure(session, "Empty Co")
        assert load_fact_index(session, company.id, None) is None


def test_the_static_screen_changes_no_answer_and_spares_minilm_the_clear_cases(
    demo_database: Path, tmp_path: Path
) -> None:
    """A question the static vectors already put far below the bar is not answered, and its
    sentences are never run through MiniLM; every answer is the one MiniLM alone gives."""
    from dataclasses import replace

    clear = [
        "Who makes the final call on an offer once the last round is done?",
        "What gets assessed at the end of the probation period?",
    ]
    questions = QUESTIONS + clear
    vectors = real_model().embed(questions)
    indexes = []
    for copy in (tmp_path / "screened.db", tmp_path / "unscreened.db"):
        shutil.copy(demo_database, copy)
        runtime = Runtime.open(f"sqlite:///{copy}", embedder=real_model())
        with runtime.session() as session:
            company = companies.get(session, DEMO)
            index = load_fact_index(session, company.id, runtime.embedder(), sessions=runtime.session)
        assert index is not None and index.screen is not None
        indexes.append(index)
    screened, unscreened = indexes
    assert screened.settings.screen_at > 0
    unscreened.settings = replace(unscreened.settings, screen_at=0.0)
    answers = [[answering_fact(i, q, vectors[n]) for n, q in enumerate(questions)] for i in indexes]
    assert answers[0] == answers[1]
    assert answers[0][0] is not None and answers[0][0].source == "benefits.html"
    for question in clear:  # found by words, ruled out without MiniLM
        assert screened.screen_candidates(question) and screened.screened(question) is not None
    assert isinstance(screened.vectors, StoredVectors) and isinstance(unscreened.vectors, StoredVectors)
    assert screened.vectors.computed < unscreened.vectors.computed
