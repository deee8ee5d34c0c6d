"""askback's own data files (the bank, topics, flags, lint rules, demo companies), read and
checked the same way: :func:`load_data` parses a YAML or JSONL file and validates it with a
pydantic model, and a mistake names the file and the entry, as in
``askback/bank/data/people.yaml: question 'people-x': field 'roles': unknown role 'ceo'``.

A JSONL file is a list of rows, one a line, validated as a whole (a ``RootModel[list[Row]]``
or ``TypeAdapter``-shaped model); its entries are named by line. libyaml's C loader parses
YAML ten times faster than the pure-Python one, which is kept as a fallback for a PyYAML
built without libyaml. pydantic and yaml are imported only when a file is read.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from askback.errors import DataError

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    M = TypeVar("M", bound=BaseModel)

PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding askback/
MAX_PROBLEMS = 5  # more than this many problems in one file are summarised by count


def load_yaml(path: Path) -> Any:
    """The parsed document; raises ``yaml.YAMLError`` on invalid YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def load_data(path: Path, model: type[M], error: type[DataError] = DataError) -> M:
    """``path`` (YAML, or JSONL as a list of rows) validated by ``model``; ``error`` names the
    file and the entry of every problem (the first few)."""
    from pydantic import ValidationError

    raw, lines = _read(path, error)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error(f"{shown(path)}: {describe(exc, raw, lines)}") from None


def read_raw(path: Path, error: type[DataError] = DataError) -> Any:
    """The file's data before validation: a YAML document, or a JSONL file's rows as a list."""
    return _read(path, error)[0]


def _read(path: Path, error: type[DataError]) -> tuple[Any, list[int] | None]:
    """The data, and for JSONL the line number of each row."""
    import yaml

    try:
        if path.suffix == ".jsonl":
            return _jsonl(path, error)
        return load_yaml(path), None
    except OSError as exc:
        raise error(f"{shown(path)}: cannot be read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise error(f"{shown(path)}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise error(f"{shown(path)}: not valid YAML: {' '.join(str(exc).split())}") from None


def shown(path: Path) -> str:
    """A data file as a developer finds it: relative to the checkout (askback/bank/data/x.yaml)."""
    with contextlib.suppress(ValueError):
        return path.resolve().relative_to(PACKAGE_ROOT).as_posix()
    return str(path)


def describe(exc: ValidationError, raw: Any, lines: list[int] | None = None) -> str:
    """Each problem as "entry: field 'a.b': message", the entry named by its id where it has one
    (a JSONL row by its line number, from ``lines``)."""
    problems = []
    for error in exc.errors()[:MAX_PROBLEMS]:
        where = _where(list(error["loc"]), raw, lines)
        message = str(error["msg"]).removeprefix("Value error, ")
        problems.append(f"{where}: {message}" if where else message)
    more = len(exc.errors()) - MAX_PROBLEMS
    return "; ".join(problems) + (f"; and {more} more" if more > 0 else "")


def _where(loc: list[int | str], raw: Any, lines: list[int] | None) -> str:
    """Walk the error's location through the data: list items and mappings of entries become
    "question 'people-x'" (or "line 4"), what is left is the field."""
    entries: list[str] = []
    fields: list[str] = []
    node, key = raw, ""
    for step in loc:
        child = _child(node, step)
        if isinstance(node, list) and isinstance(step, int):
            if lines is not None and node is raw:
                entries.append(f"line {lines[step] if step < len(lines) else step + 1}")
            else:
                entries.append(f"{_singular(key)} {_name(child, step)}")
            fields = []
        elif isinstance(node, dict) and isinstance(child, dict) and key.endswith("s") and not fields[1:]:
            fields = []
            entries.append(f"{_singular(key)} {step!r}")  # an entry keyed by its id: topics: {leave: ...}
        else:
            fields.append(str(step))
        node, key = child, str(step)
    if fields:
        entries.append(f"field {'.'.join(fields)!r}")
    return ": ".join(entries)


def _child(node: Any, step: int | str) -> Any:
    with contextlib.suppress(KeyError, IndexError, TypeError):
        return node[step]
    return None


def _name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "name", "slug"):
            if isinstance(item.get(key), str):
                return repr(item[key])
    return f"#{index + 1}"


def _singular(key: str) -> str:
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") else key or "entry"


def _jsonl(path: Path, error: type[DataError]) -> tuple[list[Any], list[int]]:
    rows, numbers = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise error(f"{shown(path)}: line {number}: not valid JSON: {exc.msg}") from None
            numbers.append(number)
    return rows, numbers
