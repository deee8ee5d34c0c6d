"""Backups: every table of user data as one JSON file, to move it between machines and databases.

The export is generic: it walks ``Base.metadata`` in dependency order, so a table another
part of askback adds later is exported and imported without a change here. Rows keep their
ids, so references between tables survive the trip, also from SQLite to PostgreSQL and back.

Not exported: ``embeddings``, a cache of sentence vectors keyed by the text's hash, which
research and the linter compute again when they need a vector.

The file (format version 1)::

    {
      "format": "askback-backup",
      "version": 1,
      "schema": "0004",                  # the migration the data was exported at
      "exported_at": "2026-03-01T10:00:00+00:00",
      "skipped": {"embeddings": "..."},  # tables left out, and why
      "counts": {"companies": 3, ...},   # rows per table, for people reading the file
      "tables": {"companies": {"columns": ["id", "slug", ...], "rows": [[1, "acme", ...], ...]}, ...}
    }

Values are JSON: datetimes as ISO 8601 strings with their offset, bytes as base64, JSON
columns as they are. An import checks the whole file before it writes anything, then writes
everything in one transaction: a file that is damaged anywhere leaves the database as it was.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, delete, func, select, text, types
from sqlalchemy.exc import DataError, IntegrityError

from askback.errors import UsageError
from askback.store.db import HEAD_REVISION, Database, hold_write_lock
from askback.store.models import Base

FORMAT = "askback-backup"
VERSION = 1
SKIPPED = {"embeddings": "a cache of sentence vectors; research and the linter compute them again"}
BATCH = 500


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    counts: dict[str, int]  # rows per table, in dependency order

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def tables() -> list[Table]:
    """The tables a backup holds, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]


# --- export -----------------------------------------------------------------------------------


def export_all(db: Database, path: Path | str) -> BackupSummary:
    """Write every table of user data to ``path`` (a file, replaced atomically if it exists)."""
    target = export_target(path)
    document = snapshot(db)
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_atomically(target, payload + b"\n")
    return BackupSummary(target, dict(document["counts"]))


def snapshot(db: Database) -> dict[str, Any]:
    """The backup document, read in one transaction so the tables agree with each other."""
    exported: dict[str, Any] = {}
    counts: dict[str, int] = {}
    with _read_transaction(db) as conn:
        for table in tables():
            columns = list(table.columns)
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            exported[table.name] = {
                "columns": [c.name for c in columns],
                "rows": [[_encode(value, column) for value, column in zip(row, columns, strict=True)] for row in rows],
            }
            counts[table.name] = len(rows)
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": HEAD_REVISION,
        "exported_at": datetime.now(UTC).isoformat(),
        "skipped": dict(SKIPPED),
        "counts": counts,
        "tables": exported,
    }


@contextmanager
def _read_transaction(db: Database) -> Iterator[Connection]:
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        elif db.dialect == "sqlite":
            conn.exec_driver_sql("BEGIN")  # Python's sqlite3 would read each statement on its own
        try:
            yield conn
        finally:
            conn.rollback()


def export_target(path: Path | str) -> Path:
    """Where an export may go: exactly the file named, in a folder that exists.

    Refused: no file name, a folder, a symbolic link (writing through it would land wherever
    it points) and anything else that is not a regular file.
    """
    chosen = Path(path).expanduser()
    if not str(path).strip() or chosen.name in ("", ".", ".."):
        raise UsageError(f"{str(path)!r} is not a file name to export to")
    folder = chosen.parent.resolve()
    if not folder.is_dir():
        raise UsageError(f"cannot export to {chosen}: the folder {folder} does not exist")
    target = folder / chosen.name
    if target.is_symlink():
        raise UsageError(f"cannot export to {target}: it is a symbolic link; name a regular file")
    if target.is_dir():
        raise UsageError(f"cannot export to {target}: it is a folder; name a file in it")
    if target.exists() and not target.is_file():
        raise UsageError(f"cannot export to {target}: it is not a regular file")
    return target


def path_in(folder: Path | str, name: str) -> Path:
    """The file ``name`` inside ``folder``, for names that come from someone else (a web form).

    Refused: an empty name, ``.`` and ``..``, a path (any separator), an absolute name and a
    NUL byte, so no name can reach outside ``folder``.
    """
    base = Path(folder).resolve()
    bad = not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name or os.path.isabs(name)
    if bad or (base / name).parent != base:
        raise UsageError(f"{name!r} is not a plain file name")
    return export_target(base / name)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it: readers see the old file or
    the whole new one, and a failure (a full disk) leaves the old file as it was."""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise


def _encode(value: Any, column: Column[Any]) -> Any:
    if value is None:
        return None
    kind = _kind(column)
    if kind == "datetime":
        return cast(datetime, value).isoformat()
    if kind == "date":
        return cast(date, value).isoformat()
    if kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    if kind == "decimal":
        return str(value)
    return value


# --- import -----------------------------------------------------------------------------------


def import_all(db: Database, path: Path | str, replace: bool = False) -> BackupSummary:
    """Load a backup into ``db``: all of it in one transaction, or nothing.

    The database must hold no user data, unless ``replace`` is set: then what it holds is
    deleted first, in the same transaction.
    """
    source = Path(path).expanduser()
    rows = read_backup(source)
    with db.session() as session:
        conn = session.connection()
        hold_write_lock(conn)  # from the emptiness check to the commit
        present = {name: n for name, n in _counts(conn).items() if n}
        if present and not replace:
            raise UsageError(
                f"the database already holds data ({describe_counts(present)}); import into an empty database, "
                "or pass --replace to delete what it holds first"
            )
        try:
            if present:
                for table in reversed(tables()):
                    conn.execute(delete(table))
            for table in tables():
                batch = rows.get(table.name, [])
                for start in range(0, len(batch), BATCH):
                    conn.execute(table.insert(), batch[start : start + BATCH])
            if db.dialect == "postgresql":
                _advance_sequences(conn)
        except (IntegrityError, DataError) as exc:
            detail = " ".join(str(exc.orig).split())[:300]
            raise UsageError(
                f"{source}: the backup's rows do not fit together ({detail}); nothing was imported"
            ) from exc
    return BackupSummary(source, {t.name: len(rows.get(t.name, [])) for t in tables()})


def _counts(conn: Connection) -> dict[str, int]:
    return {table.name: int(conn.scalar(select(func.count()).select_from(table)) or 0) for table in tables()}


def _advance_sequences(conn: Connection) -> None:
    """PostgreSQL hands out ids from a sequence that explicit ids do not move: move it past them."""
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": table.name, "column": column.name},
        )


def read_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of a backup file, checked and decoded; :class:`UsageError` naming the first problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not an askback backup: it is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path} is not an askback backup: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise UsageError(f"{path} is not an askback backup: nested too deeply") from exc
    return decode_document(document, str(path))


def decode_document(document: Any, where: str = "backup") -> dict[str, list[dict[str, Any]]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UsageError(f'{where} is not an askback backup (no "format": "{FORMAT}")')
    version = document.get("version")
    if version != VERSION:
        raise UsageError(f"{where} is backup format version {version!r}; this askback reads version {VERSION}")
    schema = document.get("schema")
    if not isinstance(schema, str) or not schema:
        raise UsageError(f"{where}: the backup does not say which schema it was exported at")
    if schema > HEAD_REVISION:
        raise UsageError(
            f"{where} comes from a newer askback (schema {schema}; this one has {HEAD_REVISION}): upgrade askback first"
        )
    stored = document.get("tables")
    if not isinstance(stored, dict):
        raise UsageError(f'{where}: "tables" must be an object of tables')
    known = {t.name: t for t in tables()}
    for name in stored:
        if name not in known:
            skipped = " (left out of backups)" if name in SKIPPED else ""
            raise UsageError(f"{where}: unknown table {name!r}{skipped}; is it from another version of askback?")
    return {name: _decode_table(known[name], stored[name], where) for name in known if name in stored}


def _decode_table(table: Table, stored: Any, where: str) -> list[dict[str, Any]]:
    here = f"{where}: table {table.name}"
    if (
        not isinstance(stored, dict)
        or not isinstance(stored.get("columns"), list)
        or not isinstance(stored.get("rows"), list)
    ):
        raise UsageError(f'{here} needs "columns" and "rows" lists')
    names: list[Any] = stored["columns"]
    if not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        raise UsageError(f"{here}: the column names must be distinct strings")
    unknown = [n for n in names if n not in table.columns]
    if unknown:
        raise UsageError(f"{here}: unknown column {unknown[0]!r}")
    columns = [table.columns[n] for n in names]
    missing = [c.name for c in table.columns if c.name not in names and (c.primary_key or _required(c))]
    if missing:
        raise UsageError(f"{here}: the column {missing[0]!r} is missing")
    decoded = []
    for number, row in enumerate(stored["rows"], 1):
        if not isinstance(row, list) or len(row) != len(columns):
            raise UsageError(f"{here}, row {number}: expected a list of {len(columns)} values")
        decoded.append(
            {
                c.name: _decode(value, c, f"{here}, row {number}, column {c.name}")
                for value, c in zip(row, columns, strict=True)
            }
        )
    return decoded


def _required(column: Column[Any]) -> bool:
    """A column a row must carry: no default fills it, and it cannot be empty."""
    return not column.nullable and column.default is None and column.server_default is None


def _decode(value: Any, column: Column[Any], where: str) -> Any:
    if value is None:
        if column.nullable:
            return None
        raise UsageError(f"{where}: cannot be empty")
    kind = _kind(column)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise UsageError(f"{where}: expected a whole number, got {_shown(value)}")
        bits = 63 if isinstance(_sql_type(column), types.BigInteger) else 31
        if not -(2**bits) <= value < 2**bits:
            raise UsageError(f"{where}: {value} is out of range for a {bits + 1}-bit whole number")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise UsageError(f"{where}: expected a number, got {_shown(value)}")
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise UsageError(f"{where}: expected true or false, got {_shown(value)}")
        return value
    if kind == "str":
        if not isinstance(value, str):
            raise UsageError(f"{where}: expected text, got {_shown(value)}")
        length = getattr(column.type, "length", None)
        if length is not None and len(value) > length:
            raise UsageError(f"{where}: longer than its {length} characters")
        return value
    if kind == "datetime":
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise UsageError(f"{where}: expected a date and time with its UTC offset, got {_shown(value)}")
        return parsed
    if kind == "date":
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise UsageError(f"{where}: expected a date, got {_shown(value)}") from None
    if kind == "bytes":
        try:
            return base64.b64decode(value, validate=True)
        except (TypeError, ValueError, binascii.Error):
            raise UsageError(f"{where}: expected base64 bytes, got {_shown(value)}") from None
    if kind == "decimal":
        try:
            return Decimal(value if isinstance(value, str) else str(value))
        except ArithmeticError:
            raise UsageError(f"{where}: expected a decimal number, got {_shown(value)}") from None
    return value  # JSON: any JSON value is what the column holds


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


_KINDS: tuple[tuple[type[types.TypeEngine[Any]], str], ...] = (
    (types.Boolean, "bool"),
    (types.Integer, "int"),
    (types.Float, "float"),
    (types.Numeric, "decimal"),
    (types.DateTime, "datetime"),
    (types.Date, "date"),
    (types.JSON, "json"),
    (types.LargeBinary, "bytes"),
    (types.String, "str"),
)


def _sql_type(column: Column[Any]) -> Any:
    sql_type: Any = column.type
    return sql_type.impl_instance if isinstance(sql_type, types.TypeDecorator) else sql_type


def _kind(column: Column[Any]) -> str:
    """How a column's values travel in JSON, by the column's SQL type."""
    sql_type = _sql_type(column)
    for cls, kind in _KINDS:
        if isinstance(sql_type, cls):
            return kind
    raise TypeError(f"backups do not know how to carry {column.table.name}.{column.name} ({sql_type!r})")


def describe_counts(counts: Mapping[str, int]) -> str:
    """``companies 3, plans 2, ...`` for the tables that have rows."""
    shown = [f"{name} {n}" for name, n in counts.items() if n]
    return ", ".join(shown) if shown else "no rows"
