"""Opening the database: migrations on first use, a schema that matches the models, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from askback import config
from askback.errors import StoreError
from askback.store import companies
from askback.store.db import HEAD_REVISION, Database, alembic_config, current_revision, open_database
from askback.store.models import Base

FOUNDATION_TABLES = {"companies", "profiles", "plans", "plan_items", "answers"}


def test_first_open_creates_the_database_in_askback_home(askback_home: Path) -> None:
    assert not askback_home.exists()
    db = open_database()
    try:
        assert (askback_home / "askback.db").is_file()
        assert FOUNDATION_TABLES | {"alembic_version"} <= set(inspect(db.engine).get_table_names())
        assert current_revision(db.engine) == HEAD_REVISION
    finally:
        db.dispose()


def test_every_model_table_is_created(db: Database) -> None:
    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())


def test_head_revision_is_alembics_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == HEAD_REVISION


def test_migrations_form_one_line() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert differences == []


def test_opening_twice_keeps_the_data_and_the_version(db: Database) -> None:
    with db.session() as session:
        companies.ensure(session, "Acme Robotics")
    again = open_database()
    try:
        with again.session() as session:
            assert [c.name for c in companies.list_all(session)] == ["Acme Robotics"]
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD_REVISION]
    finally:
        again.dispose()


def test_database_url_overrides_askback_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere" / "plans.db"
    monkeypatch.setenv(config.DATABASE_ENV, f"sqlite:///{elsewhere}")
    db = open_database()
    db.dispose()
    assert elsewhere.is_file()


def test_a_failed_session_is_rolled_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        companies.ensure(session, "Acme Robotics")
        raise RuntimeError("interrupted")
    with db.session() as session:
        assert companies.list_all(session) == []


def test_data_directory_that_cannot_be_created_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(config.HOME_ENV, str(blocker / "askback"))
    with pytest.raises(StoreError, match=f"cannot create the data directory {blocker / 'askback'}: Not a directory"):
        open_database()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite " * 200)
    with pytest.raises(StoreError, match=r"cannot open the database .*file is not a database"):
        open_database(f"sqlite:///{junk}")
