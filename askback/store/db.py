"""Opening the database: engine, sessions, and migrations applied on first use.

Checking the schema version is one cheap query; Alembic (slow to import) is only loaded when
the database is behind, which keeps every command after the first one fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from askback import config
from askback.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration in migrations/versions; a test keeps this equal to Alembic's head.
HEAD_REVISION = "0004"
MIGRATIONS = Path(__file__).parent / "migrations"


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None) -> Database:
    url = url or config.database_url()
    engine = _engine(url)
    try:
        if current_revision(engine) != HEAD_REVISION:
            migrate(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open the database at {engine.url!r}: {exc.__class__.__name__}: {exc}") from exc
    return Database(engine)


def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data directory {path.parent}: {exc.strerror}") from exc
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Apply every migration up to ``revision``, in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def alembic_config(connection: object = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg
