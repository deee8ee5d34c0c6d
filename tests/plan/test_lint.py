"""The question linter on the researched demo company: what a candidate sees for each question."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from research.shared import DEMO_NAME, researched_demo

from askback.core.taxonomy import CATEGORY_IDS
from askback.errors import NotFoundError, UsageError
from askback.plan.lint import LintResult, lint_questions, open_rewrite
from askback.runtime import Runtime, no_model

KEYS = ["text", "category", "form", "specific", "answered", "problems", "suggestion"]
LONG = ("How does the team decide what to build next and who gets a say in it " * 40)[:2000]
GERMAN = "Wie viele Urlaubstage gibt es bei Ihnen?"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[Runtime]:
    with researched_demo(tmp_path_factory.mktemp("lint-demo"), demo_database) as runtime:
        yield runtime


def lint(runtime: Runtime, *texts: str, **context: str) -> list[LintResult]:
    return lint_questions(runtime, list(texts), company=context.pop("company", DEMO_NAME), **context)


def one(runtime: Runtime, text: str, **context: str) -> LintResult:
    (result,) = lint(runtime, text, **context)
    return result


# --- the contract: one result per input, in order, with the same keys ---------------------------


ODD_INPUTS = ["Is there a learning budget?", "", "We use Kafka for our events.", LONG, GERMAN, "   "]


def test_one_result_per_input_in_order_with_the_documented_keys(demo: Runtime) -> None:
    results = [r.as_dict() for r in lint(demo, *ODD_INPUTS)]
    assert [r["text"] for r in results] == ODD_INPUTS
    for r in results:
        assert list(r) == KEYS
        assert r["category"] is None or r["category"] in CATEGORY_IDS
        assert r["form"] in ("open", "closed")
        assert isinstance(r["specific"], bool)
        assert r["answered"] is None or set(r["answered"]) == {"source", "quote", "score"}
        assert all(set(p) == {"code", "message"} and p["message"] for p in r["problems"])
        assert r["suggestion"] is None or isinstance(r["suggestion"], str)
        json.dumps(r)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("We use Kafka for our events.", "not-a-question"),
        (LONG, "too-long"),
        (GERMAN, "not-english"),
    ],
    ids=["empty", "blank", "statement", "2000-characters", "german"],
)
def test_odd_inputs_get_a_clear_problem(demo: Runtime, text: str, code: str) -> None:
    assert code in one(demo, text).codes()


def test_an_empty_line_is_only_empty(demo: Runtime) -> None:
    assert one(demo, "").as_dict() == {
        "text": "",
        "category": None,
        "form": "open",
        "specific": False,
        "answered": None,
        "problems": [{"code": "empty", "message": "there is no question here"}],
        "suggestion": None,
    }


def test_non_english_gets_no_suggestion(demo: Runtime) -> None:
    assert one(demo, GERMAN).suggestion is None


# --- specific or generic --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How did the Kafka migration change the on-call load?",
        "What was the hardest part of opening the Rotterdam office?",
        "How has the live ETA launch changed what the squad works on?",
    ],
)
def test_a_question_using_the_company_s_own_terms_is_specific(demo: Runtime, question: str) -> None:
    result = one(demo, question)
    assert result.specific is True
    assert "generic" not in result.codes()


@pytest.mark.parametrize(
    "question",
    ["How does Northwind decide what to build next?", "How does Northwind Relay onboard new engineers?"],
)
def test_putting_the_company_s_name_into_a_generic_question_does_not_make_it_specific(
    demo: Runtime, question: str
) -> None:
    result = one(demo, question)
    assert result.specific is False
    assert "generic" in result.codes()


@pytest.mark.parametrize(
    "question",
    [
        "How does your team handle disagreements?",
        "What does a typical week look like for the team?",
        "How are engineers supported in their growth?",
    ],
)
def test_a_bank_style_question_is_generic(demo: Runtime, question: str) -> None:
    result = one(demo, question)
    assert result.specific is False
    (generic,) = [p for p in result.problems if p.code == "generic"]
    assert generic.message == "this could be asked of any company; tie it to something particular to Northwind Relay"


def test_without_a_company_nothing_is_generic(demo: Runtime) -> None:
    result = one(demo, "How does your team handle disagreements?", company=None)  # type: ignore[arg-type]
    assert result.specific is False
    assert result.problems == []


# --- answered by the research -----------------------------------------------------------------


def test_an_answered_question_shows_the_evidence_and_a_grounded_suggestion(demo: Runtime) -> None:
    result = one(demo, "How much is the learning budget?")
    assert result.answered is not None
    assert result.answered.source == "benefits.html"
    assert "EUR 1,500 a year" in result.answered.quote
    (answered,) = [p for p in result.problems if p.code == "answered"]
    assert answered.message.startswith(
        f"the company's own material already answers this (benefits.html: “{result.answered.quote}”)"
    )
    assert result.suggestion is not None
    assert re.match(r"Your benefits page (says|mentions) “[^”]*EUR 1,500 a year[^”]*”\. ", result.suggestion)
    assert result.suggestion.endswith("What did people on this team spend it on last year?")


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("How many days of vacation do I get?", "27 days of paid vacation"),
        ("How long is parental leave?", "16 weeks"),
    ],
)
def test_policy_numbers_are_answered_publicly(demo: Runtime, question: str, quoted: str) -> None:
    result = one(demo, question)
    assert result.answered is not None and quoted in result.answered.quote
    assert "answered" in result.codes()


@pytest.mark.parametrize(
    "question",
    [
        "How do people actually use the learning budget?",
        "How much vacation did people on your team really take last year?",
        "How did the team cover the last parental leave?",
        "How does the team handle disagreements about priorities?",
    ],
)
def test_experience_is_never_answered_publicly(demo: Runtime, question: str) -> None:
    result = one(demo, question)
    assert result.answered is None
    assert "answered" not in result.codes()


# --- audience and moment ----------------------------------------------------------------------

PAY = "What is the salary range for this role?"


def test_pay_with_a_peer_at_the_technical_stage_is_the_wrong_audience_and_moment(demo: Runtime) -> None:
    result = one(demo, PAY, interviewer="peer", stage="technical")
    assert {"wrong-audience", "wrong-moment"} <= set(result.codes())
    (audience,) = [p for p in result.problems if p.code == "wrong-audience"]
    assert audience.message.startswith("a peer rarely knows pay bands")


@pytest.mark.parametrize(
    ("interviewer", "stage", "codes"),
    [
        ("peer", None, {"wrong-audience"}),
        (None, "technical", {"wrong-moment"}),
        ("hiring-manager", "final", {"wrong-moment"}),
        ("recruiter", "screen", set()),
        ("recruiter", "offer", set()),
        (None, None, set()),
    ],
)
def test_pay_questions_depend_on_who_and_when(
    demo: Runtime, interviewer: str | None, stage: str | None, codes: set[str]
) -> None:
    result = lint_questions(demo, [PAY], company=DEMO_NAME, interviewer=interviewer, stage=stage)[0]
    assert set(result.codes()) & {"wrong-audience", "wrong-moment"} == codes


def test_team_habits_with_a_peer_are_fine(demo: Runtime) -> None:
    result = one(demo, "How does the team keep its documentation up to date?", interviewer="peer", stage="technical")
    assert set(result.codes()) & {"wrong-audience", "wrong-moment"} == set()


@pytest.mark.parametrize(("interviewer", "stage"), [("cto", None), (None, "lunch")])
def test_unknown_interviewer_or_stage_is_a_usage_error(
    demo: Runtime, interviewer: str | None, stage: str | None
) -> None:
    with pytest.raises(UsageError):
        lint_questions(demo, ["How?"], interviewer=interviewer, stage=stage)


def test_unknown_company_is_not_found(demo: Runtime) -> None:
    with pytest.raises(NotFoundError):
        lint_questions(demo, ["How?"], company="Globex")


# --- obvious, duplicates and the other checks in context ----------------------------------------


@pytest.mark.parametrize(
    ("question", "obvious"),
    [
        ("What does your company do?", True),
        ("Who are your main competitors?", True),
        ("When was the company founded?", True),
        ("What is the company's mission?", True),
        ("How does the team decide what to build next?", False),
        ("What do customers say a competitor does better?", False),
        ("How does the mission shape the team's priorities this year?", False),
    ],
)
def test_obvious_questions(demo: Runtime, question: str, obvious: bool) -> None:
    assert ("obvious" in one(demo, question).codes()) is obvious


def test_an_obvious_question_naming_the_company_is_still_obvious(demo: Runtime) -> None:
    assert "obvious" in one(demo, "What does Northwind Relay do?").codes()


def test_a_near_duplicate_names_the_earlier_question(demo: Runtime) -> None:
    results = lint(
        demo,
        "How does the team plan its work?",
        "",
        "How does the team plan work for the quarter?",
        "Who would I work with most closely?",
    )
    assert ["near-duplicate" in r.codes() for r in results] == [False, False, True, False]
    (duplicate,) = [p for p in results[2].problems if p.code == "near-duplicate"]
    assert duplicate.message == "asks much the same as question 1; keep the better of the two"


def test_different_questions_are_not_duplicates(demo: Runtime) -> None:
    results = lint(
        demo,
        "How does the team plan its work?",
        "How does the team run its retrospectives?",
        "What does the on-call rota look like?",
    )
    assert [r.codes().count("near-duplicate") for r in results] == [0, 0, 0]


def test_short_questions_sharing_one_word_are_not_duplicates(demo: Runtime) -> None:
    results = lint(
        demo,
        "What does the company do?",
        "Where is the company headquartered?",
        "How does the team plan its work?",
        "Who does the team report to?",
    )
    assert [r.codes().count("near-duplicate") for r in results] == [0, 0, 0, 0]


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Are you married?", "private-life"),
        ("Why is the codebase so bad?", "leading"),
        ("Isn't it true that people work late here?", "leading"),
        ("How do you plan work and what tools do you use?", "double-barrelled"),
        ("Is there on-call?", "closed"),
    ],
)
def test_text_checks_run_in_context(demo: Runtime, question: str, code: str) -> None:
    assert code in one(demo, question).codes()


def test_a_good_specific_question_has_no_problems(demo: Runtime) -> None:
    result = one(demo, "How did the Kafka migration change the on-call load?", interviewer="peer", stage="technical")
    assert (result.form, result.specific, result.answered, result.problems) == ("open", True, None, [])


# --- suggestions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "suggestion"),
    [
        ("Do you do code reviews?", "How do you do code reviews?"),
        ("Can I work remotely?", "What would it take for me to work remotely?"),
        ("Will I have a mentor?", "How likely is it that I would have a mentor?"),
        ("Is there on-call?", "How does on-call work here in practice?"),
    ],
)
def test_a_closed_question_gets_an_open_rewrite(demo: Runtime, question: str, suggestion: str) -> None:
    result = one(demo, question)
    assert "closed" in result.codes()
    assert result.suggestion == suggestion


def test_a_private_question_gets_no_suggestion(demo: Runtime) -> None:
    assert one(demo, "Are you married?").suggestion is None


@pytest.mark.parametrize(
    ("question", "rewrite"),
    [
        ("Is there a learning budget?", "How does the learning budget work here in practice?"),
        ("Are there any team offsites?", "How do team offsites work here in practice?"),
        ("Do you offer remote work?", "What does remote work look like here in practice?"),
        ("Do you have a mentoring programme?", "How does the mentoring programme work here in practice?"),
        ("Do you offer stock options?", "How do stock options work here in practice?"),
        ("Is there room for growth?", "How does room for growth work here in practice?"),
        ("Do you do code reviews?", "How do you do code reviews?"),
        ("Does the team pair program?", "How does the team pair program?"),
        ("Do engineers talk to customers?", "How do engineers talk to customers?"),
        ("Does your team write design docs?", "How does your team write design docs?"),
        ("Can I work remotely?", "What would it take for me to work remotely?"),
        ("can i switch teams later?", "What would it take for me to switch teams later?"),
        ("Will I have a mentor?", "How likely is it that I would have a mentor?"),
        ("  Is there on-call??  ", "How does on-call work here in practice?"),
        ("How does the team plan?", None),
        ("Should I expect overtime?", None),
        ("Are people happy here?", None),
    ],
)
def test_open_rewrite(question: str, rewrite: str | None) -> None:
    assert open_rewrite(question) == rewrite


# --- without the model ------------------------------------------------------------------------


def test_without_the_model_the_linter_still_judges_the_text(demo: Runtime) -> None:
    without = Runtime(demo.db, load_embedder=no_model)
    results = lint(without, "Is there a learning budget?", "How did the Kafka migration change the on-call load?")
    assert [(r.category, r.answered) for r in results] == [(None, None), (None, None)]
    assert results[0].codes() == ["closed", "generic"]
    assert results[0].suggestion == "How does the learning budget work here in practice?"
    assert results[1].specific is True and results[1].problems == []


def test_new_research_is_seen_by_the_next_lint_in_the_same_runtime(runtime: Runtime, tmp_path: Path) -> None:
    """The linter keeps a company's facts between calls (the web app lints on every request);
    research that adds the answer must be seen by the very next check."""
    from askback.research.service import research

    site = tmp_path / "handbook"
    site.mkdir()
    (site / "team.md").write_text(
        "# Our team\n\nWe build routing software for city bus operators.\n\n"
        "We work remotely across three time zones, with core hours in the afternoon.\n"
    )
    research(runtime, "Busline", [str(site)])
    question = "How much vacation do I get?"
    assert lint(runtime, question, company="Busline")[0].answered is None
    (site / "time-off.md").write_text(
        "# Time off\n\n## Vacation\n\nEveryone gets 28 days of paid vacation a year, plus public holidays.\n"
    )
    research(runtime, "Busline", [str(site)])
    answered = lint(runtime, question, company="Busline")[0].answered
    assert answered is not None and "28 days of paid vacation" in answered.quote
