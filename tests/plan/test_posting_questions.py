"""Questions from a job posting: its stack at the technical stage, what it leaves out for the
recruiter, and never what it already says."""

from __future__ import annotations

from askback.core.jobs import Found, FoundSalary, Job, JobFields, Salary
from askback.core.models import Fact
from askback.plan.posting_questions import passes, posting_questions, ranked_stack

SOURCE = "job posting: Backend Engineer (backend.md)"


def job(**fields: object) -> Job:
    return Job(id=7, company="Acme", source="backend.md", title="Backend Engineer", fields=JobFields(**fields),  # type: ignore[arg-type]
               evidence_source=SOURCE)  # fmt: skip


STACK = (
    Found("Terraform", "We manage AWS with Terraform."),
    Found("Elasticsearch", "Search runs on Elasticsearch."),
    Found("Python", "Services are written in Python."),
)
ONCALL = (Found("on-call", "You will join the on-call rotation."),)


def texts(grounding_job: Job, role: str = "", facts: tuple[Fact, ...] = ()) -> dict[str, str]:
    found = posting_questions(grounding_job, facts, role)
    return {q.id: q.text for q in found.questions}


def test_the_stack_question_names_the_candidates_own_discipline_first() -> None:
    assert [f.value for f in ranked_stack(job(stack=STACK), "Senior Backend Engineer")] == [
        "Elasticsearch",
        "Python",
        "Terraform",
    ]
    assert ranked_stack(job(stack=STACK), "Site Reliability Engineer")[0].value == "Terraform"


def test_on_call_and_stack_make_the_issues_question() -> None:
    found = posting_questions(job(stack=STACK, practices=ONCALL), role="Backend Engineer")
    by_id = {q.id: q for q in found.questions}
    question = by_id["posting-7-stack-on-call"]
    assert question.text == "The posting lists Elasticsearch and an on-call rotation. What woke someone up last month?"
    assert question.stages == ("technical",) and "peer" in question.roles
    assert found.evidence[question.id] == (SOURCE, "You will join the on-call rotation.")


def test_a_fact_of_the_company_naming_the_same_technology_is_tied_in() -> None:
    fact = Fact(1, "We moved search to Elasticsearch in 2025.", "https://acme.example/engineering", "Eng", (), 0, ())
    found = texts(job(stack=STACK), "Backend Engineer", (fact,))
    assert found["posting-7-stack-with-fact"] == (
        "The posting lists Elasticsearch, and your engineering page mentions “we moved search to Elasticsearch in 2025”."
        " Where does that setup hurt most today?"
    )


def test_the_posting_itself_is_not_cited_as_company_material() -> None:
    own = Fact(2, "Search runs on Elasticsearch at scale.", SOURCE, "Posting", (), 0, ())
    assert "posting-7-stack-with-fact" not in texts(job(stack=STACK), "Backend", (own,))


def test_what_the_posting_leaves_out_is_asked_of_the_recruiter_early() -> None:
    found = posting_questions(job(stack=STACK))
    by_id = {q.id: q for q in found.questions}
    salary = by_id["posting-7-missing-salary"]
    assert salary.roles[0] == "recruiter" and salary.stages == ("screen",)
    assert salary.category == "essentials" and salary.subtopic == "compensation"
    assert "posting-7-missing-remote" in by_id


def test_what_the_posting_says_is_never_asked() -> None:
    stated = job(
        salary=FoundSalary(Salary(70_000, 85_000, "EUR", "year"), "Salary: €70-85k"),
        remote=Found("hybrid", "Hybrid, two days in Rotterdam."),
    )
    found = posting_questions(stated)
    ids = {q.id for q in found.questions}
    assert "posting-7-missing-salary" not in ids and "posting-7-missing-remote" not in ids
    assert found.answered["essentials-compensation-approved-range"] == (SOURCE, "Salary: €70-85k")
    assert found.answered["essentials-location-remote-office-attendance"] == (SOURCE, "Hybrid, two days in Rotterdam.")


def test_a_posting_without_a_stack_asks_no_stack_question() -> None:
    assert not [q for q in posting_questions(job()).questions if "stack" in q.id]


def test_every_template_passes_the_linters_text_checks() -> None:
    fact = Fact(1, "We moved search to Elasticsearch in 2025.", "https://acme.example/engineering", "Eng", (), 0, ())
    practices = (*ONCALL, Found("code review", "Every change gets a code review."))
    found = posting_questions(job(stack=STACK, practices=practices), (fact,))
    assert {q.id.removeprefix("posting-7-") for q in found.questions} == {
        "stack-on-call",
        "stack-with-fact",
        "stack-least-happy",
        "stack-practice",
        "missing-salary",
        "missing-remote",
        "missing-seniority",
        "missing-process",
    }
    assert all(passes(q.text) and q.form == "open" for q in found.questions)


def test_a_technical_plan_keeps_a_place_for_the_most_specific_stack_question() -> None:
    fact = Fact(1, "We moved search to Elasticsearch in 2025.", "https://acme.example/engineering", "Eng", (), 0, ())
    stated = {"salary": FoundSalary(Salary(1, 2, "EUR", "year"), "€1-2"), "remote": Found("remote", "Remote.")}
    found = posting_questions(job(stack=STACK, practices=ONCALL, **stated), (fact,))
    assert found.pinned[0] == "posting-7-stack-with-fact"
    assert posting_questions(job(stack=STACK, practices=ONCALL, **stated)).pinned[0] == "posting-7-stack-on-call"
    assert posting_questions(job()).pinned == ("posting-7-missing-salary", "posting-7-missing-remote")


def plan_with_posting(posting: Job, interviewer: str, stage: str) -> list[str]:
    from askback.bank.loader import load_bank
    from askback.core.models import Company, Profile
    from askback.plan.builder import Grounding, build_plan
    from askback.plan.posting_questions import merged
    from askback.plan.request import make_request

    profile = Profile(role="Backend Engineer", priorities={"mentoring": 3.0, "work-life-balance": 2.0})
    request = make_request(profile, interviewer=interviewer, stage=stage, minutes=15)
    grounding = merged(Grounding(), posting_questions(posting, role=profile.role), request.stage)
    plan = build_plan(load_bank(), request, Company(1, "acme", "Acme"), grounding=grounding)
    return [item.question_id for item in plan.main]


def test_a_technical_plan_with_a_peer_asks_about_the_posting_stack() -> None:
    chosen = plan_with_posting(job(stack=STACK, practices=ONCALL), "peer", "technical")
    assert "posting-7-stack-on-call" in chosen
    assert not any(q.startswith("posting-7-stack") for q in plan_with_posting(job(stack=STACK), "executive", "final"))


def test_the_screen_asks_what_the_posting_leaves_out_and_never_what_it_states() -> None:
    stated = job(salary=FoundSalary(Salary(70_000, 85_000, "EUR", "year"), "Salary: €70-85k"))
    chosen = plan_with_posting(stated, "recruiter", "screen")
    assert "essentials-compensation-approved-range" not in chosen
    assert "posting-7-missing-remote" in chosen and "posting-7-missing-salary" not in chosen
    assert "posting-7-missing-salary" in plan_with_posting(job(), "recruiter", "screen")


def test_the_stack_question_leaves_a_featured_subject_alone() -> None:
    from askback.core.models import ListenFor, Question
    from askback.plan.builder import Grounding
    from askback.plan.posting_questions import merged

    notes = Question("notes-1", "What is still hard about incidents?", "processes", "incidents", "open", ("peer",),
                     ("technical",), (), (), (), (), ListenFor((), ()), "research")  # fmt: skip
    grounding = Grounding(questions=(notes,), featured={"notes-1": "from your notes"})
    pay, remote = FoundSalary(Salary(1, 2, "EUR", "year"), "€1-2"), Found("remote", "Remote.")
    extra = posting_questions(job(stack=STACK, practices=ONCALL, salary=pay, remote=remote))
    chosen = merged(grounding, extra, "technical").featured
    assert chosen == {"notes-1": "from your notes", "posting-7-stack-least-happy": "from the job posting"}
