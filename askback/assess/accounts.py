"""Reading what employees said: pasted text, Markdown, CSV or JSON, each account with who said
it (current or former), their role, when and where (a conversation or a review).

Everything is checked before anything is stored, and a bad row names its file and row: a
half-imported CSV would leave the user guessing which accounts made it in.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from askback.errors import UsageError

WHO = ("current", "former")
SOURCES = ("conversation", "review")
FIELDS = ("text", "who", "role", "when", "source")
MAX_CHARS = 50_000
MAX_FILE_BYTES = 5_000_000
_WHEN = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_MARKDOWN = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?)|(\*\*|__)", re.MULTILINE)


@dataclass(frozen=True)
class AccountDraft:
    """An account as read, before its sentences are classified."""

    text: str
    who: str | None = None
    role: str = ""
    when: str = ""
    source: str = "conversation"

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(" ".join(self.text.split()).encode("utf-8")).hexdigest()


def check(draft: AccountDraft, where: str = "") -> AccountDraft:
    """The draft with its fields normalised, or a :class:`UsageError` saying what is wrong."""
    prefix = f"{where}: " if where else ""
    text = draft.text.strip()
    if not text:
        raise UsageError(f"{prefix}the account has no text")
    if len(text) > MAX_CHARS:
        raise UsageError(f"{prefix}an account can hold {MAX_CHARS:,} characters; this one has {len(text):,}")
    who = (draft.who or "").strip().lower() or None
    if who is not None and who not in WHO:
        raise UsageError(f"{prefix}who is current or former, not {draft.who!r}")
    source = (draft.source or "conversation").strip().lower()
    if source not in SOURCES:
        raise UsageError(f"{prefix}source is conversation or review, not {draft.source!r}")
    when = (draft.when or "").strip()
    if when and not _WHEN.match(when):
        raise UsageError(f"{prefix}when is a date like 2026-09 or 2026-09-14, not {draft.when!r}")
    return AccountDraft(text=text, who=who, role=(draft.role or "").strip()[:200], when=when, source=source)


def read_file(path: Path, defaults: AccountDraft) -> list[AccountDraft]:
    """The accounts in a .txt/.md (one), .csv or .json (many) file; ``defaults`` fill gaps."""
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".md", ".markdown", ".csv", ".json"):
        raise UsageError(f"{path.name}: accounts are read from .txt, .md, .csv or .json files")
    raw = _read(path)
    if suffix == ".csv":
        drafts = _from_csv(raw, path.name, defaults)
    elif suffix == ".json":
        drafts = _from_json(raw, path.name, defaults)
    else:
        text = _MARKDOWN.sub("", raw) if suffix != ".txt" else raw
        drafts = [check(replace(defaults, text=text), path.name)]
    if not drafts:
        raise UsageError(f"{path.name}: no accounts found")
    return drafts


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(f"{path.name}: larger than {MAX_FILE_BYTES // 1_000_000} MB")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"no file {path}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path.name}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _from_csv(raw: str, name: str, defaults: AccountDraft) -> list[AccountDraft]:
    try:
        reader = csv.DictReader(io.StringIO(raw))
        header = [h.strip().lower() for h in reader.fieldnames or ()]
        if "text" not in header:
            raise UsageError(f"{name}: the first row must name the columns, including text ({', '.join(FIELDS)})")
        unknown = [h for h in header if h not in FIELDS]
        if unknown:
            raise UsageError(f"{name}: unknown column {unknown[0]!r}; the columns are {', '.join(FIELDS)}")
        reader.fieldnames = header
        return [_draft(row, f"{name} row {n}", defaults) for n, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise UsageError(f"{name}: not valid CSV: {exc}") from None


def _from_json(raw: str, name: str, defaults: AccountDraft) -> list[AccountDraft]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise UsageError(f"{name}: expected a list of objects with {', '.join(FIELDS)}")
    drafts = []
    for n, item in enumerate(data, start=1):
        where = f"{name} item {n}"
        if not isinstance(item, dict):
            raise UsageError(f"{where}: expected an object with {', '.join(FIELDS)}")
        unknown = [k for k in item if k not in FIELDS]
        if unknown:
            raise UsageError(f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(FIELDS)}")
        drafts.append(_draft(item, where, defaults))
    return drafts


def _draft(row: dict[str, Any], where: str, defaults: AccountDraft) -> AccountDraft:
    def value(key: str, default: str | None) -> str | None:
        found = row.get(key)
        if found is None or (isinstance(found, str) and not found.strip()):
            return default
        if not isinstance(found, str):
            raise UsageError(f"{where}: {key} must be text, not {found!r}")
        return found

    draft = AccountDraft(
        text=value("text", "") or "",
        who=value("who", defaults.who),
        role=value("role", defaults.role) or "",
        when=value("when", defaults.when) or "",
        source=value("source", defaults.source) or "conversation",
    )
    return check(draft, where)


def describe(who: str | None, role: str, when: str, source: str) -> str:
    """ "former Senior engineer, review, 2026-07": how an account is named in reports."""
    person = " ".join(p for p in ((who or ""), role) if p) or "someone"
    extra = ", ".join(p for p in (source, when) if p)
    return f"{person} ({extra})" if extra else person
