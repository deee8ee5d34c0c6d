"""Technologies and practices named in a posting, on word boundaries, with their aliases."""

from __future__ import annotations

import pytest

from askback.research.posting_stack import practices, technologies


def names(text: str) -> list[str]:
    return [m.name for m in technologies(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We run Postgres on k8s.", ["PostgreSQL", "Kubernetes"]),
        ("Our front end is JS and React Native.", ["JavaScript", "React Native"]),
        ("Java services, a JavaScript front end.", ["Java", "JavaScript"]),
        ("Built with Node.js, C++ and C# on .NET.", ["Node.js", "C++", "C#", ".NET"]),
        ("Experience with Python or R is welcome.", ["Python", "R"]),
        ("Our services are written in Go and Rust.", ["Go", "Rust"]),
        ("Go and PostgreSQL on Google Cloud", ["Go", "PostgreSQL", "Google Cloud"]),  # a list, not a verb
        ("Tables in Delta Lake, jobs in Dagster, styles in Bootstrap.", ["Delta Lake", "Dagster", "Bootstrap"]),
    ],
)
def test_technologies_by_any_spelling(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Go further with a team that cares.",  # "Go" as the first word is a verb
        "We closed our Series C round.",  # one letter outside a list
        "Google Workspace for mail.",  # "Go" inside a word
        "The rust on the old bridge.",  # a word, not the language
    ],
)
def test_ordinary_words_are_not_technologies(text: str) -> None:
    assert "Go" not in names(text)
    assert "C" not in names(text)
    assert "Rust" not in names(text)


def test_each_technology_once_in_order() -> None:
    assert names("PostgreSQL here, Postgres there, and Redis.") == ["PostgreSQL", "Redis"]


def test_practices_are_kept_apart_from_the_stack() -> None:
    text = "You join the on-call rotation and we do code reviews."
    assert [m.name for m in practices(text)] == ["on-call", "code review"]
    assert names(text) == []


def test_newer_names_that_are_words_match_only_as_written() -> None:
    assert names("We bootstrap new services with a template and prefect our astro charts.") == []
    assert names("We excel at service; our storybook starts in a graph node.") == []
    assert names("Reports in Excel, components in Storybook, services in Node.") == ["Excel", "Storybook", "Node.js"]
