"""What a user names as a source: folders, files, pasted text; and what is refused, with why."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from research.shared import HANDBOOK

from askback.errors import UsageError
from askback.research.documents import RawPage
from askback.research.sources import Skip, read_source


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def refs(source: Path | str) -> list[str]:
    return [item.ref for item in read_source(str(source)) if isinstance(item, RawPage)]


def test_a_folder_is_read_recursively_with_paths_relative_to_it() -> None:
    items = list(read_source(str(HANDBOOK)))
    assert [(i.ref, i.content_type) for i in items if isinstance(i, RawPage)] == [
        ("about.html", "text/html"),
        ("engineering.md", "text/markdown"),
        ("index.md", "text/markdown"),
        ("learning.md", "text/markdown"),
        ("policies/leave.md", "text/markdown"),
        ("remote.txt", "text/plain"),
    ]
    assert {i.source for i in items if isinstance(i, RawPage)} == {str(HANDBOOK)}
    leave = next(i for i in items if isinstance(i, RawPage) and i.ref == "policies/leave.md")
    assert leave.body == (HANDBOOK / "policies" / "leave.md").read_bytes()
    assert leave.charset is None and leave.fetched_at.utcoffset() is not None


def test_the_walk_skips_hidden_folders_dependencies_machine_files_and_unknown_formats(tmp_path: Path) -> None:
    root = write(
        tmp_path / "site",
        {
            "index.html": "<p>Home</p>",
            "docs/guide.markdown": "# Guide",
            "docs/notes.TXT": "Notes",
            "docs/spec.mdx": "# Spec",
            "docs/old.htm": "<p>Old</p>",
            "docs/paper.pdf": "%PDF-1.4",
            ".git/HEAD.md": "# not content",
            ".hidden.md": "# not content",
            "node_modules/pkg/README.md": "# a dependency",
            "vendor/lib/README.md": "# a dependency",
            "_site/index.html": "<p>a build output</p>",
            "robots.txt": "User-agent: *",
            "humans.txt": "Made by people",
            "logo.svg": "<svg/>",
            "data.csv": "a,b",
            "Makefile": "all:",
        },
    )
    assert refs(root) == [
        "docs/guide.markdown",
        "docs/notes.TXT",
        "docs/old.htm",
        "docs/paper.pdf",
        "docs/spec.mdx",
        "index.html",
    ]


def test_progress_names_each_file_as_it_is_read(tmp_path: Path) -> None:
    root = write(tmp_path / "h", {"a.md": "# A", "b/c.txt": "C"})
    seen: list[str] = []
    list(read_source(str(root), on_item=seen.append))
    assert seen == ["a.md", "b/c.txt"]


def test_a_single_file_is_named_by_its_file_name(tmp_path: Path) -> None:
    file = write(tmp_path, {"leave.md": "# Leave"}) / "leave.md"
    (item,) = read_source(str(file))
    assert isinstance(item, RawPage)
    assert (item.source, item.ref, item.content_type, item.body) == (str(file), "leave.md", "text/markdown", b"# Leave")


def test_a_single_file_of_an_unknown_format_is_skipped_with_a_reason(tmp_path: Path) -> None:
    file = write(tmp_path, {"data.csv": "a,b"}) / "data.csv"
    assert list(read_source(str(file))) == [
        Skip("data.csv", ".csv: not a format askback reads (HTML, Markdown, text, PDF)")
    ]
    bare = write(tmp_path, {"README": "hello"}) / "README"
    assert list(read_source(str(bare))) == [
        Skip("README", "no extension: not a format askback reads (HTML, Markdown, text, PDF)")
    ]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
BINARY = "binary content, not text: askback reads HTML, Markdown, text and PDF"


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("photo.md", PNG, BINARY),
        ("notes.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 40 + b"text after", BINARY),
        ("page.html", bytes(range(1, 32)) * 20, BINARY),
        ("report.pdf", b"<html>saved as a PDF by mistake</html>", "not a PDF, whatever its name says"),
        ("empty.md", b"", "empty: there is nothing to read in it"),
        ("blank.txt", b" \n\t\n", "empty: there is nothing to read in it"),
    ],
)
def test_files_are_judged_by_their_content_not_their_name(tmp_path: Path, name: str, body: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(body)
    assert list(read_source(str(tmp_path / name))) == [Skip(name, reason)]


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("utf16.txt", "Parental leave is 16 weeks.".encode("utf-16")),
        ("tabs.md", b"| a\t| b |\r\n\x0cpage two\n"),
        ("latin1.txt", "Das Büro ist groß.".encode("latin-1")),
    ],
)
def test_text_in_any_encoding_is_read(tmp_path: Path, name: str, body: bytes) -> None:
    (tmp_path / name).write_bytes(body)
    (item,) = read_source(str(tmp_path / name))
    assert isinstance(item, RawPage) and item.body == body


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no-such-folder: no such file or folder$"):
        list(read_source(str(tmp_path / "no-such-folder")))


@pytest.mark.parametrize(
    "source",
    [
        "file:///etc/passwd",
        "file:handbook.md",
        "ftp://example.com/handbook",
        "data:text/plain,hi",
        "javascript:alert(1)",
    ],
)
def test_other_url_schemes_are_usage_errors(source: str) -> None:
    with pytest.raises(UsageError, match="only http\\(s\\) URLs, files, folders and - are research sources"):
        list(read_source(source))


def test_dash_reads_pasted_text_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    pasted = "# Pasted\n\nEveryone gets 25 days of paid vacation.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pasted.encode())))
    (item,) = read_source("-")
    assert isinstance(item, RawPage)
    assert (item.source, item.ref, item.content_type, item.body) == (
        "-",
        "pasted text",
        "text/markdown",
        pasted.encode(),
    )
