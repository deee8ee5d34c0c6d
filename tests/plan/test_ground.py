"""Questions grounded in research: each quotes a fact, names where it was read, and asks what
the public page cannot say. Then, on the researched demo company, the plan built from them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from research.shared import DEMO_NAME, researched_demo
from typer.testing import CliRunner

from askback import config
from askback.cli import app
from askback.core.models import Fact, Plan
from askback.nlp.form import question_form
from askback.plan import checks
from askback.plan.builder import Grounding
from askback.plan.ground import MAX_HOOK_WORDS, PATTERNS, grounded_questions, hook, where
from askback.plan.grounding import load_grounding
from askback.plan.service import prepare
from askback.research.quantities import quantities
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as research_store


def fact(fact_id: int, text: str, topic: str | None, source: str = "benefits.html", confidence: float = 0.9) -> Fact:
    return Fact(
        id=fact_id,
        text=text,
        source=source,
        title="Page",
        headings=(),
        position=fact_id,
        topics=((topic, confidence),) if topic else (),
        quantities=tuple(q.as_dict() for q in quantities(text)),
    )


def passes_text_checks(text: str) -> bool:
    return question_form(text) == "open" and not any(
        check(text) for check in (checks.too_long, checks.double_barrelled, checks.leading, checks.not_a_question)
    )


# --- one pattern per topic ------------------------------------------------------------------

PATTERN_CASES = [
    (
        "leave",
        "Everyone gets 25 days of paid vacation a year.",
        "benefits.html",
        "Your benefits page mentions “everyone gets 25 days of paid vacation a year”. "
        "How much of that do people on this team really take?",
    ),
    (
        "parental-leave",
        "Parents get 16 weeks of fully paid parental leave.",
        "benefits.html",
        "Your benefits page mentions “parents get 16 weeks of fully paid parental leave”. "
        "How does the team cover the work while someone is on it?",
    ),
    (
        "learning-budget",
        "Every engineer has a personal learning budget of $2000 a year to spend on courses, books and conferences.",
        "benefits.html",
        "Your benefits page mentions “$2000 a year to spend on courses”. What did people on this team spend it on last year?",
    ),
    (
        "values",
        "Write it down, even when it is faster to talk.",
        "values.html",
        "Your values page lists “write it down, even when it is faster to talk” as a value. "
        "What is a recent decision where it made a difference?",
    ),
    (
        "news",
        "We launched Live ETA for every customer in March.",
        "blog/2026-03-launch.html",
        "Your blog mentions “we launched Live ETA for every customer in March”. "
        "What did that change for the team's day-to-day work?",
    ),
    (
        "on-call",
        "Engineers are on call one week in six.",
        "engineering.html",
        "Your engineering page mentions “engineers are on call one week in six”. "
        "What did the last few on-call weeks look like for the person on duty?",
    ),
    (
        "career-ladder",
        "Our career ladder has six levels for engineers.",
        "careers.html",
        "Your careers page describes “our career ladder has six levels for engineers”. "
        "What would the next step look like for someone joining now?",
    ),
    (
        "promotion",
        "Promotions are decided twice a year by a panel.",
        "handbook/growth.md",
        "Your handbook mentions “promotions are decided twice a year by a panel”. "
        "How did the most recent promotion on this team come about?",
    ),
    (
        "remote-policy",
        "We work remotely from anywhere in Europe.",
        "remote.md",
        "Your handbook mentions “we work remotely from anywhere in Europe”. "
        "How does the team keep decisions inclusive with that setup?",
    ),
    (
        "funding",
        "We raised a EUR 20 million Series B in 2025.",
        "press.html",
        "Your press page mentions “we raised a EUR 20 million Series B in 2025”. "
        "What has it changed in what this team is expected to deliver?",
    ),
    (
        "successes",
        "We now route 2 million parcels a week for 300 customers.",
        "about.html",
        "Your about page mentions “we now route 2 million parcels a week for 300 customers”. "
        "What is the hardest part of keeping that up?",
    ),
    (
        "working-hours",
        "Core hours are 10:00 to 15:00 in your time zone.",
        "https://acme.example/jobs",
        "Your site mentions “core hours are 10:00 to 15:00 in your time zone”. "
        "How does that hold up when a deadline is close?",
    ),
    (
        "engineering-practices",
        "Every pull request is reviewed by another engineer.",
        "engineering.html",
        "Your engineering page mentions “every pull request is reviewed by another engineer”. "
        "Where does the team find that hardest to keep up?",
    ),
    (
        "performance-review",
        "Performance reviews happen every six months with written feedback.",
        "handbook.md",
        "Your handbook mentions “performance reviews happen every six months with written feedback”. "
        "What did the last review cycle change for people here?",
    ),
    (
        "challenges",
        "Our routing outage took down dispatch for three hours.",
        "blog/outage.html",
        "Your blog mentions “our routing outage took down dispatch for three hours”. "
        "What has the team done differently since?",
    ),
]


@pytest.mark.parametrize(("topic", "text", "source", "question"), PATTERN_CASES, ids=[c[0] for c in PATTERN_CASES])
def test_each_pattern_quotes_the_fact_and_names_the_page(topic: str, text: str, source: str, question: str) -> None:
    (grounded,) = grounded_questions([fact(7, text, topic, source)])
    q = grounded.question
    assert q.text == question
    assert (q.id, q.source, q.form, q.googleable) == (f"grounded-{topic}-7", "research", "open", ())
    pattern = PATTERNS[topic]
    assert (q.category, q.subtopic, q.roles, q.follow_ups) == (
        pattern.category,
        pattern.subtopic,
        pattern.roles,
        (pattern.follow_up,),
    )
    assert grounded.fact.text == text
    assert passes_text_checks(q.text)


def test_the_team_structure_pattern_passes_the_text_checks() -> None:
    (grounded,) = grounded_questions(
        [fact(1, "Each squad has a product manager, a designer and five engineers.", "team-structure", "team.html")]
    )
    assert passes_text_checks(grounded.question.text)


def test_every_pattern_is_covered_by_the_table() -> None:
    assert {c[0] for c in PATTERN_CASES} | {"team-structure"} == set(PATTERNS)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("blog/2026-03-launch.html", "Your blog"),
        ("https://acme.example/benefits", "Your benefits page"),
        ("careers.html", "Your careers page"),
        ("engineering.html", "Your engineering page"),
        ("values.html", "Your values page"),
        ("press.html", "Your press page"),
        ("about.html", "Your about page"),
        ("handbook/people/leave.html", "Your handbook"),
        ("policies/leave.md", "Your handbook"),
        ("notes.markdown", "Your handbook"),
        ("pasted text", "Your site"),
        ("https://acme.example/", "Your site"),
    ],
)
def test_where_names_the_page_the_way_a_candidate_would(source: str, name: str) -> None:
    assert where(fact(1, "Some fact here.", "leave", source)) == name


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Everyone gets 25 days of paid vacation.", "“everyone gets 25 days of paid vacation”"),
        ("SRE on-call is one week in six!", "“SRE on-call is one week in six”"),
        (
            "After a long and careful review of the options, parents now get 16 weeks of paid leave in one block.",
            "“16 weeks of paid leave in one block”",
        ),
        (
            "After a long and careful review of every option we had, we decided to keep things exactly as they were.",
            None,
        ),
    ],
)
def test_the_hook_is_the_whole_short_fact_or_the_phrase_at_its_number(text: str, short: str | None) -> None:
    found = hook(fact(1, text, "leave"))
    assert found == short
    assert found is None or len(found.split()) <= MAX_HOOK_WORDS


def test_a_hook_cut_at_the_word_limit_does_not_end_on_a_preposition() -> None:
    text = "You can take up to 7 days of special leave during a calendar year to volunteer as a donor."
    assert hook(fact(1, text, "leave")) == "“up to 7 days of special leave during a calendar year”"


def test_the_hook_keeps_a_number_with_a_thousands_separator() -> None:
    found = hook(
        fact(1, "You have a personal learning budget of EUR 1,500 a year plus 5 learning days.", "learning-budget")
    )
    assert found == "“EUR 1,500 a year plus 5 learning days”"


def test_the_hook_keeps_a_name_at_the_start_capitalised() -> None:
    assert hook(fact(1, "Northwind Relay pays EUR 400 per on-call week.", "on-call")) == (
        "“Northwind Relay pays EUR 400 per on-call week”"
    )


def test_at_most_two_facts_per_topic_the_most_confident_first() -> None:
    facts = [
        fact(1, "Everyone gets 25 days of paid vacation a year.", "leave", confidence=0.7),
        fact(2, "Unused vacation days carry over to the next year.", "leave", confidence=0.95),
        fact(3, "The office closes between Christmas and New Year.", "leave", confidence=0.8),
        fact(4, "Everyone takes at least 15 days of vacation a year.", "leave", confidence=0.8),
    ]
    assert [g.fact.id for g in grounded_questions(facts)] == [2, 4]  # 4 wins the tie on its quantity


@pytest.mark.parametrize(
    "skipped",
    [
        fact(1, "Vacation: 27 days.", "leave"),  # under five words
        fact(2, " ".join(["word"] * 46), "leave"),  # over 45 words
        fact(3, "Everyone gets 25 days of paid vacation a year.", None),  # no topic
        fact(4, "Our services are written in Python and Go.", "tech-stack"),  # no pattern for the topic
        fact(5, "TODO: link the parental leave policy from the benefits page.", "parental-leave"),
        fact(6, "In the event of an outage during the on-call week:", "on-call"),
        fact(7, "Click Save, then select the on-call rotation from the drop-down.", "on-call"),
        fact(8, "Go to the HR portal and request your annual vacation days there.", "leave"),
        fact(9, "Each day can be longer or shorter, as long as the week adds up to 40 hours.", "working-hours"),
        fact(10, "Awards – Learn about the recognition programmes and how to nominate a colleague.", "successes"),
    ],
)
def test_facts_that_make_poor_hooks_are_skipped(skipped: Fact) -> None:
    assert grounded_questions([skipped]) == []


# --- on the researched demo company ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    with researched_demo(tmp_path_factory.mktemp("ground-demo")) as runtime:
        yield runtime


@pytest.fixture(scope="module")
def grounding(demo: Runtime) -> Grounding:
    with demo.session() as session:
        return load_grounding(session, companies.get(session, DEMO_NAME), demo)


@pytest.fixture(scope="module")
def demo_facts(demo: Runtime) -> dict[str, Fact]:
    with demo.session() as session:
        return {f.text: f for f in research_store.facts(session, companies.get(session, DEMO_NAME).id)}


def test_demo_grounding_quotes_real_facts(grounding: Grounding, demo_facts: dict[str, Fact]) -> None:
    assert len(grounding.questions) >= 5
    assert {q.id for q in grounding.questions} == set(grounding.evidence)
    for question in grounding.questions:
        source, quote = grounding.evidence[question.id]
        assert demo_facts[quote].source == source
        assert re.search(r"“[^”]+”", question.text), question.text
        assert passes_text_checks(question.text), question.text


def test_demo_research_answers_some_bank_questions(grounding: Grounding, demo_facts: dict[str, Fact]) -> None:
    assert grounding.answered
    for source, quote in grounding.answered.values():
        assert demo_facts[quote].source == source


@pytest.mark.parametrize(
    ("interviewer", "stage"),
    [("hiring-manager", None), ("peer", "technical"), ("recruiter", "screen"), ("skip-level", "final")],
)
def test_a_demo_plan_cites_facts_and_skips_what_the_research_answers(
    demo: Runtime, grounding: Grounding, interviewer: str, stage: str | None
) -> None:
    plan: Plan = prepare(demo, DEMO_NAME, interviewer=interviewer, stage=stage, minutes=15)
    assert [i.question_id for i in plan.items if i.question_id in grounding.answered] == []
    if interviewer in ("hiring-manager", "peer"):
        # questions that show the demo CV's expertise cite research too, chosen by plan.expertise
        cited = [i for i in plan.main if i.evidence and not i.question_id.startswith("expertise-")]
        assert cited, [i.text for i in plan.main]
        for item in cited:
            ((source, quote),) = item.evidence
            if item.question_id.startswith("posting-"):  # cites the demo's job posting, not its site
                assert source.startswith("job posting: ")
                continue
            assert grounding.evidence[item.question_id] == (source, quote)
            assert any(r.startswith(f"cites {source}: “{quote}”") for r in item.reasons)


def test_prepare_explain_shows_what_each_grounded_question_cites(
    demo: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.DATABASE_ENV, str(demo.db.engine.url))
    result = CliRunner().invoke(app, ["prepare", "--company", DEMO_NAME, "--explain"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert re.search(r"^   source: \S+\.html: “.+”$", out, flags=re.MULTILINE), out
    assert re.search(r"^   why: .*cites \S+\.html: “.+”", out, flags=re.MULTILINE), out
