"""The database under faults: busy, read-only, unreachable, full. Nothing saved is lost, and the
user reads one line saying what happened, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from askback import config
from askback.errors import StoreError
from askback.plan import live
from askback.plan.service import prepare
from askback.runtime import Runtime, no_model
from askback.store import companies
from askback.store import db as store_db
from askback.store.db import open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def quick_db(askback_home: Path) -> Iterator[Runtime]:
    """A runtime over the test's database with SQLite waiting only 0.1 s for a lock on each attempt."""
    runtime = Runtime(open_database(busy_timeout=0.1), load_embedder=no_model)
    yield runtime
    runtime.close()


def make_plan(runtime: Runtime) -> tuple[int, list[int]]:
    plan = prepare(runtime, "Acme Robotics", interviewer="peer", minutes=10)
    assert plan.id is not None
    return plan.id, [i.id for i in plan.items if i.id is not None]


def hold_write_lock(path: Path, seconds: float, started: threading.Event) -> None:
    """Another process's long write: take SQLite's write lock, write, and keep it a while."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE companies SET about = 'busy elsewhere'")
        started.set()
        time.sleep(seconds)
        other.execute("COMMIT")
    finally:
        other.close()


def notes(runtime: Runtime, plan_id: int) -> list[str]:
    return [i.note for i in live.get(runtime, plan_id).items]


# --- busy -------------------------------------------------------------------------------------


def test_a_write_waits_while_another_connection_holds_the_lock(quick_db: Runtime, askback_home: Path) -> None:
    """SQLite alone would give up after its 0.1 s busy timeout; the retries wait it out."""
    plan_id, items = make_plan(quick_db)
    started = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(askback_home / "askback.db", 0.8, started))
    holder.start()
    started.wait(5)
    began = time.monotonic()

    live.save_note(quick_db, plan_id, items[0], "typed while the research job was writing")

    holder.join()
    assert time.monotonic() - began >= 0.5
    assert notes(quick_db, plan_id)[0] == "typed while the research job was writing"
    with quick_db.session() as session:
        assert companies.get(session, "Acme Robotics").about == "busy elsewhere"


def test_a_database_locked_for_too_long_is_a_clear_error_and_keeps_what_was_saved(
    quick_db: Runtime, askback_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "LOCK_ATTEMPTS", 3)
    plan_id, items = make_plan(quick_db)
    live.save_note(quick_db, plan_id, items[0], "saved before")
    started = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(askback_home / "askback.db", 3.0, started))
    holder.start()
    started.wait(5)
    try:
        with pytest.raises(StoreError) as raised:
            live.save_note(quick_db, plan_id, items[0], "lost in the lock")
    finally:
        holder.join()
    assert str(raised.value) == (
        "the database is busy: another askback process kept it locked; nothing was changed, try again "
        f"(database: {askback_home / 'askback.db'})"
    )
    assert notes(quick_db, plan_id)[0] == "saved before"


def test_opening_a_new_database_waits_for_another_writer(askback_home: Path) -> None:
    """The migration waits for the lock (another process opening the same new database)."""
    askback_home.mkdir(parents=True)
    path = askback_home / "askback.db"
    path.touch()  # an empty file is an empty SQLite database
    started = threading.Event()

    def other_writer() -> None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        started.set()
        time.sleep(0.8)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=other_writer)
    holder.start()
    started.wait(5)
    try:
        database = open_database(busy_timeout=0.1)
    finally:
        holder.join()
    try:
        assert store_db.current_revision(database.engine) == store_db.HEAD_REVISION
    finally:
        database.dispose()


# --- read-only, unreachable, full -------------------------------------------------------------


def run_askback(
    *args: str, env: dict[str, str] | None = None, user: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [*(user or []), sys.executable, "-m", "askback", *args]
    environment = {**os.environ, **(env or {})}
    environment.pop("ASKBACK_DEBUG", None)
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120, check=False)


def assert_clean_error(done: subprocess.CompletedProcess[str], message: str) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: ")
    assert done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr, done.stderr


def test_a_data_directory_under_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")

    done = run_askback("companies", env={config.DATABASE_ENV: f"sqlite:///{blocker / 'data' / 'askback.db'}"})

    assert_clean_error(done, f"cannot create the data directory {blocker / 'data'}: Not a directory")


def test_a_read_only_database_still_reads_and_refuses_writes_in_one_line(askback_home: Path) -> None:
    db = open_database()
    with db.session() as session:
        companies.ensure(session, "Acme Robotics")
    db.dispose()
    path = askback_home / "askback.db"
    read_only = {config.DATABASE_ENV: f"sqlite:///file:{path}?mode=ro&uri=true"}

    listed = run_askback("companies", env=read_only)
    added = run_askback("companies", "add", "Globex", env=read_only)

    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("acme-robotics\tAcme Robotics")
    assert_clean_error(
        added,
        f"the database is read-only (check the permissions of its file and folder); nothing was changed (database: {path})",
    )
    assert "Globex" not in run_askback("companies").stdout


def test_a_missing_read_only_database_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.db"

    done = run_askback("companies", env={config.DATABASE_ENV: f"sqlite:///file:{path}?mode=ro&uri=true"})

    assert_clean_error(done, f"cannot open the database at {path}: cannot open the database file")
    assert not path.exists()


def _unprivileged() -> list[str] | None:
    """How to run askback as a user whom chmod binds: ourselves, or nobody when we are root."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        return None
    probe = subprocess.run(
        [runuser, "-u", "nobody", "--", sys.executable, "-c", "import askback"],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    return [runuser, "-u", "nobody", "--"] if probe.returncode == 0 else None


def test_a_read_only_data_directory_is_a_one_line_error() -> None:
    user = _unprivileged()
    if user is None:
        pytest.skip("as root, chmod does not stop writes, and the unprivileged user cannot run this Python")
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="askback-ro-", dir="/tmp"))
    try:
        home = folder / "home"
        home.mkdir()
        if os.geteuid() == 0:
            os.chown(home, 65534, 65534)
        folder.chmod(0o755)
        home.chmod(0o500)

        done = run_askback("companies", env={config.HOME_ENV: str(home)}, user=user)

        assert_clean_error(done, "cannot open the database file (does its folder exist, and is it writable?)")
    finally:
        home.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_full_disk_is_a_clear_error_and_keeps_what_was_saved(runtime: Runtime) -> None:
    plan_id, items = make_plan(runtime)
    live.save_note(runtime, plan_id, items[0], "the first answer, saved")
    with runtime.db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def disk_of_this_size(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(runtime.db.engine, "connect", disk_of_this_size)
    runtime.db.engine.dispose()
    with pytest.raises(StoreError, match=r"^the disk is full; nothing was changed, what was saved before is kept"):
        live.save_note(runtime, plan_id, items[1], "a long note " * 5000)

    assert notes(runtime, plan_id)[:2] == ["the first answer, saved", ""]
    event.remove(runtime.db.engine, "connect", disk_of_this_size)
    runtime.db.engine.dispose()
    live.save_note(runtime, plan_id, items[1], "room again")
    assert notes(runtime, plan_id)[:2] == ["the first answer, saved", "room again"]


def test_a_database_from_a_newer_askback_is_left_alone(askback_home: Path) -> None:
    open_database().dispose()
    with closing(sqlite3.connect(askback_home / "askback.db")) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")

    done = run_askback("companies")

    assert_clean_error(done, "was made by a newer askback (schema 9999; this one knows up to ")
    with closing(sqlite3.connect(askback_home / "askback.db")) as conn, conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]


def test_a_database_server_that_is_not_there_is_a_one_line_error() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    done = run_askback(
        "companies", env={config.DATABASE_ENV: f"postgresql+psycopg://me:secret@127.0.0.1:{port}/askback"}
    )

    assert_clean_error(
        done,
        f"cannot open the database at postgresql+psycopg://me:***@127.0.0.1:{port}/askback: cannot reach the database server",
    )
    assert "secret" not in done.stderr
