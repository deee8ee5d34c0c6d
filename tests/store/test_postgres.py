"""The services on SQLite and on PostgreSQL alike, and what a server database adds.

Every test that takes ``runtime`` runs on both backends (see conftest.py): research a folder and
re-research it, build a plan and work on it live, lint against the research, run research
jobs in the worker pool. Then what only shows with a server or several processes: opening a
new database from several processes at once, a migration failing half-way, a server that is
not there, a password that must not be shown.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import alembic.op
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from research.shared import copy_handbook
from sqlalchemy import inspect, select, text

from askback.errors import StoreError
from askback.plan import live
from askback.plan.lint import lint_questions
from askback.plan.service import prepare
from askback.research.jobs import JobQueue
from askback.research.service import research
from askback.runtime import Runtime
from askback.store import companies
from askback.store import research as store
from askback.store.db import HEAD_REVISION, Database, _engine, current_revision, open_database
from askback.store.models import FactRow, PageRow

if TYPE_CHECKING:
    from store.conftest import PostgresServer

COMPANY = "Acme Robotics"


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return copy_handbook(tmp_path / "handbook")


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The address of a database nobody has opened yet (no tables, no migrations)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new' / 'askback.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name, url = server.fresh_database(migrated=False)
    yield url
    server.drop_database(name)


# --- research ---------------------------------------------------------------------------------


def test_research_a_folder_then_only_what_changed(runtime: Runtime, handbook: Path) -> None:
    first = research(runtime, COMPANY, [str(handbook)])
    assert (first.pages_new, first.pages_changed, first.pages_unchanged) == (6, 0, 0)
    assert first.facts > 10
    with runtime.session() as session:
        company = companies.get(session, COMPANY)
        facts = store.facts(session, company.id)
        assert store.counts(session, company.id) == (6, first.facts)
    assert any(f.quantities for f in facts)
    assert all(f.topics and f.source for f in facts)

    (handbook / "engineering.md").write_text("# Engineering\n\nWe deploy to production twenty times a day.\n")
    (handbook / "remote.txt").unlink()
    again = research(runtime, COMPANY, [str(handbook)])

    assert (again.pages_new, again.pages_changed, again.pages_unchanged, again.pages_removed) == (0, 1, 4, 1)
    with runtime.session() as session:
        refs = sorted(session.scalars(select(PageRow.ref)))
        assert "remote.txt" not in refs and len(refs) == 5
        positions = session.execute(select(FactRow.page_id, FactRow.position)).all()
        assert len(positions) == len(set(positions))


def test_research_jobs_run_in_the_worker_pool(runtime: Runtime, tmp_path: Path) -> None:
    """Two companies at once, sharing sentences (and so sentence vectors), plus a re-run of one."""
    queue = JobQueue(runtime, workers=2)
    try:
        first = queue.submit("Acme Robotics", [str(copy_handbook(tmp_path / "acme"))])
        second = queue.submit("Globex", [str(copy_handbook(tmp_path / "globex"))])
        again = queue.submit("acme robotics", [str(tmp_path / "acme")])
        done = [queue.wait(job.id, timeout=120) for job in (first, second, again)]
    finally:
        queue.shutdown()
    assert [j.state for j in done] == ["done", "done", "done"], [j.error for j in done]
    assert done[0].summary is not None and done[0].summary["pages_new"] == 6
    assert done[2].summary is not None and done[2].summary["pages_unchanged"] == 6
    assert done[2].started_at is not None and done[0].finished_at is not None
    assert done[2].started_at >= done[0].finished_at  # one job per company at a time
    with runtime.session() as session:
        for name in ("Acme Robotics", "Globex"):
            assert store.counts(session, companies.get(session, name).id)[0] == 6


# --- plans, the live interview and the linter -------------------------------------------------


def test_a_plan_from_research_worked_on_live(runtime: Runtime, handbook: Path) -> None:
    research(runtime, COMPANY, [str(handbook)])
    plan = prepare(runtime, COMPANY, interviewer="hiring-manager", minutes=15, priorities={"mentoring": 3.0})
    assert plan.id is not None and len(plan.main) >= 5 and plan.backups
    main = [i.id for i in plan.main if i.id is not None]

    live.move(runtime, plan.id, main[2], -1)
    assert [i.id for i in live.get(runtime, plan.id).main][:3] == [main[0], main[2], main[1]]
    live.set_status(runtime, plan.id, main[0], "covered")
    live.save_note(runtime, plan.id, main[0], "Pairs daily; «mentoring» is real — 良い")
    live.record_answer(runtime, plan.id, "Every new joiner gets a buddy.", 5, item_id=main[0])
    live.rate_categories(runtime, plan.id, {"growth": 5})
    own = live.add_own(runtime, plan.id, "How do you  decide what to automate?", "processes", "tooling")
    backup = plan.backups[0]
    assert backup.id is not None
    live.swap_in_backup(runtime, plan.id, backup.id)
    live.remove(runtime, plan.id, main[-1])

    after = live.get(runtime, plan.id)
    order = [i.id for i in after.main]
    assert own.id in order and own.text == "How do you decide what to automate?"
    assert backup.id in order and main[-1] not in [i.id for i in after.items]
    first = next(i for i in after.items if i.id == main[0])
    assert (first.status, first.note) == ("covered", "Pairs daily; «mentoring» is real — 良い")
    assert after.category_ratings == {"growth": 5}
    assert live.answers_for_plan(runtime, plan.id)[first.question_id].rating == 5


def test_lint_against_the_research(runtime: Runtime, handbook: Path) -> None:
    research(runtime, COMPANY, [str(handbook)])
    questions = ["Is there a learning budget?", "How does on-call work for a new joiner in their first month?"]

    results = lint_questions(runtime, questions, company=COMPANY, interviewer="peer", stage="team")

    assert [r.text for r in results] == questions
    assert "closed" in results[0].codes()


_PLANS: dict[int, tuple[int, int]] = {}


def _note_slot(runtime: Runtime) -> tuple[int, int]:
    """One plan item per database, made the first time a hypothesis example needs it."""
    if id(runtime) not in _PLANS:
        plan = prepare(runtime, COMPANY, interviewer="peer", minutes=10)
        assert plan.id is not None and plan.items[0].id is not None
        _PLANS[id(runtime)] = (plan.id, plan.items[0].id)
    return _PLANS[id(runtime)]


NOTE_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=NOTE_TEXT)
@example(note="Priya 👩🏽‍💻 leads; מי מחליט? ثم ماذا؟ 三人 e\u0301te\u0301 \u200f\u202e tabs\tand\r\nlines")
@example(note="x" * 20_000)
def test_notes_in_any_script_are_kept_exactly(runtime: Runtime, note: str) -> None:
    plan_id, item_id = _note_slot(runtime)
    live.save_note(runtime, plan_id, item_id, note)
    live.save_plan_notes(runtime, plan_id, note[::-1])
    again = live.get(runtime, plan_id)
    assert next(i.note for i in again.items if i.id == item_id) == note
    assert again.notes == note[::-1]


def test_a_nul_character_is_dropped_the_same_way_on_every_database(runtime: Runtime) -> None:
    """PostgreSQL's text cannot hold NUL; askback drops it everywhere, so a note saves on both."""
    plan_id, item_id = _note_slot(runtime)
    live.save_note(runtime, plan_id, item_id, "a\x00b")
    assert next(i.note for i in live.get(runtime, plan_id).items if i.id == item_id) == "ab"


# --- opening a database -----------------------------------------------------------------------


def test_several_processes_opening_a_new_database_migrate_it_once(new_database_url: str) -> None:
    opened: list[Database] = []
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def open_it() -> None:
        start.wait()
        try:
            opened.append(open_database(new_database_url))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(opened) == 3
    with opened[0].engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD_REVISION]
    for database in opened:
        database.dispose()


def test_a_migration_failing_half_way_leaves_the_database_as_it_was(
    new_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without one transaction, the tables made before the failure would stay, and every later
    open would fail on "table companies already exists"."""
    real = alembic.op.create_table
    made: list[str] = []

    def create_table(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "plans":
            raise RuntimeError("the disk went away")
        made.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(alembic.op, "create_table", create_table)
    with pytest.raises(RuntimeError, match="the disk went away"):
        open_database(new_database_url)
    monkeypatch.undo()
    assert made == ["companies", "profiles"]
    probe = _engine(new_database_url)
    try:
        assert inspect(probe).get_table_names() == []
    finally:
        probe.dispose()

    database = open_database(new_database_url)
    try:
        assert current_revision(database.engine) == HEAD_REVISION
    finally:
        database.dispose()


def test_a_server_that_is_not_there_is_a_store_error(postgres_server: PostgresServer) -> None:
    url = f"postgresql+psycopg://askback:hunter2@127.0.0.1:{_closed_port()}/askback"
    with pytest.raises(StoreError) as raised:
        open_database(url)
    message = str(raised.value)
    assert message.startswith("cannot open the database at postgresql+psycopg://askback:***@127.0.0.1:")
    assert "cannot reach the database server" in message
    assert "hunter2" not in message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgres+nosuchdriver://x/y", r"cannot use the database at postgres\+nosuchdriver://x/y: Can't load plugin"),
        ("not a url", r"'not a url' is not a database URL \(ASKBACK_DATABASE_URL: sqlite:///PATH or postgresql"),
    ],
)
def test_a_bad_database_url_is_a_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_database(url)


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
