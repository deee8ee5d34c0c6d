"""Backups: every row survives SQLite -> file -> PostgreSQL -> file -> SQLite; a bad file changes nothing."""

from __future__ import annotations

import copy
import errno
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from embedders import real_model
from sqlalchemy import event, func, select
from typer.testing import CliRunner

from askback.assess import service as assess
from askback.assess.accounts import AccountDraft
from askback.cli import app
from askback.errors import UsageError
from askback.plan import live
from askback.plan.service import prepare
from askback.runtime import Runtime
from askback.store import backup, companies
from askback.store.assess import OfferRecord
from askback.store.db import Database, open_database
from askback.store.models import Base

NOTES = [
    "Priya leads it 👩🏽‍💻 — «two seniors», 三人のミッド",
    "שאלה טובה: מי מחליט? ثم ماذا؟",
    "e\u0301te\u0301 (combining accents), Ωmega, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, tabs\tand\nnew lines\r\n",
    "",
]


def populate(database: Database) -> int:
    """Everything a user makes on top of the researched demo (research, a profile): a plan
    edited live, notes, answers, ratings, accounts and an offer."""
    rt = Runtime(database, embedder=real_model())
    plan = prepare(rt, "Northwind Relay", interviewer="hiring-manager", minutes=15)
    assert plan.id is not None
    items = [i.id for i in plan.items if i.id is not None]
    for item_id, note in zip(items, NOTES, strict=False):
        live.save_note(rt, plan.id, item_id, note)
    live.set_status(rt, plan.id, items[0], "covered")
    live.record_answer(rt, plan.id, "We pair on everything 🙂", 4, item_id=items[0])
    live.record_answer(rt, plan.id, "Nobody knows.", None, item_id=items[1])
    live.rate_categories(rt, plan.id, {"people": 4, "growth": 2})
    live.save_plan_notes(rt, plan.id, "Overall: 良い感じ. Follow up on on-call.")
    live.add_own(rt, plan.id, "How did the Lisbon office change how you plan?", "processes", "planning")
    backups = [i.id for i in live.get(rt, plan.id).backups if i.id is not None]
    if backups:
        live.swap_in_backup(rt, plan.id, backups[0])
    assess.add_accounts(
        rt,
        "Northwind Relay",
        [
            AccountDraft(
                "We ship every day. Management listens, mostly 🙂", who="former", role="Engineer", when="2026-01"
            ),
            AccountDraft("On-call is light: two pages a month.", who="current", source="review"),
        ],
    )
    offer = OfferRecord(
        0, "Senior engineer", 92_000.5, "EUR", bonus_percent=10, equity={"kind": "rsu", "value_per_year": 8000}
    )
    assess.add_offer(rt, "Northwind Relay", offer)
    return plan.id


def rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every backed-up table, as Python values, in primary key order."""
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in backup.tables()
        }


def tables_of(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8"))["tables"])


def total(db: Database) -> int:
    with db.engine.connect() as conn:
        return sum(int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in backup.tables())


# --- the round trip ---------------------------------------------------------------------------


def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row(
    tmp_path: Path, postgres_url: str, demo_database: Path
) -> None:
    shutil.copyfile(demo_database, tmp_path / "first.db")
    first = open_database(f"sqlite:///{tmp_path / 'first.db'}")
    plan_id = populate(first)
    original = rows(first)
    assert all(original[name] for name in ("companies", "profiles", "pages", "facts", "fact_topics", "plans"))
    assert all(original[name] for name in ("plan_items", "answers", "accounts", "account_sentences", "offers"))
    backup.export_all(first, tmp_path / "one.json")

    middle = open_database(postgres_url)
    summary = backup.import_all(middle, tmp_path / "one.json")
    assert summary.counts == {name: len(found) for name, found in original.items()}
    assert rows(middle) == original
    backup.export_all(middle, tmp_path / "two.json")

    last = open_database(f"sqlite:///{tmp_path / 'last.db'}")
    backup.import_all(last, tmp_path / "two.json")
    assert rows(last) == original
    backup.export_all(last, tmp_path / "three.json")
    assert tables_of(tmp_path / "one.json") == tables_of(tmp_path / "two.json") == tables_of(tmp_path / "three.json")

    # The notes came through exactly, and the imported database goes on working.
    assert [i.note for i in live.get(Runtime(middle), plan_id).items][: len(NOTES)] == [
        i.note for i in live.get(Runtime(first), plan_id).items
    ][: len(NOTES)]
    for db in (middle, last):
        with db.session() as session:
            added = companies.ensure(session, "Globex")
        assert added.id == max(r[0] for r in original["companies"]) + 1
        again = prepare(Runtime(db), "Globex", interviewer="peer")
        assert again.id == plan_id + 1
        db.dispose()
    first.dispose()


def test_every_table_is_backed_up_or_skipped_for_a_reason() -> None:
    """A table added later is included without a change to the backup code; its types must be known."""
    assert {t.name for t in backup.tables()} | set(backup.SKIPPED) == set(Base.metadata.tables)
    for table in backup.tables():
        for column in table.columns:
            backup._kind(column)  # raises for a column type a backup could not carry
    order = [t.name for t in backup.tables()]
    for table in backup.tables():
        for key in table.foreign_keys:
            assert order.index(key.column.table.name) < order.index(table.name)


# --- on each backend --------------------------------------------------------------------------


def minimal(db: Database, tmp_path: Path) -> Path:
    with db.session() as session:
        companies.ensure(session, "Acme Robotics", url="https://acme.example/")
    plan = prepare(Runtime(db), "Acme Robotics", interviewer="peer", minutes=10)
    assert plan.id is not None
    live.save_note(Runtime(db), plan.id, plan.items[0].id or 0, NOTES[0])
    path = tmp_path / "acme.json"
    backup.export_all(db, path)
    return path


def test_import_refuses_a_database_with_data_unless_replace(db: Database, tmp_path: Path) -> None:
    path = minimal(db, tmp_path)
    before = rows(db)
    with db.session() as session:
        companies.ensure(session, "Globex")

    with pytest.raises(UsageError, match=r"already holds data \(companies 2, plans 1, plan_items \d+\).*--replace"):
        backup.import_all(db, path)

    backup.import_all(db, path, replace=True)
    assert rows(db) == before


def test_export_import_on_the_same_backend(db: Database, tmp_path: Path) -> None:
    path = minimal(db, tmp_path)
    before = rows(db)
    with db.session() as session:
        for table in reversed(backup.tables()):
            session.execute(table.delete())
    assert total(db) == 0

    backup.import_all(db, path)

    assert rows(db) == before


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


DAMAGE = [
    (_set(("format",), "something-else"), "is not an askback backup"),
    (_set(("version",), 99), "backup format version 99"),
    (_set(("schema",), "9999"), r"newer askback \(schema 9999"),
    (_set(("tables",), []), '"tables" must be an object'),
    (_set(("tables", "secrets"), {"columns": [], "rows": []}), "unknown table 'secrets'"),
    (
        _set(("tables", "embeddings"), {"columns": [], "rows": []}),
        "unknown table 'embeddings' \\(left out of backups\\)",
    ),
    (_set(("tables", "companies", "columns", 1), "sluggo"), "unknown column 'sluggo'"),
    (_drop(("tables", "companies", "columns", 2)), "the column 'name' is missing"),
    (_drop(("tables", "companies", "columns", 3)), r"companies, row 1: expected a list of 8 values"),
    (_set(("tables", "companies", "rows", 0, 0), "one"), "companies, row 1, column id: expected a whole number"),
    (_set(("tables", "companies", "rows", 0, 0), 2**40), "out of range"),
    (_set(("tables", "companies", "rows", 0, 1), None), "column slug: cannot be empty"),
    (_set(("tables", "companies", "rows", 0, 1), "x" * 121), "column slug: longer than its 120 characters"),
    (_set(("tables", "companies", "rows", 0, 5), "yesterday"), "column created_at: expected a date and time"),
    (_set(("tables", "companies", "rows", 0, 5), "2026-01-01T10:00:00"), "with its UTC offset"),
    (_set(("tables", "plan_items", "rows", 0, 8), "yes"), "column cross_check: expected true or false"),
    (_set(("tables", "plan_items", "rows", 0, 9), "high"), "column score: expected a number"),
    (_set(("tables", "plans", "rows", 0, 1), 99), "rows do not fit together"),
    (_set(("tables", "plan_items", "rows", 1, 2), 0), "rows do not fit together"),
]


@pytest.mark.parametrize(("change", "message"), DAMAGE)
def test_a_damaged_backup_is_refused_and_nothing_is_written(
    db: Database, tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    path = minimal(db, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    with db.session() as session:
        for table in reversed(backup.tables()):
            session.execute(table.delete())
    broken = copy.deepcopy(document)
    change(broken)
    path.write_text(json.dumps(broken), encoding="utf-8")

    with pytest.raises(UsageError, match=message):
        backup.import_all(db, path)

    assert total(db) == 0


def test_a_backup_from_an_older_schema_gets_the_new_columns_defaults(db: Database, tmp_path: Path) -> None:
    path = minimal(db, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    items = document["tables"]["plan_items"]
    at = items["columns"].index("details")
    items["columns"].pop(at)
    for row in items["rows"]:
        row.pop(at)
    document["schema"] = "0003"
    path.write_text(json.dumps(document), encoding="utf-8")

    backup.import_all(db, path, replace=True)

    with db.engine.connect() as conn:
        table = Base.metadata.tables["plan_items"]
        assert set(conn.execute(select(table.c.details)).scalars()) == {None}


# --- the file ---------------------------------------------------------------------------------


def test_the_file_says_what_it_is_and_what_it_left_out(db: Database, tmp_path: Path) -> None:
    document = json.loads(minimal(db, tmp_path).read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("askback-backup", 1)
    assert set(document["skipped"]) == {"embeddings"}
    assert document["counts"]["companies"] == 1
    assert NOTES[0] in json.dumps(document, ensure_ascii=False)


def test_a_failed_write_keeps_the_previous_export_and_leaves_no_temporary_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = minimal(db, tmp_path)
    before = path.read_bytes()

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(UsageError, match=r"cannot write .*acme\.json: No space left on device"):
        backup.export_all(db, path)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_the_export_file_is_private(db: Database, tmp_path: Path) -> None:
    assert minimal(db, tmp_path).stat().st_mode & 0o077 == 0


# --- the commands -----------------------------------------------------------------------------


def test_export_and_import_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    db = open_database()
    minimal(db, tmp_path)
    before = rows(db)
    db.dispose()

    exported = runner.invoke(app, ["export", "--all", str(tmp_path / "all.json")])
    assert exported.exit_code == 0, exported.output
    assert exported.stderr.startswith(
        f"Exported {sum(len(r) for r in before.values())} rows to {tmp_path / 'all.json'} ("
    )
    assert "Not exported: embeddings" in exported.stderr

    without_all = runner.invoke(app, ["export", str(tmp_path / "x.json")])
    assert isinstance(without_all.exception, UsageError) and "--all" in str(without_all.exception)

    monkeypatch.setenv("ASKBACK_HOME", str(tmp_path / "elsewhere"))
    imported = runner.invoke(app, ["import", str(tmp_path / "all.json")])
    assert imported.exit_code == 0, imported.output
    assert imported.stderr.startswith("Imported ")
    moved = open_database()
    try:
        assert rows(moved) == before
    finally:
        moved.dispose()


def test_an_export_is_one_consistent_snapshot(db: Database, database_url: str) -> None:
    """A plan saved while the export runs is in it with its company, or not at all."""
    with db.session() as session:
        companies.ensure(session, "Acme Robotics")
    other = open_database(database_url)
    fired: list[str] = []

    def write_meanwhile(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not fired and "FROM companies" in statement:
            fired.append(statement)
            prepare(Runtime(other), "Globex", interviewer="peer", minutes=10)  # commits a company and its plan

    event.listen(db.engine, "after_cursor_execute", write_meanwhile)
    try:
        document = backup.snapshot(db)
    finally:
        event.remove(db.engine, "after_cursor_execute", write_meanwhile)
        other.dispose()

    assert fired
    exported = {name: table["rows"] for name, table in document["tables"].items()}
    assert [row[2] for row in exported["companies"]] == ["Acme Robotics"]
    assert exported["plans"] == [] and exported["plan_items"] == []
