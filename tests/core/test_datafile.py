"""One loader for every data file: YAML or JSONL, validated by a pydantic model, with a
mistake named by file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field, RootModel

from askback.bank.loader import DATA_DIR
from askback.bank.schema import BankFile
from askback.core.datafile import load_data, shown
from askback.errors import BankError, DataError


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    topics: list[str]


Rows = RootModel[list[Row]]


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keywords: list[str] = Field(min_length=1)


class Topics(BaseModel):
    topics: dict[str, Topic]


def test_a_shipped_file_is_named_from_the_checkout() -> None:
    assert shown(DATA_DIR / "people.yaml") == "askback/bank/data/people.yaml"


def test_a_bad_bank_question_is_named_by_file_id_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "people.yaml"
    original = (DATA_DIR / "people.yaml").read_text(encoding="utf-8")
    first_roles = original.index("roles:")
    line_end = original.index("\n", first_roles)
    bad.write_text(original[:first_roles] + 'roles: ["ceo"]' + original[line_end:], encoding="utf-8")
    first_id = load_data(DATA_DIR / "people.yaml", BankFile).questions[0].id
    with pytest.raises(BankError) as raised:
        load_data(bad, BankFile, BankError)
    assert str(raised.value).startswith(f"{bad}: question {first_id!r}: field 'roles': unknown role 'ceo'; known: ")


def test_a_jsonl_row_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "ok", "topics": []}\n\n{"text": "", "topics": []}\n', encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_data(path, Rows)
    assert str(raised.value) == f"{path}: line 3: field 'text': String should have at least 1 character"


def test_rows_load_in_order(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "a", "topics": ["leave"]}\n{"text": "b", "topics": []}\n', encoding="utf-8")
    assert [r.text for r in load_data(path, Rows).root] == ["a", "b"]


def test_an_entry_keyed_by_its_id_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  leave:\n    keywords: []\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_data(path, Topics)
    assert (
        str(raised.value)
        == f"{path}: topic 'leave': field 'keywords': List should have at least 1 item after validation, not 0"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.yaml", "topics: [unclosed\n", "not valid YAML"),
        ("broken.jsonl", '{"text": "a", "topics": []}\n{"text": \n', "line 2: not valid JSON"),
        ("latin1.yaml", b"topics: {caf\xe9: {}}\n", "not UTF-8 text"),
    ],
)
def test_unreadable_files_are_one_line_naming_the_file(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_data(path, Rows if name.endswith(".jsonl") else Topics)
    assert str(raised.value).startswith(f"{path}: {message}")
    assert "\n" not in str(raised.value)
