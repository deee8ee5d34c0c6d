"""Markdown to blocks: every paragraph, list item and table row under its heading path."""

from __future__ import annotations

import pytest

from askback.research.documents import Block
from askback.research.markdown import markdown_blocks, split_front_matter

HANDBOOK_PAGE = """\
# Time off

Everyone gets **25 days** of paid vacation, see [the policy](policy.md).

## Parental leave

- Parents get 16 weeks of paid leave.
- The leave can be split into two blocks.

### Returning

Returning parents work 80% of their hours for full pay.

## Sick leave

Sick days are paid from the first day.

# Learning

A learning budget of $2,000 a year.
"""


def test_each_block_carries_its_heading_path() -> None:
    assert markdown_blocks(HANDBOOK_PAGE) == [
        Block(("Time off",), "Everyone gets 25 days of paid vacation, see the policy."),
        Block(("Time off", "Parental leave"), "Parents get 16 weeks of paid leave."),
        Block(("Time off", "Parental leave"), "The leave can be split into two blocks."),
        Block(("Time off", "Parental leave", "Returning"), "Returning parents work 80% of their hours for full pay."),
        Block(("Time off", "Sick leave"), "Sick days are paid from the first day."),
        Block(("Learning",), "A learning budget of $2,000 a year."),
    ]


def test_a_root_heading_goes_first() -> None:
    assert markdown_blocks("## Vacation\n\n25 days a year.\n", ("Handbook",)) == [
        Block(("Handbook", "Vacation"), "25 days a year.")
    ]


TABLE = """\
## At a glance

| Benefit | What you get | Notes |
|---|---|---|
| Vacation | 25 days a year | Plus public holidays. |
| Sabbatical | 4 weeks paid |  |
| Gym | | |
"""


def test_table_rows_read_as_label_colon_cells() -> None:
    rows = [b for b in markdown_blocks(TABLE) if not b.text.startswith("Benefit")]
    assert rows == [
        Block(("At a glance",), "Vacation: 25 days a year. Plus public holidays."),
        Block(("At a glance",), "Sabbatical: 4 weeks paid."),
        Block(("At a glance",), "Gym"),
    ]


def test_the_header_row_of_a_table_states_nothing() -> None:
    assert [b.text for b in markdown_blocks(TABLE)] == [
        "Vacation: 25 days a year. Plus public holidays.",
        "Sabbatical: 4 weeks paid.",
        "Gym",
    ]


def test_code_is_skipped_and_inline_code_kept() -> None:
    text = """\
# Setup

Run `make test` before you push.

```python
budget = "$9,999 a year for everything"
```

    indented code is skipped too

After the code.
"""
    assert [b.text for b in markdown_blocks(text)] == ["Run make test before you push.", "After the code."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{% include nav.html %}\n\nWe ship daily.", ["We ship daily."]),
        ("Welcome to the {{ site.company }} handbook.", ["Welcome to the handbook."]),
        ('{% include callout.html type="tip" %}\nWe ship daily.', ["We ship daily."]),
        ("{% if remote %}We work remotely.{% endif %}", ["We work remotely."]),
        ("{%\n  include multi-line.html\n%}\n\nWe ship daily.", ["We ship daily."]),
        ("{% raw %}", []),
    ],
)
def test_liquid_tags_are_removed(text: str, expected: list[str]) -> None:
    assert [b.text for b in markdown_blocks(text)] == expected


def test_images_and_html_disappear_and_links_keep_their_text() -> None:
    text = "See ![a robot](robot.png) our <b>team</b> [page](team.md) and https://example.com today."
    assert [b.text for b in markdown_blocks(text)] == ["See our team page and https://example.com today."]


def test_a_bracket_before_an_escaped_fence_is_just_text() -> None:
    """This input made the Rust port of markdown-it panic (a property test found it)."""
    assert [b.text for b in markdown_blocks("[\\```\nb")] == ["[``` b"]


def test_the_words_inside_an_html_block_count_but_its_code_does_not() -> None:
    text = (
        '<div class="alert">\n  <p>Our office is at <a href="/map">12 Quay Street</a>, floor 3.</p>\n'
        "  <p>Visitors sign in at reception.</p>\n</div>\n\n"
        "<script>var note = 'not a fact';</script>\n\n<!-- a hidden comment -->\n\n"
        "<pre>\nmake deploy ENV=production\n</pre>\n\n"
        "<style>p { color: red }</style>\n"
    )
    assert [b.text for b in markdown_blocks(text)] == [
        "Our office is at 12 Quay Street, floor 3.",
        "Visitors sign in at reception.",
    ]


def test_mdx_components_keep_their_text_and_module_lines_are_dropped() -> None:
    text = (
        "import { Callout } from '../components/Callout'\nimport '../styles.css'\n"
        "export const meta = { owner: 'people team' }\n\n# Leave\n\n"
        '<Callout type="info">\n    Everyone gets **25 days** of paid leave.\n</Callout>\n\n'
        '<Tabs>\n  <Tab title="UK">Pension match up to 5%.</Tab>\n</Tabs>\n\n'
        "Export your data from the settings page.\n"
    )
    blocks = markdown_blocks(text)
    assert [(b.headings, b.text) for b in blocks] == [
        (("Leave",), "Everyone gets 25 days of paid leave."),
        (("Leave",), "Pension match up to 5%."),
        (("Leave",), "Export your data from the settings page."),
    ]


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ('---\ntitle: "Time off"\nlayout: page\n---\n# Hi\n', "Time off", "# Hi\n"),
        ("---\nlayout: page\ntitle: 'Benefits'\n---\nText", "Benefits", "Text"),
        ("---\ntitle: Plain title\n---\n", "Plain title", ""),
        ("---\nlayout: page\n---\nText", "", "Text"),
        ("# No front matter\n", "", "# No front matter\n"),
        ("Text\n---\ntitle: not front matter\n---\n", "", "Text\n---\ntitle: not front matter\n---\n"),
    ],
)
def test_front_matter_gives_the_title_and_is_not_content(text: str, title: str, body: str) -> None:
    assert split_front_matter(text) == (title, body)
