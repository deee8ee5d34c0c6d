"""Does the company's own material already answer a question? Close in meaning is not enough:
the fact must hold the kind of answer asked for, and experience is never in the handbook."""

from __future__ import annotations

import pytest
from embedders import real_model

from askback.core.models import Fact
from askback.plan.answered import (
    Evidence,
    FactIndex,
    asks_experience,
    asks_two_things,
    shipped_settings,
    wanted_quantity,
)
from askback.research.quantities import quantities


def fact(fact_id: int, text: str, *topics: str, source: str = "benefits.html") -> Fact:
    return Fact(
        id=fact_id,
        text=text,
        source=source,
        title="Benefits",
        headings=("Benefits",),
        position=fact_id,
        topics=tuple((t, 0.9) for t in topics),
        quantities=tuple(q.as_dict() for q in quantities(text)),
    )


BUDGET = fact(1, "Every engineer has a learning budget of EUR 1,500 a year.", "learning-budget")
BUDGET_EXISTS = fact(2, "We have a generous learning budget for every engineer.", "learning-budget")
PARENTAL = fact(3, "Parents get 16 weeks of fully paid parental leave.", "parental-leave")
VACATION = fact(4, "Everyone gets 25 days of paid vacation a year.", "leave")
ON_CALL = fact(5, "Engineers are on call one week in six, and on-call is paid.", "on-call", source="engineering.html")
ALL = [BUDGET, BUDGET_EXISTS, PARENTAL, VACATION, ON_CALL]
# What surrounds the answers in a real handbook: sentences about other things, so that word
# statistics (BM25, rarity) behave as they do on a company's material.
BACKGROUND = [
    fact(100 + i, text, source="handbook.html")
    for i, text in enumerate(
        [
            "Submit your expense report within five business days of the trip.",
            "Receipts are required for every purchase over twenty dollars.",
            "Use the password manager for every shared account.",
            "Report a lost laptop to the security team at once.",
            "The design team reviews every new page before launch.",
            "Sprint planning happens every other Monday morning.",
            "Code reviews need one approval before a merge.",
            "We write our documentation in Markdown and keep it in the repository.",
            "The support rotation answers customer tickets within one business day.",
            "Team lunches are paid by the company once a month.",
            "Our office in Lisbon is open to everyone who wants a desk.",
            "New hires meet their manager on the first day.",
            "Customer interviews are recorded with the customer's consent.",
            "Incidents get a written review within a week.",
            "The product roadmap is shared at every all-hands meeting.",
            "Please keep meetings to thirty minutes where you can.",
            "Slack is for quick questions and email for decisions.",
            "Each project has a named owner who keeps its plan up to date.",
            "We deploy to production several times a day.",
            "Accessibility is checked on every release.",
        ]
    )
]


def index(*facts: Fact) -> FactIndex:
    everything = [*facts, *BACKGROUND]
    return FactIndex(everything, real_model().embed([f.text for f in everything]))


def answer(idx: FactIndex, question: str) -> Evidence | None:
    return idx.answer(question, real_model().embed([question])[0])


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("How much is the learning budget?", BUDGET.id),
        ("How long is parental leave?", PARENTAL.id),
        ("How many days of vacation do I get?", VACATION.id),
        ("How often are engineers on call?", ON_CALL.id),
        ("Is there a learning budget?", BUDGET_EXISTS.id),
    ],
)
def test_a_fact_with_the_kind_of_answer_asked_for_answers(question: str, fact_id: int) -> None:
    found = answer(index(*ALL), question)
    assert found is not None
    assert found.fact_id == fact_id
    assert found.score >= shipped_settings().answered_at
    source = next(f for f in ALL if f.id == fact_id)
    assert found.as_dict() == {"source": source.source, "quote": source.text, "score": round(found.score, 3)}


def test_how_much_needs_an_amount_not_just_a_mention() -> None:
    assert answer(index(BUDGET_EXISTS), "How much is the learning budget?") is None
    found = answer(index(BUDGET), "How much is the learning budget?")
    assert found is not None and found.quote == "Every engineer has a learning budget of EUR 1,500 a year."


def test_how_long_needs_a_duration_not_an_amount() -> None:
    money_only = fact(7, "Parents on parental leave receive EUR 2,000 a month from us.", "parental-leave")
    assert answer(index(money_only), "How long is parental leave?") is None


@pytest.mark.parametrize(
    "question",
    [
        "How do people actually use the learning budget?",
        "What did people on this team spend the learning budget on last year?",
        "How does the learning budget work in practice?",
        "What is your favourite use of the learning budget?",
        "How has the learning budget changed recently?",
        "How much vacation do people on your team really take?",
    ],
)
def test_experience_questions_are_never_answered(question: str) -> None:
    assert asks_experience(question)
    assert answer(index(*ALL), question) is None


def test_two_questions_in_one_are_not_answered_by_one_fact() -> None:
    assert answer(index(*ALL), "How much is the learning budget and who approves it?") is None


@pytest.mark.parametrize(
    "question",
    ["Do you match 401k contributions?", "How are salaries set?", "Is there a sabbatical?", "Who would I report to?"],
)
def test_what_the_material_does_not_speak_of_is_not_answered(question: str) -> None:
    assert answer(index(*ALL), question) is None


def test_a_sentence_without_a_vector_is_found_by_its_words_and_headings() -> None:
    leave = fact(9, "Fewer than 3 years: 4 hours per pay period.", "leave")
    leave = Fact(**{**leave.__dict__, "title": "Leave", "headings": ("Leave", "Annual leave")})
    facts = [leave, *BACKGROUND]
    vectors = real_model().embed([f.text for f in facts])
    vectors[0] = 0.0  # research embeds only sentences with a topic keyword
    found = FactIndex(facts, vectors).answer(
        "How much annual leave do I get?", real_model().embed(["How much annual leave do I get?"])[0]
    )
    assert found is not None and found.fact_id == leave.id


def test_no_facts_no_answer() -> None:
    assert FactIndex([], real_model().embed([])).answer("How much?", real_model().embed(["How much?"])[0]) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much is the learning budget?", "money"),
        ("What's the salary range?", "money"),
        ("What is the budget for conferences?", "money"),
        ("How long is parental leave?", "duration"),
        ("How many days of vacation do I get?", "duration"),
        ("How many engineers are on the team?", "count"),
        ("What percentage of staff work remotely?", "percent"),
        ("How much does the company match pension contributions?", "percent"),
        ("How big is it?", "any"),
        ("How does the team plan its work?", None),
        ("Is there a learning budget?", None),
    ],
)
def test_the_kind_of_number_a_question_asks_for(question: str, kind: str | None) -> None:
    assert wanted_quantity(question) == kind


@pytest.mark.parametrize(
    ("question", "experience"),
    [
        ("What is a typical day like?", True),
        ("Tell me about a time when a release went wrong.", True),
        ("What is the hardest part of the job?", True),
        ("How often do people take the full allowance?", True),
        # what happened, as a plan's own grounded questions ask it after quoting the handbook
        ("What did the last few on-call weeks look like for the person on duty?", True),
        ("How was the follow-up tracked?", True),
        ("What has the team done differently since?", True),
        ("How much is the learning budget?", False),
        ("How is pay set?", False),
        ("How long is parental leave?", False),
        ("What is the on-call policy?", False),
    ],
)
def test_asks_experience(question: str, experience: bool) -> None:
    assert asks_experience(question) is experience


@pytest.mark.parametrize(
    ("question", "two"),
    [
        ("How much is the budget and who approves it?", True),
        ("Is the budget per person or is it per team?", True),
        ("Do you use Kafka versus Pulsar?", True),
        ("What is the budget? Who approves it?", True),
        ("How much is the budget?", False),
        ("Is the role remote or hybrid?", False),
    ],
)
def test_asks_two_things(question: str, two: bool) -> None:
    assert asks_two_things(question) is two


def test_the_page_about_the_policy_is_cited_rather_than_a_passing_mention() -> None:
    def on(page: str, title: str, fact_id: int, text: str) -> Fact:
        return Fact(
            id=fact_id,
            text=text,
            source=page,
            title=title,
            headings=(title,),
            position=fact_id,
            topics=(),
            quantities=tuple(q.as_dict() for q in quantities(text)),
        )

    leave = [
        on("sick-leave.html", "Sick leave", 20, "Everyone earns 4 hours of sick leave every pay period."),
        on("sick-leave.html", "Sick leave", 21, "Sick leave can be used for medical and dental appointments."),
        on("sick-leave.html", "Sick leave", 22, "Unused sick leave carries over from one year to the next."),
    ]
    mention = on("travel.html", "Travel", 30, "Travel days never count against your sick leave or your vacation days.")
    found = answer(index(mention, *leave), "How much sick leave do I get?")
    assert found is not None and found.source == "sick-leave.html"
    assert found.quote == "Everyone earns 4 hours of sick leave every pay period."


def test_judgements_are_remembered_and_the_same_from_several_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The web app lints from several threads against one index; what it remembers (and
    forgets when full) never changes an answer."""
    from concurrent.futures import ThreadPoolExecutor

    from askback.plan import answered

    questions = [
        "How much is the learning budget?",
        "How long is parental leave?",
        "How many days of vacation do I get?",
        "Do you sponsor visas?",
        "What is a typical day like?",
    ]
    vectors = real_model().embed(questions)
    expected = [index(*ALL).answer(q, vectors[i]) for i, q in enumerate(questions)]
    monkeypatch.setattr(answered, "MAX_REMEMBERED", 2)  # forgets as it goes
    shared = index(*ALL)
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda i: shared.answer(questions[i % 5], vectors[i % 5]), range(40)))
    assert found == [expected[i % 5] for i in range(40)]
    assert expected[0] is not None and expected[0].fact_id == BUDGET.id
