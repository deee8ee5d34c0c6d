"""The planner: which questions a candidate gets, in what order, and why."""

from __future__ import annotations

from collections import Counter

import pytest

from askback.bank.loader import load_bank
from askback.core import taxonomy
from askback.core.models import Answer, Company, ListenFor, Plan, Profile, Question
from askback.errors import UsageError
from askback.plan.builder import MAX_CROSS_CHECKS, Grounding, History, build_plan
from askback.plan.order import conversation_order
from askback.plan.request import make_request

COMPANY = Company(id=1, slug="acme-robotics", name="Acme Robotics")
# The demo candidate's priorities: what a typical user sets up.
TYPICAL = Profile(
    role="Backend engineer",
    priorities={"mentoring": 3.0, "work-life-balance": 2.0, "career-growth": 2.0, "remote": 1.0},
    signals=("team-player", "ownership"),
)
NO_HISTORY = History()
PAY_SUBTOPICS = {"compensation", "equity"}


@pytest.fixture(scope="module")
def bank() -> dict[str, Question]:
    return {q.id: q for q in load_bank()}


def plan_for(
    profile: Profile = TYPICAL,
    interviewer: str = "hiring-manager",
    stage: str | None = None,
    minutes: int = 15,
    history: History = NO_HISTORY,
) -> Plan:
    return build_plan(load_bank(), make_request(profile, interviewer, stage, minutes), COMPANY, history)


def answered_by(plan: Plan, interviewer: str) -> History:
    """Every main question of ``plan`` answered by ``interviewer``."""
    return History(tuple(Answer(i.question_id, interviewer, "A full answer.", 4, 1) for i in plan.main))


# --- size -----------------------------------------------------------------------------------


@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
@pytest.mark.parametrize(("minutes", "questions"), [(10, 4), (15, 6), (30, 12)])
def test_plan_fits_the_minutes(interviewer: str, minutes: int, questions: int) -> None:
    plan = plan_for(interviewer=interviewer, minutes=minutes)
    assert len(plan.main) == questions == int(minutes / 2.5)
    assert plan.minutes == minutes


# --- the right person ---------------------------------------------------------------------


@pytest.mark.parametrize("stage", taxonomy.STAGE_IDS)
@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
def test_every_question_can_be_answered_by_the_interviewer(
    bank: dict[str, Question], interviewer: str, stage: str
) -> None:
    plan = plan_for(interviewer=interviewer, stage=stage, minutes=30)
    assert plan.interviewer == interviewer and plan.stage == stage
    assert [i.question_id for i in plan.items if interviewer not in bank[i.question_id].roles] == []


@pytest.mark.parametrize("stage", taxonomy.STAGE_IDS)
def test_no_pay_or_equity_question_for_a_peer(stage: str) -> None:
    pay_first = Profile(priorities={"compensation": 5.0})
    plan = plan_for(pay_first, interviewer="peer", stage=stage, minutes=30)
    assert [i.question_id for i in plan.items if i.subtopic in PAY_SUBTOPICS] == []


@pytest.mark.parametrize(("interviewer", "stage"), [("hiring-manager", "team"), ("recruiter", "screen")])
def test_stage_defaults_to_where_the_interviewer_is_usually_met(interviewer: str, stage: str) -> None:
    assert plan_for(interviewer=interviewer).stage == stage


# --- priorities -----------------------------------------------------------------------------


def test_mentoring_priority_brings_more_self_development_questions() -> None:
    without = Counter(i.category for i in plan_for(Profile()).main)
    with_mentoring = plan_for(Profile(priorities={"mentoring": 3.0}))
    growth = [i for i in with_mentoring.main if i.category == "growth"]
    assert growth
    assert len(growth) > without["growth"]
    assert any(i.subtopic == "mentoring" for i in with_mentoring.main)


def test_compensation_priority_with_a_recruiter_at_screen_brings_essentials_on_pay() -> None:
    def pay_essentials(plan: Plan) -> list[str]:
        return [
            i.question_id
            for i in plan.main
            if i.category == "essentials" and any("probes your priority pay and benefits" in r for r in i.reasons)
        ]

    baseline = plan_for(Profile(), interviewer="recruiter", stage="screen")
    pay_first = plan_for(Profile(priorities={"compensation": 3.0}), interviewer="recruiter", stage="screen")
    assert pay_essentials(baseline) == []
    assert len(pay_essentials(pay_first)) >= 1


@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
def test_plan_covers_at_least_four_categories(interviewer: str) -> None:
    plan = plan_for(interviewer=interviewer, minutes=15)
    categories = {i.category for i in plan.main}
    assert len(categories) >= 4, sorted(categories)


@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
def test_no_question_appears_twice(interviewer: str) -> None:
    plan = plan_for(interviewer=interviewer, minutes=30)
    ids = [i.question_id for i in plan.items]
    texts = [i.text for i in plan.items]
    assert len(ids) == len(set(ids))
    assert len(texts) == len(set(texts))


# --- order ----------------------------------------------------------------------------------


@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
def test_questions_follow_the_conversation_order(interviewer: str) -> None:
    plan = plan_for(interviewer=interviewer, minutes=30)
    positions = [taxonomy.subtopic(i.subtopic).order for i in plan.main]
    assert positions == sorted(positions)
    kinds = [i.kind for i in plan.items]
    assert kinds == sorted(kinds, key=lambda k: k != "main"), "backups come after every main question"


def test_conversation_order_puts_people_and_role_first_and_next_steps_last() -> None:
    shuffled = ["hiring-process", "strategy", "compensation", "mentoring", "role-scope", "team-composition", "planning"]
    assert conversation_order(shuffled, lambda s: s) == [
        "team-composition",
        "role-scope",
        "planning",
        "mentoring",
        "strategy",
        "compensation",
        "hiring-process",
    ]


# --- backups --------------------------------------------------------------------------------


def check_backups(plan: Plan) -> None:
    """Backups stand in for a main question, in its category unless the bank has none left there."""
    main_ids = {i.question_id: i for i in plan.main}
    assert 3 <= len(plan.backups) <= 5
    bank = {q.id: q for q in load_bank()}
    chosen = {i.question_id for i in plan.items}
    for backup in plan.backups:
        assert backup.question_id not in main_ids
        assert backup.backup_for in main_ids
        target = main_ids[backup.backup_for]
        same_left = [
            q
            for q in bank.values()
            if q.category == target.category and plan.interviewer in q.roles and q.id not in chosen
        ]
        assert backup.category == target.category or not same_left
        assert any(f"stands in for {backup.backup_for}" in r for r in backup.reasons)


@pytest.mark.parametrize(
    "minutes",
    [
        3,
        10,
        15,
        30,
    ],
)
def test_three_to_five_backups_in_the_same_category(minutes: int) -> None:
    check_backups(plan_for(minutes=minutes))


@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
def test_every_interviewer_gets_backups(interviewer: str) -> None:
    check_backups(plan_for(interviewer=interviewer))


# --- explanations and rendering ---------------------------------------------------------------


def test_every_choice_is_explained() -> None:
    plan = plan_for(Profile(priorities={"mentoring": 3.0}))
    assert all(i.reasons and all(r.strip() for r in i.reasons) for i in plan.items)
    mentoring = [i for i in plan.main if i.subtopic == "mentoring"]
    assert mentoring
    assert all(any("probes your priority mentoring" in r for r in i.reasons) for i in mentoring)


def test_reasons_say_who_answers_best_and_the_stage() -> None:
    plan = plan_for(interviewer="recruiter", stage="screen")
    for item in plan.main:
        assert (
            "a recruiter is the best person to answer it" in item.reasons or "a recruiter can answer it" in item.reasons
        )


def test_company_slot_is_filled_with_the_company_name(bank: dict[str, Question]) -> None:
    items = [i for role in taxonomy.ROLE_IDS for i in plan_for(interviewer=role, minutes=30).items]
    templated = [i for i in items if "{company}" in bank[i.question_id].text]
    assert templated, "no plan used a {company} question; pick other inputs"
    for item in templated:
        assert item.text == bank[item.question_id].text.replace("{company}", "Acme Robotics")
    assert [i.text for i in items if "{" in i.text or "}" in i.text] == []


def test_same_inputs_give_the_same_plan() -> None:
    assert plan_for(minutes=20) == plan_for(minutes=20)
    assert [i.question_id for i in plan_for(minutes=20).items] == [i.question_id for i in plan_for(minutes=20).items]


# --- earlier rounds -------------------------------------------------------------------------


def test_questions_answered_by_the_same_interviewer_are_left_out() -> None:
    first = plan_for()
    answered = {i.question_id for i in first.main}
    second = plan_for(history=answered_by(first, "hiring-manager"))
    assert len(second.main) == len(first.main)
    assert answered.isdisjoint(i.question_id for i in second.items)
    assert not any(i.cross_check for i in second.items)


def test_blank_answers_do_not_count_as_answered() -> None:
    first = plan_for()
    blank = History(tuple(Answer(i.question_id, "recruiter", "   ") for i in first.main))
    assert plan_for(history=blank) == first


def test_answers_from_another_interviewer_come_back_as_cross_checks() -> None:
    screen = plan_for(interviewer="recruiter", stage="screen")
    answered = {i.question_id for i in screen.main}
    plan = plan_for(history=answered_by(screen, "recruiter"))
    checks = [i for i in plan.items if i.cross_check]
    assert 1 <= len(checks) <= MAX_CROSS_CHECKS == 2
    for item in checks:
        assert item.kind == "main"
        assert item.question_id in answered
        assert any("cross-check" in r and "recruiter" in r for r in item.reasons)
    others = [i.question_id for i in plan.items if not i.cross_check]
    assert answered.isdisjoint(others)


def test_no_cross_check_once_this_interviewer_has_answered_too() -> None:
    screen = plan_for(interviewer="recruiter", stage="screen")
    both = History(answered_by(screen, "recruiter").answers + answered_by(screen, "hiring-manager").answers)
    plan = plan_for(history=both)
    assert not any(i.cross_check for i in plan.items)
    assert {i.question_id for i in screen.main}.isdisjoint(i.question_id for i in plan.items)


def test_never_more_than_two_cross_checks() -> None:
    long_screen = plan_for(interviewer="recruiter", stage="screen", minutes=60)
    plan = plan_for(minutes=60, history=answered_by(long_screen, "recruiter"))
    assert sum(i.cross_check for i in plan.items) == 2


def test_history_plan_is_deterministic() -> None:
    history = answered_by(plan_for(interviewer="recruiter", stage="screen"), "recruiter")
    assert plan_for(history=history) == plan_for(history=history)


# --- bad requests ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"interviewer": "cto"}, "unknown interviewer 'cto'"),
        ({"stage": "lunch"}, "unknown stage 'lunch'"),
        ({"minutes": 0}, "--minutes must be between 3 and 120, not 0"),
        ({"minutes": 121}, "--minutes must be between 3 and 120, not 121"),
        ({"profile": Profile(priorities={"money": 1.0})}, "unknown priority 'money'"),
        ({"profile": Profile(signals=("charisma",))}, "unknown signal 'charisma'"),
    ],
)
def test_bad_requests_are_usage_errors(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"profile": Profile()} | kwargs
    with pytest.raises(UsageError, match=message):
        make_request(**args)  # type: ignore[arg-type]


# --- variety and research -------------------------------------------------------------------


@pytest.mark.parametrize("interviewer", taxonomy.ROLE_IDS)
def test_no_two_main_questions_share_a_subtopic_or_three_a_priority(interviewer: str) -> None:
    plan = plan_for(interviewer=interviewer, minutes=30)
    subtopics = Counter(i.subtopic for i in plan.main)
    assert max(subtopics.values()) == 1, subtopics
    by_id = {q.id: q for q in load_bank()}
    probed = Counter(p for i in plan.main for p in by_id[i.question_id].priorities)
    assert max(probed.values(), default=0) <= 2, probed


def grounded(i: int, subtopic: str, category: str) -> Question:
    return Question(
        id=f"grounded-x-{i}",
        text=f"Your handbook says “fact number {i}”. How does that play out on this team in practice?",
        category=category,
        subtopic=subtopic,
        form="open",
        roles=("hiring-manager",),
        stages=("team",),
        signals=(),
        priorities=(),
        googleable=(),
        follow_ups=("What changed?",),
        listen_for=ListenFor(("a real example",), ("none",)),
        source="research",
    )


def test_with_research_at_least_half_the_main_questions_cite_it() -> None:
    # Weak grounded questions (no priority, no signal): they win only through the quota.
    questions = [
        grounded(1, "tooling", "processes"),
        grounded(2, "strategy", "impact"),
        grounded(3, "social", "fun"),
        grounded(4, "benefits", "essentials"),
    ]
    grounding = Grounding(
        questions=tuple(questions), evidence={q.id: ("handbook.md", f"Fact {q.id}.") for q in questions}
    )
    request = make_request(TYPICAL, "hiring-manager", None, 15)
    plan = build_plan(load_bank(), request, COMPANY, NO_HISTORY, grounding)
    cited = [i for i in plan.main if i.evidence]
    assert len(cited) >= len(plan.main) / 2, [i.text for i in plan.main]
    assert len({i.subtopic for i in plan.main}) == len(plan.main)


def test_a_question_the_research_answers_is_left_out_even_when_grounded() -> None:
    question = grounded(1, "tooling", "processes")
    grounding = Grounding(
        questions=(question,),
        evidence={question.id: ("handbook.md", "Fact.")},
        answered={question.id: ("handbook.md", "Fact.")},
    )
    plan = build_plan(load_bank(), make_request(TYPICAL, "hiring-manager", None, 15), COMPANY, NO_HISTORY, grounding)
    assert question.id not in {i.question_id for i in plan.items}
