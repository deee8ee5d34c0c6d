"""Opening the database: engine, sessions, and migrations applied on first use.

Checking the schema version is one cheap query; Alembic (slow to import) is only loaded when
the database is behind, which keeps every command after the first one fast.

SQLite (one person, one laptop) and PostgreSQL (a shared deployment) run the same models and
migrations. What differs is handled here and nowhere else:

- SQLite gets its pragmas (foreign keys, WAL, a busy timeout); PostgreSQL needs none.
- A busy SQLite database is waited for: the write lock is taken with ``BEGIN IMMEDIATE`` just
  before a transaction's first write, retried with backoff, so a writer never fails half-way
  through a transaction because another process (the web app, a research run) was writing.
- Migrations run in one transaction on both (SQLite's DDL is transactional, but Python's
  sqlite3 would commit each statement on its own), under a lock, so two processes opening a
  new database at once do not both migrate it.
- Database errors a user can act on (locked, read-only, disk full, unreachable server) become
  a :class:`StoreError` with a one-line message; the transaction is rolled back, so nothing
  already saved is lost.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from askback import config
from askback.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def _head_revision() -> str:
    """The newest migration, from the file names (``0004_item_details.py`` is revision 0004).

    Reading a folder is cheap where importing Alembic is not; a test keeps this equal to
    Alembic's own head, and adding a migration needs no change here.
    """
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


HEAD_REVISION = _head_revision()

BUSY_TIMEOUT = 2.0  # seconds SQLite waits for another writer on each attempt
LOCK_ATTEMPTS = 5  # attempts at SQLite's write lock before the database counts as busy
LOCK_BACKOFF = 0.1  # seconds before the second attempt, doubling after each one
MIGRATION_LOCK = 0x61736B6261636B  # PostgreSQL advisory lock key held while migrating ("askback")

_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error.

        On SQLite the write lock is taken just before the first write, waiting and retrying
        while another connection holds it. Errors a user can act on (busy, read-only, disk
        full, server gone) come out as :class:`StoreError`; the rollback keeps what was
        saved before intact.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            problem = describe(exc)
            if problem is None:
                raise
            raise StoreError(f"{problem} (database: {shown_url(self.engine.url)})") from exc

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, busy_timeout: float = BUSY_TIMEOUT) -> Database:
    """The database at ``url`` (else ``ASKBACK_DATABASE_URL``, else the file in ``ASKBACK_HOME``),
    migrated to the newest schema.

    ``busy_timeout`` is how long SQLite waits for another writer on each of its attempts.
    """
    url = url or config.database_url()
    engine = _engine(url, busy_timeout)
    try:
        revision = current_revision(engine)
        if revision is not None and revision > HEAD_REVISION:
            raise StoreError(
                f"the database at {shown_url(engine.url)} was made by a newer askback (schema {revision}; "
                f"this one knows up to {HEAD_REVISION}): upgrade askback to open it"
            )
        if revision != HEAD_REVISION:
            migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the database at {shown_url(engine.url)}: {_reason(exc)}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)


def shown_url(url: URL) -> str:
    """The database's address for messages: a file's path, a server's URL without its password."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return _sqlite_path(url).as_posix()
    return url.render_as_string(hide_password=True)


def _engine(url: str, busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"{url!r} is not a database URL (ASKBACK_DATABASE_URL: sqlite:///PATH or postgresql+psycopg://...)"
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:" and not _read_only(parsed):
        folder = _sqlite_path(parsed).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data directory {folder}: {exc.strerror}") from exc
    options: dict[str, Any] = {}
    if backend == "postgresql":
        options["pool_pre_ping"] = True  # a shared server restarts; a dead pooled connection is replaced
    try:
        engine = create_engine(parsed, **options)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        hint = " (PostgreSQL needs psycopg: pip install 'psycopg[binary]')" if backend == "postgresql" else ""
        raise StoreError(f"cannot use the database at {shown_url(parsed)}: {exc}{hint}") from exc
    except ArgumentError as exc:
        raise StoreError(f"cannot use the database at {shown_url(parsed)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        _sqlite_events(engine, busy_timeout)
    return engine


def _sqlite_path(url: URL) -> Path:
    """The file behind a SQLite URL, also when written as a URI (``sqlite:///file:PATH?mode=ro&uri=true``)."""
    database = url.database or ""
    if url.query.get("uri") == "true" and database.startswith("file:"):
        database = database.removeprefix("file:")
    return Path(database)


def _read_only(url: URL) -> bool:
    return url.query.get("mode") == "ro"


def _sqlite_events(engine: Engine, busy_timeout: float) -> None:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            try:
                _retry_busy(lambda: cursor.execute("PRAGMA journal_mode=WAL"))
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc):  # a read-only file keeps the journal mode it has
                    raise
        finally:
            cursor.close()

    def before_write(_conn: Connection, cursor: sqlite3.Cursor, statement: str, *_args: object) -> None:
        # Python's sqlite3 opens a transaction (a deferred BEGIN) right before the first
        # write; taking the lock at that very moment instead, with retries, changes nothing
        # but that a busy database is waited for before anything was written.
        raw = cursor.connection
        if not raw.in_transaction and _WRITE.match(statement):
            begin_immediate(raw)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "before_cursor_execute", before_write)


def begin_immediate(raw: sqlite3.Connection) -> None:
    """Open a SQLite transaction holding the write lock, retrying with backoff while another
    connection holds it; :class:`StoreError` when it stays busy."""
    try:
        _retry_busy(lambda: raw.execute("BEGIN IMMEDIATE"))
    except sqlite3.OperationalError as exc:
        if _busy(exc):
            raise StoreError(f"{describe(exc)} (database: {_file_of(raw)})") from exc
        raise


def hold_write_lock(conn: Connection) -> None:
    """Take SQLite's write lock now rather than at the first write, so what the transaction
    reads before it writes cannot change under it; other databases need nothing."""
    if conn.dialect.name == "sqlite":
        raw = cast(sqlite3.Connection, conn.connection.dbapi_connection)
        if not raw.in_transaction:
            begin_immediate(raw)


def _retry_busy(step: Any) -> None:
    delay = LOCK_BACKOFF
    for attempt in range(LOCK_ATTEMPTS):
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or attempt == LOCK_ATTEMPTS - 1:
                raise
        time.sleep(delay)
        delay *= 2


def _busy(exc: BaseException) -> bool:
    message = str(exc).lower()
    return "database is locked" in message or "database is busy" in message or "database table is locked" in message


def _file_of(raw: sqlite3.Connection) -> str:
    try:
        row = raw.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return "sqlite"
    return str(row[2]) if row and row[2] else "sqlite"


# Known causes, as a user would put them. The first line of the driver's message is kept
# after it, so nothing is hidden from someone who knows more.
_PROBLEMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("database is locked", "database is busy", "database table is locked"),
        "the database is busy: another askback process kept it locked; nothing was changed, try again",
    ),
    (
        ("readonly database", "read-only transaction", "read-only file system"),
        "the database is read-only (check the permissions of its file and folder); nothing was changed",
    ),
    (
        ("database or disk is full", "no space left on device", "disk full"),
        "the disk is full; nothing was changed, what was saved before is kept; free some space and try again",
    ),
    (("disk i/o error",), "the disk reported an input/output error; nothing was changed"),
    (("unable to open database file",), "cannot open the database file (does its folder exist, and is it writable?)"),
    (("cannot contain nul",), "text with a NUL character (\\x00) cannot be stored; nothing was changed"),
    (
        (
            "server closed the connection",
            "connection refused",
            "could not connect",
            "connection failed",
            "terminating connection",
        ),
        "cannot reach the database server; nothing was changed",
    ),
)


def describe(exc: BaseException) -> str | None:
    """A one-line description of a database error a user can act on, or None for any other."""
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    message = str(original).lower()
    for needles, problem in _PROBLEMS:
        if any(needle in message for needle in needles):
            return problem
    return None


def _reason(exc: SQLAlchemyError) -> str:
    """What went wrong, in one line: the driver's message without SQLAlchemy's links."""
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    first = " ".join(str(original).split("\n", 1)[0].split()) or original.__class__.__name__
    known = describe(exc)
    return f"{known}: {first}" if known else first


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Apply every migration up to ``revision`` in one transaction, one process at a time."""
    from alembic import command

    with _migration(engine) as conn:
        if revision == "head" and _revision(conn) == HEAD_REVISION:
            return  # another process migrated while this one waited for the lock
        command.upgrade(alembic_config(conn), revision)


@contextmanager
def _migration(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the database's migration lock.

    On SQLite: foreign keys off while tables are rebuilt (SQLite's documented way to change a
    schema: dropping a table with foreign keys on would delete the rows that refer to it),
    checked before the commit; then ``BEGIN IMMEDIATE``, so the DDL and the version row
    commit together or not at all. On PostgreSQL: a transaction-scoped advisory lock.
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            raw = cast(sqlite3.Connection, conn.connection.dbapi_connection)
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            try:
                begin_immediate(raw)
                try:
                    yield conn
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if problems:
                        raise StoreError(f"a migration left rows whose references are broken: {problems[:5]}")
                except BaseException:
                    raw.rollback()
                    raise
                raw.commit()
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.rollback()
        else:
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                yield conn


def alembic_config(connection: object = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg
