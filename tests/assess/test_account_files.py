"""Reading accounts from text, Markdown, CSV and JSON, and refusing bad files whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from assess_helpers import FIXTURES

from askback.assess.accounts import AccountDraft, check, describe, read_file
from askback.errors import UsageError

DEFAULTS = AccountDraft(text="", who="current", role="Engineer", when="2026-09", source="conversation")


def test_csv_rows_are_accounts_and_options_fill_the_gaps() -> None:
    drafts = read_file(FIXTURES / "accounts.csv", DEFAULTS)
    assert [(d.who, d.role, d.when, d.source) for d in drafts] == [
        ("current", "Backend engineer", "2026-09", "conversation"),
        ("former", "Data engineer", "2026-06", "review"),
    ]


def test_json_is_a_list_of_objects() -> None:
    drafts = read_file(FIXTURES / "accounts.json", DEFAULTS)
    assert [(d.who, d.role, d.when) for d in drafts] == [
        ("current", "SRE", "2026-10"),
        ("former", "Designer", "2026-09"),
    ]


def test_markdown_is_one_account_without_its_markup() -> None:
    [draft] = read_file(FIXTURES / "one-person.md", DEFAULTS)
    assert "#" not in draft.text and "**" not in draft.text
    assert draft.text.startswith("Chat with a former tester")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad-who.csv", "bad-who.csv row 3: who is current or former, not 'formr'"),
        ("bad-column.csv", "bad-column.csv: unknown column 'person'; the columns are text, who, role, when, source"),
        ("bad.json", "bad.json: not valid JSON (line 2"),
        ("missing.csv", "no file"),
        ("notes.xlsx", "accounts are read from .txt, .md, .csv or .json files"),
    ],
)
def test_bad_files_name_the_problem(name: str, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(".", r"\.")):
        read_file(FIXTURES / name, DEFAULTS)


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (AccountDraft(text="  "), "the account has no text"),
        (AccountDraft(text="ok", source="blog"), "source is conversation or review"),
        (AccountDraft(text="ok", when="last year"), "when is a date like 2026-09"),
    ],
)
def test_fields_are_checked(draft: AccountDraft, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check(draft)


def test_the_same_text_has_the_same_hash_whatever_its_spacing() -> None:
    assert AccountDraft("Pay is  fair.\n").text_hash == AccountDraft("Pay is fair.").text_hash


def test_accounts_are_named_by_who_said_it(tmp_path: Path) -> None:
    assert describe("former", "SRE", "2026-07", "review") == "former SRE (review, 2026-07)"
    assert describe(None, "", "", "") == "someone"
