"""Load the bank's YAML files into domain questions.

Validating 350 questions with pydantic takes a third of a second, so the validated bank is
cached as JSON in the data directory, keyed by a hash of the data files: any edit to a file
is validated again on the next load.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from askback.core.datafile import load_data, shown
from askback.core.models import ListenFor, Question
from askback.errors import BankError

DATA_DIR = Path(__file__).parent / "data"


def bank_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob("*.yaml"))


@lru_cache(maxsize=4)
def load_bank(data_dir: Path = DATA_DIR) -> tuple[Question, ...]:
    """Every question in the bank, validated; raises :class:`BankError` naming file and field."""
    cache = _cache_path(data_dir)
    # A missing or damaged cache is rebuilt below.
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        return tuple(_from_dict(d) for d in json.loads(cache.read_text(encoding="utf-8")))
    questions = _validate_all(data_dir)
    _write_cache(cache, questions)
    return questions


def _cache_path(data_dir: Path) -> Path:
    from askback import config

    digest = hashlib.sha256()
    for path in bank_files(data_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return config.home() / "cache" / f"bank-{digest.hexdigest()[:16]}.json"


def _write_cache(cache: Path, questions: tuple[Question, ...]) -> None:
    # A read-only data directory only costs speed.
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps([asdict(q) for q in questions], ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache)


def _from_dict(d: dict[str, object]) -> Question:
    lf = d["listen_for"]
    assert isinstance(lf, dict)
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in d.items() if k != "listen_for"}
    return Question(**fields, listen_for=ListenFor(tuple(lf["good"]), tuple(lf["red_flag"])))  # type: ignore[arg-type]


def _validate_all(data_dir: Path) -> tuple[Question, ...]:
    questions: list[Question] = []
    seen: dict[str, Path] = {}
    for path in bank_files(data_dir):
        for question in _load_file(path):
            if question.id in seen:
                raise BankError(f"{shown(path)}: question {question.id!r} is also in {shown(seen[question.id])}")
            seen[question.id] = path
            questions.append(question)
    if not questions:
        raise BankError(f"no questions found in {data_dir}")
    return tuple(questions)


def _load_file(path: Path) -> list[Question]:
    from askback.bank.schema import BankFile

    parsed = load_data(path, BankFile, BankError)
    return [
        Question(
            id=q.id,
            text=q.text,
            category=parsed.category,
            subtopic=q.subtopic,
            form=q.form,
            roles=tuple(q.roles),
            stages=tuple(q.stages),
            signals=tuple(q.signals),
            priorities=tuple(q.priorities),
            googleable=tuple(q.googleable),
            follow_ups=tuple(q.follow_ups),
            listen_for=ListenFor(tuple(q.listen_for.good), tuple(q.listen_for.red_flag)),
        )
        for q in parsed.questions
    ]


def by_id(data_dir: Path = DATA_DIR) -> dict[str, Question]:
    return {q.id: q for q in load_bank(data_dir)}
