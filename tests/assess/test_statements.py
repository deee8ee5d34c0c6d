"""Splitting notes and accounts into statements."""

from __future__ import annotations

import pytest

from askback.assess.text import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great team. Pay is fair.", ["Great team.", "Pay is fair."]),
        ("- on-call is paid\n- reviews are fast and kind", ["On-call is paid", "Reviews are fast and kind"]),
        (
            "Pros: salary bands are published, decisions are written down, postmortems are blameless.",
            ["Salary bands are published.", "Decisions are written down.", "Postmortems are blameless."],
        ),
        ("Cons: long hours, bad coffee", ["Long hours, bad coffee"]),
        ("Title: Kind and calm, but you stop learning.", ["Kind and calm, but you stop learning."]),
        ("ok\n\nyes", []),
        ("Joyless.", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
