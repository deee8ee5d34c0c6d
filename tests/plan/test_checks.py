"""The linter's text-only checks, each with cases that must and must not trip it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from askback.plan import checks
from askback.plan.checks import Problem

Check = Callable[[str], Problem | None]


def codes(check: Check, texts: list[str]) -> dict[str, str | None]:
    found = {}
    for text in texts:
        problem = check(text)
        found[text] = problem.code if problem else None
    return found


def assert_trips(check: Check, code: str, hits: list[str], misses: list[str]) -> None:
    assert codes(check, hits) == dict.fromkeys(hits, code)
    assert codes(check, misses) == dict.fromkeys(misses)


def test_empty() -> None:
    assert_trips(checks.empty, "empty", ["", "   ", "\t\n"], ["?", "Team size", "How big is the team?"])
    assert checks.empty("") == Problem("empty", "there is no question here")


def test_not_a_question() -> None:
    assert_trips(
        checks.not_a_question,
        "not-a-question",
        [
            "We use Kafka for events.",
            "I think the pay is low here.",
            "The on-call rota seems heavy to me",
            "Our team ships every day and I like that.",
        ],
        [
            "Team size",  # short fragments count as questions
            "Salary range",
            "team size?",
            "Our team uses Kafka?",  # a question mark makes it a question
            "How big is the team",
            "Is there a bonus",
            "Could you tell me about on-call",
            "Tell me about the team",
            "I'd love to hear about the roadmap",
            "So, what does success look like",
        ],
    )


GERMAN = "Wie sieht ein typischer Arbeitstag in Ihrem Team aus?"


def test_not_english() -> None:
    assert_trips(
        checks.not_english,
        "not-english",
        [
            "Wie viele Urlaubstage gibt es bei Ihnen?",
            "Quelle est la culture de l'équipe ?",
            "¿Cómo es un día típico en el equipo?",
            "Hoe ziet een gewone werkdag eruit voor het team?",
            "Как выглядит обычный рабочий день?",
            "日本のオフィスはどこですか？",
        ],
        [
            "How does the team plan its work?",
            "What is the résumé process at Zürich?",
            "Team size?",
            "12345?",
            "",
            "How does Northwind Relay use Kafka and Postgres?",
        ],
    )
    problem = checks.not_english("Wie viele Urlaubstage gibt es bei Ihnen?")
    assert problem is not None
    assert problem.message == "askback's checks are built for English; its verdict on this question may be off"


def test_a_german_question_with_in_is_not_english() -> None:
    assert codes(checks.not_english, [GERMAN]) == {GERMAN: "not-english"}


def test_closed() -> None:
    assert checks.closed("closed") == Problem(
        "closed", "a yes/no or either/or question ends the topic in one word; an open one gets a story"
    )
    assert checks.closed("open") is None


def test_too_long() -> None:
    one_breath = " ".join(["word"] * 35) + "?"
    assert_trips(
        checks.too_long,
        "too-long",
        [one_breath + " more", "x" * 241, ("How does the team decide what to build next " * 50)[:2000]],
        [one_breath, "x" * 240, "How does the team plan its work?"],
    )
    problem = checks.too_long(" ".join(["word"] * 40))
    assert problem is not None
    assert problem.message == (
        "40 words is more than one breath; a long question is hard to follow on a call, so cut it to one point"
    )


def test_double_barrelled() -> None:
    assert_trips(
        checks.double_barrelled,
        "double-barrelled",
        [
            "How do you plan work and what tools do you use?",
            "How do you plan work? What tools do you use?",
            "What does the team do, and how does it measure success?",
            "How is on-call paid, and is it optional?",
            "How does the team plan, as well as how does it review?",
            "What is the roadmap? Also, who owns it?",
            "What is the stack, plus how do you deploy it?",
        ],
        [
            "How do you plan and prioritise work?",
            "What are the pros and cons of the stack?",
            "How do design and engineering work together?",
            "What tools do you use?",
            "Why? How?",  # too short to be two questions
            "What does the team care about most?",
        ],
    )


def test_leading_and_negative_framing() -> None:
    assert_trips(
        checks.leading,
        "leading",
        [
            "Isn't it true that people work late here?",
            "Don't you think the pay is low?",
            "Wouldn't you agree the stack is old?",
            "Surely the team is happy?",
            "I assume you pay overtime?",
            "You pay overtime, right?",
            "I'm sure you have a budget for that?",
            # negative framing
            "Why is the codebase so bad?",
            "What's wrong with the current process?",
            "How toxic is the culture?",
            "How bad is the on-call load?",
            "What do you hate about the job?",
            "What is the worst part of the job?",
        ],
        [
            "How does the team handle disagreements?",
            "What would you change about the codebase?",
            "What is hardest about the on-call load?",
            "How do people feel about the pay?",
            "Is the team growing?",
        ],
    )
    leading = checks.leading("Don't you think the pay is low?")
    negative = checks.leading("Why is the codebase so bad?")
    assert leading is not None and leading.message.startswith("leading: it suggests the answer you want to hear")
    assert negative is not None and negative.message.startswith("negative framing: ")


def test_private_life() -> None:
    assert_trips(
        checks.private_life,
        "private-life",
        [
            "Are you married?",
            "Do you have kids?",
            "How old are you?",
            "What's your salary?",
            "How much do you make?",
            "Where do you live?",
            "What do you do on weekends?",
            "Who did you vote for?",
            "Are you planning to have children?",
            "What does your partner do?",
        ],
        [
            "How do you like working here?",
            "How does the team celebrate birthdays?",
            "How much does the role pay?",
            "What is the salary range?",
            "How do parents on the team fit work around school runs?",
        ],
    )


def test_obvious_by_pattern() -> None:
    assert_trips(
        checks.obvious_by_pattern,
        "obvious",
        [
            "What does your company do?",
            "Who are your main competitors?",
            "Where is your headquarters?",
            "When was the company founded?",
            "Who founded the company?",
            "Who is your CEO?",
            "What is your mission?",
            "How many employees do you have?",
            "What products do you sell?",
        ],
        [
            "How does the CEO spend her week?",
            "What do competitors do better than you?",
            "How does the mission shape daily decisions?",
            "What does your team do differently from the others?",
        ],
    )


PEER_PAY = (
    "a peer rarely knows pay bands or equity terms, and asking can put them in an awkward spot; "
    "ask the recruiter or the hiring manager"
)


@pytest.mark.parametrize(
    ("subtopic", "interviewer", "best_roles", "message"),
    [
        ("compensation", "peer", (), PEER_PAY),
        ("equity", "peer", ("recruiter",), PEER_PAY),
        ("tooling", "executive", (), "an executive is unlikely to know the team's day-to-day tooling"),
        ("meetings", "executive", (), "an executive is unlikely to know the team's day-to-day tooling"),
        ("leave", "skip-level", (), "logistics and benefits are the recruiter's ground"),
        ("hiring-process", "executive", (), "logistics and benefits are the recruiter's ground"),
        (
            "team-composition",
            "recruiter",
            ("hiring-manager", "peer", "skip-level"),
            "a recruiter may not know; this is best asked of a hiring manager or peer",
        ),
        ("mistakes", "skip-level", ("peer",), "a skip level may not know; this is best asked of a peer"),
    ],
)
def test_wrong_audience(subtopic: str, interviewer: str, best_roles: tuple[str, ...], message: str) -> None:
    problem = checks.audience(subtopic, interviewer, best_roles)
    assert problem is not None
    assert problem.code == "wrong-audience"
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("subtopic", "interviewer", "best_roles"),
    [
        ("compensation", "recruiter", ()),
        ("compensation", "hiring-manager", ("recruiter", "hiring-manager")),
        ("tooling", "peer", ()),
        ("leave", "recruiter", ()),
        ("team-composition", "peer", ("hiring-manager", "peer")),
        (None, "peer", ("recruiter",)),
        ("compensation", None, ()),
    ],
)
def test_right_audience(subtopic: str | None, interviewer: str | None, best_roles: tuple[str, ...]) -> None:
    assert checks.audience(subtopic, interviewer, best_roles) is None


@pytest.mark.parametrize(
    ("subtopic", "stage", "wrong"),
    [
        ("compensation", "technical", True),
        ("compensation", "team", True),
        ("equity", "final", True),
        ("title-level", "technical", True),
        ("compensation", "screen", False),
        ("compensation", "offer", False),
        ("equity", "offer", False),
        ("tooling", "technical", False),
        (None, "technical", False),
        ("compensation", None, False),
    ],
)
def test_wrong_moment(subtopic: str | None, stage: str | None, wrong: bool) -> None:
    problem = checks.moment(subtopic, stage)
    assert (problem is not None) is wrong
    if problem is not None:
        assert problem == Problem(
            "wrong-moment",
            "pay and level are best discussed with the recruiter at the screen or once an offer is on the table",
        )


def test_a_rule_that_is_not_a_regular_expression_is_named(tmp_path: Path) -> None:
    from askback.core.datafile import load_data
    from askback.errors import DataError
    from askback.plan.checks import DATA
    from askback.plan.schema import LintRules

    bad = tmp_path / "lint.yaml"
    bad.write_text(
        DATA.read_text(encoding="utf-8").replace('"\\\\bhow old are you\\\\b"', '"(how old"'), encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"lint\.yaml: field 'private_life\.patterns': '\(how old' is not a regular"):
        load_data(bad, LintRules)


def test_a_demo_interview_with_an_unknown_question_is_named(tmp_path: Path) -> None:
    from askback.core.datafile import load_data
    from askback.demo.schema import DemoHistory
    from askback.demo.service import COMPANIES_DIR
    from askback.errors import DataError

    original = (COMPANIES_DIR / "oakmere-systems.yaml").read_text(encoding="utf-8")
    first = original.index("- question: ") + len("- question: ")
    bad = tmp_path / "oakmere-systems.yaml"
    bad.write_text(original[:first] + "growth-no-such-question\n" + original[original.index("\n", first) + 1 :])
    with pytest.raises(DataError, match=r"interview #1: answer #1: field 'question': no question 'growth-no-such"):
        load_data(bad, DemoHistory)
