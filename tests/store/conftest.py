"""Storage tests run twice: on SQLite and on a real PostgreSQL server the tests start themselves.

The server is Debian's ``postgresql`` package (``make test`` installs it), run from a temporary
folder on 127.0.0.1 and a free port for the whole session, then stopped and deleted. As root
it runs as the unprivileged ``nobody`` (PostgreSQL refuses to run as root). Every test gets a
database of its own, copied from a migrated template, so tests cannot see each other's rows.

A test that asks for ``db`` (or ``database_url``) runs once per backend: ``[sqlite]`` and
``[postgresql]``. The PostgreSQL runs are skipped, with the reason, only when the server's
programs are not installed.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from askback import config
from askback.store.db import Database, open_database

SERVER_USER = "nobody"  # who runs the server when the tests run as root
DB_USER = "askback"  # the server's superuser, trusted on 127.0.0.1 only
TEMPLATE = "askback_template"
_numbers = itertools.count(1)


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    found = [p for p in found if (p / "pg_ctl").exists()]
    if not found:
        return None
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


@dataclass
class PostgresServer:
    port: int
    folder: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> Engine:
        return create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")

    def create_database(self, name: str, template: str = "template0") -> str:
        engine = self.admin()
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY'))
        finally:
            engine.dispose()
        return self.url(name)

    def drop_database(self, name: str) -> None:
        engine = self.admin()
        try:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            engine.dispose()

    def fresh_database(self, migrated: bool = True) -> tuple[str, str]:
        """(name, url) of a new database: a copy of the migrated template, or an empty one."""
        name = f"test_{os.getpid()}_{next(_numbers)}"
        return name, self.create_database(name, TEMPLATE if migrated else "template0")


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.fail("running as root needs `runuser` (util-linux) to start PostgreSQL as an unprivileged user")
    return [runuser, "-u", SERVER_USER, "--", *command]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); `make system-deps` installs it")
    folder = Path(tempfile.mkdtemp(prefix="askback-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    data = folder / "data"
    if os.geteuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    os.chmod(folder, 0o700)
    _run(
        _as_server_user(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                DB_USER,
                "--auth=trust",
                "--no-locale",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        ),
        "initdb",
    )
    server: PostgresServer | None = None
    for _attempt in range(3):  # another process may take the free port before the server does
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        started = subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(folder / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if started.returncode == 0:
            server = PostgresServer(port, folder)
            break
    if server is None:
        log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start:\n{log[-2000:]}")
    try:
        server.create_database(TEMPLATE)
        open_database(server.url(TEMPLATE)).dispose()
        yield server
    finally:
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new, migrated PostgreSQL database of the test's own, also as ASKBACK_DATABASE_URL."""
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name, url = server.fresh_database()
    monkeypatch.setenv(config.DATABASE_ENV, url)
    yield url
    server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """The test's database, on each backend in turn; on PostgreSQL also ASKBACK_DATABASE_URL."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return config.database_url()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A migrated database on each backend (overrides the SQLite-only one in tests/conftest.py)."""
    database = open_database(database_url)
    yield database
    database.dispose()
