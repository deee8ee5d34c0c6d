"""Questions grounded in research: each quotes a fact, names where it was read, and asks what
the public page cannot say. Then, on the researched demo company, the plan built from them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from cli.invoke import invoke
from research.shared import DEMO_NAME, researched_demo

from askback import config
from askback.core.models import Fact, Plan, Profile
from askback.nlp.form import question_form
from askback.plan import checks
from askback.plan.builder import Grounding
from askback.plan.ground import discipline, grounded_questions, hook, kind_of, where
from askback.plan.grounding import load_grounding
from askback.plan.patterns import patterns
from askback.plan.service import prepare
from askback.research import distinctive
from askback.research.quantities import quantities
from askback.runtime import Runtime
from askback.store import companies, profiles
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


# --- the pattern follows the topic and the kind of fact ------------------------------------------

PATTERN_CASES = [
    (
        "leave",
        "Everyone gets 25 days of paid vacation a year.",
        "benefits.html",
        "Your benefits page says “everyone gets 25 days of paid vacation a year”. "
        "How much of that did people on this team actually take last year?",
    ),
    (
        "parental-leave",
        "Parents get 16 weeks of fully paid parental leave.",
        "benefits.html",
        "Your benefits page says “parents get 16 weeks of fully paid parental leave”. "
        "How was the work covered the last time someone on this team took it?",
    ),
    (
        "learning-budget",
        "Every engineer has a personal learning budget of $2000 a year to spend on courses, books and conferences.",
        "benefits.html",
        "Your benefits page mentions “a personal learning budget of $2000 a year”. "
        "What did people on this team spend it on last year?",
    ),
    (
        "values",
        "We value candour, even when it is uncomfortable.",
        "values.html",
        "Your values page says “we value candour, even when it is uncomfortable”. "
        "When was that hardest to live up to on this team?",
    ),
    (
        "news",
        "We launched Live ETA for every customer in March.",
        "blog/2026-03-launch.html",
        "Your blog says “we launched Live ETA for every customer in March”. "
        "What did that change for the team's day-to-day work?",
    ),
    (
        "on-call",
        "Engineers are on call one week in six.",
        "engineering.html",
        "Your engineering page says “engineers are on call one week in six”. "
        "What did the last few on-call weeks look like for the person on duty?",
    ),
    (
        "promotion",
        "Promotions are decided twice a year by a panel.",
        "handbook/growth.md",
        "Your handbook says “promotions are decided twice a year by a panel”. "
        "How did the most recent promotion on this team come about?",
    ),
    (
        "successes",
        "We now route 2 million parcels a week for 300 customers.",
        "about.html",
        "Your about page says “we now route 2 million parcels a week for 300 customers”. "
        "What is the hardest part of working at that scale?",
    ),
    (
        "engineering-practices",
        "Every pull request is reviewed by another engineer.",
        "engineering.html",
        "Your engineering page says “every pull request is reviewed by another engineer”. "
        "Where does this team find that hardest to keep up?",
    ),
]


@pytest.mark.parametrize(("topic", "text", "source", "question"), PATTERN_CASES, ids=[c[0] for c in PATTERN_CASES])
def test_each_topic_quotes_the_fact_and_asks_how_it_is_lived(topic: str, text: str, source: str, question: str) -> None:
    (grounded,) = grounded_questions([fact(7, text, topic, source)])
    q = grounded.question
    assert q.text == question
    assert (q.id, q.source, q.form, q.googleable) == (f"grounded-{topic}-7", "research", "open", ())
    pattern = patterns().topics[topic]
    assert (q.category, q.subtopic, q.roles, q.stages, q.follow_ups) == (
        pattern.category,
        pattern.subtopic,
        pattern.roles,
        pattern.stages,
        (pattern.follow_up,),
    )
    assert grounded.fact.text == text
    assert passes_text_checks(q.text)


def test_a_fact_without_its_topic_s_words_gets_the_ask_for_its_kind() -> None:
    # Classified as remote policy, but nothing in it says so: the remote ask would not fit.
    (grounded,) = grounded_questions(
        [fact(1, "The company follows public health guidance for events.", "remote-policy")]
    )
    assert grounded.question.text.endswith(patterns().kinds["policy"])


@pytest.mark.parametrize(
    ("text", "topic", "kind"),
    [
        ("Everyone gets 25 days of paid vacation a year.", "leave", "number"),
        ("We serve 2 million users in 300 cities.", "customers", "scale"),
        ("We raised a Series B in 2025.", "funding", "event"),
        ("We value candour over comfort.", "values", "value"),
        ("We ship small changes, but never on a Friday.", "engineering-practices", "trade-off"),
        ("Pull requests are reviewed by another engineer.", "engineering-practices", "policy"),
    ],
)
def test_the_kind_of_fact_is_read_from_it(text: str, topic: str, kind: str) -> None:
    assert kind_of(fact(1, text, topic), topic, None) == kind


def test_a_named_practice_of_the_company_is_cited_by_name() -> None:
    long = (
        "Under Contrib First, engineers fix problems in the upstream project and send the patch there before "
        "they write any local workaround for the client."
    )
    facts = [fact(i, long if i == 1 else f"Contrib First note number {i} is here.", "open-source") for i in range(1, 6)]
    facts = [replace(f, headings=("Contrib First",)) for f in facts]
    own = distinctive.find(facts)
    found, lead = hook(facts[0], "practice", own) or ("", "")
    assert (found, lead) == ("“Contrib First”", "practice")


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
        ("guidebook/leave.html", "Your guidebook"),
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
            "Drupal engineers meet each month to share what they learned.",
            "“Drupal engineers meet each month to share what they learned”",
        ),
        (
            "After a long and careful review of the options, parents now get 16 weeks of paid leave in one block.",
            "“16 weeks of paid leave”",
        ),
        (
            "After a long and careful review of every option we had, we decided to keep things exactly as they were.",
            None,
        ),
        ("The “Hack Week” runs twice a year.", "“the Hack Week runs twice a year”"),  # no quote inside a quote
    ],
)
def test_the_hook_is_the_whole_short_fact_or_the_phrase_at_its_number(text: str, short: str | None) -> None:
    f = fact(1, text, "leave")
    found = hook(f, kind_of(f, "leave", None))
    assert (found[0] if found else None) == short


def test_a_number_is_cited_with_the_words_that_say_what_it_counts() -> None:
    text = "After a long review that took most of the year, the company set aside a travel budget of $500 per month for each team."
    assert hook(fact(1, text, "benefits"), "number") == ("“a travel budget of $500 per month”", "phrase")


def test_at_most_three_facts_per_topic_the_best_first() -> None:
    facts = [
        fact(1, "Everyone gets 25 days of paid vacation a year.", "leave", confidence=0.7),
        fact(2, "Unused vacation days carry over to the next year.", "leave", confidence=0.95),
        fact(3, "The office closes between Christmas and New Year.", "leave", confidence=0.5),
        fact(4, "Everyone takes at least 15 days of vacation a year.", "leave", confidence=0.8),
    ]
    assert [g.fact.id for g in grounded_questions(facts)] == [4, 1, 2]  # numbers and "everyone" count


def test_another_discipline_s_ladder_is_left_out_for_the_candidate() -> None:
    ops = replace(
        fact(1, "Senior staff run the quarterly budget review for every office.", "career-ladder"),
        source="career-ladders/operations.md",
    )
    eng = replace(
        fact(2, "Senior engineers lead the design of one service end to end.", "career-ladder"),
        source="career-ladders/engineering.md",
    )
    assert [g.fact.id for g in grounded_questions([ops, eng], role="Senior backend engineer")] == [2]
    assert {g.fact.id for g in grounded_questions([ops, eng], role="")} == {1, 2}


@pytest.mark.parametrize(
    ("role", "found"),
    [("Senior backend engineer", "engineering"), ("Product designer", "design"), ("Engineering manager", "management")],
)
def test_the_candidate_s_discipline_is_read_from_the_role(role: str, found: str) -> None:
    assert discipline(role) == found


@pytest.mark.parametrize(
    "skipped",
    [
        fact(1, "Vacation: 27 days.", "leave"),  # under six words
        fact(2, " ".join(["word"] * 46) + ".", "leave"),  # over 40 words
        fact(3, "Everyone gets 25 days of paid vacation a year.", None),  # no topic
        fact(5, "TODO: link the parental leave policy from the benefits page.", "parental-leave"),
        fact(6, "In the event of an outage during the on-call week:", "on-call"),
        fact(7, "Click Save, then select the on-call rotation from the drop-down.", "on-call"),
        fact(8, "Go to the HR portal and request your annual vacation days there.", "leave"),
        fact(10, "Awards – Learn about the recognition programmes and how to nominate a colleague.", "successes"),
        fact(11, "Ask in #people-ops if you are unsure how many vacation days are left.", "leave"),
        fact(12, "Questions about leave go to the #benefits channel on Slack.", "leave"),
        fact(13, "OLU - On-Line University, where the mandatory training classes are hosted.", "learning-budget"),
        fact(14, "These steps also apply to employees who move to another office.", "hiring-process"),
        fact(15, "While this guidebook is open to everyone, policies are treated differently.", "values"),
        fact(16, "After 5 years with the company, on top of your vacation.", "leave"),
        fact(17, "Engineering (7 squads and the platform team): 55 people.", "team-structure"),
        fact(18, "Learning budget", "learning-budget"),  # a heading
        fact(19, "You should book your flights through the travel tool.", "benefits"),
        fact(20, "Eligible team members get up to 14 days of paid bereavement leave.", "leave"),  # tactless to ask
        # Someone else's facts, not the company's: a train timetable, a vendor's product, a law.
        fact(21, "Express trains run from the airport to the old town every 20 minutes.", "office-locations"),
        fact(22, "Tablet users can install the companion app from the store.", "product"),
        fact(23, "The regional agency may extend the deadline for certain filings.", "leave"),
        # Office tools and their administration.
        fact(24, "We use Google Drive to keep our project plans and meeting notes together.", "product"),
        fact(25, "Staff may join Zoom meetings hosted by outside partners.", "meetings"),
        fact(26, "We have a limited number of paid seats for the design tool.", "business-model"),
        # Boilerplate of the law, and sentences that lean on the one before.
        fact(27, "The company complies with all applicable laws on overtime pay.", "working-hours"),
        fact(28, "The Family Leave Act gives parents twelve weeks of protected leave.", "parental-leave"),
        fact(29, "Employees are not expected to work on these days.", "leave"),
        # Fragments: no subject, no verb, or a heading in title case.
        fact(30, "Launched by our platform group in the spring of 2019.", "news"),
        fact(31, "Provides mentoring support to engineers across the organisation.", "learning-budget"),
        fact(32, "An internal dashboard used by our support teams.", "customers"),
        fact(33, "Quarterly Planning Week and Demo Day Schedule Overview.", "meetings"),
        fact(34, "Seek opportunities to improve our customers' experience.", "customers"),
        fact(35, "A short survey sent every spring to all of our customers.", "customers"),
        fact(36, "Exposure to a variety of projects of different sizes and lengths.", "team-structure"),
        fact(37, "Look for the green signs on each floor to find the quiet rooms.", "office-locations"),
        fact(38, "Give new team members write permissions on the shared repositories.", "open-source"),
        fact(
            39,
            "Our goals should cover the responsibilities listed above with measurable results.",
            "performance-review",
        ),
    ],
)
def test_facts_that_make_poor_questions_are_skipped(skipped: Fact) -> None:
    assert grounded_questions([skipped]) == []


@pytest.mark.parametrize(
    "kept",
    [
        fact(1, "Promotions are decided twice a year by a panel of peers.", "promotion"),  # the practice is the subject
        fact(2, "Every pull request is reviewed by a second engineer before it ships.", "engineering-practices"),
        fact(3, "You can carry over up to 10 days into the next year.", "leave"),  # a rule with its number
        fact(4, "Northwind pays for one conference a year for each engineer.", "learning-budget"),  # its own name
    ],
)
def test_what_the_company_says_of_itself_is_kept(kept: Fact) -> None:
    (grounded,) = grounded_questions([kept], names=("Northwind",))
    assert grounded.fact == kept


def test_what_the_company_refuses_to_do_is_asked_as_a_stance() -> None:
    (grounded,) = grounded_questions(
        [fact(1, "We do not celebrate people for answering email at midnight.", "social-life")]
    )
    assert grounded.kind == "value"
    assert grounded.question.text.endswith(patterns().kinds["value"])
    # Filed as a value, with a value's follow-up: not as social life with questions about parties.
    assert grounded.question.category == "culture"
    assert grounded.question.follow_ups == (patterns().topics["values"].follow_up,)


def test_a_day_s_name_keeps_its_capital_when_quoted_mid_sentence() -> None:
    (grounded,) = grounded_questions([fact(1, "Friday drinks in the office and a monthly team lunch.", "social-life")])
    assert "“Friday drinks" in grounded.question.text


def test_the_fact_is_quoted_with_its_apostrophes() -> None:
    (grounded,) = grounded_questions(
        [fact(1, "We don’t page anyone at night; it’s in our customers’ contracts.", "on-call")]
    )
    assert "don't" in grounded.question.text and "it's" in grounded.question.text


# --- on the researched demo company ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[Runtime]:
    with researched_demo(tmp_path_factory.mktemp("ground-demo"), demo_database) as runtime:
        yield runtime


@pytest.fixture(scope="module")
def grounding(demo: Runtime) -> Grounding:
    with demo.session() as session:
        role = (profiles.load(session) or Profile()).role  # what prepare plans for
        return load_grounding(session, companies.get(session, DEMO_NAME), demo, role)


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
    result = invoke("prepare", "--company", DEMO_NAME, "--explain")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert re.search(r"^   source: \S+\.html: “.+”$", out, flags=re.MULTILINE), out
    assert re.search(r"^   why: .*cites \S+\.html: “.+”", out, flags=re.MULTILINE), out
