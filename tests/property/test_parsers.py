"""Every parser on any input: no exception, and output of the documented shape.

Research reads pages askback does not control; the linter reads whatever the candidate types.
Neither may crash on what it is given.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import ANY_TEXT, CHARSETS, FAST, HTML, MARKDOWN, SLOW, broken_pdf, encoded

from askback.core import taxonomy
from askback.nlp.form import question_form
from askback.plan import checks
from askback.research.documents import Block, Document, RawPage
from askback.research.extract import UNREADABLE_PDF, extract
from askback.research.markdown import markdown_blocks
from askback.research.quantities import quantities
from askback.research.segment import sentences

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def page(content_type: str, body: bytes, charset: str | None = None) -> RawPage:
    return RawPage("property", "page", content_type, body, charset, NOW)


def assert_document(document: Document) -> None:
    assert isinstance(document.title, str)
    for block in document.blocks:
        assert isinstance(block.text, str) and all(isinstance(h, str) for h in block.headings)
    assert all(isinstance(n, str) for n in document.notes)


@FAST
@given(text=MARKDOWN, root=st.lists(st.text(max_size=20), max_size=2).map(tuple))
def test_markdown_blocks_of_any_text(text: str, root: tuple[str, ...]) -> None:
    blocks = markdown_blocks(text, root)
    for block in blocks:
        assert isinstance(block, Block) and isinstance(block.text, str)
        assert block.headings[: len(root)] == root


@FAST
@given(body=encoded(MARKDOWN), charset=CHARSETS)
def test_extract_markdown_from_any_bytes(body: bytes, charset: str | None) -> None:
    assert_document(extract(page("text/markdown", body, charset)))


@FAST
@given(body=encoded(ANY_TEXT), charset=CHARSETS)
def test_extract_plain_text_from_any_bytes(body: bytes, charset: str | None) -> None:
    assert_document(extract(page("text/plain", body, charset)))


@SLOW
@given(body=encoded(HTML), charset=CHARSETS)
def test_extract_html_from_any_bytes(body: bytes, charset: str | None) -> None:
    assert_document(extract(page("text/html", body, charset)))


@SLOW
@given(body=st.one_of(broken_pdf(), st.binary(max_size=3000)))
def test_extract_pdf_from_broken_or_random_bytes(body: bytes) -> None:
    document = extract(page("application/pdf", body))
    assert_document(document)
    if not document.blocks:
        assert document.notes in ((), (UNREADABLE_PDF,))


@FAST
@given(text=ANY_TEXT)
def test_quantities_of_any_text(text: str) -> None:
    found = quantities(text)
    for quantity in found:
        as_dict: dict[str, Any] = quantity.as_dict()
        json.dumps(as_dict)  # stored in a JSON column
        assert as_dict["text"] in text


@FAST
@given(blocks=st.lists(st.builds(Block, st.lists(st.text(max_size=15), max_size=3).map(tuple), ANY_TEXT), max_size=8))
def test_sentences_of_any_blocks(blocks: list[Block]) -> None:
    found = sentences(blocks)
    assert [s.position for s in found] == sorted({s.position for s in found})
    assert all(isinstance(s.text, str) and s.text.strip() for s in found)


@FAST
@given(text=ANY_TEXT)
def test_question_form_of_any_text(text: str) -> None:
    assert question_form(text) in ("open", "closed")


TEXT_CHECKS = [
    checks.empty,
    checks.not_a_question,
    checks.not_english,
    checks.too_long,
    checks.double_barrelled,
    checks.leading,
    checks.private_life,
    checks.obvious_by_pattern,
]


@FAST
@given(text=ANY_TEXT)
def test_every_text_check_on_any_text(text: str) -> None:
    for check in TEXT_CHECKS:
        problem = check(text)
        assert problem is None or (problem.code and problem.message)
    problem = checks.closed(question_form(text))
    assert problem is None or problem.code == "closed"


NAMES = st.one_of(st.none(), st.text(max_size=20), st.sampled_from([*taxonomy.ROLE_IDS, *taxonomy.STAGE_IDS]))


@FAST
@given(
    subtopic=st.one_of(st.none(), st.text(max_size=20), st.sampled_from(taxonomy.subtopic_ids("essentials"))),
    interviewer=NAMES,
    stage=NAMES,
    roles=st.lists(st.text(max_size=12), max_size=3).map(tuple),
)
def test_audience_and_moment_on_any_names(
    subtopic: str | None, interviewer: str | None, stage: str | None, roles: tuple[str, ...]
) -> None:
    for problem in (checks.audience(subtopic, interviewer, roles), checks.moment(subtopic, stage)):
        assert problem is None or (problem.code in ("wrong-audience", "wrong-moment") and problem.message)
