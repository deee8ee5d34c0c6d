"""The question bank: what ships in the package, and the schema that guards it."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from askback.bank.loader import load_bank
from askback.core import taxonomy
from askback.core.models import Question
from askback.errors import BankError


@pytest.fixture(scope="module")
def bank() -> tuple[Question, ...]:
    return load_bank()


# --- what ships -------------------------------------------------------------------------


def test_bank_loads_enough_questions(bank: tuple[Question, ...]) -> None:
    assert len(bank) >= 350


@pytest.mark.parametrize("category", taxonomy.CATEGORY_IDS)
def test_every_category_has_at_least_30_questions(bank: tuple[Question, ...], category: str) -> None:
    assert sum(q.category == category for q in bank) >= 30


def test_almost_every_question_is_open(bank: tuple[Question, ...]) -> None:
    open_share = sum(q.form == "open" for q in bank) / len(bank)
    assert open_share >= 0.95, [q.id for q in bank if q.form != "open"]


def test_ids_are_unique(bank: tuple[Question, ...]) -> None:
    counts = Counter(q.id for q in bank)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_question_has_follow_ups_and_what_to_listen_for(bank: tuple[Question, ...]) -> None:
    bad = [
        q.id
        for q in bank
        if not 1 <= len(q.follow_ups) <= 2
        or not q.listen_for.good
        or not q.listen_for.red_flag
        or not all(f.strip() for f in q.follow_ups)
    ]
    assert bad == []


def test_every_question_is_filed_under_its_own_category(bank: tuple[Question, ...]) -> None:
    assert [q.id for q in bank if taxonomy.category_of_subtopic(q.subtopic) != q.category] == []


@pytest.mark.parametrize(
    ("category", "subtopic"),
    [(c.id, s.id) for c in taxonomy.CATEGORIES for s in c.subtopics],
)
def test_every_subtopic_has_at_least_three_questions(bank: tuple[Question, ...], category: str, subtopic: str) -> None:
    assert sum(q.category == category and q.subtopic == subtopic for q in bank) >= 3


@pytest.mark.parametrize("role", taxonomy.ROLE_IDS)
def test_every_interviewer_can_be_asked_across_five_categories(bank: tuple[Question, ...], role: str) -> None:
    """A plan for any interviewer can spread: at least 3 questions in each of 5 categories."""
    per_category = Counter(q.category for q in bank if role in q.roles)
    deep_enough = sorted(c for c, n in per_category.items() if n >= 3)
    assert len(deep_enough) >= 5, dict(per_category)


@pytest.mark.parametrize("priority", taxonomy.PRIORITY_IDS)
def test_every_priority_is_probed_by_some_questions(bank: tuple[Question, ...], priority: str) -> None:
    """Naming a priority on the command line always finds questions that probe it directly."""
    assert sum(priority in q.priorities for q in bank) >= 3


# --- the schema --------------------------------------------------------------------------

VALID: dict[str, Any] = {
    "id": "growth-test-mentor-setup",
    "text": "How is mentoring set up for new people at {company}?",
    "subtopic": "mentoring",
    "form": "open",
    "roles": ["hiring-manager", "peer"],
    "stages": ["team"],
    "signals": ["growth-mindset"],
    "priorities": ["mentoring"],
    "googleable": ["learning-budget"],
    "follow_ups": ["What happened with the last person who joined?"],
    "listen_for": {"good": ["a named mentor"], "red_flag": ["'you figure it out'"]},
}


def write_bank(folder: Path, questions: list[dict[str, Any]], category: str = "growth", name: str = "growth") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"category": category, "questions": questions}, sort_keys=False), encoding="utf-8")
    return path


def changed(**changes: Any) -> dict[str, Any]:
    question = copy.deepcopy(VALID)
    for key, value in changes.items():
        if value is None:
            del question[key]
        else:
            question[key] = value
    return question


def test_a_valid_file_loads_into_questions(tmp_path: Path) -> None:
    write_bank(tmp_path, [VALID])
    (question,) = load_bank(tmp_path)
    assert question.id == "growth-test-mentor-setup"
    assert question.category == "growth"
    assert question.roles == ("hiring-manager", "peer")
    assert question.follow_ups == ("What happened with the last person who joined?",)
    assert question.listen_for.red_flag == ("'you figure it out'",)
    assert question.render("Acme") == "How is mentoring set up for new people at Acme?"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            changed(roles=["hiring-manager", "cto"]),
            ["question 'growth-test-mentor-setup': field 'roles'", "unknown role 'cto'"],
        ),
        (changed(stages=["lunch"]), ["question 'growth-test-mentor-setup': field 'stages'", "unknown stage 'lunch'"]),
        (
            changed(priorities=["money"]),
            ["question 'growth-test-mentor-setup': field 'priorities'", "unknown priority 'money'"],
        ),
        (
            changed(signals=["charisma"]),
            ["question 'growth-test-mentor-setup': field 'signals'", "unknown signal 'charisma'"],
        ),
        (
            changed(googleable=["gossip"]),
            ["question 'growth-test-mentor-setup': field 'googleable'", "unknown research topic 'gossip'"],
        ),
        (
            changed(text="Tell me how mentoring is set up here."),
            ["question 'growth-test-mentor-setup': field 'text'", "question mark"],
        ),
        (
            changed(text="How is mentoring set up for {foo} people?"),
            ["question 'growth-test-mentor-setup': field 'text'", "{foo}"],
        ),
        (
            changed(subtopic="no-such-subtopic"),
            ["question 'growth-test-mentor-setup': field 'subtopic'", "unknown subtopic"],
        ),
        (changed(subtopic="compensation"), ["growth-test-mentor-setup", "'compensation' is not in category 'growth'"]),
        (changed(follow_ups=[]), ["question 'growth-test-mentor-setup': field 'follow_ups'"]),
        (changed(follow_ups=["One?", "Two?", "Three?"]), ["question 'growth-test-mentor-setup': field 'follow_ups'"]),
        (changed(follow_ups=None), ["question 'growth-test-mentor-setup': field 'follow_ups'"]),
        (
            changed(listen_for={"good": [], "red_flag": ["x"]}),
            ["question 'growth-test-mentor-setup': field 'listen_for.good'"],
        ),
        (changed(listen_for={"good": ["x"]}), ["question 'growth-test-mentor-setup': field 'listen_for.red_flag'"]),
        (changed(roles=["peer", "peer"]), ["question 'growth-test-mentor-setup': field 'roles'", "listed twice"]),
        (changed(form="rhetorical"), ["question 'growth-test-mentor-setup': field 'form'"]),
        (changed(answer="Everyone gets a buddy."), ["question 'growth-test-mentor-setup': field 'answer'"]),
        (changed(id="Growth Mentor"), ["Growth Mentor", "lower-case"]),
        (changed(id="people-mentor-setup"), ["people-mentor-setup", "start with 'growth-'"]),
    ],
    ids=[
        "unknown-role",
        "unknown-stage",
        "unknown-priority",
        "unknown-signal",
        "unknown-research-topic",
        "missing-question-mark",
        "unknown-slot",
        "unknown-subtopic",
        "subtopic-of-another-category",
        "no-follow-up",
        "three-follow-ups",
        "follow-ups-missing",
        "no-good-sign",
        "no-red-flag",
        "duplicate-role",
        "unknown-form",
        "unknown-field",
        "badly-shaped-id",
        "id-of-another-category",
    ],
)
def test_schema_rejects_bad_questions_naming_id_and_field(
    tmp_path: Path, question: dict[str, Any], expected: list[str]
) -> None:
    write_bank(tmp_path, [VALID | {"id": "growth-test-fine-one"}, question])
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'growth.yaml'}: ")
    for part in expected:
        assert part in message


def test_unknown_category_is_rejected(tmp_path: Path) -> None:
    write_bank(tmp_path, [VALID], category="perks")
    with pytest.raises(BankError, match=r"growth\.yaml: field 'category': unknown category 'perks'"):
        load_bank(tmp_path)


def test_duplicate_id_across_files_names_both_files(tmp_path: Path) -> None:
    write_bank(tmp_path, [VALID], name="a-growth")
    write_bank(tmp_path, [VALID], name="b-growth")
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    message = str(caught.value)
    assert "growth-test-mentor-setup" in message
    assert "a-growth.yaml" in message
    assert "b-growth.yaml" in message


def test_invalid_yaml_is_a_bank_error(tmp_path: Path) -> None:
    (tmp_path / "growth.yaml").write_text("category: growth\nquestions:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"growth\.yaml: not valid YAML"):
        load_bank(tmp_path)


def test_a_file_that_is_not_a_mapping_is_a_bank_error(tmp_path: Path) -> None:
    (tmp_path / "growth.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"growth\.yaml: "):
        load_bank(tmp_path)


def test_an_empty_folder_is_a_bank_error(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="no questions found"):
        load_bank(tmp_path)


def test_every_bank_question_passes_the_linter_s_text_checks() -> None:
    """The bank is held to the same standard as a user's questions."""
    from askback.nlp.form import question_form
    from askback.plan import checks

    failing = [
        (q.id, p.code)
        for q in load_bank()
        for p in (
            checks.double_barrelled(q.text),
            checks.too_long(q.text),
            checks.leading(q.text),
            checks.private_life(q.text),
            checks.not_a_question(q.text),
        )
        if p is not None
    ]
    failing += [(q.id, "closed") for q in load_bank() if q.form == "open" and question_form(q.text) != "open"]
    assert failing == []
