"""The plan during the interview: tick, take notes, answer, reorder, find a follow-up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from askback.bank.loader import by_id
from askback.core.models import Plan
from askback.errors import NotFoundError, UsageError
from askback.plan import live
from askback.plan.service import prepare
from askback.runtime import Runtime, no_model
from askback.store import plans as plan_store
from askback.store.db import open_database


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan]:
    """One prepared plan in a database file that each test gets a fresh copy of."""
    path = tmp_path_factory.mktemp("live") / "askback.db"
    database = open_database(f"sqlite:///{path}")
    try:
        return path, prepare(Runtime(database, load_embedder=no_model), "Acme Robotics", minutes=15)
    finally:
        database.dispose()


@pytest.fixture
def runtime(prepared: tuple[Path, Plan], askback_home: Path) -> Iterator[Runtime]:
    """The prepared database, copied into this test's ASKBACK_HOME (the live view needs no model)."""
    askback_home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(prepared[0], askback_home / "askback.db")
    opened = Runtime.open(load_embedder=no_model)
    yield opened
    opened.close()


@pytest.fixture
def plan(runtime: Runtime, prepared: tuple[Path, Plan]) -> Plan:
    return live.get(runtime, prepared[1].id or 0)


def positions(runtime: Runtime, plan_id: int) -> list[tuple[int, str]]:
    """(position, kind) of every item, in position order, straight from the database."""
    with runtime.session() as session:
        return sorted((i.position, i.kind) for i in plan_store.plan_row(session, plan_id).items)


def assert_well_formed(runtime: Runtime, plan_id: int) -> None:
    """Positions run 0..n-1 and every main question comes before every backup."""
    found = positions(runtime, plan_id)
    assert [p for p, _ in found] == list(range(len(found)))
    kinds = [k for _, k in found]
    assert kinds == sorted(kinds, key=lambda k: k != "main")


def main_ids(runtime: Runtime, plan_id: int) -> list[int]:
    return [i.id for i in live.get(runtime, plan_id).main if i.id is not None]


def test_a_fresh_plan_is_well_formed(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    assert len(plan.main) == 6 and plan.backups
    assert_well_formed(runtime, plan.id)


# --- status and notes -------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["asked", "covered", "skipped", "open"])
def test_status_changes_are_kept(runtime: Runtime, plan: Plan, status: str) -> None:
    assert plan.id is not None
    item = plan.main[0]
    assert item.id is not None and item.status == "open"
    live.set_status(runtime, plan.id, item.id, status)
    assert live.get(runtime, plan.id).main[0].status == status


def test_an_unknown_status_is_refused(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None and plan.main[0].id is not None
    with pytest.raises(UsageError, match="status must be one of open, asked, covered, skipped, not 'done'"):
        live.set_status(runtime, plan.id, plan.main[0].id, "done")


def test_an_item_of_another_plan_is_not_found(runtime: Runtime, plan: Plan) -> None:
    other = prepare(runtime, "Globex", minutes=10)
    assert plan.id is not None and other.main[0].id is not None
    with pytest.raises(NotFoundError, match=f"plan {plan.id} has no item {other.main[0].id}"):
        live.set_status(runtime, plan.id, other.main[0].id, "asked")


def test_a_note_is_saved_and_survives_a_reopened_database(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    item = plan.main[1]
    assert item.id is not None
    before = datetime.now(UTC)
    saved_at = live.save_note(runtime, plan.id, item.id, "Team of 6; on-call is shared with platform.")
    assert before <= saved_at <= datetime.now(UTC)
    reopened = open_database()
    try:
        again = live.get(reopened, plan.id)
        assert again.main[1].note == "Team of 6; on-call is shared with platform."
        assert live.note_times(reopened, plan.id)[item.id] == saved_at
    finally:
        reopened.dispose()
    live.save_note(runtime, plan.id, item.id, "Rewritten.")
    assert live.get(runtime, plan.id).main[1].note == "Rewritten."


def test_a_note_at_the_limit_is_kept_and_one_over_is_refused(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None and plan.main[0].id is not None
    live.save_note(runtime, plan.id, plan.main[0].id, "x" * live.MAX_NOTE_CHARS)
    with pytest.raises(UsageError, match="a note can hold 100,000 characters; this one has 100,001"):
        live.save_note(runtime, plan.id, plan.main[0].id, "y" * (live.MAX_NOTE_CHARS + 1))
    assert live.get(runtime, plan.id).main[0].note == "x" * live.MAX_NOTE_CHARS
    with pytest.raises(UsageError, match="a note can hold 100,000 characters"):
        live.save_plan_notes(runtime, plan.id, "z" * (live.MAX_NOTE_CHARS + 1))


def test_plan_notes_are_saved(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    live.save_plan_notes(runtime, plan.id, "Overall: calm, specific answers.")
    assert live.get(runtime, plan.id).notes == "Overall: calm, specific answers."


# --- answers and ratings ----------------------------------------------------------------------


def test_a_new_answer_replaces_the_earlier_one_for_the_same_item(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    first, second = plan.main[0], plan.main[1]
    assert first.id is not None and second.id is not None
    live.record_answer(runtime, plan.id, "  Six people, two seniors.  ", 3, item_id=first.id)
    live.record_answer(runtime, plan.id, "Quarterly planning.", None, item_id=second.id)
    live.record_answer(runtime, plan.id, "Six people; the lead joined in May.", 4, item_id=first.id)
    answers = live.answers_for_plan(runtime, plan.id)
    assert {q: (a.text, a.rating, a.interviewer) for q, a in answers.items()} == {
        first.question_id: ("Six people; the lead joined in May.", 4, "hiring-manager"),
        second.question_id: ("Quarterly planning.", None, "hiring-manager"),
    }


def test_answers_in_another_plan_are_kept_apart(runtime: Runtime, plan: Plan) -> None:
    other = prepare(runtime, "Acme Robotics", interviewer="hiring-manager", minutes=15)
    assert plan.id is not None and other.id is not None
    assert plan.main[0].id is not None and other.main[0].id is not None
    live.record_answer(runtime, plan.id, "First round.", 3, item_id=plan.main[0].id)
    live.record_answer(runtime, other.id, "Second round.", 5, item_id=other.main[0].id)
    assert [a.text for a in live.answers_for_plan(runtime, plan.id).values()] == ["First round."]
    assert [a.text for a in live.answers_for_plan(runtime, other.id).values()] == ["Second round."]


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_a_rating_out_of_range_is_refused(runtime: Runtime, plan: Plan, rating: int) -> None:
    assert plan.id is not None and plan.main[0].id is not None
    with pytest.raises(UsageError, match=f"a rating is from 1 to 5, not {rating}"):
        live.record_answer(runtime, plan.id, "Fine.", rating, item_id=plan.main[0].id)


def test_ratings_by_category(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    for item, rating in zip(plan.main[:3], (2, 4, 5), strict=True):
        assert item.id is not None
        live.record_answer(runtime, plan.id, "An answer.", rating, item_id=item.id)
    answers = live.answers_for_plan(runtime, plan.id)
    expected: dict[str, list[int]] = {}
    for item, rating in zip(plan.main[:3], (2, 4, 5), strict=True):
        expected.setdefault(item.category, []).append(rating)
    assert live.rating_by_category(live.get(runtime, plan.id), answers) == {
        c: sum(r) / len(r) for c, r in expected.items()
    }
    live.rate_categories(runtime, plan.id, {"people": 4, "growth": 2})
    assert live.get(runtime, plan.id).category_ratings == {"people": 4, "growth": 2}
    with pytest.raises(UsageError, match="ratings are 1-5 per category id; got perks=3"):
        live.rate_categories(runtime, plan.id, {"perks": 3})


# --- editing the order ------------------------------------------------------------------------


def test_reorder_puts_the_main_questions_in_the_order_given(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    ids = main_ids(runtime, plan.id)
    backups = [i.id for i in plan.backups]
    live.reorder(runtime, plan.id, list(reversed(ids)))
    assert main_ids(runtime, plan.id) == list(reversed(ids))
    assert [i.id for i in live.get(runtime, plan.id).backups] == backups
    assert_well_formed(runtime, plan.id)


@pytest.mark.parametrize("change", ["missing", "duplicate", "backup"])
def test_reorder_needs_every_main_question_once(runtime: Runtime, plan: Plan, change: str) -> None:
    assert plan.id is not None
    ids = main_ids(runtime, plan.id)
    wrong = {"missing": ids[1:], "duplicate": [*ids[1:], ids[1]], "backup": [*ids[1:], plan.backups[0].id]}[change]
    with pytest.raises(UsageError, match="reorder needs every main question of the plan exactly once"):
        live.reorder(runtime, plan.id, wrong)  # type: ignore[arg-type]
    assert main_ids(runtime, plan.id) == ids


@pytest.mark.parametrize(
    ("at", "offset", "to"), [(0, 1, 1), (2, -1, 1), (0, -1, 0), (5, 1, 5), (1, 10, 5), (4, -10, 0)]
)
def test_move_up_and_down_stays_within_the_main_questions(
    runtime: Runtime, plan: Plan, at: int, offset: int, to: int
) -> None:
    assert plan.id is not None
    ids = main_ids(runtime, plan.id)
    live.move(runtime, plan.id, ids[at], offset)
    moved = main_ids(runtime, plan.id)
    assert moved.index(ids[at]) == to
    assert sorted(moved) == sorted(ids)
    assert_well_formed(runtime, plan.id)


def test_a_backup_cannot_be_moved(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None and plan.backups[0].id is not None
    with pytest.raises(UsageError, match=f"item {plan.backups[0].id} is not a main question of plan {plan.id}"):
        live.move(runtime, plan.id, plan.backups[0].id, -1)


def test_a_backup_swaps_in_for_the_question_it_stands_in_for(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    backup = plan.backups[0]
    assert backup.id is not None and backup.backup_for is not None
    target = next(i for i in plan.main if i.question_id == backup.backup_for)
    at = list(plan.main).index(target)
    live.swap_in_backup(runtime, plan.id, backup.id)
    after = live.get(runtime, plan.id)
    assert after.main[at].id == backup.id
    assert (after.main[at].kind, after.main[at].backup_for) == ("main", None)
    demoted = next(i for i in after.backups if i.id == target.id)
    assert demoted.backup_for == backup.question_id
    assert (len(after.main), len(after.backups)) == (len(plan.main), len(plan.backups))
    assert_well_formed(runtime, plan.id)


def test_a_backup_whose_question_was_removed_joins_the_end_of_the_main_questions(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    backup = plan.backups[0]
    target = next(i for i in plan.main if i.question_id == backup.backup_for)
    assert backup.id is not None and target.id is not None
    live.remove(runtime, plan.id, target.id)
    live.swap_in_backup(runtime, plan.id, backup.id)
    after = live.get(runtime, plan.id)
    assert after.main[-1].id == backup.id
    assert len(after.main) == len(plan.main)
    assert_well_formed(runtime, plan.id)


def test_only_a_backup_can_be_swapped_in(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None and plan.main[0].id is not None
    with pytest.raises(UsageError, match=f"item {plan.main[0].id} is not a backup"):
        live.swap_in_backup(runtime, plan.id, plan.main[0].id)


@pytest.mark.parametrize("which", ["first main", "last main", "a backup"])
def test_remove_keeps_positions_contiguous(runtime: Runtime, plan: Plan, which: str) -> None:
    assert plan.id is not None
    item = {"first main": plan.main[0], "last main": plan.main[-1], "a backup": plan.backups[0]}[which]
    assert item.id is not None
    live.remove(runtime, plan.id, item.id)
    after = live.get(runtime, plan.id)
    assert item.id not in {i.id for i in after.items}
    assert len(after.items) == len(plan.items) - 1
    assert_well_formed(runtime, plan.id)


def test_an_own_question_joins_the_end_of_the_main_questions(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    own = live.add_own(runtime, plan.id, "  How did the   Kafka migration go?  ", "processes", "tooling")
    assert own.question_id.startswith("own-")
    assert (own.text, own.category, own.subtopic, own.kind, own.reasons) == (
        "How did the Kafka migration go?",
        "processes",
        "tooling",
        "main",
        ("your own question",),
    )
    after = live.get(runtime, plan.id)
    assert after.main[-1].id == own.id
    assert [i.id for i in after.main[:-1]] == [i.id for i in plan.main]
    assert [i.id for i in after.backups] == [i.id for i in plan.backups]
    assert_well_formed(runtime, plan.id)


def test_an_empty_own_question_is_refused(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    with pytest.raises(UsageError, match="an empty question cannot be added"):
        live.add_own(runtime, plan.id, "   ", "processes", "tooling")


@pytest.mark.parametrize(
    ("category", "subtopic", "filed"),
    [
        ("processes", "tooling", ("processes", "tooling")),
        ("processes", "no-such-subtopic", None),
        (None, None, ("impact", "role-scope")),
        ("perks", None, ("impact", "role-scope")),
    ],
)
def test_own_question_topic(category: str | None, subtopic: str | None, filed: tuple[str, str] | None) -> None:
    found = live.own_question_topic(category, subtopic)
    if filed is None:
        assert found[0] == category and found[1] != subtopic
    else:
        assert found == filed


# --- time left and follow-ups -----------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "count"), [(0, 0), (2.4, 0), (2.5, 1), (7.5, 3), (60, 6)])
def test_keep_for_time_left_takes_the_best_open_questions(plan: Plan, minutes: float, count: int) -> None:
    kept = live.keep_for_time_left(plan, minutes)
    best = [i.id for i in sorted(plan.main, key=lambda i: -i.score)]
    assert kept == best[:count]


def test_keep_for_time_left_ignores_questions_already_asked(runtime: Runtime, plan: Plan) -> None:
    assert plan.id is not None
    best = sorted(plan.main, key=lambda i: -i.score)[0]
    assert best.id is not None
    live.set_status(runtime, plan.id, best.id, "asked")
    kept = live.keep_for_time_left(live.get(runtime, plan.id), 60)
    assert best.id not in kept and len(kept) == len(plan.main) - 1


def test_related_puts_the_plans_follow_ups_first(plan: Plan) -> None:
    item = next(i for i in plan.main if by_id()[i.question_id].follow_ups)
    follow_up = by_id()[item.question_id].follow_ups[0]
    found = live.related(plan, follow_up)
    assert found[0] == {"text": follow_up, "source": "follow-up", "category": item.category}
    assert len(found) <= 6
    assert len({f["text"] for f in found}) == len(found)


def test_related_finds_the_plan_question_from_its_words(plan: Plan) -> None:
    item = plan.main[0]
    found = live.related(plan, item.text)
    assert found[0] == {"text": item.text, "source": "plan", "category": item.category}


@pytest.mark.parametrize("words", ["", "   "])
def test_related_to_nothing_is_nothing(plan: Plan, words: str) -> None:
    assert live.related(plan, words) == []
